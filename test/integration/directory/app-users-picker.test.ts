import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../../../src-main/services/bootstrap';
import { api } from '../../support/sandbox';
import { makeTempDir } from '../../support/temp-dir';

type Org = Parameters<typeof api>[0];

describe("the test-login picker searches only the people assigned to the integration's app", () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  let services: Services;
  let integrationId: string;
  let org: Org;
  let appId: string;

  beforeAll(async () => {
    temp = await makeTempDir();
    services = await createServices({ mode: 'browser', dataDir: join(temp.dir, 'data') });
    const client = await services.handlers.clients.add({ kind: 'sandbox', name: 'Acme' });
    integrationId = (await services.handlers.integrations.add({ clientId: client.id, vendorId: 'courier' })).id;
    await expect(
      services.handlers.directory.searchAppUsers({ integrationId, query: '', limit: 10 }),
    ).rejects.toMatchObject({ code: 'APP_NOT_CREATED' });
    await services.handlers.steps.saveInput({
      integrationId,
      stepId: 'app',
      input: { ssoAcsUrl: 'https://courier.example.com/acs', audience: 'https://courier.example.com/sp' },
    });
    await services.handlers.steps.apply({ integrationId, stepId: 'app' });
    appId = (await services.handlers.integrations.get({ integrationId })).facts.appId!;
    org = (await services.practiceOrg.ensureStarted(client.id)) as unknown as Org;
  });

  afterAll(async () => {
    await services.close();
    await temp.remove();
  });

  it('lists a directly assigned person and a group member, and nobody else', async () => {
    const users = (await api<{ id: string; profile: { login: string } }[]>(org, 'GET', '/api/v1/users?limit=200')).body;
    const direct = users[0]!;
    const groups = (await api<{ id: string; profile: { name: string } }[]>(org, 'GET', '/api/v1/groups')).body;
    const group = groups.find((g) => g.profile.name !== 'Everyone')!;
    const members = (
      await api<{ id: string; profile: { login: string } }[]>(org, 'GET', `/api/v1/groups/${group.id}/users`)
    ).body;
    expect((await api(org, 'POST', `/api/v1/apps/${appId}/users`, { body: { id: direct.id } })).status).toBe(200);
    expect((await api(org, 'PUT', `/api/v1/apps/${appId}/groups/${group.id}`, { body: {} })).status).toBe(200);
    const expected = new Set([direct.profile.login, ...members.map((m) => m.profile.login)]);

    const all = await services.handlers.directory.searchAppUsers({ integrationId, query: '', limit: 100 });
    expect(new Set(all.items.map((u) => u.login))).toEqual(expected);
    expect(all.matched).toBe(expected.size);

    const outsider = users.find((u) => !expected.has(u.profile.login))!;
    const none = await services.handlers.directory.searchAppUsers({
      integrationId,
      query: outsider.profile.login,
      limit: 10,
    });
    expect(none.items).toEqual([]);
    const found = await services.handlers.directory.searchAppUsers({
      integrationId,
      query: direct.profile.login,
      limit: 10,
    });
    expect(found.items.map((u) => u.login)).toEqual([direct.profile.login]);
  });
});
