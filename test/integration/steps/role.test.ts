import { describe, expect, it } from 'vitest';
import { api } from '../../support/sandbox';
import { COURIER_ROLE_PROPERTY } from '../../support/courier-role';
import { groupId, harnessWithApp, userId } from './with-saml-app';

describe('role step (Courier)', () => {
  it('creates the role attribute exactly, sets group roles, and a second apply writes nothing', async () => {
    const h = await harnessWithApp('courier');
    const engineering = await groupId(h, 'Engineering');
    const support = await groupId(h, 'Support');

    const first = await h.inspect('role');
    expect(first.status).toBe('planned');
    expect(first.changes.map((c) => [c.id, c.kind])).toEqual([['role-attribute', 'create']]);

    await h.save('role', {
      groupRoles: [
        { groupId: engineering, groupName: 'Engineering', role: 'DEVELOPER' },
        { groupId: support, groupName: 'Support', role: 'SUPPORT_SPECIALIST' },
      ],
    });
    const planned = await h.inspect('role');
    expect(planned.changes.map((c) => `${c.id}:${c.kind}`)).toEqual([
      'role-attribute:create',
      `group-role:${engineering}:create`,
      `group-role:${support}:create`,
    ]);

    const applied = await h.apply('role');
    expect(applied.status).toBe('verified');
    expect(applied.changes).toEqual([]);
    expect(applied.checks.map((c) => [c.id, c.status])).toEqual([
      ['role-attribute', 'pass'],
      ['group-roles', 'pass'],
      ['users-need-role', 'pass'],
    ]);

    const schema = await api<{ definitions: { custom: { properties: Record<string, unknown> } } }>(
      h.org,
      'GET',
      `/api/v1/meta/schemas/apps/${h.appId}/default`,
    );
    expect(schema.body.definitions.custom.properties.role).toEqual(COURIER_ROLE_PROPERTY);
    const group = await api<{ profile: Record<string, unknown> }>(
      h.org,
      'GET',
      `/api/v1/apps/${h.appId}/groups/${engineering}`,
    );
    expect(group.body.profile).toEqual({ role: 'DEVELOPER' });

    const writes = h.org.writeCount();
    const again = await h.apply('role');
    expect(h.org.writeCount()).toBe(writes);
    expect(again.status).toBe('verified');
  });

  it('changes the role of a group already assigned, keeping its other profile values and priority', async () => {
    const h = await harnessWithApp('courier');
    await h.apply('role');
    const managers = await groupId(h, 'Managers');
    await api(h.org, 'PUT', `/api/v1/apps/${h.appId}/groups/${managers}`, {
      body: { priority: 3, profile: { role: 'ANALYST' } },
    });
    await h.save('role', { groupRoles: [{ groupId: managers, groupName: 'Managers', role: 'MANAGER' }] });
    const planned = await h.inspect('role');
    expect(planned.changes).toEqual([
      {
        id: `group-role:${managers}`,
        kind: 'update',
        target: 'group "Managers"',
        summary: 'Change the role of the group "Managers" to MANAGER',
        details: [{ field: 'role', from: 'ANALYST', to: 'MANAGER' }],
      },
    ]);
    await h.apply('role');
    const group = await api<{ priority: number; profile: Record<string, unknown> }>(
      h.org,
      'GET',
      `/api/v1/apps/${h.appId}/groups/${managers}`,
    );
    expect([group.body.priority, group.body.profile]).toEqual([3, { role: 'MANAGER' }]);
  });

  it('lists users assigned directly without a role and sets the role chosen for each', async () => {
    const h = await harnessWithApp('courier');
    await h.apply('role');
    const admin = await userId(h, h.org.adminLogin);
    await api(h.org, 'POST', `/api/v1/apps/${h.appId}/users`, { body: { id: admin, scope: 'USER', profile: {} } });

    const warned = await h.verify('role');
    const check = warned.checks.find((c) => c.id === 'users-need-role');
    expect([check?.status, check?.evidence]).toEqual(['warn', `${h.org.adminLogin} (USER): no role`]);

    await h.save('role', { userRoles: { [admin]: 'ADMINISTRATOR' } });
    const planned = await h.inspect('role');
    expect(planned.changes).toEqual([
      {
        id: `user-role:${admin}`,
        kind: 'update',
        target: `user ${h.org.adminLogin}`,
        summary: `Set the role of ${h.org.adminLogin} to ADMINISTRATOR`,
        details: [{ field: 'role', from: '(none)', to: 'ADMINISTRATOR' }],
      },
    ]);
    const applied = await h.apply('role');
    expect(applied.checks.filter((c) => c.id.startsWith('user')).map((c) => [c.id, c.status])).toEqual([
      ['user-roles', 'pass'],
      ['users-need-role', 'pass'],
    ]);
    const appUser = await api<{ profile: Record<string, unknown> }>(
      h.org,
      'GET',
      `/api/v1/apps/${h.appId}/users/${admin}`,
    );
    expect(appUser.body.profile).toEqual({ role: 'ADMINISTRATOR' });
  });

  it('names the field when a group is given a role Courier does not have', async () => {
    const h = await harnessWithApp('courier');
    const engineering = await groupId(h, 'Engineering');
    await expect(
      h.save('role', { groupRoles: [{ groupId: engineering, groupName: 'Engineering', role: 'BOSS' }] }),
    ).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      field: 'groupRoles.0.role',
    });
  });

  it('uses the values a custom SAML admin enters, optional by default', async () => {
    const h = await harnessWithApp('custom-saml');
    const blocked = await h.inspect('role');
    expect(blocked.status).toBe('needs-input');
    await h.save('role', {
      values: [
        { title: 'Owner', value: 'owner' },
        { title: 'Viewer', value: 'viewer' },
      ],
    });
    await h.apply('role');
    const schema = await api<{ definitions: { custom: { properties: Record<string, Record<string, unknown>> } } }>(
      h.org,
      'GET',
      `/api/v1/meta/schemas/apps/${h.appId}/default`,
    );
    const role = schema.body.definitions.custom.properties.role;
    expect([role?.enum, role?.oneOf, role?.required, role?.description]).toEqual([
      ['owner', 'viewer'],
      [
        { const: 'owner', title: 'Owner' },
        { const: 'viewer', title: 'Viewer' },
      ],
      false,
      'Custom SAML 2.0 role',
    ]);
  });
});
