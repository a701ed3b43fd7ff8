import type { z } from 'zod';
import type { DriftField } from '../api/drift';
import type { StepId } from '../api/model';
import { AppObservedSchema } from '../api/step-app';
import { AssignObservedSchema } from '../api/step-assign';
import { BookmarkObservedSchema } from '../api/step-bookmark';
import { DomainsObservedSchema } from '../api/step-domains';
import { MetadataObservedSchema } from '../api/step-metadata';
import { MigrateObservedSchema } from '../api/step-migrate';
import { ProvisioningObservedSchema } from '../api/step-provisioning';
import { RegisterObservedSchema } from '../api/step-register';
import { RoleObservedSchema } from '../api/step-role';
import { SlugObservedSchema } from '../api/step-slug';
import { TestLoginObservedSchema } from '../api/step-test-login';
import { onOff, parsed, set, value } from './field-kit';
import { domainsFields, migrateFields, testLoginFields } from './fields-people';

/**
 * The fields of a step's observation that say what Okta (or the vendor) has, picked so that two
 * reads of an unchanged org give the same fields: no timestamps, counts that move with every new
 * hire, or anything the wizard computes from its own input.
 *
 * One step reads nothing that can drift: `scim` shows the last preflight the wizard ran against
 * the vendor (a record of the wizard's own run, read again only when the admin runs it again);
 * the SCIM connection as Okta holds it is the provisioning step's.
 */

function appFields(o: z.infer<typeof AppObservedSchema>): DriftField[] {
  if (!o.app) return [value('app', 'The app in Okta', null)];
  const rows = o.settings.map((row) => value(row.key, row.label, row.actual));
  const keys = new Set(rows.map((r) => r.key));
  // Every statement Okta shows, catalog apps too: the custom app's planned ones are rows already.
  const statements = (o.app.attributeStatements ?? [])
    .filter((s) => !keys.has(`attribute:${s.name}`))
    .map((s) =>
      value(
        `attribute:${s.name}`,
        `${s.group ? 'Group attribute statement' : 'Attribute statement'} "${s.name}"`,
        s.text,
      ),
    );
  return [
    value('app-status', 'App status', o.app.status),
    ...rows,
    ...statements,
    set('extra-attributes', 'Attribute statements the vendor did not ask for', o.app.extraAttributes),
    ...(o.mode === 'catalog' && o.app.signOnOverrides
      ? [set('sign-on-overrides', 'Sign On overrides', o.app.signOnOverrides)]
      : []),
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

/** Other Provisioning tab features, in the console's words (REACTIVATE_USERS comes with Deactivate Users). */
const OTHER_SWITCHES = [
  { key: 'sync-password', feature: 'PUSH_PASSWORD_UPDATES', label: 'provisioning: Sync Password' },
  { key: 'group-push', feature: 'GROUP_PUSH', label: 'provisioning: Group Push' },
  { key: 'import-users', feature: 'IMPORT_NEW_USERS', label: 'provisioning: Import New Users' },
  { key: 'import-updates', feature: 'IMPORT_PROFILE_UPDATES', label: 'provisioning: Import Profile Updates' },
] as const;
const NAMED_FEATURES = new Set<string>([
  'SCIM_PROVISIONING',
  'REACTIVATE_USERS',
  ...TO_APP_SWITCHES.map((s) => s.feature),
  ...OTHER_SWITCHES.map((s) => s.feature),
]);

function provisioningFields(o: z.infer<typeof ProvisioningObservedSchema>): DriftField[] {
  const fields: DriftField[] = [];
  if (o.path === 'console') {
    fields.push(onOff('scim', 'provisioning: SCIM connection', o.appFeatures.includes('SCIM_PROVISIONING')));
    for (const s of TO_APP_SWITCHES) fields.push(onOff(s.key, s.label, o.appFeatures.includes(s.feature)));
  } else {
    fields.push(value('connection', 'provisioning: connection', o.connection?.status));
    fields.push(value('connection-base-url', 'provisioning: SCIM connector base URL', o.connection?.baseUrl));
    fields.push(value('connection-auth', 'provisioning: authentication mode', o.connection?.authScheme));
    const up = o.userProvisioning;
    const api = { create: up?.create, update: up?.updateProfile, deactivate: up?.deactivate };
    for (const s of TO_APP_SWITCHES) fields.push(onOff(s.key, s.label, api[s.key] === 'ENABLED'));
  }
  // app.features shows what the Provisioning tab has on, whichever way provisioning was set up.
  for (const s of OTHER_SWITCHES) fields.push(onOff(s.key, s.label, o.appFeatures.includes(s.feature)));
  fields.push(
    set(
      'other-features',
      "provisioning: other features on (Okta's app features)",
      o.appFeatures.filter((f) => !NAMED_FEATURES.has(f)),
    ),
  );
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

/**
 * The register step reads Okta only through the metadata step's values; what can drift is that
 * the vendor no longer holds them (a certificate replaced in Okta and not sent again).
 */
function registerFields(o: z.infer<typeof RegisterObservedSchema>): DriftField[] {
  return [
    set('changed-since-sent', 'Values Okta has now that differ from what the vendor was sent', o.changedSinceSent),
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
  domains: (o) => parsed(DomainsObservedSchema, o, domainsFields),
  register: (o) => parsed(RegisterObservedSchema, o, registerFields),
  migrate: (o) => parsed(MigrateObservedSchema, o, migrateFields),
  'test-login': (o) => parsed(TestLoginObservedSchema, o, testLoginFields),
};

/**
 * Each step's field list has a version, raised whenever the step gains fields (2: every attribute
 * statement and catalog overrides, SCIM connection and other provisioning features, and the
 * domains, register, migrate and test-login steps, which had none). A baseline taken with an older
 * list lacks fields through no change in Okta; the audit records those instead of calling them drift.
 */
const FIELD_SETS: Partial<Record<StepId, number>> = {
  app: 2,
  provisioning: 2,
  domains: 2,
  register: 2,
  migrate: 2,
  'test-login': 2,
};

export function fieldSetOf(stepId: StepId): number {
  return FIELD_SETS[stepId] ?? 1;
}

/** The step's fields from its recorded observation; empty for a step that reads nothing that can drift. */
export function driftFields(stepId: StepId, observed: unknown): DriftField[] {
  return EXTRACTORS[stepId]?.(observed) ?? [];
}
