import { describe, expect, it } from 'vitest';
import { buildOktaUser, ScimClient } from '../../../src-main/scim/client';
import type { ScimTestServer } from '../../support/scim-server';
import { scimServerPool } from '../../support/scim-server-pool';

const servers = scimServerPool('tok');

async function start(): Promise<{ server: ScimTestServer; client: ScimClient }> {
  const server = await servers.good();
  return { server, client: new ScimClient({ baseUrl: server.baseUrl, token: 'tok' }) };
}

const courierUser = (userName: string) =>
  buildOktaUser({
    userName,
    givenName: 'Ann',
    familyName: 'Lee',
    email: userName,
    externalId: '00uann',
    extra: { role: 'ADMINISTRATOR' },
  });

describe('test SCIM server (scimmy on express 5)', () => {
  it('keeps a top-level role string, as Courier provisioning sends it', async () => {
    const { server, client } = await start();
    const created = await client.createUser(courierUser('ann@ex.com'));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      userName: 'ann@ex.com',
      role: 'ADMINISTRATOR',
      externalId: '00uann',
      active: true,
    });
    expect(server.users()).toEqual([expect.objectContaining({ userName: 'ann@ex.com', role: 'ADMINISTRATOR' })]);
    expect(Object.keys(server.users()[0] ?? {})).not.toContain('password');
  });

  it('refuses a second user with the same userName (409 uniqueness)', async () => {
    const { client } = await start();
    await client.createUser(courierUser('ann@ex.com'));
    const duplicate = await client.createUser(courierUser('ANN@ex.com'));
    expect(duplicate.status).toBe(409);
    expect(duplicate.body).toEqual({
      schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
      status: '409',
      scimType: 'uniqueness',
      detail: 'userName ANN@ex.com is already taken',
    });
  });

  it('filters, pages with count, replaces, patches and deletes', async () => {
    const { server, client } = await start();
    const ids: string[] = [];
    for (const name of ['a@ex.com', 'b@ex.com', 'c@ex.com']) {
      const created = await client.createUser(courierUser(name));
      ids.push((created.body as { id: string }).id);
    }
    expect((await client.findUserByUserName('b@ex.com')).body).toMatchObject({
      totalResults: 1,
      Resources: [{ userName: 'b@ex.com' }],
    });
    expect((await client.listUsers({ startIndex: 1, count: 2 })).body).toMatchObject({
      totalResults: 3,
      startIndex: 1,
      itemsPerPage: 2,
      Resources: [{ userName: 'a@ex.com' }, { userName: 'b@ex.com' }],
    });

    const [a, b, c] = ids as [string, string, string];
    const put = await client.replaceUser(a, {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
      userName: 'a@ex.com',
      active: false,
      role: 'ANALYST',
    });
    expect(put.body).toMatchObject({ id: a, active: false, role: 'ANALYST' });
    const patch = await client.patchUser(b, [{ op: 'replace', value: { active: false } }]);
    expect(patch).toMatchObject({ status: 200, body: { id: b, active: false } });
    expect((await client.deleteUser(c)).status).toBe(204);
    expect((await client.getUser(c)).status).toBe(404);
    expect(server.users().map((u) => [u.userName, u.active])).toEqual([
      ['a@ex.com', false],
      ['b@ex.com', false],
    ]);
  });

  it('answers 401 with a SCIM Error to a wrong token and records every request', async () => {
    const { server } = await start();
    const reply = await new ScimClient({ baseUrl: server.baseUrl, token: 'nope' }).listUsers({
      startIndex: 1,
      count: 2,
    });
    expect(reply).toMatchObject({
      status: 401,
      body: {
        schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
        status: '401',
        detail: 'Bearer token not recognised',
      },
    });
    expect(server.requests).toEqual([
      {
        method: 'GET',
        path: '/scim/v2/Users?startIndex=1&count=2',
        headers: expect.objectContaining({ authorization: 'Bearer nope' }),
        body: undefined,
      },
    ]);
  });
});
