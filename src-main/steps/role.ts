import { RoleInputSchema, type RoleInput, type RoleObserved } from '../api/step-role';
import type { Change, Check } from '../api/steps';
import { groupNamesById } from '../directory/group-names';
import { defineStep } from './step';
import { attributeDiff, plannedAttribute, readAttribute, roleProperty, roleSpecFor } from './role-attribute';

const roleOf = (profile: Record<string, unknown>): string | null =>
  typeof profile.role === 'string' && profile.role !== '' ? profile.role : null;

/** Pure: the schema write, the group assignments to create or re-role, and the users' roles to set. */
export function planRole(input: RoleInput, observed: RoleObserved, planned: RoleObserved['planned']): Change[] {
  const changes: Change[] = [];
  const target = 'app user schema';
  const diff = attributeDiff(planned, observed.attribute);
  if (observed.attribute === null) {
    changes.push({
      id: 'role-attribute',
      kind: 'create',
      target,
      summary: `Add the "${planned.title ?? 'role'}" attribute (role) with ${planned.enum?.length ?? 0} values`,
      details: diff,
    });
  } else if (diff.length > 0) {
    changes.push({
      id: 'role-attribute',
      kind: 'update',
      target,
      summary: `Correct ${diff.length} field${diff.length === 1 ? '' : 's'} of the role attribute`,
      details: diff,
    });
  }
  for (const wanted of input.groupRoles) {
    const current = observed.groups.find((g) => g.groupId === wanted.groupId);
    if (!current) {
      changes.push({
        id: `group-role:${wanted.groupId}`,
        kind: 'create',
        target: `group "${wanted.groupName}"`,
        summary: `Assign the group "${wanted.groupName}" to the app with role ${wanted.role}`,
        details: [{ field: 'role', to: wanted.role }],
      });
    } else if (current.role !== wanted.role) {
      changes.push({
        id: `group-role:${wanted.groupId}`,
        kind: 'update',
        target: `group "${wanted.groupName}"`,
        summary: `Change the role of the group "${wanted.groupName}" to ${wanted.role}`,
        details: [{ field: 'role', from: current.role ?? '(none)', to: wanted.role }],
      });
    }
  }
  for (const [userId, role] of Object.entries(input.userRoles)) {
    if (observed.unassignedUsers.includes(userId)) continue;
    const now = observed.userRolesNow[userId] ?? null;
    if (now === role) continue;
    const name = observed.usersNeedingRole.find((u) => u.userId === userId)?.userName ?? userId;
    changes.push({
      id: `user-role:${userId}`,
      kind: 'update',
      target: `user ${name}`,
      summary: `Set the role of ${name} to ${role}`,
      details: [{ field: 'role', from: now ?? '(none)', to: role }],
    });
  }
  return changes;
}

function describe(attribute: RoleObserved['attribute']): string {
  return JSON.stringify(attribute);
}

export const roleStep = defineStep<RoleInput, RoleObserved>({
  id: 'role',
  input: RoleInputSchema,
  defaults: (profile) => ({
    values: profile.role?.values ?? [],
    fixedValues: profile.role !== undefined,
    required: profile.role?.required ?? false,
    groupRoles: [],
    userRoles: {},
  }),
  needs: [
    {
      step: 'app',
      fact: 'appId',
      why: "The role attribute goes on the app's user profile, so the app must exist first.",
    },
  ],

  async inspect(ctx) {
    const appId = ctx.facts.appId ?? '';
    const okta = await ctx.okta();
    const spec = roleSpecFor(ctx.input, ctx.profile);
    const values = spec.values.map((v) => v.value);
    const [schema, appGroups, appUsers] = await Promise.all([
      okta.getAppUserSchema(appId),
      okta.listAppGroups(appId).all(),
      okta.listAppUsers(appId).all(),
    ]);
    const property = schema.custom[spec.attribute];
    const known = new Map(ctx.input.groupRoles.map((g) => [g.groupId, g.groupName]));
    const unknownIds = appGroups.map((g) => g.id).filter((id) => !known.has(id));
    const names = unknownIds.length > 0 ? await groupNamesById(okta, unknownIds) : new Map<string, string>();
    const byId = new Map(appUsers.map((u) => [u.id, u]));
    return {
      appId,
      planned: plannedAttribute(spec),
      attribute: property ? readAttribute(property) : null,
      groups: appGroups.map((g) => ({
        groupId: g.id,
        groupName: known.get(g.id) ?? names.get(g.id) ?? g.id,
        role: roleOf(g.profile),
      })),
      usersNeedingRole: appUsers
        .filter((u) => {
          const role = roleOf(u.profile);
          return role === null ? u.scope === 'USER' : !values.includes(role);
        })
        .map((u) => ({ userId: u.id, userName: u.userName ?? u.id, scope: u.scope, role: roleOf(u.profile) })),
      userRolesNow: Object.fromEntries(
        Object.keys(ctx.input.userRoles).map((id) => [id, byId.has(id) ? roleOf(byId.get(id)!.profile) : null]),
      ),
      unassignedUsers: Object.keys(ctx.input.userRoles).filter((id) => !byId.has(id)),
    };
  },

  plan: (input, observed, profile) => planRole(input, observed, plannedAttribute(roleSpecFor(input, profile))),

  async apply(ctx, changes, observed) {
    const okta = await ctx.okta();
    const appId = observed.appId;
    const spec = roleSpecFor(ctx.input, ctx.profile);
    let done = 0;
    const step = (message: string) => ctx.progress((done += 1), changes.length, message);
    // The attribute first: Okta refuses a group or user profile naming a property the schema lacks.
    if (changes.some((c) => c.id === 'role-attribute')) {
      await okta.updateAppUserSchema(appId, { custom: { [spec.attribute]: roleProperty(spec) } });
      step('Role attribute saved');
    }
    for (const wanted of ctx.input.groupRoles) {
      if (!changes.some((c) => c.id === `group-role:${wanted.groupId}`)) continue;
      const current = await okta.getAppGroup(appId, wanted.groupId);
      await okta.assignGroupToApp(appId, wanted.groupId, {
        profile: { ...current?.profile, role: wanted.role },
        ...(current?.priority === undefined ? {} : { priority: current.priority }),
      });
      step(`Group "${wanted.groupName}" has role ${wanted.role}`);
    }
    for (const [userId, role] of Object.entries(ctx.input.userRoles)) {
      if (!changes.some((c) => c.id === `user-role:${userId}`)) continue;
      await okta.updateAppUser(appId, userId, { role });
      step(`Role ${role} set for user ${userId}`);
    }
  },

  async verify(ctx, observed) {
    const checks: Check[] = [];
    const planned = plannedAttribute(roleSpecFor(ctx.input, ctx.profile));
    const diff = attributeDiff(planned, observed.attribute);
    checks.push(
      observed.attribute === null
        ? {
            id: 'role-attribute',
            label: 'Role attribute on the app user profile',
            status: 'fail',
            detail: 'The app user schema has no "role" attribute.',
            evidence: 'definitions.custom.properties.role is absent',
          }
        : diff.length === 0
          ? {
              id: 'role-attribute',
              label: 'Role attribute on the app user profile',
              status: 'pass',
              detail: `All 8 fields match: display name, data type, description, external name and namespace, required, values and their titles.`,
              evidence: describe(observed.attribute),
            }
          : {
              id: 'role-attribute',
              label: 'Role attribute on the app user profile',
              status: 'fail',
              detail: diff.map((d) => `${d.field} is "${d.from ?? ''}", expected "${d.to}"`).join('; '),
              evidence: describe(observed.attribute),
            },
    );
    const wrong = ctx.input.groupRoles.filter(
      (g) => observed.groups.find((o) => o.groupId === g.groupId)?.role !== g.role,
    );
    const evidence = observed.groups.map((g) => `${g.groupName}: ${g.role ?? '(no role)'}`).join('\n');
    if (ctx.input.groupRoles.length === 0) {
      checks.push({
        id: 'group-roles',
        label: 'Groups mapped to roles',
        status: 'warn',
        detail:
          'No group is mapped to a role yet: map the groups whose members use the app so each member gets a role.',
        evidence,
      });
    } else {
      checks.push(
        wrong.length === 0
          ? {
              id: 'group-roles',
              label: 'Groups mapped to roles',
              status: 'pass',
              detail: `${ctx.input.groupRoles.length} group${ctx.input.groupRoles.length === 1 ? '' : 's'} assigned with the chosen role.`,
              evidence,
            }
          : {
              id: 'group-roles',
              label: 'Groups mapped to roles',
              status: 'fail',
              detail: `Not assigned with the chosen role: ${wrong.map((g) => `${g.groupName} (wanted ${g.role})`).join(', ')}.`,
              evidence,
            },
      );
    }
    const userFixes = Object.entries(ctx.input.userRoles).filter(([id]) => !observed.unassignedUsers.includes(id));
    const unset = userFixes.filter(([id, role]) => observed.userRolesNow[id] !== role);
    if (userFixes.length > 0) {
      checks.push(
        unset.length === 0
          ? {
              id: 'user-roles',
              label: 'Roles set on existing users',
              status: 'pass',
              detail: `${userFixes.length} user${userFixes.length === 1 ? '' : 's'} now carr${userFixes.length === 1 ? 'ies' : 'y'} the chosen role.`,
              evidence: userFixes.map(([id, role]) => `${id}: ${role}`).join('\n'),
            }
          : {
              id: 'user-roles',
              label: 'Roles set on existing users',
              status: 'fail',
              detail: `Role not set yet for ${unset.map(([id]) => id).join(', ')}.`,
            },
      );
    }
    const needing = observed.usersNeedingRole;
    checks.push(
      needing.length === 0
        ? {
            id: 'users-need-role',
            label: 'Assigned users have a role',
            status: 'pass',
            detail: 'Every user assigned to the app has one of the roles (directly or through a group).',
          }
        : {
            id: 'users-need-role',
            label: 'Assigned users have a role',
            status: 'warn',
            detail: `${needing.length} user${needing.length === 1 ? '' : 's'} already assigned need${needing.length === 1 ? 's' : ''} a role set by hand ("Existing users need manual role updates after enabling provisioning"): choose a role for each below and apply.`,
            evidence: needing.map((u) => `${u.userName} (${u.scope}): ${u.role ?? 'no role'}`).join('\n'),
          },
    );
    return checks;
  },
});
