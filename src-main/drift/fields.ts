import type { z } from 'zod';
import type { DriftField } from '../api/drift';
import type { StepId } from '../api/model';
import { AppObservedSchema } from '../api/step-app';
import { AssignObservedSchema } from '../api/step-assign';
import { BookmarkObservedSchema } from '../api/step-bookmark';
import { MetadataObservedSchema } from '../api/step-metadata';
import { ProvisioningObservedSchema } from '../api/step-provisioning';
import { RoleObservedSchema } from '../api/step-role';
import { SlugObservedSchema } from '../api/step-slug';

/**
 * The fields of a step's observation that say what Okta has, picked so that two reads of an
 * unchanged org give the same fields: no timestamps, counts that move with every new hire, or
 * anything the wizard computes from its own input. Steps not listed here are audited by their
 * checks and by what the wizard would change (runner's plan) only.
 */
const value = (key: string, label: string, v: string | undefined | null): DriftField => ({
  key,
  label,
  kind: 'value',
  value: v === undefined || v === '' ? null : v,
});
const set = (key: string, label: string, values: readonly string[]): DriftField => ({
  key,
  label,
  kind: 'set',
  value: [...new Set(values)].sort(),
});
const onOff = (key: string, label: string, on: boolean): DriftField => ({
  key,
  label,
  kind: 'switch',
  value: on ? 'on' : 'off',
});

function appFields(o: z.infer<typeof AppObservedSchema>): DriftField[] {
  if (!o.app) return [value('app', 'The app in Okta', null)];
  return [
    value('app-status', 'App status', o.app.status),
    ...o.settings.map((row) => value(row.key, row.label, row.actual)),
    set('extra-attributes', 'Attribute statements the vendor did not ask for', o.app.extraAttributes),
  ];
}

function metadataFields(o: z.infer<typeof MetadataObservedSchema>): DriftField[] {
  const cert = o.report.certificates[0];
  return [
    {
      key: 'signing-certificate',
      label: 'Signing certificate',
      kind: 'certificate',
      value: o.activeKey?.kid ?? cert?.sha256Fingerprint ?? null,
      ...(o.activeKey?.expiresAt ? { expiresAt: o.activeKey.expiresAt } : cert ? { expiresAt: cert.notAfter } : {}),
    },
    value('idp-issuer', 'IdP issuer (entity ID)', o.report.entityId),
    set(
      'sso-urls',
      'SSO URLs',
      o.report.ssoServices.map((s) => s.location),
    ),
    onOff('metadata-public', 'Public metadata URL answers', o.publicMetadata.ok),
  ];
}

function roleFields(o: z.infer<typeof RoleObservedSchema>): DriftField[] {
  const a = o.attribute;
  if (!a) return [value('role-attribute', 'Role attribute', null)];
  const values = a.oneOf ? a.oneOf.map((v) => v.const) : (a.enum ?? []);
  return [
    value('role-attribute', 'Role attribute', a.externalName ?? 'role'),
    set('role-values', 'Role values', values),
    onOff('role-required', 'Role required', a.required === true),
    set(
      'group-roles',
      'Groups and their roles',
      o.groups.map((g) => `${g.groupName}: ${g.role ?? '(no role)'}`),
    ),
  ];
}

/** Okta's feature names for the Provisioning tab's "To App" switches, as the console labels them. */
const TO_APP_SWITCHES = [
  { key: 'create', feature: 'PUSH_NEW_USERS', label: 'provisioning: Create Users' },
  { key: 'update', feature: 'PUSH_PROFILE_UPDATES', label: 'provisioning: Update User Attributes' },
  { key: 'deactivate', feature: 'PUSH_USER_DEACTIVATION', label: 'provisioning: Deactivate Users' },
] as const;

function provisioningFields(o: z.infer<typeof ProvisioningObservedSchema>): DriftField[] {
  const fields: DriftField[] = [];
  if (o.path === 'console') {
    fields.push(onOff('scim', 'provisioning: SCIM connection', o.appFeatures.includes('SCIM_PROVISIONING')));
    for (const s of TO_APP_SWITCHES) fields.push(onOff(s.key, s.label, o.appFeatures.includes(s.feature)));
  } else {
    fields.push(value('connection', 'provisioning: connection', o.connection?.status));
    const up = o.userProvisioning;
    const api = { create: up?.create, update: up?.updateProfile, deactivate: up?.deactivate };
    for (const s of TO_APP_SWITCHES) fields.push(onOff(s.key, s.label, api[s.key] === 'ENABLED'));
  }
  return fields;
}

function assignFields(o: z.infer<typeof AssignObservedSchema>): DriftField[] {
  const has = o.appHas;
  if (!has) return [];
  return [
    set(
      'groups',
      'Groups assigned',
      has.groups.map((g) => (g.role ? `${g.name} (role ${g.role})` : g.name)),
    ),
    // Without the logins (an observation from before they were kept), people are compared by count.
    has.logins
      ? set('people', 'People assigned', has.logins)
      : value('people-count', 'People assigned', `${has.people}`),
  ];
}

function slugFields(o: z.infer<typeof SlugObservedSchema>): DriftField[] {
  return [value('slug', 'Slug Name', o.app?.slugName)];
}

function bookmarkFields(o: z.infer<typeof BookmarkObservedSchema>): DriftField[] {
  if (!o.app) return [value('bookmark', 'Bookmark app', null)];
  const names = new Map(o.mainGroups.map((g) => [g.groupId, g.groupName]));
  return [
    value('bookmark-url', 'Bookmark URL', o.app.url),
    value('bookmark-status', 'Bookmark status', o.app.status),
    set(
      'bookmark-groups',
      'Groups the bookmark is assigned to',
      o.bookmarkGroupIds.map((id) => names.get(id) ?? id),
    ),
  ];
}

// The role values are the role step's; the provisioning step's copy of them is not compared twice.
const EXTRACTORS: Partial<Record<StepId, (observed: unknown) => DriftField[] | undefined>> = {
  app: (o) => parsed(AppObservedSchema, o, appFields),
  metadata: (o) => parsed(MetadataObservedSchema, o, metadataFields),
  role: (o) => parsed(RoleObservedSchema, o, roleFields),
  provisioning: (o) => parsed(ProvisioningObservedSchema, o, provisioningFields),
  assign: (o) => parsed(AssignObservedSchema, o, assignFields),
  slug: (o) => parsed(SlugObservedSchema, o, slugFields),
  bookmark: (o) => parsed(BookmarkObservedSchema, o, bookmarkFields),
};

function parsed<S extends z.ZodType>(
  schema: S,
  observed: unknown,
  pick: (o: z.output<S>) => DriftField[],
): DriftField[] | undefined {
  const result = schema.safeParse(observed);
  return result.success ? pick(result.data) : undefined;
}

/** The step's fields from its recorded observation; empty for a step without field extraction. */
export function driftFields(stepId: StepId, observed: unknown): DriftField[] {
  return EXTRACTORS[stepId]?.(observed) ?? [];
}
