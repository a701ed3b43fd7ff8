import type { AppObserved } from '../api/step-app';
import type { AssignObserved } from '../api/step-assign';
import type { BookmarkObserved } from '../api/step-bookmark';
import type { DomainsObserved } from '../api/step-domains';
import type { MetadataObserved } from '../api/step-metadata';
import type { MigrateObserved } from '../api/step-migrate';
import type { ProvisioningObserved } from '../api/step-provisioning';
import type { RegisterObserved } from '../api/step-register';
import type { RoleObserved } from '../api/step-role';
import type { AppGroupAssignment, AppUser, OktaApp, SamlAttributeStatement } from '../okta/org-api';
import { TO_APP_FEATURES } from '../steps/provisioning-plan';
import { ATTRIBUTE_FORMATS } from '../steps/app-settings';
import type { AuditWrite } from '../workspace/audit-log';
import type { ConfigReport, ReportApp, SsoSettings } from './model';

/**
 * Pure mappings from what the steps observed (and what Okta answered to the report's own reads)
 * to the report's sections. Each takes only read-back data; none sees a secret store.
 */

const FORMAT_WORDS: Record<string, string> = {
  [ATTRIBUTE_FORMATS.unspecified]: 'Unspecified',
  [ATTRIBUTE_FORMATS.uri]: 'URI Reference',
  [ATTRIBUTE_FORMATS.basic]: 'Basic',
};

/** Keys of `settings.app` that may hold a credential: never copied into a report. */
const SECRET_KEY = /token|secret|password|passwd|credential|private|api.?key|bearer/i;

type Primitive = string | number | boolean | null;

function plainValues(record: Record<string, unknown> | undefined): Record<string, Primitive> {
  const out: Record<string, Primitive> = {};
  for (const [key, value] of Object.entries(record ?? {})) {
    if (SECRET_KEY.test(key)) continue;
    if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) out[key] = value as Primitive;
  }
  return out;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const bool = (v: unknown): boolean | undefined => (typeof v === 'boolean' ? v : undefined);

function pick<T extends Record<string, unknown>>(entries: [string, unknown][]): T {
  return Object.fromEntries(entries.filter(([, v]) => v !== undefined)) as T;
}

export function ssoSettings(app: OktaApp): SsoSettings {
  const s = app.settings.signOn ?? {};
  return pick<SsoSettings>([
    ['ssoAcsUrl', str(s.ssoAcsUrl)],
    ['recipient', str(s.recipient)],
    ['destination', str(s.destination)],
    ['audience', str(s.audience)],
    ['idpIssuer', str(s.idpIssuer)],
    ['defaultRelayState', str(s.defaultRelayState)],
    ['subjectNameIdFormat', str(s.subjectNameIdFormat)],
    ['subjectNameIdTemplate', str(s.subjectNameIdTemplate)],
    ['responseSigned', bool(s.responseSigned)],
    ['assertionSigned', bool(s.assertionSigned)],
    ['signatureAlgorithm', str(s.signatureAlgorithm)],
    ['digestAlgorithm', str(s.digestAlgorithm)],
    ['honorForceAuthn', bool(s.honorForceAuthn)],
    ['authnContextClassRef', str(s.authnContextClassRef)],
    ['allowMultipleAcsEndpoints', bool(s.allowMultipleAcsEndpoints)],
    ['requestCompressed', bool(s.requestCompressed)],
  ]);
}

function statements(list: SamlAttributeStatement[] | undefined) {
  const all = list ?? [];
  const format = (ns: string) => FORMAT_WORDS[ns] ?? ns;
  return {
    attributeStatements: all
      .filter((s) => s.type !== 'GROUP')
      .map((s) => ({ name: s.name, namespace: s.namespace, format: format(s.namespace), values: s.values ?? [] })),
    groupAttributeStatements: all
      .filter((s) => s.type === 'GROUP')
      .map((s) => ({
        name: s.name,
        namespace: s.namespace,
        format: format(s.namespace),
        filterType: s.filterType ?? '',
        filterValue: s.filterValue ?? '',
      })),
  };
}

/** The SAML app as Okta returned it to the report's own read, narrowed to what a report shows. */
export function appSection(app: OktaApp, mode: 'catalog' | 'custom', observed: AppObserved | undefined): ReportApp {
  const credentials = app.credentials ?? {};
  const template = credentials.userNameTemplate as Record<string, unknown> | undefined;
  const signing = credentials.signing as Record<string, unknown> | undefined;
  const visibility = app.visibility as
    { autoSubmitToolbar?: unknown; hide?: { iOS?: unknown; web?: unknown } } | undefined;
  const kid = str(signing?.kid);
  const found = observed?.app?.id === app.id ? observed.app : undefined;
  return {
    id: app.id,
    name: app.name,
    label: app.label,
    status: app.status,
    signOnMode: app.signOnMode,
    mode,
    ...pick<{ created?: string; lastUpdated?: string }>([
      ['created', app.created],
      ['lastUpdated', app.lastUpdated],
    ]),
    features: [...app.features],
    appSettings: plainValues(app.settings.app),
    ...(template
      ? {
          userNameTemplate: pick<{ template?: string; type?: string }>([
            ['template', str(template.template)],
            ['type', str(template.type)],
          ]),
        }
      : {}),
    ...(kid ? { signingKid: kid } : {}),
    ...(visibility
      ? {
          visibility: pick<{ autoSubmitToolbar?: boolean; hideIos?: boolean; hideWeb?: boolean }>([
            ['autoSubmitToolbar', bool(visibility.autoSubmitToolbar)],
            ['hideIos', bool(visibility.hide?.iOS)],
            ['hideWeb', bool(visibility.hide?.web)],
          ]),
        }
      : {}),
    sso: ssoSettings(app),
    ...statements(app.settings.signOn?.attributeStatements),
    ...(found?.consoleUrl ? { consoleUrl: found.consoleUrl } : {}),
    ...((found?.embedLink ?? app.appLinks[0]?.href) ? { embedLink: found?.embedLink ?? app.appLinks[0]!.href } : {}),
  };
}

export function samlSection(observed: MetadataObserved, now: Date): NonNullable<ConfigReport['saml']> {
  const day = 86_400_000;
  const { report, activeKey } = observed;
  return {
    metadataUrl: observed.metadataUrl,
    publicMetadata: observed.publicMetadata,
    idpEntityId: report.entityId,
    idpSsoUrls: report.ssoServices,
    nameIdFormats: report.nameIdFormats,
    certificates: report.certificates.map((c, i) => ({
      subject: c.subject,
      issuer: c.issuer,
      serialNumber: c.serialNumber,
      sha256Fingerprint: c.sha256Fingerprint,
      sha1Fingerprint: c.sha1Fingerprint,
      notBefore: c.notBefore,
      notAfter: c.notAfter,
      daysToExpiry: Math.floor((Date.parse(c.notAfter) - now.getTime()) / day),
      keyType: c.keyType,
      keyBits: c.keyBits,
      signatureAlgorithm: c.signatureAlgorithm,
      // The metadata publishes the active key's certificate first; the step says whether they match.
      ...(activeKey && i === 0 && activeKey.matchesMetadata ? { kid: activeKey.kid } : {}),
    })),
    ...(activeKey ? { activeKey } : {}),
  };
}

export function domainsSection(observed: DomainsObserved): NonNullable<ConfigReport['emailDomains']> {
  return { domains: observed.listed, totalUsers: observed.totalUsers, uncoveredUsers: observed.uncovered.users };
}

export function registrationSection(observed: RegisterObserved): NonNullable<ConfigReport['registration']> {
  return {
    selfReported: true,
    channel: observed.channel,
    ...(observed.sent ? { via: observed.sent.via, sentAt: observed.sent.at } : {}),
    ...(observed.to ? { to: observed.to } : {}),
    ...(observed.confirmedAt ? { confirmedAt: observed.confirmedAt } : {}),
    values: observed.values,
    changedSinceSent: observed.changedSinceSent,
    ...(observed.vendorSide.provenAt ? { vendorProvenAt: observed.vendorSide.provenAt } : {}),
  };
}

export function provisioningSection(observed: ProvisioningObserved): NonNullable<ConfigReport['provisioning']> {
  const features: NonNullable<ConfigReport['provisioning']>['features'] = [];
  const up = observed.userProvisioning;
  if (up) {
    const api = [
      ['Create Users', 'create', up.create],
      ['Update User Attributes', 'updateProfile', up.updateProfile],
      ['Deactivate Users', 'deactivate', up.deactivate],
    ] as const;
    for (const [name, key, status] of api)
      features.push({
        name,
        enabled: status === 'ENABLED',
        evidence: `USER_PROVISIONING feature (status ${up.status}) read back: ${key} ${status}`,
      });
  } else {
    for (const { feature, label } of TO_APP_FEATURES) {
      const on = observed.appFeatures.includes(feature);
      features.push({
        name: label,
        enabled: on,
        evidence: `app.features ${on ? 'lists' : 'does not list'} ${feature}`,
      });
    }
  }
  const e2e = observed.endToEnd;
  return {
    path: observed.path,
    scimBaseUrl: observed.scimBaseUrl,
    tokenStored: observed.tokenStored,
    appFeatures: observed.appFeatures,
    ...(observed.connection ? { connection: observed.connection } : {}),
    ...(up
      ? { userProvisioning: { create: up.create, updateProfile: up.updateProfile, deactivate: up.deactivate } }
      : {}),
    features,
    ...(e2e
      ? {
          endToEnd: {
            passed: e2e.passed,
            startedAt: e2e.startedAt,
            finishedAt: e2e.finishedAt,
            userLogin: e2e.user.login,
            ...(e2e.role ? { role: e2e.role } : {}),
            current: observed.endToEndCurrent,
          },
        }
      : {}),
  };
}

export function roleSection(observed: RoleObserved, propertyName: string): NonNullable<ConfigReport['role']> {
  const attr = observed.attribute ?? observed.planned;
  const titles = new Map((attr.oneOf ?? []).map((o) => [o.const, o.title]));
  return {
    appId: observed.appId,
    propertyName,
    ...pick<Record<string, unknown>>([
      ['title', attr.title],
      ['description', attr.description],
      ['type', attr.type],
      ['required', attr.required],
      ['externalName', attr.externalName],
      ['externalNamespace', attr.externalNamespace],
    ]),
    values: (attr.enum ?? []).map((value) => ({ value, title: titles.get(value) ?? value })),
    present: observed.attribute !== null,
    groupRoles: observed.groups,
    usersNeedingRole: observed.usersNeedingRole.length,
  };
}

export function bookmarkSection(
  observed: BookmarkObserved,
  groupIds: string[] | undefined,
): NonNullable<ConfigReport['bookmark']> | null {
  if (!observed.app) return null;
  const { id, label, url, status } = observed.app;
  return { id, label, url, status, groupIds: groupIds ?? observed.bookmarkGroupIds };
}

/**
 * People counted from the report's own read of the app's users (each app user once, with the scope
 * Okta gives it); groups named from the steps' observations, as that read returns only ids.
 */
export function assignmentsSection(
  observed: AssignObserved | undefined,
  role: RoleObserved | undefined,
  groups: AppGroupAssignment[] | undefined,
  users: AppUser[] | undefined,
): NonNullable<ConfigReport['assignments']> | null {
  if (!observed?.appHas && !groups && !users) return null;
  const names = new Map<string, string>();
  for (const g of role?.groups ?? []) names.set(g.groupId, g.groupName);
  for (const g of observed?.groups ?? []) names.set(g.id, g.name);
  for (const g of observed?.appHas?.groups ?? []) names.set(g.id, g.name);
  const list =
    groups?.map((g) => {
      const profile = plainValues(g.profile);
      const role = typeof profile.role === 'string' ? profile.role : null;
      return {
        id: g.id,
        name: names.get(g.id) ?? g.id,
        ...(g.priority !== undefined ? { priority: g.priority } : {}),
        role,
        profile,
      };
    }) ?? (observed?.appHas?.groups ?? []).map((g) => ({ id: g.id, name: g.name, role: g.role, profile: {} }));
  const counts = users
    ? {
        people: users.length,
        direct: users.filter((u) => u.scope === 'USER').length,
        viaGroups: users.filter((u) => u.scope === 'GROUP').length,
      }
    : {
        people: observed?.appHas?.people ?? 0,
        direct: observed?.appHas?.direct ?? 0,
        viaGroups: observed?.appHas?.viaGroups ?? 0,
      };
  return { ...counts, groups: list };
}

export function migrationSection(observed: MigrateObserved): NonNullable<ConfigReport['migration']> {
  return {
    imported: observed.imported,
    counts: observed.counts,
    toAssign: observed.toAssign,
    toCreate: observed.toCreate,
    byRole: observed.byRole,
    route: observed.route,
    done: observed.results.done,
    failed: observed.results.failed,
  };
}

export function auditSection(writes: AuditWrite[], integrationId: string): ConfigReport['auditLog'] {
  return writes
    .filter((w) => w.integrationId === integrationId)
    .map((w) => ({
      time: w.time,
      operation: w.operation,
      target: w.target,
      outcome: w.outcome,
      ...pick<Record<string, unknown>>([
        ['detail', w.detail],
        ['stepId', w.stepId],
        ['actor', w.actor],
        ['resolvedBy', w.resolvedBy],
      ]),
    }));
}
