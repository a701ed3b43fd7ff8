import { beforeAll, describe, expect, it } from 'vitest';
import type { SandboxOrg } from '../../../src-main/sandbox/server';
import { api, samlAppBody, startSandbox } from '../../support/sandbox';

type UserBody = { id: string; status: string; profile: Record<string, unknown> };

let org: SandboxOrg;

beforeAll(async () => {
  org = await startSandbox();
});

async function newUser(login: string, extra: Record<string, unknown> = {}): Promise<UserBody> {
  const created = await api<UserBody>(org, 'POST', '/api/v1/users?activate=true', {
    body: {
      profile: { firstName: 'Dana', lastName: 'Reyes', email: login, login, ...extra },
      credentials: { password: { value: 'Tr0ub4dor&3-long' } },
    },
  });
  expect(created.status).toBe(200);
  return created.body;
}

describe('POST /api/v1/users/{id} (partial update) and PUT (replace)', () => {
  it('POST changes only the properties sent and keeps the rest', async () => {
    const user = await newUser('dana.partial@acme.example', { title: 'Engineer', mobilePhone: '+1 555 0100' });
    const updated = await api<UserBody>(org, 'POST', `/api/v1/users/${user.id}`, {
      body: { profile: { firstName: 'Danielle' } },
    });
    expect(updated.status).toBe(200);
    expect(updated.body.profile).toEqual({
      firstName: 'Danielle',
      lastName: 'Reyes',
      email: 'dana.partial@acme.example',
      login: 'dana.partial@acme.example',
      title: 'Engineer',
      mobilePhone: '+1 555 0100',
    });
    expect((await api<UserBody>(org, 'GET', `/api/v1/users/${user.id}`)).body.profile.firstName).toBe('Danielle');
  });

  it('PUT replaces the profile: properties left out are removed', async () => {
    const user = await newUser('dana.replace@acme.example', { title: 'Engineer' });
    const replaced = await api<UserBody>(org, 'PUT', `/api/v1/users/${user.id}`, {
      body: {
        profile: {
          firstName: 'Dana',
          lastName: 'Cruz',
          email: 'dana.cruz@acme.example',
          login: 'dana.cruz@acme.example',
        },
      },
    });
    expect(replaced.status).toBe(200);
    expect(replaced.body.profile).toEqual({
      firstName: 'Dana',
      lastName: 'Cruz',
      email: 'dana.cruz@acme.example',
      login: 'dana.cruz@acme.example',
    });
    // The new login finds the user; the old one no longer does.
    expect((await api<UserBody>(org, 'GET', '/api/v1/users/dana.cruz@acme.example')).body.id).toBe(user.id);
    expect((await api(org, 'GET', '/api/v1/users/dana.replace@acme.example')).status).toBe(404);
  });

  it('PUT without a required property fails with the field named, and changes nothing', async () => {
    const user = await newUser('dana.blank@acme.example');
    const refused = await api(org, 'PUT', `/api/v1/users/${user.id}`, {
      body: { profile: { firstName: 'Dana', email: 'dana.blank@acme.example', login: 'dana.blank@acme.example' } },
    });
    expect(refused).toMatchObject({
      status: 400,
      body: { errorCode: 'E0000001', errorCauses: [{ errorSummary: 'lastName: The field cannot be left blank' }] },
    });
    expect((await api<UserBody>(org, 'GET', `/api/v1/users/${user.id}`)).body.profile.lastName).toBe('Reyes');
  });

  it("refuses another user's login, keeps the user's own, and answers 404 for an unknown user", async () => {
    const first = await newUser('dana.one@acme.example');
    const second = await newUser('dana.two@acme.example');
    const taken = await api(org, 'POST', `/api/v1/users/${second.id}`, {
      body: { profile: { login: 'dana.one@acme.example' } },
    });
    expect(taken).toMatchObject({
      status: 400,
      body: {
        errorCauses: [{ errorSummary: 'login: An object with this field already exists in the current organization' }],
      },
    });
    const same = await api(org, 'POST', `/api/v1/users/${first.id}`, {
      body: { profile: { login: 'dana.one@acme.example' } },
    });
    expect(same.status).toBe(200);
    const unknown = await api(org, 'POST', '/api/v1/users/00uunknown0000000000', { body: { profile: {} } });
    expect(unknown).toMatchObject({ status: 404, body: { errorCode: 'E0000007' } });
  });
});

describe('deactivating a user deprovisions them from apps', () => {
  it('removes direct and group assignments, keeps group memberships; reactivation gives back the group apps only', async () => {
    const user = await newUser('dana.lifecycle@acme.example');
    const direct = await api<{ id: string }>(org, 'POST', '/api/v1/apps', { body: samlAppBody('Direct app') });
    const viaGroup = await api<{ id: string }>(org, 'POST', '/api/v1/apps', { body: samlAppBody('Group app') });
    const group = await api<{ id: string }>(org, 'POST', '/api/v1/groups', {
      body: { profile: { name: 'Lifecycle testers', description: 'Deactivation test' } },
    });
    expect(group.status).toBe(200);
    expect((await api(org, 'PUT', `/api/v1/groups/${group.body.id}/users/${user.id}`)).status).toBe(204);
    expect(
      (await api(org, 'PUT', `/api/v1/apps/${viaGroup.body.id}/groups/${group.body.id}`, { body: {} })).status,
    ).toBe(200);
    const assigned = await api(org, 'POST', `/api/v1/apps/${direct.body.id}/users`, {
      body: { id: user.id, scope: 'USER', credentials: { userName: 'dana.lifecycle@acme.example' } },
    });
    expect(assigned.status).toBe(200);

    expect((await api(org, 'POST', `/api/v1/users/${user.id}/lifecycle/deactivate`)).status).toBe(200);
    expect((await api(org, 'GET', `/api/v1/apps/${direct.body.id}/users/${user.id}`)).status).toBe(404);
    expect((await api(org, 'GET', `/api/v1/apps/${viaGroup.body.id}/users/${user.id}`)).status).toBe(404);
    const groups = await api<Array<{ id: string }>>(org, 'GET', `/api/v1/users/${user.id}/groups`);
    expect(groups.body.map((g) => g.id)).toContain(group.body.id);

    expect((await api(org, 'POST', `/api/v1/users/${user.id}/lifecycle/activate`)).status).toBe(200);
    expect((await api(org, 'GET', `/api/v1/apps/${direct.body.id}/users/${user.id}`)).status).toBe(404);
    const back = await api<{ scope: string }>(org, 'GET', `/api/v1/apps/${viaGroup.body.id}/users/${user.id}`);
    expect([back.status, back.body.scope]).toEqual([200, 'GROUP']);
  });
});
