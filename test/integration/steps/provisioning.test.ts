import { describe, expect, it } from 'vitest';
import { ProvisioningObservedSchema } from '../../../src-main/api/step-provisioning';
import type { SandboxOrg } from '../../../src-main/sandbox/server';
import type { UserRecord } from '../../../src-main/sandbox/state';
import {
  consoleSession,
  customAppWithRole,
  integration as consoleFields,
  postConsole,
} from '../sandbox-provisioning/console-driver';
import { api } from '../../support/sandbox';
import type { ScimTestServer } from '../../support/scim-server';
import { scimServerPool } from '../../support/scim-server-pool';
import { stepHarness, type StepHarness } from '../../support/step-harness';

const TOKEN = 'vendor-scim-token-e2e-31f';
const scimServer = scimServerPool(TOKEN).good;

function people(org: SandboxOrg): UserRecord[] {
  return [...org.state.users.values()].filter((u) => u.status === 'ACTIVE' && u.id !== org.adminUserId);
}

/** The scim step, run for real against `server`: stores the token and learns `scimBaseUrl`. */
async function passScimStep(h: StepHarness, server: ScimTestServer): Promise<void> {
  await h.save('scim', { baseUrl: server.baseUrl, token: TOKEN });
  expect((await h.apply('scim')).status).toBe('verified');
}

async function seedApp(h: StepHarness, app: { id: string; name: string; label: string }): Promise<void> {
  await h.workspace.updateIntegration(h.integration.id, (i) => {
    i.facts = { ...i.facts, appId: app.id, appName: app.name, appLabel: app.label };
  });
}

describe('provisioning through the API (Mixpanel catalog app)', () => {
  it('sets the connection and features, reads them back, proves it end to end, and a second apply writes nothing', async () => {
    const scim = await scimServer();
    const h = await stepHarness('mixpanel');
    await passScimStep(h, scim);
    const created = await api<{ id: string; name: string; label: string }>(h.org, 'POST', '/api/v1/apps', {
      body: { name: 'mixpanel', label: 'Mixpanel', signOnMode: 'SAML_2_0' },
    });
    await seedApp(h, created.body);
    const ann = people(h.org)[0]!;

    const planned = await h.save('provisioning', { testUser: ann.profile.login });
    expect(planned.status).toBe('planned');
    expect(planned.changes.map((c) => [c.id, c.kind])).toEqual([
      ['provisioning-connection', 'create'],
      ['provisioning-features', 'update'],
      ['provisioning-end-to-end', 'send'],
    ]);
    expect(ProvisioningObservedSchema.parse(planned.observed)).toMatchObject({
      path: 'api',
      connection: { status: 'DISABLED', authScheme: 'TOKEN' },
      tokenStored: true,
      endToEndCurrent: false,
    });

    const applied = await h.apply('provisioning');
    expect(applied.lastError).toBeUndefined();
    expect(applied.status).toBe('verified');
    expect(applied.changes).toEqual([]);
    expect(applied.checks.map((c) => [c.id, c.status])).toEqual([
      ['provisioning-connection', 'pass'],
      ['provisioning-features', 'pass'],
      ['provisioning-e2e-created', 'pass'],
      ['provisioning-e2e-attributes', 'pass'],
      ['provisioning-e2e-deactivated', 'pass'],
      ['provisioning-e2e-cleanup', 'pass'],
    ]);
    const observed = ProvisioningObservedSchema.parse(applied.observed);
    expect(observed.connection).toEqual({ status: 'ENABLED', authScheme: 'TOKEN', baseUrl: scim.baseUrl });
    expect(observed.userProvisioning).toEqual({
      status: 'ENABLED',
      create: 'ENABLED',
      updateProfile: 'ENABLED',
      deactivate: 'ENABLED',
    });
    expect(scim.users()).toEqual([
      expect.objectContaining({ userName: ann.profile.login, externalId: ann.id, active: false }),
    ]);
    expect((await api(h.org, 'GET', `/api/v1/apps/${created.body.id}/users/${ann.id}`)).status).toBe(404);

    const writes = h.org.writeCount();
    const calls = scim.requests.length;
    const again = await h.apply('provisioning');
    expect(again.status).toBe('verified');
    expect((await h.inspect('provisioning')).status).toBe('verified');
    expect(h.org.writeCount()).toBe(writes);
    expect(scim.requests.length).toBe(calls);
    expect(JSON.stringify(again)).not.toContain(TOKEN);

    // The vendor moves its SCIM endpoint: the new one passes the SCIM check, the connection is sent again and re-tested.
    const moved = await scimServer();
    await h.save('scim', { baseUrl: moved.baseUrl, token: TOKEN });
    expect((await h.apply('scim')).status).toBe('verified');
    const replanned = await h.inspect('provisioning');
    expect(replanned.changes.map((c) => [c.id, c.kind])).toEqual([
      ['provisioning-connection', 'update'],
      ['provisioning-end-to-end', 'send'],
    ]);
    expect((await h.apply('provisioning')).status).toBe('verified');
    expect(moved.users()).toEqual([expect.objectContaining({ userName: ann.profile.login, active: false })]);
  });
});

describe('provisioning through the console (Courier custom SAML app)', () => {
  it('guides the console, refuses to test before provisioning is on, then proves it end to end with the role', async () => {
    const scim = await scimServer();
    const h = await stepHarness('courier');
    await passScimStep(h, scim);
    const app = await customAppWithRole(h.org, 'Courier');
    await seedApp(h, app);
    const [ann] = people(h.org);

    const planned = await h.save('provisioning', {
      testUser: ann!.profile.login,
      testRole: 'ANALYST',
      waitSeconds: 30,
    });
    expect(planned.changes.map((c) => [c.id, c.kind])).toEqual([
      ['provisioning-console-enable', 'manual'],
      ['provisioning-console-integration', 'manual'],
      ['provisioning-console-to-app', 'manual'],
      ['provisioning-end-to-end', 'send'],
    ]);
    expect(planned.changes[1]?.details).toEqual([
      { field: 'SCIM connector base URL', to: scim.baseUrl },
      { field: 'Unique identifier field for users', to: 'userName' },
      { field: 'Supported provisioning actions', to: 'Push New Users, Push Profile Updates' },
      { field: 'Authentication Mode', to: 'HTTP Header' },
      { field: 'Authorization: Bearer', to: 'the SCIM bearer token from Courier (the one the SCIM step checked)' },
    ]);
    const observed = ProvisioningObservedSchema.parse(planned.observed);
    expect(observed).toMatchObject({
      path: 'console',
      appFeatures: [],
      roleAttribute: { name: 'role', values: ['ADMINISTRATOR', 'ANALYST'] },
    });
    // The Admin Console path a real org has (OKTA-BEHAVIOUR.md §1), with no practice-org variant.
    expect(observed.consoleUrl).toBe(`${h.org.url}/admin/app/${app.name}/instance/${app.id}/#tab-user-management`);

    const writesBefore = h.org.writeCount();
    await expect(h.apply('provisioning')).rejects.toMatchObject({ code: 'PROVISIONING_NOT_ON' });
    expect(h.org.writeCount()).toBe(writesBefore);

    const session = await consoleSession(h.org, { id: app.id, name: app.name });
    expect(await postConsole(session, { ...consoleFields(scim.baseUrl, TOKEN), action: 'save' })).toContain(
      'Provisioning settings saved.',
    );

    const ready = await h.inspect('provisioning');
    expect(ready.changes.map((c) => c.id)).toEqual(['provisioning-console-integration', 'provisioning-end-to-end']);
    const verified = await h.apply('provisioning');
    expect(verified.lastError).toBeUndefined();
    expect(verified.status).toBe('verified');
    expect(verified.changes).toEqual([]);
    expect(verified.checks.map((c) => [c.id, c.status])).toEqual([
      ['provisioning-console', 'pass'],
      ['provisioning-e2e-created', 'pass'],
      ['provisioning-e2e-attributes', 'pass'],
      ['provisioning-e2e-deactivated', 'pass'],
      ['provisioning-e2e-cleanup', 'pass'],
    ]);
    expect(verified.checks.find((c) => c.id === 'provisioning-e2e-attributes')?.detail).toBe(
      `userName = "${ann!.profile.login}", emails[0].value = "${ann!.profile.email}", name.familyName = "${ann!.profile.lastName}", name.givenName = "${ann!.profile.firstName}", role = "ANALYST". externalId = "${ann!.id}" (the Okta user id).`,
    );
    expect(scim.users()).toEqual([
      expect.objectContaining({ userName: ann!.profile.login, externalId: ann!.id, role: 'ANALYST', active: false }),
    ]);
    const pushed = scim.requests.filter((r) => r.method !== 'GET').map((r) => r.method);
    expect(pushed.slice(-2)).toEqual(['POST', 'PUT']);

    const writes = h.org.writeCount();
    expect((await h.apply('provisioning')).status).toBe('verified');
    expect(h.org.writeCount()).toBe(writes);
  });

  it('refuses at once, naming the switch, a proof whose deactivation Okta shows switched off; no 120 s wait, no assignment', async () => {
    const scim = await scimServer();
    const h = await stepHarness('courier');
    await passScimStep(h, scim);
    const app = await customAppWithRole(h.org, 'Courier');
    await seedApp(h, app);
    const [ann] = people(h.org);
    const session = await consoleSession(h.org, { id: app.id, name: app.name });
    const { deactivateUsers: _off, ...withoutDeactivate } = consoleFields(scim.baseUrl, TOKEN);
    await postConsole(session, { ...withoutDeactivate, action: 'save' });

    const planned = await h.save('provisioning', { testUser: ann!.profile.login, waitSeconds: 120 });
    const test = planned.changes.find((c) => c.id === 'provisioning-end-to-end');
    expect(test?.details.at(-1)).toEqual({
      field: 'Cannot pass until',
      to: 'Deactivate Users is enabled on the Provisioning tab > To App',
    });

    const writesBefore = h.org.writeCount();
    const started = Date.now();
    await expect(h.apply('provisioning')).rejects.toMatchObject({
      code: 'PROVISIONING_PROOF_CANNOT_PASS',
      message:
        'The end-to-end test did not start: Deactivate Users is switched off for Courier in Okta, so Okta would not deactivate the test user at the vendor, and the end-to-end test could only wait out its time and fail.',
      hint: "Open Courier's Provisioning tab with the link above > To App > Edit, enable Deactivate Users, Save, then press Check Okta and run the test again.",
    });
    // Refused before any wait: far below the 120 s the proof would otherwise spend (generous for a loaded machine).
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(h.org.writeCount()).toBe(writesBefore);
    expect((await api(h.org, 'GET', `/api/v1/apps/${app.id}/users/${ann!.id}`)).status).toBe(404);
    expect(scim.users()).toEqual([]);

    await postConsole(session, { ...consoleFields(scim.baseUrl, TOKEN), action: 'save' });
    const ready = await h.inspect('provisioning');
    expect(ready.changes.find((c) => c.id === 'provisioning-end-to-end')?.details.map((d) => d.field)).not.toContain(
      'Cannot pass until',
    );
  });

  it('times out with what to check in Okta when the console points at another endpoint, and still unassigns', async () => {
    const scim = await scimServer();
    const elsewhere = await scimServer();
    const h = await stepHarness('courier');
    await passScimStep(h, scim);
    const app = await customAppWithRole(h.org, 'Courier');
    await seedApp(h, app);
    const bob = people(h.org)[1]!;
    const session = await consoleSession(h.org, { id: app.id, name: app.name });
    await postConsole(session, { ...consoleFields(elsewhere.baseUrl, TOKEN), action: 'save' });

    await h.save('provisioning', { testUser: bob.profile.login, waitSeconds: 5 });
    const view = await h.apply('provisioning');
    expect(view.status).toBe('applied');
    const created = view.checks.find((c) => c.id === 'provisioning-e2e-created');
    expect(created?.status).toBe('fail');
    expect(created?.detail).toMatch(
      new RegExp(
        `^${bob.profile.login.replace(/[.]/g, '\\.')} did not appear at ${scim.baseUrl.replace(/[.]/g, '\\.')} within 5 s of being assigned\\. Check in Okta: \\(1\\) Courier > Provisioning > Integration`,
      ),
    );
    expect(created?.detail).toContain('users assigned before provisioning was enabled are not pushed');
    expect(view.checks.find((c) => c.id === 'provisioning-e2e-cleanup')?.status).toBe('pass');
    expect((await api(h.org, 'GET', `/api/v1/apps/${app.id}/users/${bob.id}`)).status).toBe(404);
    expect(view.changes.map((c) => c.id)).toEqual(['provisioning-console-integration', 'provisioning-end-to-end']);
  });

  it('names the test user field for a user who is already assigned, and leaves the assignment alone', async () => {
    const scim = await scimServer();
    const h = await stepHarness('courier');
    await passScimStep(h, scim);
    const app = await customAppWithRole(h.org, 'Courier');
    await seedApp(h, app);
    const cy = people(h.org)[2]!;
    await api(h.org, 'POST', `/api/v1/apps/${app.id}/users`, {
      body: { id: cy.id, scope: 'USER', profile: { role: 'ADMINISTRATOR' } },
    });
    const session = await consoleSession(h.org, { id: app.id, name: app.name });
    await postConsole(session, { ...consoleFields(scim.baseUrl, TOKEN), action: 'save' });

    await h.save('provisioning', { testUser: cy.profile.login });
    await expect(h.apply('provisioning')).rejects.toMatchObject({
      code: 'PROVISIONING_TEST_USER_ASSIGNED',
      field: 'testUser',
    });
    expect((await api(h.org, 'GET', `/api/v1/apps/${app.id}/users/${cy.id}`)).status).toBe(200);
    await expect(h.save('provisioning', { waitSeconds: 2 })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      field: 'waitSeconds',
    });
  });
});
