import { beforeAll, describe, expect, it } from 'vitest';
import { provisioningOf } from '../../../src-main/sandbox/provisioning/index';
import type { SandboxOrg } from '../../../src-main/sandbox/server';
import { api, samlAppBody, startSandbox } from '../../support/sandbox';
import { startScimServer, type ScimTestServer } from '../../support/scim-server';
import { consoleSession, integration, postConsole } from './console-driver';

const TOKEN = 'user-changes-token';

let org: SandboxOrg;
let scim: ScimTestServer;
let appId: string;

beforeAll(async () => {
  org = await startSandbox();
  scim = await startScimServer({ token: TOKEN });
  const app = await api<{ id: string; name: string; label: string }>(org, 'POST', '/api/v1/apps', {
    body: samlAppBody('User changes app'),
  });
  appId = app.body.id;
  await postConsole(await consoleSession(org, app.body), { ...integration(scim.baseUrl, TOKEN), action: 'save' });
  return () => scim.close();
});

const since = (start: number): string[] => scim.requests.slice(start).map((r) => `${r.method} ${r.path}`);

describe('Okta user changes reach the vendor', () => {
  it('pushes a profile update (GET then PUT) and a deactivation (active false) of an assigned user', async () => {
    const login = 'rafael.ortiz@acme.example';
    const user = await api<{ id: string }>(org, 'POST', '/api/v1/users?activate=true', {
      body: { profile: { firstName: 'Rafael', lastName: 'Ortiz', email: login, login } },
    });
    await api(org, 'POST', `/api/v1/apps/${appId}/users`, {
      body: { id: user.body.id, scope: 'USER', credentials: { userName: login } },
    });
    await provisioningOf(org.state).whenIdle();
    const scimId = provisioningOf(org.state).linkOf(appId, user.body.id);
    expect(scimId).toBeDefined();

    let start = scim.requests.length;
    expect(
      (await api(org, 'POST', `/api/v1/users/${user.body.id}`, { body: { profile: { lastName: 'Ortega' } } })).status,
    ).toBe(200);
    await provisioningOf(org.state).whenIdle();
    expect(since(start)).toEqual([`GET /scim/v2/Users/${String(scimId)}`, `PUT /scim/v2/Users/${String(scimId)}`]);
    expect(scim.users().find((u) => u.userName === login)).toMatchObject({
      name: { givenName: 'Rafael', familyName: 'Ortega' },
      active: true,
    });

    start = scim.requests.length;
    expect((await api(org, 'POST', `/api/v1/users/${user.body.id}/lifecycle/deactivate`)).status).toBe(200);
    await provisioningOf(org.state).whenIdle();
    expect(since(start)).toEqual([`GET /scim/v2/Users/${String(scimId)}`, `PUT /scim/v2/Users/${String(scimId)}`]);
    expect(scim.users().find((u) => u.userName === login)).toMatchObject({ active: false });
    expect(provisioningOf(org.state).linkOf(appId, user.body.id)).toBeUndefined();
  });
});
