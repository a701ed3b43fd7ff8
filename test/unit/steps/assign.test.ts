import { describe, expect, it } from 'vitest';
import type { AssignObserved } from '../../../src-main/api/step-assign';
import { checkRoles, planAssign, roleChoices } from '../../../src-main/steps/assign';

const roles = [
  { value: 'DEVELOPER', title: 'Developer' },
  { value: 'MANAGER', title: 'Manager' },
];
const observed = (over: Partial<AssignObserved> = {}): AssignObserved => ({
  appId: '0oa1',
  roles,
  roleRequired: true,
  groups: [],
  users: [],
  preview: { people: 0, fromGroups: 0, direct: 0, duplicates: 0 },
  membersMissing: [],
  appAssigned: { groups: 0, users: 0 },
  ...over,
});

describe('assign plan', () => {
  it('assigns groups and users not yet assigned, naming how many people a group brings', () => {
    const input = {
      groups: [{ id: 'g1', name: 'Engineering', role: 'DEVELOPER' }],
      users: [{ id: 'u1', name: 'Ann Lee', role: 'MANAGER' }],
    };
    const now = observed({
      groups: [{ id: 'g1', name: 'Engineering', members: 12, assigned: false, role: null }],
      users: [{ id: 'u1', name: 'Ann Lee', scope: null, role: null }],
    });
    expect(planAssign(input, now).map((c) => [c.id, c.kind, c.summary])).toEqual([
      ['assign-group:g1', 'create', 'Assign the group "Engineering" (12 people) with role DEVELOPER'],
      ['assign-user:u1', 'create', 'Assign Ann Lee directly with role MANAGER'],
    ]);
  });

  it('assigns directly a user who is in the app only through a group', () => {
    const now = observed({ users: [{ id: 'u1', name: 'Ann Lee', scope: 'GROUP', role: 'DEVELOPER' }] });
    expect(
      planAssign({ groups: [], users: [{ id: 'u1', name: 'Ann Lee', role: 'MANAGER' }] }, now).map((c) => [
        c.kind,
        c.details,
      ]),
    ).toEqual([['create', [{ field: 'role', from: 'DEVELOPER', to: 'MANAGER' }]]]);
  });

  it('changes roles that differ and leaves matching assignments alone', () => {
    const input = {
      groups: [
        { id: 'g1', name: 'Eng', role: 'MANAGER' },
        { id: 'g2', name: 'Ops', role: 'DEVELOPER' },
      ],
      users: [{ id: 'u1', name: 'Ann', role: 'MANAGER' }],
    };
    const now = observed({
      groups: [
        { id: 'g1', name: 'Eng', members: 1, assigned: true, role: 'DEVELOPER' },
        { id: 'g2', name: 'Ops', members: 1, assigned: true, role: 'DEVELOPER' },
      ],
      users: [{ id: 'u1', name: 'Ann', scope: 'USER', role: 'MANAGER' }],
    });
    expect(planAssign(input, now).map((c) => [c.id, c.kind])).toEqual([['assign-group:g1', 'update']]);
  });
});

describe('assign roles', () => {
  it('reads titled values from oneOf, plain values from enum, none without the attribute', () => {
    expect([
      roleChoices({ type: 'string', enum: ['A'], oneOf: [{ const: 'A', title: 'Alpha' }] }),
      roleChoices({ type: 'string', enum: ['A', 'B'] }),
      roleChoices(undefined),
    ]).toEqual([
      [{ value: 'A', title: 'Alpha' }],
      [
        { value: 'A', title: 'A' },
        { value: 'B', title: 'B' },
      ],
      [],
    ]);
  });

  it('names the field of a missing or unknown role', () => {
    expect(() => checkRoles({ groups: [{ id: 'g1', name: 'Eng' }], users: [] }, roles, true)).toThrow(
      expect.objectContaining({ code: 'ROLE_REQUIRED', field: 'groups.0.role' }),
    );
    expect(() => checkRoles({ groups: [], users: [{ id: 'u1', name: 'Ann', role: 'BOSS' }] }, roles, false)).toThrow(
      expect.objectContaining({ code: 'ROLE_UNKNOWN', field: 'users.0.role' }),
    );
    expect(() => checkRoles({ groups: [{ id: 'g1', name: 'Eng' }], users: [] }, [], false)).not.toThrow();
  });
});
