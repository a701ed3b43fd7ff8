import { z } from 'zod';
import type { OktaOrgApi } from './org-api';

/**
 * How to tell, by reading Okta, whether a write landed. Kept as data in the audit log's intent
 * line, so a later run can answer the question for a write whose answer it never got. Holds
 * what the write sets, never a secret (the provisioning token is left out of its probe).
 */
export const WriteProbeSchema = z.discriminatedUnion('kind', [
  /** Okta keeps custom app labels unique, so an app with the label is the one the create made. */
  z.object({ kind: z.literal('app-label'), label: z.string(), name: z.string().optional() }),
  z.object({ kind: z.literal('app-status'), appId: z.string(), status: z.enum(['ACTIVE', 'INACTIVE']) }),
  z.object({ kind: z.literal('app-fields'), appId: z.string(), fields: z.record(z.string(), z.unknown()) }),
  z.object({
    kind: z.literal('app-user'),
    appId: z.string(),
    userId: z.string(),
    present: z.boolean(),
    profile: z.record(z.string(), z.unknown()).optional(),
  }),
  z.object({
    kind: z.literal('app-group'),
    appId: z.string(),
    groupId: z.string(),
    present: z.boolean(),
    profile: z.record(z.string(), z.unknown()).optional(),
  }),
  z.object({ kind: z.literal('app-schema'), appId: z.string(), custom: z.record(z.string(), z.unknown()) }),
  z.object({
    kind: z.literal('connection'),
    appId: z.string(),
    baseUrl: z.string().optional(),
    status: z.literal('ENABLED').optional(),
  }),
  z.object({ kind: z.literal('feature'), appId: z.string(), capabilities: z.record(z.string(), z.unknown()) }),
  z.object({ kind: z.literal('group-name'), name: z.string() }),
  z.object({ kind: z.literal('group-member'), groupId: z.string(), userId: z.string(), present: z.boolean() }),
  z.object({ kind: z.literal('user-login'), login: z.string() }),
  /** A generated key credential: a key the app did not have before the write. */
  z.object({ kind: z.literal('app-key-new'), appId: z.string(), knownKids: z.array(z.string()) }),
  /** A CSR the app did not have before the write. */
  z.object({ kind: z.literal('app-csr-new'), appId: z.string(), knownCsrIds: z.array(z.string()) }),
  z.object({ kind: z.literal('app-csr-gone'), appId: z.string(), csrId: z.string() }),
]);
export type WriteProbe = z.infer<typeof WriteProbeSchema>;

export interface ProbeResult {
  landed: boolean;
  /** What Okta holds now, for the write's caller when its own answer was lost. */
  value?: unknown;
}

/**
 * True when every field of `expected` is in `actual` with the same value: Okta adds defaults and
 * read-only fields to what it stores, so a landed write shows as a superset of what was sent.
 * `null` in `expected` means "absent" (Okta's partial-update rule for schema properties).
 */
export function contains(actual: unknown, expected: unknown): boolean {
  if (expected === null) return actual === null || actual === undefined;
  if (Array.isArray(expected)) {
    return (
      Array.isArray(actual) && actual.length === expected.length && expected.every((e, i) => contains(actual[i], e))
    );
  }
  if (typeof expected === 'object') {
    if (typeof actual !== 'object' || actual === null || Array.isArray(actual)) return false;
    const record = actual as Record<string, unknown>;
    return Object.entries(expected as Record<string, unknown>).every(([key, value]) => contains(record[key], value));
  }
  return actual === expected;
}

/** Reads Okta to answer the probe. Throws (AppError) when Okta cannot be read either. */
export async function runProbe(okta: OktaOrgApi, probe: WriteProbe): Promise<ProbeResult> {
  switch (probe.kind) {
    case 'app-label': {
      const apps = await okta.listApps({ q: probe.label });
      const app = apps.find(
        (a) =>
          a.label.toLowerCase() === probe.label.toLowerCase() &&
          a.status !== 'DELETED' &&
          (probe.name === undefined || a.name === probe.name),
      );
      return app === undefined ? { landed: false } : { landed: true, value: app };
    }
    case 'app-status': {
      const app = await okta.getApp(probe.appId);
      return { landed: app?.status === probe.status };
    }
    case 'app-fields': {
      const app = await okta.getApp(probe.appId);
      return app !== undefined && contains(app, probe.fields) ? { landed: true, value: app } : { landed: false };
    }
    case 'app-user': {
      const user = await okta.getAppUser(probe.appId, probe.userId);
      if (!probe.present) return { landed: user === undefined || user.scope === 'GROUP' };
      const landed = user !== undefined && (probe.profile === undefined || contains(user.profile, probe.profile));
      return landed ? { landed, value: user } : { landed };
    }
    case 'app-group': {
      const group = await okta.getAppGroup(probe.appId, probe.groupId);
      if (!probe.present) return { landed: group === undefined };
      const landed = group !== undefined && (probe.profile === undefined || contains(group.profile, probe.profile));
      return landed ? { landed, value: group } : { landed };
    }
    case 'app-schema': {
      const schema = await okta.getAppUserSchema(probe.appId);
      return contains(schema.custom, probe.custom) ? { landed: true, value: schema } : { landed: false };
    }
    case 'connection': {
      const connection = await okta.getProvisioningConnection(probe.appId);
      const landed =
        connection.authScheme === 'TOKEN' &&
        (probe.baseUrl === undefined || connection.baseUrl === probe.baseUrl) &&
        (probe.status === undefined || connection.status === probe.status);
      return landed ? { landed, value: connection } : { landed };
    }
    case 'group-name': {
      const groups = await okta.listGroups({ q: probe.name }).all();
      const group = groups.find((g) => g.name.toLowerCase() === probe.name.toLowerCase());
      return group === undefined ? { landed: false } : { landed: true, value: group };
    }
    case 'group-member': {
      const members = await okta.listGroupMembers(probe.groupId).all();
      return { landed: members.some((m) => m.id === probe.userId) === probe.present };
    }
    case 'user-login': {
      const user = await okta.getUser(probe.login);
      return user === undefined ? { landed: false } : { landed: true, value: user };
    }
    case 'app-key-new': {
      const key = (await okta.listAppKeys(probe.appId)).find((k) => !probe.knownKids.includes(k.kid));
      return key === undefined ? { landed: false } : { landed: true, value: key };
    }
    case 'app-csr-new': {
      const csr = (await okta.listAppCsrs(probe.appId)).find((c) => !probe.knownCsrIds.includes(c.id));
      return csr === undefined ? { landed: false } : { landed: true, value: csr };
    }
    case 'app-csr-gone':
      return { landed: !(await okta.listAppCsrs(probe.appId)).some((c) => c.id === probe.csrId) };
    case 'feature': {
      const feature = (await okta.listFeatures(probe.appId)).find((f) => f.name === 'USER_PROVISIONING');
      return feature !== undefined && contains(feature.capabilities, probe.capabilities)
        ? { landed: true, value: feature }
        : { landed: false };
    }
  }
}
