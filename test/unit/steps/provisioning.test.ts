import { describe, expect, it } from 'vitest';
import type { EndToEnd, ProvisioningInput, ProvisioningObserved } from '../../../src-main/api/step-provisioning';
import { timeOutText } from '../../../src-main/steps/provisioning-e2e';
import { planProvisioning, provisioningChecks } from '../../../src-main/steps/provisioning-plan';
import { courier } from '../../../src-main/vendors/courier';
import { mixpanel } from '../../../src-main/vendors/mixpanel';

const SCIM = 'https://api.courier.example/scim/v2';
const input: ProvisioningInput = { testUser: 'ann.lee@acme.example', waitSeconds: 120 };

const passedRun: EndToEnd = {
  appId: '0oa1',
  scimBaseUrl: SCIM,
  tokenDigest: { salt: 's', sha256: 'd' },
  startedAt: '2026-11-24T10:00:00.000Z',
  finishedAt: '2026-11-24T10:00:03.000Z',
  user: { id: '00u1', login: 'ann.lee@acme.example' },
  userName: 'ann.lee@acme.example',
  passed: true,
  checks: [
    { id: 'provisioning-e2e-created', label: 'The test user arrives at the vendor', status: 'pass', detail: 'ok' },
  ],
  log: [],
};

function consoleObserved(over: Partial<ProvisioningObserved> = {}): ProvisioningObserved {
  return {
    app: { id: '0oa1', name: 'acme_courier_1', label: 'Courier' },
    path: 'console',
    scimBaseUrl: SCIM,
    tokenStored: true,
    appFeatures: [],
    consoleUrl: 'https://acme-admin.okta.com/admin/app/acme_courier_1/instance/0oa1/#tab-user-management',
    roleAttribute: { name: 'role', values: ['ADMINISTRATOR', 'ANALYST'] },
    endToEndCurrent: false,
    tokenChanged: false,
    ...over,
  };
}

function apiObserved(over: Partial<ProvisioningObserved> = {}): ProvisioningObserved {
  return {
    app: { id: '0oa2', name: 'mixpanel', label: 'Mixpanel' },
    path: 'api',
    scimBaseUrl: SCIM,
    tokenStored: true,
    appFeatures: [],
    connection: { status: 'DISABLED', authScheme: 'TOKEN' },
    consoleUrl: 'https://acme-admin.okta.com/admin/app/mixpanel/instance/0oa2/#tab-user-management',
    endToEndCurrent: false,
    tokenChanged: false,
    ...over,
  };
}

describe('provisioning plan, console path', () => {
  it('lists every console value as manual changes, the token by name only, then the end-to-end test', () => {
    const changes = planProvisioning(input, consoleObserved(), courier);
    expect(changes.map((c) => [c.id, c.kind, c.summary])).toEqual([
      [
        'provisioning-console-enable',
        'manual',
        'Switch provisioning on: General tab > App Settings > Edit > Provisioning: SCIM > Save',
      ],
      [
        'provisioning-console-integration',
        'manual',
        'Provisioning tab > Integration > Edit: enter these values, Test Connector Configuration, Save',
      ],
      [
        'provisioning-console-to-app',
        'manual',
        'Provisioning tab > To App > Edit: enable Create Users, Update User Attributes, Deactivate Users > Save',
      ],
      [
        'provisioning-end-to-end',
        'send',
        "Assign test user ann.lee@acme.example, wait up to 120 s for it at the vendor's SCIM endpoint, then unassign it and see it deactivated",
      ],
    ]);
    expect(changes[3]?.details).toEqual([
      { field: 'Assign', to: 'ann.lee@acme.example' },
      { field: 'Role', to: 'ADMINISTRATOR' },
      {
        field: 'Expect at the vendor',
        to: 'userName, name, email, externalId = the Okta user id, role; then active: false',
      },
    ]);
  });

  it("drops what Okta's app features show, and keeps the integration values until the end-to-end test passes", () => {
    const on = consoleObserved({ appFeatures: ['SCIM_PROVISIONING', 'PUSH_NEW_USERS', 'PUSH_PROFILE_UPDATES'] });
    expect(planProvisioning(input, on, courier).map((c) => [c.id, c.summary])).toEqual([
      [
        'provisioning-console-integration',
        'Provisioning tab > Integration > Edit: enter these values, Test Connector Configuration, Save',
      ],
      ['provisioning-console-to-app', 'Provisioning tab > To App > Edit: enable Deactivate Users > Save'],
      ['provisioning-end-to-end', expect.any(String)],
    ]);
    const done = consoleObserved({
      appFeatures: ['SCIM_PROVISIONING', 'PUSH_NEW_USERS', 'PUSH_PROFILE_UPDATES', 'PUSH_USER_DEACTIVATION'],
      endToEnd: passedRun,
      endToEndCurrent: true,
    });
    expect(planProvisioning(input, done, courier)).toEqual([]);
  });

  it('runs the end-to-end test again when the recorded one is for another endpoint or failed', () => {
    const features = ['SCIM_PROVISIONING', 'PUSH_NEW_USERS', 'PUSH_PROFILE_UPDATES', 'PUSH_USER_DEACTIVATION'];
    expect(
      planProvisioning(
        input,
        consoleObserved({ appFeatures: features, endToEnd: passedRun, endToEndCurrent: false }),
        courier,
      ).map((c) => c.id),
    ).toEqual(['provisioning-console-integration', 'provisioning-end-to-end']);
    expect(
      planProvisioning(
        input,
        consoleObserved({ appFeatures: features, endToEnd: { ...passedRun, passed: false }, endToEndCurrent: true }),
        courier,
      ),
    ).toHaveLength(2);
  });
});

describe('provisioning plan, API path', () => {
  it('sets the connection and the features, then tests', () => {
    const changes = planProvisioning({ waitSeconds: 60 }, apiObserved(), mixpanel);
    expect(changes.map((c) => [c.id, c.kind])).toEqual([
      ['provisioning-connection', 'create'],
      ['provisioning-features', 'update'],
      ['provisioning-end-to-end', 'send'],
    ]);
    expect(changes[0]?.details).toEqual([
      { field: 'Authentication', from: 'TOKEN', to: "TOKEN (the SCIM step's token, sent by main only)" },
      { field: 'Base URL', to: SCIM },
      { field: 'Status', from: 'DISABLED', to: 'ENABLED' },
    ]);
    expect(changes[1]?.summary).toBe('Turn on Create Users, Update User Attributes, Deactivate Users');
    expect(changes[2]?.summary).toBe(
      "Assign a test user (choose one above), wait up to 60 s for it at the vendor's SCIM endpoint, then unassign it and see it deactivated",
    );
  });

  it('updates only what differs', () => {
    const observed = apiObserved({
      connection: { status: 'ENABLED', authScheme: 'TOKEN', baseUrl: 'https://old.example/scim' },
      userProvisioning: { status: 'ENABLED', create: 'ENABLED', updateProfile: 'DISABLED', deactivate: 'ENABLED' },
      endToEnd: passedRun,
      endToEndCurrent: true,
    });
    const changes = planProvisioning(input, observed, mixpanel);
    expect(changes.map((c) => [c.id, c.kind, c.summary])).toEqual([
      [
        'provisioning-connection',
        'update',
        `Set the provisioning connection: token authentication with the SCIM token, base URL ${SCIM}, enabled`,
      ],
      ['provisioning-features', 'update', 'Turn on Update User Attributes'],
    ]);
    expect(changes[1]?.details).toEqual([{ field: 'Update User Attributes', from: 'DISABLED', to: 'ENABLED' }]);
  });
});

describe('provisioning plan, token rotated in the SCIM step', () => {
  it('sends the connection again, naming the token, though Okta shows it enabled with the right URL', () => {
    const observed = apiObserved({
      connection: { status: 'ENABLED', authScheme: 'TOKEN', baseUrl: SCIM },
      userProvisioning: { status: 'ENABLED', create: 'ENABLED', updateProfile: 'ENABLED', deactivate: 'ENABLED' },
      endToEnd: passedRun,
      endToEndCurrent: false,
      tokenChanged: true,
    });
    const changes = planProvisioning(input, observed, mixpanel);
    expect(changes.map((c) => c.id)).toEqual(['provisioning-connection', 'provisioning-end-to-end']);
    expect(changes[0]?.details.at(-1)).toEqual({
      field: 'Token',
      from: 'the token of the last test',
      to: 'the new SCIM token',
    });
  });
});

describe('provisioning checks', () => {
  it('reads the console state from app features and says the end-to-end test has not run', () => {
    const checks = provisioningChecks(consoleObserved({ appFeatures: ['SCIM_PROVISIONING', 'PUSH_NEW_USERS'] }));
    expect(checks).toEqual([
      {
        id: 'provisioning-console',
        label: 'Provisioning switched on in the console',
        status: 'fail',
        detail:
          "Okta's app features do not show: Update User Attributes, Deactivate Users. Save them on the app's Provisioning tab.",
        evidence: 'features: ["SCIM_PROVISIONING","PUSH_NEW_USERS"]',
      },
      {
        id: 'provisioning-e2e',
        label: 'End-to-end test',
        status: 'fail',
        detail: `No end-to-end test has run against ${SCIM} for this app yet. Apply to assign a test user and watch it arrive.`,
      },
    ]);
  });

  it('passes the API path on the read-back connection and features, with the recorded test', () => {
    const checks = provisioningChecks(
      apiObserved({
        connection: { status: 'ENABLED', authScheme: 'TOKEN', baseUrl: SCIM },
        userProvisioning: { status: 'ENABLED', create: 'ENABLED', updateProfile: 'ENABLED', deactivate: 'ENABLED' },
        endToEnd: passedRun,
        endToEndCurrent: true,
      }),
    );
    expect(checks.map((c) => [c.id, c.status])).toEqual([
      ['provisioning-connection', 'pass'],
      ['provisioning-features', 'pass'],
      ['provisioning-e2e-created', 'pass'],
    ]);
  });

  it('says what to check in Okta on a time-out', () => {
    expect(
      timeOutText(
        { scimBaseUrl: SCIM, waitMs: 120_000, app: { id: '0oa1', label: 'Courier' } },
        'ann.lee@acme.example',
      ),
    ).toBe(
      `ann.lee@acme.example did not appear at ${SCIM} within 120 s of being assigned. Check in Okta: (1) Courier > Provisioning > Integration: the SCIM connector base URL is exactly ${SCIM}, the token is the one checked in the SCIM step, and "Test Connector Configuration" succeeds; (2) Provisioning > To App: Create Users, Update User Attributes and Deactivate Users are on and saved; (3) users assigned before provisioning was enabled are not pushed: on the Assignments tab such a user shows "Provision User"; (4) Dashboard > Tasks and the System Log (application.provision.user.push) for a failed push.`,
    );
  });
});
