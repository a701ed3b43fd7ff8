import { describe, expect, it } from 'vitest';
import { StepRunner } from '../../../src-main/steps/runner';
import { wizardSteps } from '../../../src-main/steps/registry';
import { connectOrg } from '../../../src-main/okta/connect';
import { ProgressBoard } from '../../../src-main/directory/progress-board';
import { FileSecretStore } from '../../../src-main/workspace/secrets';
import { api } from '../../support/sandbox';
import { groupId, harnessWithApp, userId } from './with-saml-app';

type AppUserJson = { id: string; scope: string; profile: Record<string, unknown> };

describe('assign step (Courier)', () => {
  it('assigns two groups and one user with roles, reads them back, and a second apply writes nothing', async () => {
    const h = await harnessWithApp('courier');
    await h.apply('role');
    const engineering = await groupId(h, 'Engineering');
    const managers = await groupId(h, 'Managers');
    const admin = await userId(h, h.org.adminLogin);
    const engineers = (await api<{ id: string }[]>(h.org, 'GET', `/api/v1/groups/${engineering}/users`)).body.map(
      (u) => u.id,
    );
    const managerIds = (await api<{ id: string }[]>(h.org, 'GET', `/api/v1/groups/${managers}/users`)).body.map(
      (u) => u.id,
    );
    const distinct = new Set([...engineers, ...managerIds, admin]);

    await h.save('assign', {
      groups: [
        { id: engineering, name: 'Engineering', role: 'DEVELOPER' },
        { id: managers, name: 'Managers', role: 'MANAGER' },
      ],
      users: [{ id: admin, name: 'Alex Admin', role: 'ADMINISTRATOR' }],
    });
    const planned = await h.inspect('assign');
    expect(planned.changes.map((c) => `${c.id}:${c.kind}`)).toEqual([
      `assign-group:${engineering}:create`,
      `assign-group:${managers}:create`,
      `assign-user:${admin}:create`,
    ]);
    expect((planned.observed as { preview: unknown }).preview).toEqual({
      people: distinct.size,
      fromGroups: new Set([...engineers, ...managerIds]).size,
      direct: 1,
      duplicates: engineers.length + managerIds.length + 1 - distinct.size,
    });

    const progress: [number, number, string][] = [];
    const board = new ProgressBoard();
    const runner = new StepRunner({
      workspace: h.workspace,
      secrets: new FileSecretStore(h.dataDir),
      steps: wizardSteps,
      connect: (c) =>
        connectOrg({
          clientId: c.id,
          orgUrl: c.orgUrl,
          auth: { method: 'api-token' },
          secrets: new FileSecretStore(h.dataDir),
          audit: h.audit.append,
        }),
      onProgress: (ref, done, total, message) => {
        progress.push([done, total, message]);
        board.report(ref, done, total, message);
      },
    });
    const applied = await runner.apply({ integrationId: h.integration.id, stepId: 'assign' });
    expect(progress).toEqual([
      [0, 3, 'Assigning 3 items…'],
      [1, 3, 'Group "Engineering" assigned'],
      [2, 3, 'Group "Managers" assigned'],
      [3, 3, 'Alex Admin assigned'],
    ]);
    expect(board.get({ integrationId: h.integration.id, stepId: 'assign' })).toEqual({
      active: false,
      done: 3,
      total: 3,
      message: 'Alex Admin assigned',
    });
    expect(applied.status).toBe('verified');
    expect(applied.checks.map((c) => [c.id, c.status])).toEqual([
      ['groups-assigned', 'pass'],
      ['members-assigned', 'pass'],
      ['users-assigned', 'pass'],
    ]);

    const appUsers = (await api<AppUserJson[]>(h.org, 'GET', `/api/v1/apps/${h.appId}/users?limit=500`)).body;
    expect(appUsers.length).toBe(distinct.size);
    expect(appUsers.find((u) => u.id === admin)).toMatchObject({ scope: 'USER', profile: { role: 'ADMINISTRATOR' } });
    const onlyEngineer = engineers.find((id) => !managerIds.includes(id) && id !== admin);
    expect(appUsers.find((u) => u.id === onlyEngineer)).toMatchObject({
      scope: 'GROUP',
      profile: { role: 'DEVELOPER' },
    });
    const groupRoles = await Promise.all(
      [engineering, managers].map(
        async (id) =>
          (await api<{ profile: Record<string, unknown> }>(h.org, 'GET', `/api/v1/apps/${h.appId}/groups/${id}`)).body
            .profile.role,
      ),
    );
    expect(groupRoles).toEqual(['DEVELOPER', 'MANAGER']);

    const writes = h.org.writeCount();
    const again = await h.apply('assign');
    expect([h.org.writeCount(), again.status]).toEqual([writes, 'verified']);
  });

  it('plans a role change for a group already assigned with another role', async () => {
    const h = await harnessWithApp('courier');
    await h.apply('role');
    const support = await groupId(h, 'Support');
    await api(h.org, 'PUT', `/api/v1/apps/${h.appId}/groups/${support}`, { body: { profile: { role: 'ANALYST' } } });
    await h.save('assign', { groups: [{ id: support, name: 'Support', role: 'SUPPORT_SPECIALIST' }] });
    const planned = await h.inspect('assign');
    expect(planned.changes.map((c) => [c.id, c.kind, c.details])).toEqual([
      [`assign-group:${support}`, 'update', [{ field: 'role', from: 'ANALYST', to: 'SUPPORT_SPECIALIST' }]],
    ]);
  });

  it('names the role field of a group chosen without a role', async () => {
    const h = await harnessWithApp('courier');
    await h.apply('role');
    const support = await groupId(h, 'Support');
    await expect(h.save('assign', { groups: [{ id: support, name: 'Support' }] })).rejects.toMatchObject({
      code: 'ROLE_REQUIRED',
      field: 'groups.0.role',
    });
  });

  it('asks for the role attribute first when Courier has none yet', async () => {
    const h = await harnessWithApp('courier');
    await expect(h.inspect('assign')).rejects.toMatchObject({ code: 'ROLE_ATTRIBUTE_MISSING' });
  });

  it('assigns without roles for a custom SAML app without a role attribute', async () => {
    const h = await harnessWithApp('custom-saml');
    const support = await groupId(h, 'Support');
    await h.save('assign', { groups: [{ id: support, name: 'Support' }] });
    const applied = await h.apply('assign');
    expect(applied.status).toBe('verified');
    const group = await api<{ profile: Record<string, unknown> }>(
      h.org,
      'GET',
      `/api/v1/apps/${h.appId}/groups/${support}`,
    );
    expect(group.body.profile).toEqual({});
  });
});
