import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { provisioningOf } from '../../../src-main/sandbox/provisioning/index';
import type { SandboxOrg } from '../../../src-main/sandbox/server';
import type { UserRecord } from '../../../src-main/sandbox/state';
import { api, startSandbox } from '../../support/sandbox';
import { startScimServer, type ScimTestServer } from '../../support/scim-server';
import {
  closedPort,
  consoleSession,
  CORE,
  customAppWithRole,
  integration as integrationWith,
  postConsole,
} from './console-driver';

const TOKEN = 'vendor-scim-token-123';
const integration = (baseUrl: string): Record<string, string> => integrationWith(baseUrl, TOKEN);

let org: SandboxOrg;
let scim: ScimTestServer;
let people: UserRecord[];

beforeAll(async () => {
  org = await startSandbox();
  scim = await startScimServer({ token: TOKEN });
  people = [...org.state.users.values()].filter((u) => u.status === 'ACTIVE' && u.id !== org.adminUserId);
  expect(people.length).toBeGreaterThanOrEqual(6);
});
afterAll(async () => {
  await scim.close();
});

function person(index: number): UserRecord {
  const user = people[index];
  if (user === undefined) throw new Error(`seed user ${index} missing`);
  return user;
}

const requestsSince = (start: number): Array<{ method: string; path: string; body: unknown }> =>
  scim.requests.slice(start).map(({ method, path, body }) => ({ method, path, body }));

describe('custom SAML app: provisioning switched on in the console', () => {
  let app: { id: string; name: string; label: string };
  let session: { url: string; cookie: string };

  beforeAll(async () => {
    app = await customAppWithRole(org, 'Courier');
    session = await consoleSession(org, app);
  });

  it("answers connections/default with UNKNOWN and features with Okta's validation error", async () => {
    const connection = await api(org, 'GET', `/api/v1/apps/${app.id}/connections/default`);
    expect(connection).toMatchObject({ status: 200, body: { profile: { authScheme: 'UNKNOWN' }, status: 'UNKNOWN' } });
    const features = await api(org, 'GET', `/api/v1/apps/${app.id}/features`);
    expect(features).toMatchObject({
      status: 400,
      body: {
        errorCode: 'E0000001',
        errorSummary: 'Api validation failed: feature',
        errorCauses: [{ errorSummary: 'Provisioning is not enabled for the app instance.' }],
      },
    });
  });

  it('tests the connector with exactly one GET /Users?startIndex=1&count=2', async () => {
    const start = scim.requests.length;
    const html = await postConsole(session, { ...integration(scim.baseUrl), action: 'test' });
    expect(html).toContain('Connector configured successfully');
    expect(html).toContain('Push New Users');
    expect(scim.requests.slice(start).map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /scim/v2/Users?startIndex=1&count=2',
    ]);
    expect(scim.requests[start]?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(scim.requests[start]?.headers['user-agent']).toBe('Okta SCIM Client 1.0.0');
  });

  it('shows a failed connector test for a wrong token', async () => {
    const html = await postConsole(session, { ...integration(scim.baseUrl), token: 'wrong', action: 'test' });
    expect(html).toContain('Error authenticating: 401 Unauthorized');
  });

  it('pushes assignments made after saving: POST with role, GET+PUT on update, PUT active:false on unassign, never DELETE', async () => {
    const early = person(0);
    expect(
      (
        await api(org, 'POST', `/api/v1/apps/${app.id}/users`, {
          body: { id: early.id, scope: 'USER', profile: { role: 'ANALYST' } },
        })
      ).status,
    ).toBe(200);
    const saved = await postConsole(session, { ...integration(scim.baseUrl), action: 'save' });
    expect(saved).toContain('Provisioning settings saved.');
    expect(org.state.apps.get(app.id)?.features).toEqual([
      'SCIM_PROVISIONING',
      'PUSH_NEW_USERS',
      'PUSH_PROFILE_UPDATES',
      'PUSH_USER_DEACTIVATION',
      'REACTIVATE_USERS',
    ]);
    const engine = provisioningOf(org.state);
    await engine.whenIdle();

    const ann = person(1);
    const start = scim.requests.length;
    expect(
      (
        await api(org, 'POST', `/api/v1/apps/${app.id}/users`, {
          body: { id: ann.id, scope: 'USER', profile: { role: 'ADMINISTRATOR' } },
        })
      ).status,
    ).toBe(200);
    await engine.whenIdle();
    const created = requestsSince(start);
    expect(created.map((r) => `${r.method} ${r.path}`)).toEqual([
      `GET /scim/v2/Users?filter=${encodeURIComponent(`userName eq "${ann.profile.login}"`)}&startIndex=1&count=100`,
      'POST /scim/v2/Users',
    ]);
    expect(created[1]?.body).toMatchObject({
      schemas: [CORE],
      userName: ann.profile.login,
      externalId: ann.id,
      active: true,
      role: 'ADMINISTRATOR',
      name: { givenName: ann.profile.firstName, familyName: ann.profile.lastName },
      emails: [{ primary: true, value: ann.profile.email, type: 'work' }],
    });
    const vendorUser = scim.users().find((u) => u.userName === ann.profile.login);
    expect(vendorUser).toMatchObject({ role: 'ADMINISTRATOR', externalId: ann.id, active: true });
    const appUser = await api<{ syncState: string; externalId: string }>(
      org,
      'GET',
      `/api/v1/apps/${app.id}/users/${ann.id}`,
    );
    expect(appUser.body).toMatchObject({ syncState: 'SYNCHRONIZED', externalId: vendorUser?.id });

    const beforeUpdate = scim.requests.length;
    expect(
      (await api(org, 'POST', `/api/v1/apps/${app.id}/users/${ann.id}`, { body: { profile: { role: 'ANALYST' } } }))
        .status,
    ).toBe(200);
    await engine.whenIdle();
    const updated = requestsSince(beforeUpdate);
    expect(updated.map((r) => `${r.method} ${r.path}`)).toEqual([
      `GET /scim/v2/Users/${vendorUser?.id}`,
      `PUT /scim/v2/Users/${vendorUser?.id}`,
    ]);
    expect(updated[1]?.body).toMatchObject({ id: vendorUser?.id, role: 'ANALYST', active: true });
    expect(scim.users().find((u) => u.id === vendorUser?.id)?.role).toBe('ANALYST');

    const beforeUnassign = scim.requests.length;
    expect((await api(org, 'DELETE', `/api/v1/apps/${app.id}/users/${ann.id}`)).status).toBe(204);
    await engine.whenIdle();
    const deactivated = requestsSince(beforeUnassign);
    expect(deactivated.map((r) => `${r.method} ${r.path}`)).toEqual([
      `GET /scim/v2/Users/${vendorUser?.id}`,
      `PUT /scim/v2/Users/${vendorUser?.id}`,
    ]);
    expect(deactivated[1]?.body).toMatchObject({ active: false, userName: ann.profile.login });
    expect(scim.users().find((u) => u.id === vendorUser?.id)?.active).toBe(false);

    expect(scim.requests.some((r) => r.method === 'DELETE' || r.method === 'PATCH')).toBe(false);
    expect(scim.users().some((u) => u.userName === early.profile.login)).toBe(false);
    expect(engine.tasks.filter((t) => t.appId === app.id).map((t) => `${t.action}:${t.status}`)).toEqual([
      'create:SUCCESS',
      'update:SUCCESS',
      'deactivate:SUCCESS',
    ]);
  });

  it('links to a vendor user found by the userName filter instead of creating one', async () => {
    const existing = person(2);
    const seeded = await fetch(`${scim.baseUrl}/Users`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/scim+json' },
      body: JSON.stringify({ schemas: [CORE], userName: existing.profile.login, active: true }),
    });
    expect(seeded.status).toBe(201);
    const start = scim.requests.length;
    await api(org, 'POST', `/api/v1/apps/${app.id}/users`, {
      body: { id: existing.id, scope: 'USER', profile: { role: 'ANALYST' } },
    });
    await provisioningOf(org.state).whenIdle();
    const methods = requestsSince(start).map((r) => r.method);
    expect(methods).toEqual(['GET', 'GET', 'PUT']);
    expect(provisioningOf(org.state).tasks.at(-1)).toMatchObject({ action: 'link', status: 'SUCCESS' });
  });

  it("records Okta's failure text when the vendor cannot be reached", async () => {
    const broken = await customAppWithRole(org, 'Broken Vendor');
    const brokenSession = await consoleSession(org, broken);
    const port = await closedPort();
    await postConsole(brokenSession, { ...integration(`http://127.0.0.1:${port}/scim/v2`), action: 'save' });
    const user = person(3);
    await api(org, 'POST', `/api/v1/apps/${broken.id}/users`, { body: { id: user.id, scope: 'USER' } });
    await provisioningOf(org.state).whenIdle();
    const tasks = await api<Array<{ status: string; message: string }>>(
      org,
      'GET',
      `/sandbox/v1/apps/${broken.id}/provisioning/tasks`,
    );
    expect(tasks.body).toHaveLength(1);
    expect(tasks.body[0]?.status).toBe('FAILED');
    expect(tasks.body[0]?.message).toBe(
      `Automatic provisioning of user ${user.profile.firstName} ${user.profile.lastName} to app Broken Vendor failed: Error while looking up user ${user.profile.login}: Connection refused by 127.0.0.1:${port}.`,
    );
    const appUser = await api<{ syncState: string }>(org, 'GET', `/api/v1/apps/${broken.id}/users/${user.id}`);
    expect(appUser.body.syncState).toBe('ERROR');
  });
});

describe('catalog app with API provisioning (Mixpanel)', () => {
  it('configures the connection and features by API, then PATCHes deactivation', async () => {
    const created = await api<{ id: string }>(org, 'POST', '/api/v1/apps', {
      body: { name: 'mixpanel', label: 'Mixpanel', signOnMode: 'SAML_2_0' },
    });
    expect(created.status).toBe(200);
    const appId = created.body.id;
    const before = await api(org, 'GET', `/api/v1/apps/${appId}/connections/default`);
    expect(before.body).toMatchObject({ authScheme: 'TOKEN', status: 'DISABLED', profile: { authScheme: 'TOKEN' } });
    const connected = await api(org, 'POST', `/api/v1/apps/${appId}/connections/default?activate=true`, {
      body: { baseUrl: scim.baseUrl, profile: { authScheme: 'TOKEN', token: TOKEN } },
    });
    expect(connected.body).toMatchObject({ status: 'ENABLED', authScheme: 'TOKEN' });
    expect(JSON.stringify(connected.body)).not.toContain(TOKEN);

    const features = await api<Array<Record<string, unknown>>>(org, 'GET', `/api/v1/apps/${appId}/features`);
    expect(features.body[0]).toMatchObject({
      name: 'USER_PROVISIONING',
      status: 'ENABLED',
      capabilities: { create: { lifecycleCreate: { status: 'DISABLED' } } },
    });
    const put = await api(org, 'PUT', `/api/v1/apps/${appId}/features/USER_PROVISIONING`, {
      body: {
        create: { lifecycleCreate: { status: 'ENABLED' } },
        update: { lifecycleDeactivate: { status: 'ENABLED' } },
      },
    });
    expect(put.body).toMatchObject({
      capabilities: {
        create: { lifecycleCreate: { status: 'ENABLED' } },
        update: { profile: { status: 'DISABLED' }, lifecycleDeactivate: { status: 'ENABLED' } },
      },
    });

    const user = person(4);
    const start = scim.requests.length;
    await api(org, 'POST', `/api/v1/apps/${appId}/users`, { body: { id: user.id, scope: 'USER' } });
    await provisioningOf(org.state).whenIdle();
    await api(org, 'DELETE', `/api/v1/apps/${appId}/users/${user.id}`);
    await provisioningOf(org.state).whenIdle();
    const calls = requestsSince(start);
    expect(calls.map((r) => r.method)).toEqual(['GET', 'POST', 'PATCH']);
    expect(calls[2]?.body).toEqual({
      schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
      Operations: [{ op: 'replace', value: { active: false } }],
    });
  });
});
