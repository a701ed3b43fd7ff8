import { describe, expect, it } from 'vitest';
import type { DriftField } from '../../../src-main/api/drift';
import type { AppObserved } from '../../../src-main/api/step-app';
import type { DomainsObserved } from '../../../src-main/api/step-domains';
import type { MigrateObserved } from '../../../src-main/api/step-migrate';
import type { ProvisioningObserved } from '../../../src-main/api/step-provisioning';
import type { RegisterObserved } from '../../../src-main/api/step-register';
import type { ScimObserved } from '../../../src-main/api/step-scim';
import type { TestLoginObserved } from '../../../src-main/api/step-test-login';
import { driftFields, fieldSetOf } from '../../../src-main/drift/fields';

const byKey = (fields: DriftField[]) => Object.fromEntries(fields.map((f) => [f.key, f.value]));
const labels = (fields: DriftField[]) => Object.fromEntries(fields.map((f) => [f.key, f.label]));

function catalogApp(
  statements: NonNullable<AppObserved['app']>['attributeStatements'],
  overrides?: string[],
): AppObserved {
  return {
    mode: 'catalog',
    modeChoice: true,
    vendorSupplied: [],
    editable: false,
    app: {
      id: '0oa1',
      name: 'mixpanel',
      label: 'Mixpanel',
      status: 'ACTIVE',
      signOnMode: 'SAML_2_0',
      foundBy: 'fact',
      consoleUrl: 'https://acme-admin.okta.com/admin/app/mixpanel/instance/0oa1/#tab-signon',
      extraAttributes: [],
      ...(statements ? { attributeStatements: statements } : {}),
      ...(overrides ? { signOnOverrides: overrides } : {}),
    },
    settings: [{ key: 'label', label: 'App label', planned: 'Mixpanel', actual: 'Mixpanel', matches: true }],
  };
}

function provisioning(over: Partial<ProvisioningObserved>): ProvisioningObserved {
  return {
    app: { id: '0oa1', name: 'mixpanel', label: 'Mixpanel' },
    path: 'api',
    scimBaseUrl: 'https://scim.example/v2',
    tokenStored: true,
    appFeatures: [],
    consoleUrl: 'https://acme-admin.okta.com/admin/app/mixpanel/instance/0oa1/#tab-user-management',
    endToEndCurrent: false,
    tokenChanged: false,
    ...over,
  };
}

describe('drift fields of each step', () => {
  it('app: every attribute statement of a catalog app, by name, with its value and format; and the Sign On overrides', () => {
    const fields = driftFields(
      'app',
      catalogApp(
        [
          { name: 'department', group: false, text: 'user.department · Basic' },
          { name: 'teams', group: true, text: 'groups Starts with "Eng" · Unspecified' },
        ],
        ['audienceOverride = https://mixpanel.example/aud'],
      ),
    );
    expect(byKey(fields)).toEqual({
      'app-status': 'ACTIVE',
      label: 'Mixpanel',
      'attribute:department': 'user.department · Basic',
      'attribute:teams': 'groups Starts with "Eng" · Unspecified',
      'extra-attributes': [],
      'sign-on-overrides': ['audienceOverride = https://mixpanel.example/aud'],
    });
    expect(labels(fields)['attribute:department']).toBe('Attribute statement "department"');
    expect(labels(fields)['attribute:teams']).toBe('Group attribute statement "teams"');
  });

  it('app: a custom app statement that is a planned row is not listed twice; an unplanned one is added', () => {
    const observed: AppObserved = {
      ...catalogApp([
        { name: 'email', group: false, text: 'user.email · Unspecified' },
        { name: 'extra', group: false, text: 'user.title · Unspecified' },
      ]),
      mode: 'custom',
      settings: [
        {
          key: 'attribute:email',
          label: 'Attribute statement "email"',
          planned: 'user.email · Unspecified',
          actual: 'user.email · Unspecified',
          matches: true,
        },
      ],
    };
    const fields = driftFields('app', observed);
    expect(fields.filter((f) => f.key.startsWith('attribute:')).map((f) => [f.key, f.value])).toEqual([
      ['attribute:email', 'user.email · Unspecified'],
      ['attribute:extra', 'user.title · Unspecified'],
    ]);
    // Overrides belong to catalog apps only.
    expect(fields.some((f) => f.key === 'sign-on-overrides')).toBe(false);
  });

  it('app: an observation from before statements were read gives its settings rows only', () => {
    expect(Object.keys(byKey(driftFields('app', catalogApp(undefined))))).toEqual([
      'app-status',
      'label',
      'extra-attributes',
    ]);
  });

  it('provisioning (API path): connection status, SCIM base URL, authentication, the To App switches and the other features', () => {
    const fields = driftFields(
      'provisioning',
      provisioning({
        connection: { status: 'ENABLED', authScheme: 'TOKEN', baseUrl: 'https://scim.example/v2' },
        userProvisioning: { status: 'ENABLED', create: 'ENABLED', updateProfile: 'ENABLED', deactivate: 'DISABLED' },
        appFeatures: ['GROUP_PUSH', 'PUSH_NEW_USERS', 'PROFILE_MASTERING'],
      }),
    );
    expect(byKey(fields)).toEqual({
      connection: 'ENABLED',
      'connection-base-url': 'https://scim.example/v2',
      'connection-auth': 'TOKEN',
      create: 'on',
      update: 'on',
      deactivate: 'off',
      'sync-password': 'off',
      'group-push': 'on',
      'import-users': 'off',
      'import-updates': 'off',
      'other-features': ['PROFILE_MASTERING'],
    });
  });

  it('provisioning (console path): the features Okta shows, Reactivate Users going with Deactivate Users', () => {
    const fields = driftFields(
      'provisioning',
      provisioning({
        path: 'console',
        appFeatures: [
          'SCIM_PROVISIONING',
          'PUSH_NEW_USERS',
          'PUSH_USER_DEACTIVATION',
          'REACTIVATE_USERS',
          'PUSH_PASSWORD_UPDATES',
          'IMPORT_NEW_USERS',
          'IMPORT_PROFILE_UPDATES',
        ],
      }),
    );
    expect(byKey(fields)).toEqual({
      scim: 'on',
      create: 'on',
      update: 'off',
      deactivate: 'on',
      'sync-password': 'on',
      'group-push': 'off',
      'import-users': 'on',
      'import-updates': 'on',
      'other-features': [],
    });
  });

  it('domains: the listed domains that have Okta users, not how many (that moves with every hire)', () => {
    const count = (domain: string, users: number) => ({ domain, display: domain, users, consumer: false });
    const observed = (acme: number): DomainsObserved => ({
      totalUsers: 500,
      suggestions: [],
      listed: [count('acme.example', acme), count('globex.example', 0)],
      uncovered: { users: 3, sample: [] },
      consumerMail: { policy: 'flag', why: '' },
    });
    expect(driftFields('domains', observed(120))).toEqual([
      {
        key: 'domains-with-users',
        label: 'Listed email domains Okta users sign in with',
        kind: 'set',
        value: ['acme.example'],
      },
    ]);
    expect(driftFields('domains', observed(121))).toEqual(driftFields('domains', observed(120)));
  });

  it('register: the values that differ from what the vendor was sent', () => {
    const observed: RegisterObserved = {
      vendor: 'Courier',
      channel: 'email',
      channels: ['email'],
      afterwards: '',
      values: [],
      changedSinceSent: ['Signing certificate', 'IdP SSO URL'],
      vendorSide: { checkable: false },
    };
    expect(byKey(driftFields('register', observed))).toEqual({
      'changed-since-sent': ['IdP SSO URL', 'Signing certificate'],
    });
  });

  it('migrate: the role groups that exist, assigned or not and with which role; counts are left out', () => {
    const observed: MigrateObserved = {
      appId: '0oa1',
      imported: null,
      roles: [],
      counts: { matched: 10 },
      toAssign: 4,
      toCreate: 1,
      byRole: [],
      roleGroups: [
        { role: 'ADMIN', name: 'Courier ADMIN', id: '00g1', assigned: true, roleOnApp: 'ADMIN' },
        { role: 'VIEWER', name: 'Courier VIEWER', id: '00g2', assigned: false, roleOnApp: null },
        { role: 'EDITOR', name: 'Courier EDITOR', id: null, assigned: false, roleOnApp: null },
      ],
      estimates: [],
      route: 'group',
      routeWhy: '',
      results: { done: 0, failed: 0 },
    };
    expect(byKey(driftFields('migrate', observed))).toEqual({
      'role-groups': ['Courier ADMIN: assigned with role ADMIN', 'Courier VIEWER: not assigned'],
    });
  });

  it("test-login: the test user's Okta status and whether the app is assigned to them", () => {
    const observed: TestLoginObserved = {
      user: { id: '00u1', login: 'ann@acme.example', email: 'ann@acme.example', status: 'SUSPENDED' },
      assigned: false,
      app: { id: '0oa1', label: 'Courier' },
      required: ['idp'],
      expected: {
        issuer: 'i',
        audience: 'a',
        acsUrl: 'u',
        recipient: 'u',
        destination: 'u',
        nameId: 'ann@acme.example',
        attributes: [],
      },
      start: { idpSsoUrl: 'https://acme.okta.com/app/x/sso/saml' },
      results: {},
    };
    const fields = driftFields('test-login', observed);
    expect(byKey(fields)).toEqual({ 'test-user-status': 'SUSPENDED', 'test-user-assigned': 'off' });
    expect(labels(fields)['test-user-assigned']).toBe('Test user ann@acme.example: assigned to the app');
  });

  it('scim reads nothing that can drift (its observation is the recorded preflight), so it has no fields', () => {
    const observed: ScimObserved = { baseUrl: 'https://scim.example/v2', current: false };
    expect(driftFields('scim', observed)).toEqual([]);
  });

  it('the field lists that grew carry a higher version than the ones that did not', () => {
    expect(
      (['app', 'provisioning', 'domains', 'register', 'migrate', 'test-login', 'metadata', 'role'] as const).map(
        fieldSetOf,
      ),
    ).toEqual([2, 2, 2, 2, 2, 2, 1, 1]);
  });
});
