import { beforeEach, describe, expect, it } from 'vitest';
import type { SandboxOrg } from '../../../src-main/sandbox/server';
import { api, samlAppBody, startSandbox } from '../../support/sandbox';

type Json = Record<string, unknown>;

let org: SandboxOrg;

async function newUser(login: string, activate: boolean): Promise<string> {
  const created = await api<Json>(org, 'POST', `/api/v1/users?activate=${activate}`, {
    body: {
      profile: { login, email: login, firstName: 'Test', lastName: 'User' },
      // Activated with a password the user is ACTIVE; without one Okta leaves them PROVISIONED.
      ...(activate ? { credentials: { password: { value: 'Test-Passw0rd!' } } } : {}),
    },
  });
  return String(created.body.id);
}

beforeEach(async () => {
  org = await startSandbox({ seed: false });
});

describe('Groups API writes', () => {
  it('creates a group and refuses a second Okta group of the same name, as Okta does', async () => {
    const created = await api<{ id: string; type: string; profile: Json }>(org, 'POST', '/api/v1/groups', {
      body: { profile: { name: 'Courier Admins', description: 'Courier role ADMINISTRATOR' } },
    });
    expect([created.status, created.body.type, created.body.profile]).toEqual([
      200,
      'OKTA_GROUP',
      { name: 'Courier Admins', description: 'Courier role ADMINISTRATOR' },
    ]);
    const again = await api<Json>(org, 'POST', '/api/v1/groups', { body: { profile: { name: 'courier admins' } } });
    expect([again.status, again.body.errorCode, again.body.errorCauses]).toEqual([
      400,
      'E0000001',
      [{ errorSummary: 'name: An object with this field already exists in the current organization' }],
    ]);
  });

  it("adds and removes members idempotently with 204, and an app assigned to the group follows with the group's role", async () => {
    const appId = String((await api<Json>(org, 'POST', '/api/v1/apps', { body: samlAppBody('Courier') })).body.id);
    await api(org, 'POST', `/api/v1/meta/schemas/apps/${appId}/default`, {
      body: { definitions: { custom: { properties: { role: { title: 'Role', type: 'string', enum: ['ANALYST'] } } } } },
    });
    const group = await api<Json>(org, 'POST', '/api/v1/groups', { body: { profile: { name: 'Courier Analysts' } } });
    const groupId = String(group.body.id);
    await api(org, 'PUT', `/api/v1/apps/${appId}/groups/${groupId}`, { body: { profile: { role: 'ANALYST' } } });
    const userId = await newUser('ana@acme.example', true);

    const added = [await api(org, 'PUT', `/api/v1/groups/${groupId}/users/${userId}`)];
    added.push(await api(org, 'PUT', `/api/v1/groups/${groupId}/users/${userId}`));
    expect(added.map((a) => a.status)).toEqual([204, 204]);
    const appUser = await api<Json>(org, 'GET', `/api/v1/apps/${appId}/users/${userId}`);
    expect([appUser.body.scope, (appUser.body.profile as Json).role]).toEqual(['GROUP', 'ANALYST']);

    expect((await api(org, 'DELETE', `/api/v1/groups/${groupId}/users/${userId}`)).status).toBe(204);
    expect((await api(org, 'DELETE', `/api/v1/groups/${groupId}/users/${userId}`)).status).toBe(204);
    expect((await api(org, 'GET', `/api/v1/apps/${appId}/users/${userId}`)).status).toBe(404);
  });

  it("refuses to change the built-in Everyone group's members", async () => {
    const everyone = org.state.addGroup('Everyone', 'All users', 'BUILT_IN');
    const userId = await newUser('e@acme.example', true);
    const answer = await api<Json>(org, 'PUT', `/api/v1/groups/${everyone.id}/users/${userId}`);
    expect([answer.status, answer.body.errorCode]).toEqual([403, 'E0000006']);
  });
});

describe('user lifecycle', () => {
  it('activates a staged user without a password to PROVISIONED, not ACTIVE, and refuses a second activation', async () => {
    const userId = await newUser('staged@acme.example', false);
    const activated = await api<Json>(org, 'POST', `/api/v1/users/${userId}/lifecycle/activate?sendEmail=false`);
    expect(activated.status).toBe(200);
    expect(typeof activated.body.activationToken).toBe('string');
    expect((await api<Json>(org, 'GET', `/api/v1/users/${userId}`)).body.status).toBe('PROVISIONED');
  });

  it('suspends only an active user, unsuspends, and deactivates', async () => {
    const userId = await newUser('life@acme.example', true);
    const status = async () => (await api<Json>(org, 'GET', `/api/v1/users/${userId}`)).body.status;
    const again = await api<Json>(org, 'POST', `/api/v1/users/${userId}/lifecycle/activate`);
    expect([again.status, again.body.errorCode]).toEqual([403, 'E0000016']);
    await api(org, 'POST', `/api/v1/users/${userId}/lifecycle/suspend`);
    expect(await status()).toBe('SUSPENDED');
    const suspendAgain = await api<Json>(org, 'POST', `/api/v1/users/${userId}/lifecycle/suspend`);
    expect([suspendAgain.status, suspendAgain.body.errorCauses]).toEqual([
      400,
      [{ errorSummary: 'Cannot suspend a user that is not active' }],
    ]);
    await api(org, 'POST', `/api/v1/users/${userId}/lifecycle/unsuspend`);
    expect(await status()).toBe('ACTIVE');
    await api(org, 'POST', `/api/v1/users/${userId}/lifecycle/deactivate`);
    expect(await status()).toBe('DEPROVISIONED');
  });
});
