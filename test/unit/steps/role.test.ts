import { describe, expect, it } from 'vitest';
import { COURIER_ROLE_PROPERTY } from '../../support/courier-role';
import { validateRequest } from '../../support/openapi-contract';
import { RoleInputSchema, type RoleObserved } from '../../../src-main/api/step-role';
import { planRole } from '../../../src-main/steps/role';
import { attributeDiff, plannedAttribute, roleProperty, roleSpecFor } from '../../../src-main/steps/role-attribute';
import { courier } from '../../../src-main/vendors/courier';
import { customSaml } from '../../../src-main/vendors/custom-saml';

const input = (raw: Record<string, unknown> = {}) =>
  RoleInputSchema.parse({ values: courier.role?.values, required: true, ...raw });
const planned = plannedAttribute(roleSpecFor(input(), courier));
const observed = (over: Partial<RoleObserved> = {}): RoleObserved => ({
  appId: '0oa1',
  planned,
  attribute: planned,
  groups: [],
  usersNeedingRole: [],
  userRolesNow: {},
  unassignedUsers: [],
  ...over,
});

describe('role attribute schema', () => {
  it("builds Courier's enumerated string with titled values, external name and namespace, required", () => {
    expect(roleProperty(roleSpecFor(input(), courier))).toEqual(COURIER_ROLE_PROPERTY);
  });

  it("keeps Courier's values even when the input lists others", () => {
    expect(
      roleSpecFor({ values: [{ title: 'X', value: 'X' }], required: false }, courier).values.map((v) => v.value),
    ).toEqual(['ADMINISTRATOR', 'MANAGER', 'DEVELOPER', 'DESIGNER', 'SUPPORT_SPECIALIST', 'ANALYST']);
  });

  it("takes a custom SAML admin's values and required flag", () => {
    const spec = roleSpecFor({ values: [{ title: 'Owner', value: 'owner' }], required: false }, customSaml);
    expect([spec.values, spec.required, spec.description, spec.externalNamespace]).toEqual([
      [{ title: 'Owner', value: 'owner' }],
      false,
      'Custom SAML 2.0 role',
      'urn:ietf:params:scim:schemas:core:2.0:User',
    ]);
  });

  it('compares field by field and names each difference', () => {
    const actual = { ...planned, description: 'Role', required: false, oneOf: planned.oneOf?.slice(0, 5) };
    expect(attributeDiff(planned, actual)).toEqual([
      { field: 'description', from: 'Role', to: 'Courier Role' },
      { field: 'required', from: 'false', to: 'true' },
      {
        field: 'value titles',
        from: 'Admin=ADMINISTRATOR, Manager=MANAGER, Developer=DEVELOPER, Designer=DESIGNER, Support=SUPPORT_SPECIALIST',
        to: 'Admin=ADMINISTRATOR, Manager=MANAGER, Developer=DEVELOPER, Designer=DESIGNER, Support=SUPPORT_SPECIALIST, Analyst=ANALYST',
      },
    ]);
  });
});

describe('role plan', () => {
  it('creates the attribute when Okta has none, listing every field', () => {
    const changes = planRole(input(), observed({ attribute: null }), planned);
    expect(changes.map((c) => [c.id, c.kind, c.details.map((d) => d.field)])).toEqual([
      [
        'role-attribute',
        'create',
        [
          'display name',
          'data type',
          'description',
          'external name',
          'external namespace',
          'required',
          'values',
          'value titles',
        ],
      ],
    ]);
  });

  it('plans nothing when Okta matches', () => {
    expect(planRole(input(), observed(), planned)).toEqual([]);
  });

  it('creates missing group assignments and changes roles that differ', () => {
    const wanted = input({
      groupRoles: [
        { groupId: 'g1', groupName: 'Engineering', role: 'DEVELOPER' },
        { groupId: 'g2', groupName: 'Support', role: 'SUPPORT_SPECIALIST' },
        { groupId: 'g3', groupName: 'Managers', role: 'MANAGER' },
      ],
    });
    const now = observed({
      groups: [
        { groupId: 'g2', groupName: 'Support', role: 'ANALYST' },
        { groupId: 'g3', groupName: 'Managers', role: 'MANAGER' },
      ],
    });
    expect(planRole(wanted, now, planned).map((c) => [c.id, c.kind, c.details])).toEqual([
      ['group-role:g1', 'create', [{ field: 'role', to: 'DEVELOPER' }]],
      ['group-role:g2', 'update', [{ field: 'role', from: 'ANALYST', to: 'SUPPORT_SPECIALIST' }]],
    ]);
  });

  it('sets the role of listed users that lack it, skipping users no longer assigned', () => {
    const wanted = input({ userRoles: { u1: 'ANALYST', u2: 'MANAGER', u3: 'DESIGNER' } });
    const now = observed({
      usersNeedingRole: [{ userId: 'u1', userName: 'ann@acme.example', scope: 'USER', role: null }],
      userRolesNow: { u1: null, u2: 'MANAGER', u3: null },
      unassignedUsers: ['u3'],
    });
    expect(planRole(wanted, now, planned)).toEqual([
      {
        id: 'user-role:u1',
        kind: 'update',
        target: 'user ann@acme.example',
        summary: 'Set the role of ann@acme.example to ANALYST',
        details: [{ field: 'role', from: '(none)', to: 'ANALYST' }],
      },
    ]);
  });
});

describe('role input', () => {
  it('names a group role that is not one of the values', () => {
    const result = RoleInputSchema.safeParse({
      values: courier.role?.values,
      groupRoles: [{ groupId: 'g1', groupName: 'Eng', role: 'BOSS' }],
    });
    expect(result.success ? [] : result.error.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      [
        'groupRoles.0.role',
        '"BOSS" is not a role of this app; choose one of ADMINISTRATOR, MANAGER, DEVELOPER, DESIGNER, SUPPORT_SPECIALIST, ANALYST',
      ],
    ]);
  });

  it('names a value listed twice', () => {
    const result = RoleInputSchema.safeParse({
      values: [
        { title: 'A', value: 'a' },
        { title: 'B', value: 'a' },
      ],
    });
    expect(result.success ? [] : result.error.issues.map((i) => i.path.join('.'))).toEqual(['values.1.value']);
  });
});

describe("role attribute against Okta's contract", () => {
  it('is a valid app user schema update body', () => {
    const body = {
      definitions: {
        custom: { id: '#custom', type: 'object', properties: { role: roleProperty(roleSpecFor(input(), courier)) } },
      },
    };
    expect(validateRequest('POST', 'https://acme.okta.com/api/v1/meta/schemas/apps/0oa1/default', body)).toEqual([]);
  });
});
