import { AssignInputSchema, type AssignInput, type AssignObserved } from '../api/step-assign';
import type { Change, Check } from '../api/steps';
import { countPeople } from '../directory/count';
import { memberIdsOf } from '../directory/directory-index';
import { groupNamesById } from '../directory/group-names';
import { addressProblem } from '../api/mail-domains';
import { addressRuleFor } from './domain-rules';
import { AppError } from '../errors';
import type { AppUserSchemaProperty } from '../okta/org-api';
import { defineStep } from './step';

const roleOf = (profile: Record<string, unknown>): string | null =>
  typeof profile.role === 'string' && profile.role !== '' ? profile.role : null;
const people = (n: number) => `${n} ${n === 1 ? 'person' : 'people'}`;

/** The values of the app's `role` attribute, titled when Okta has titles for them. */
export function roleChoices(property: AppUserSchemaProperty | undefined): { value: string; title: string }[] {
  if (!property) return [];
  if (Array.isArray(property.oneOf) && property.oneOf.length > 0)
    return property.oneOf.map((o) => ({ value: String(o.const), title: String(o.title) }));
  return Array.isArray(property.enum) ? property.enum.map((v) => ({ value: String(v), title: String(v) })) : [];
}

/** Every chosen item needs a role the app knows when roles are required, and any role given must be one of them. */
export function checkRoles(input: AssignInput, roles: { value: string }[], required: boolean): void {
  const values = roles.map((r) => r.value);
  const allowed =
    values.length > 0 ? `one of ${values.join(', ')}` : 'none: the app has no role attribute, so leave the role empty';
  const check = (kind: 'groups' | 'users', i: number, name: string, role: string | undefined) => {
    const what = kind === 'groups' ? `the group "${name}"` : `"${name}"`;
    if (role === undefined && required)
      throw new AppError('ROLE_REQUIRED', `Choose a role for ${what}.`, `Pick ${allowed}.`, `${kind}.${i}.role`);
    if (role !== undefined && !values.includes(role))
      throw new AppError(
        'ROLE_UNKNOWN',
        `"${role}" is not a role of this app (for ${what}).`,
        `Pick ${allowed}.`,
        `${kind}.${i}.role`,
      );
  };
  input.groups.forEach((g, i) => check('groups', i, g.name, g.role));
  input.users.forEach((u, i) => check('users', i, u.name, u.role));
}

/** Pure: each chosen group and user to assign, or whose role to change. */
export function planAssign(input: AssignInput, observed: AssignObserved): Change[] {
  const changes: Change[] = [];
  for (const wanted of input.groups) {
    const now = observed.groups.find((g) => g.id === wanted.id);
    const who = now ? ` (${people(now.members)})` : '';
    if (!now?.assigned) {
      changes.push({
        id: `assign-group:${wanted.id}`,
        kind: 'create',
        target: `group "${wanted.name}"`,
        summary: `Assign the group "${wanted.name}"${who}${wanted.role ? ` with role ${wanted.role}` : ''}`,
        details: wanted.role ? [{ field: 'role', to: wanted.role }] : [],
      });
    } else if (wanted.role !== undefined && now.role !== wanted.role) {
      changes.push({
        id: `assign-group:${wanted.id}`,
        kind: 'update',
        target: `group "${wanted.name}"`,
        summary: `Change the role of the group "${wanted.name}"${who} to ${wanted.role}`,
        details: [{ field: 'role', from: now.role ?? '(none)', to: wanted.role }],
      });
    }
  }
  for (const wanted of input.users) {
    const now = observed.users.find((u) => u.id === wanted.id);
    const blocked = observed.addressFindings?.find((f) => f.id === wanted.id && !f.assigned);
    if (now?.scope !== 'USER') {
      changes.push({
        id: `assign-user:${wanted.id}`,
        kind: 'create',
        target: `user ${wanted.name}`,
        summary: `Assign ${wanted.name} directly${wanted.role ? ` with role ${wanted.role}` : ''}${blocked ? ` (warning: ${blocked.message})` : ''}`,
        details: wanted.role ? [{ field: 'role', ...(now?.role ? { from: now.role } : {}), to: wanted.role }] : [],
      });
    } else if (wanted.role !== undefined && now.role !== wanted.role) {
      changes.push({
        id: `assign-user:${wanted.id}`,
        kind: 'update',
        target: `user ${wanted.name}`,
        summary: `Change the role of ${wanted.name} to ${wanted.role}`,
        details: [{ field: 'role', from: now.role ?? '(none)', to: wanted.role }],
      });
    }
  }
  return changes;
}

/** "4 groups and 23 people (2 directly, 21 through groups)". */
export function appHasLine(has: NonNullable<AssignObserved['appHas']>): string {
  const groups = `${has.groups.length} group${has.groups.length === 1 ? '' : 's'}`;
  return `The app has ${groups} and ${people(has.people)} (${has.direct} directly, ${has.viaGroups} through groups)`;
}

/** Assigned people the vendor's SSO cannot serve: flagged after assignment, never silently passed. */
function addressCheck(observed: AssignObserved): Check[] {
  const rule = observed.addressRule;
  const assigned = (observed.addressFindings ?? []).filter((f) => f.assigned);
  if (!rule || assigned.length === 0) return [];
  return [
    {
      id: 'vendor-addresses',
      label: `Everyone assigned can sign in to ${rule.vendorName} with SSO`,
      status: 'warn',
      detail: `${people(assigned.length)} assigned cannot use ${rule.vendorName} SSO: ${assigned
        .slice(0, 3)
        .map((f) => f.message)
        .join(
          ' ',
        )}${assigned.length > 3 ? ' …' : ''} Remove them from the app (or their group), or give them a company address.`,
      evidence: assigned.map((f) => f.address).join('\n'),
    },
  ];
}

/** Beyond this many people the observation keeps counts only, so the workspace file stays small. */
const MAX_LOGINS_KEPT = 5_000;

export const assignStep = defineStep<AssignInput, AssignObserved>({
  id: 'assign',
  input: AssignInputSchema,
  defaults: () => ({ groups: [], users: [] }),
  needs: [{ step: 'app', fact: 'appId', why: 'People are assigned to the app, so the app must exist first.' }],

  async inspect(ctx) {
    const appId = ctx.facts.appId ?? '';
    const okta = await ctx.okta();
    const [schema, appGroups, appUsers] = await Promise.all([
      okta.getAppUserSchema(appId),
      okta.listAppGroups(appId).all(),
      okta.listAppUsers(appId).all(),
    ]);
    const property = schema.custom.role;
    const roles = roleChoices(property);
    if (ctx.profile.role && roles.length === 0) {
      throw new AppError(
        'ROLE_ATTRIBUTE_MISSING',
        `The app has no "role" attribute yet; ${ctx.profile.name} needs a role for everyone assigned.`,
        'Finish the "Role attribute" step first, then come back.',
      );
    }
    const roleRequired = roles.length > 0 && (ctx.profile.role?.required === true || property?.required === true);
    checkRoles(ctx.input, roles, roleRequired);
    const memberSets = await Promise.all(ctx.input.groups.map((g) => memberIdsOf(okta, g.id)));
    const groupsById = new Map(appGroups.map((g) => [g.id, g]));
    const usersById = new Map(appUsers.map((u) => [u.id, u]));
    const missing = new Set<string>();
    for (const members of memberSets) for (const id of members) if (!usersById.has(id)) missing.add(id);
    const names = await groupNamesById(
      okta,
      appGroups.map((g) => g.id),
    );
    const addressRule = addressRuleFor(ctx.profile, ctx.integration);
    const addressFindings: NonNullable<AssignObserved['addressFindings']> = [];
    for (const appUser of appUsers) {
      const message = appUser.userName ? addressProblem(appUser.userName, addressRule) : undefined;
      if (message && appUser.userName)
        addressFindings.push({ id: appUser.id, address: appUser.userName, message, assigned: true });
    }
    for (const chosen of ctx.input.users) {
      if (usersById.has(chosen.id)) continue;
      const user = await okta.getUser(chosen.id);
      const address = user?.profile.email ?? user?.profile.login;
      const message = address ? addressProblem(address, addressRule) : undefined;
      if (message && address) addressFindings.push({ id: chosen.id, address, message, assigned: false });
    }
    const direct = appUsers.filter((u) => u.scope === 'USER').length;
    return {
      appId,
      roles,
      roleRequired,
      groups: ctx.input.groups.map((g, i) => {
        const assignment = groupsById.get(g.id);
        return {
          id: g.id,
          name: g.name,
          members: memberSets[i]?.size ?? 0,
          assigned: assignment !== undefined,
          role: assignment ? roleOf(assignment.profile) : null,
        };
      }),
      users: ctx.input.users.map((u) => {
        const appUser = usersById.get(u.id);
        return {
          id: u.id,
          name: u.name,
          scope: appUser?.scope ?? null,
          role: appUser ? roleOf(appUser.profile) : null,
        };
      }),
      preview: countPeople(
        memberSets,
        ctx.input.users.map((u) => u.id),
      ),
      membersMissing: [...missing],
      appAssigned: { groups: appGroups.length, users: appUsers.length },
      appHas: {
        groups: appGroups.map((g) => ({ id: g.id, name: names.get(g.id) ?? g.id, role: roleOf(g.profile) })),
        people: appUsers.length,
        direct,
        viaGroups: appUsers.length - direct,
        ...(appUsers.length <= MAX_LOGINS_KEPT ? { logins: appUsers.map((u) => u.userName ?? u.id).sort() } : {}),
      },
      addressRule: { ...addressRule, listed: [...addressRule.listed] },
      addressFindings,
    };
  },

  plan: (input, observed) => planAssign(input, observed),

  async apply(ctx, changes, observed) {
    const okta = await ctx.okta();
    const appId = observed.appId;
    const total = changes.length;
    let done = 0;
    ctx.progress(0, total, `Assigning ${total} item${total === 1 ? '' : 's'}…`);
    for (const wanted of ctx.input.groups) {
      const change = changes.find((c) => c.id === `assign-group:${wanted.id}`);
      if (!change) continue;
      const current = change.kind === 'update' ? await okta.getAppGroup(appId, wanted.id) : undefined;
      const profile = { ...current?.profile, ...(wanted.role ? { role: wanted.role } : {}) };
      await okta.assignGroupToApp(appId, wanted.id, {
        profile,
        ...(current?.priority === undefined ? {} : { priority: current.priority }),
      });
      ctx.progress((done += 1), total, `Group "${wanted.name}" assigned`);
    }
    for (const wanted of ctx.input.users) {
      const change = changes.find((c) => c.id === `assign-user:${wanted.id}`);
      if (!change) continue;
      const profile = wanted.role ? { role: wanted.role } : {};
      if (change.kind === 'create') await okta.assignUserToApp(appId, wanted.id, profile);
      else await okta.updateAppUser(appId, wanted.id, profile);
      ctx.progress((done += 1), total, `${wanted.name} assigned`);
    }
  },

  async verify(ctx, observed) {
    const { groups, users } = ctx.input;
    const flagged = addressCheck(observed);
    const has = observed.appHas;
    if (groups.length === 0 && users.length === 0) {
      if (has && has.people + has.groups.length > 0) {
        return [
          {
            id: 'assignments',
            label: 'The app is assigned',
            status: 'pass',
            detail: `${appHasLine(has)}, assigned outside this step (the role step or the Admin Console). Pick more above to add to them.`,
            evidence: has.groups.map((g) => `${g.name}: role ${g.role ?? '(none)'}`).join('\n') || undefined,
          },
          ...flagged,
        ];
      }
      return [
        {
          id: 'assignments',
          label: 'Groups and users chosen',
          status: 'warn',
          detail: 'Nobody is assigned to the app yet: search for groups or people above, then apply.',
          evidence: `app has ${observed.appAssigned.groups} groups and ${observed.appAssigned.users} users assigned`,
        },
      ];
    }
    const checks: Check[] = [...flagged];
    const groupLine = (g: AssignObserved['groups'][number]) =>
      `${g.name}: ${g.assigned ? `assigned, role ${g.role ?? '(none)'}` : 'not assigned'}`;
    if (groups.length > 0) {
      const wrong = groups.filter((g) => {
        const now = observed.groups.find((o) => o.id === g.id);
        return !now?.assigned || (g.role !== undefined && now.role !== g.role);
      });
      checks.push({
        id: 'groups-assigned',
        label: 'Groups assigned with their role',
        status: wrong.length === 0 ? 'pass' : 'fail',
        detail:
          wrong.length === 0
            ? `${groups.length} group${groups.length === 1 ? '' : 's'} assigned as chosen.`
            : `Not as chosen: ${wrong.map((g) => g.name).join(', ')}.`,
        evidence: observed.groups.map(groupLine).join('\n'),
      });
      const missing = observed.membersMissing;
      checks.push({
        id: 'members-assigned',
        label: 'Everyone in the chosen groups is assigned',
        status: missing.length === 0 ? 'pass' : 'fail',
        detail:
          missing.length === 0
            ? `All ${people(observed.preview.fromGroups)} from the chosen groups are app users.`
            : `${people(missing.length)} from the chosen groups are not app users yet.`,
        evidence:
          missing.length === 0
            ? `${observed.appAssigned.users} app users in total`
            : `missing user ids: ${missing.slice(0, 20).join(', ')}${missing.length > 20 ? ', …' : ''}`,
      });
    }
    if (users.length > 0) {
      const wrong = users.filter((u) => {
        const now = observed.users.find((o) => o.id === u.id);
        return now?.scope !== 'USER' || (u.role !== undefined && now.role !== u.role);
      });
      checks.push({
        id: 'users-assigned',
        label: 'People assigned directly with their role',
        status: wrong.length === 0 ? 'pass' : 'fail',
        detail:
          wrong.length === 0
            ? `${people(users.length)} assigned as chosen.`
            : `Not as chosen: ${wrong.map((u) => u.name).join(', ')}.`,
        evidence: observed.users
          .map(
            (u) =>
              `${u.name}: ${u.scope === null ? 'not assigned' : `${u.scope === 'USER' ? 'direct' : 'through a group'}, role ${u.role ?? '(none)'}`}`,
          )
          .join('\n'),
      });
    }
    return checks;
  },
});
