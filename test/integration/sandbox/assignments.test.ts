import { beforeEach, describe, expect, it } from 'vitest';
import type { AssignmentEvent } from '../../../src-main/sandbox/state';
import type { SandboxOrg } from '../../../src-main/sandbox/server';
import { api, samlAppBody, startSandbox } from '../../support/sandbox';

type Json = Record<string, unknown>;

let org: SandboxOrg;
let appId: string;
let events: AssignmentEvent[];

async function groupId(name: string): Promise<string> {
  return String((await api<Json[]>(org, 'GET', `/api/v1/groups?q=${name}`)).body[0]?.id);
}

async function addRoleProperty(): Promise<void> {
  await api(org, 'POST', `/api/v1/meta/schemas/apps/${appId}/default`, {
    body: {
      definitions: { custom: { properties: { role: { title: 'Role', type: 'string', enum: ['ADMIN', 'ANALYST'] } } } },
    },
  });
}

beforeEach(async () => {
  org = await startSandbox();
  appId = String((await api<Json>(org, 'POST', '/api/v1/apps', { body: samlAppBody('Assign') })).body.id);
  events = [];
  org.state.assignments.onAssignmentChanged((e) => events.push({ ...e, appUser: { ...e.appUser } }));
});

describe('app user assignments', () => {
  it('assigns a user directly with scope USER, the login as userName, and emits one event', async () => {
    const user = org.state.getUser('admin@acme.example');
    const assigned = await api<Json>(org, 'POST', `/api/v1/apps/${appId}/users`, {
      body: { id: user?.id, scope: 'USER' },
    });
    expect([
      assigned.status,
      assigned.body.scope,
      assigned.body.credentials,
      assigned.body.status,
      assigned.body.syncState,
    ]).toEqual([200, 'USER', { userName: 'admin@acme.example' }, 'ACTIVE', 'DISABLED']);
    expect(events.map((e) => [e.change, e.userId])).toEqual([['assigned', user?.id]]);
  });

  it('gives every member of an assigned group a GROUP-scoped app user with the group profile', async () => {
    await addRoleProperty();
    const engineering = await groupId('Engineering');
    const put = await api<Json>(org, 'PUT', `/api/v1/apps/${appId}/groups/${engineering}`, {
      body: { profile: { role: 'ANALYST' } },
    });
    expect([put.status, put.body.priority, put.body.profile]).toEqual([200, 0, { role: 'ANALYST' }]);
    const members = [...org.state.groupMemberIds(engineering)];
    const appUsers = await api<Json[]>(org, 'GET', `/api/v1/apps/${appId}/users?limit=500`);
    expect(appUsers.body.map((u) => u.id).sort()).toEqual([...members].sort());
    expect(new Set(appUsers.body.map((u) => `${String(u.scope)} ${JSON.stringify(u.profile)}`))).toEqual(
      new Set(['GROUP {"role":"ANALYST"}']),
    );
    expect((appUsers.body[0]?._links as Record<string, unknown>).group).toEqual({
      href: `${org.url}/api/v1/groups/${engineering}`,
      name: 'Engineering',
    });
    expect(events.filter((e) => e.change === 'assigned')).toHaveLength(members.length);
  });

  it("applies the profile of the highest-priority group and keeps a direct assignment's own profile", async () => {
    await addRoleProperty();
    const managers = await groupId('Managers');
    const everyone = await groupId('Everyone');
    await api(org, 'PUT', `/api/v1/apps/${appId}/groups/${everyone}`, {
      body: { priority: 1, profile: { role: 'ANALYST' } },
    });
    await api(org, 'PUT', `/api/v1/apps/${appId}/groups/${managers}`, {
      body: { priority: 0, profile: { role: 'ADMIN' } },
    });
    const manager = [...org.state.groupMemberIds(managers)][0] ?? '';
    expect((await api<Json>(org, 'GET', `/api/v1/apps/${appId}/users/${manager}`)).body.profile).toEqual({
      role: 'ADMIN',
    });
    const direct = await api<Json>(org, 'POST', `/api/v1/apps/${appId}/users`, {
      body: { id: manager, profile: { role: 'ANALYST' } },
    });
    expect([direct.body.scope, direct.body.profile]).toEqual(['USER', { role: 'ANALYST' }]);
    await api(org, 'DELETE', `/api/v1/apps/${appId}/users/${manager}`);
    const back = await api<Json>(org, 'GET', `/api/v1/apps/${appId}/users/${manager}`);
    expect([back.body.scope, back.body.profile]).toEqual(['GROUP', { role: 'ADMIN' }]);
  });

  it('removes group-only app users when the group is unassigned, and adds later members', async () => {
    const support = await groupId('Support');
    await api(org, 'PUT', `/api/v1/apps/${appId}/groups/${support}`, { body: {} });
    const newcomer = await api<Json>(org, 'POST', '/api/v1/users?activate=true', {
      body: {
        profile: { firstName: 'New', lastName: 'Hire', email: 'new.hire@acme.example', login: 'new.hire@acme.example' },
      },
    });
    org.state.addGroupMember(support, String(newcomer.body.id));
    expect((await api(org, 'GET', `/api/v1/apps/${appId}/users/${String(newcomer.body.id)}`)).status).toBe(200);
    const count = org.state.assignments.listAppUsers(appId).length;
    events.length = 0;
    expect((await api(org, 'DELETE', `/api/v1/apps/${appId}/groups/${support}`)).status).toBe(204);
    expect(org.state.assignments.listAppUsers(appId)).toEqual([]);
    expect(events.filter((e) => e.change === 'unassigned')).toHaveLength(count);
    const gone = await api<Json>(org, 'GET', `/api/v1/apps/${appId}/users/${String(newcomer.body.id)}`);
    expect([gone.status, gone.body.errorCode]).toEqual([404, 'E0000007']);
  });

  it('updates an app user profile and userName, validating against the app user schema', async () => {
    await addRoleProperty();
    const user = org.state.getUser('admin@acme.example')?.id ?? '';
    await api(org, 'POST', `/api/v1/apps/${appId}/users`, { body: { id: user } });
    const updated = await api<Json>(org, 'POST', `/api/v1/apps/${appId}/users/${user}`, {
      body: { profile: { role: 'ADMIN' }, credentials: { userName: 'alex' } },
    });
    expect([updated.body.profile, updated.body.credentials]).toEqual([{ role: 'ADMIN' }, { userName: 'alex' }]);
    const badValue = await api<Json>(org, 'POST', `/api/v1/apps/${appId}/users/${user}`, {
      body: { profile: { role: 'OWNER' } },
    });
    expect([badValue.status, badValue.body.errorSummary, badValue.body.errorCauses]).toEqual([
      400,
      'Api validation failed: role',
      [{ errorSummary: 'role: Does not match allowed values (ADMIN, ANALYST)' }],
    ]);
    const unknown = await api<Json>(org, 'POST', `/api/v1/apps/${appId}/users/${user}`, {
      body: { profile: { team: 'x' } },
    });
    expect([unknown.status, unknown.body.errorSummary]).toEqual([400, 'Api validation failed: profile']);
  });

  it('answers unknown users, groups and apps with E0000007', async () => {
    const user = await api<Json>(org, 'POST', `/api/v1/apps/${appId}/users`, { body: { id: '00unobody00000000000' } });
    const group = await api<Json>(org, 'PUT', `/api/v1/apps/${appId}/groups/00gnothing0000000000`, { body: {} });
    const app = await api<Json>(org, 'GET', '/api/v1/apps/0oanothing0000000000/users');
    expect([user.body.errorSummary, group.body.errorSummary, app.body.errorSummary]).toEqual([
      'Not found: Resource not found: 00unobody00000000000 (User)',
      'Not found: Resource not found: 00gnothing0000000000 (UserGroup)',
      'Not found: Resource not found: 0oanothing0000000000 (AppInstance)',
    ]);
  });
});
