import type { AppUser, OktaOrgApi } from '../okta/org-api';
import type { VendorProfile } from '../vendors/profile';
import type { Integration } from '../api/model';
import { AppError } from '../errors';
import { roleChoices } from '../steps/assign';
import { addressRuleFor } from '../steps/domain-rules';
import { matchUsers, type MatchOptions, type MatchResult, type MatchRow, type RoleChoice } from './match';
import type { OktaPerson, OktaUserStatus } from './okta-users';
import { readMigration, type MigrationFile } from './store';
import { readVendorUsers, type VendorUser } from './vendor-users';
import type { BucketLimits } from './routes';

export interface RoleGroup {
  /** The app's role value the group's assignment carries; null when the app has no role attribute. */
  role: string | null;
  name: string;
  id: string | null;
  assigned: boolean;
  roleOnApp: string | null;
}

/** Everything the migrate step reads before it plans or writes: the import, the org and the app. */
export interface Survey {
  file: MigrationFile;
  vendor: VendorUser[];
  match: MatchResult;
  roles: { value: string; title: string }[];
  appUsers: Map<string, AppUser>;
  roleGroups: RoleGroup[];
  /** Rows to give the app now. */
  toAssign: MatchRow[];
  /** "Not in Okta" rows the admin chose to create. */
  toCreate: VendorUser[];
  limits: BucketLimits;
}

const roleOf = (profile: Record<string, unknown>): string | null =>
  typeof profile.role === 'string' && profile.role !== '' ? profile.role : null;

/** The group that carries one role to the app on the group route; named so an admin sees where it came from. */
export function roleGroupName(profile: VendorProfile, role: string | null): string {
  return role === null ? `${profile.name} (migrated users)` : `${profile.name} ${role} (migrated users)`;
}

/**
 * The matcher's role options from the app's roles and the admin's answers for unknown vendor roles.
 * An answer naming a role the app no longer has is not used: those people stay "role unknown".
 */
export function roleChoice(
  roles: { value: string; title: string }[],
  roleMap: Record<string, string | null>,
): RoleChoice {
  const known = new Set(roles.map((r) => r.value));
  const map: Record<string, string> = {};
  const leftOut: string[] = [];
  for (const [from, to] of Object.entries(roleMap)) {
    if (to === null) leftOut.push(from);
    else if (known.has(to)) map[from] = to;
  }
  return { values: roles, map, leftOut };
}

export async function survey(
  okta: OktaOrgApi,
  dataDir: string,
  integration: Integration,
  profile: VendorProfile,
  appId: string,
  roleMap: Record<string, string | null> = {},
): Promise<Survey> {
  const file = await readMigration(dataDir, integration.id);
  if (!file) {
    throw new AppError(
      'MIGRATE_NOTHING_IMPORTED',
      `No export of ${profile.name}'s current users has been imported for this integration.`,
      `Import ${profile.name}'s user export (CSV or TSV) first.`,
      'file',
    );
  }
  const vendor = readVendorUsers(
    { headers: file.headers, rows: file.rows, delimiter: ',', encoding: 'utf-8' },
    file.mapping,
  );
  // One read in each bucket the routes use comes first, so every limit is read, never assumed.
  const [users, appUsers, schema, appGroups] = await Promise.all([
    okta.listUsers({ limit: 200 }).all(),
    okta.listAppUsers(appId).all(),
    okta.getAppUserSchema(appId),
    okta.listAppGroups(appId).all(),
  ]);
  const roles = roleChoices(schema.custom.role);
  const wantedRoles: (string | null)[] = roles.length > 0 ? roles.map((r) => r.value) : [null];
  const groups = await okta.listGroups({ q: profile.name, limit: 200 }).all();
  const roleGroups: RoleGroup[] = wantedRoles.map((role) => {
    const name = roleGroupName(profile, role);
    const group = groups.find((g) => g.name === name);
    const assignment = group ? appGroups.find((a) => a.id === group.id) : undefined;
    return {
      role,
      name,
      id: group?.id ?? null,
      assigned: assignment !== undefined,
      roleOnApp: assignment ? roleOf(assignment.profile) : null,
    };
  });
  const anyGroup =
    roleGroups.find((g) => g.id !== null)?.id ??
    groups[0]?.id ??
    (await okta.listGroups({ limit: 1 }).firstPage()).items[0]?.id;
  if (anyGroup) await okta.listGroupMembers(anyGroup).firstPage();
  const people: OktaPerson[] = users.map((u) => ({
    id: u.id,
    login: u.profile.login,
    ...(u.profile.email ? { email: u.profile.email } : {}),
    ...(typeof u.profile.secondEmail === 'string' && u.profile.secondEmail
      ? { secondEmail: u.profile.secondEmail }
      : {}),
    status: u.status as OktaUserStatus,
  }));
  const rule = addressRuleFor(profile, integration);
  const options = {
    domains: [...rule.listed],
    consumerForbidden: profile.domains.consumerMail === 'refuse',
    assignedIds: new Set(appUsers.map((u) => u.id)),
    ...(roles.length > 0 ? { roles: roleChoice(roles, roleMap) } : {}),
  };
  const match = withCreated(matchUsers(vendor, people, options), file, vendor, people, options);
  const byRow = new Map(vendor.map((v) => [v.row, v]));
  const toCreate = match.rows
    .filter((r) => r.class === 'not-in-okta' && file.decisions[String(r.row)] === 'create')
    .map((r) => byRow.get(r.row) as VendorUser);
  return {
    file,
    vendor,
    match,
    roles,
    appUsers: new Map(appUsers.map((u) => [u.id, u])),
    roleGroups,
    toAssign: match.rows.filter((r) => r.class === 'to-assign'),
    toCreate,
    limits: {
      apps: okta.rateLimitOf('POST', `/api/v1/apps/${appId}/users`),
      membership: okta.rateLimitOf('PUT', `/api/v1/groups/${anyGroup ?? 'any'}/users/any`),
      groups: okta.rateLimitOf('POST', '/api/v1/groups'),
      users: okta.rateLimitOf('POST', '/api/v1/users'),
    },
  };
}

/**
 * People this migration created are staged (or pending activation) in Okta until they activate, and
 * the matcher sets inactive people aside; the admin chose to bring these in, so they are matched
 * as if active, with their role mapped like everyone else's. A run killed after Okta created a
 * person but before the result was saved left no id behind: a row the admin chose to create that
 * now meets a staged or pending Okta user by its address is that person, not someone to create again.
 */
function withCreated(
  match: MatchResult,
  file: MigrationFile,
  vendor: VendorUser[],
  people: OktaPerson[],
  options: MatchOptions,
): MatchResult {
  const created = new Map(
    Object.entries(file.results).flatMap(([row, r]) => (r.createdId ? [[Number(row), r.createdId] as const] : [])),
  );
  const fresh = new Map(
    people.filter((p) => p.status === 'STAGED' || p.status === 'PROVISIONED').map((p) => [p.id, p]),
  );
  for (const r of match.rows) {
    if (r.class === 'inactive' && r.oktaId && fresh.has(r.oktaId) && file.decisions[String(r.row)] === 'create')
      created.set(r.row, r.oktaId);
  }
  if (created.size === 0) return match;
  const ids = new Set(created.values());
  const again = matchUsers(
    vendor.filter((v) => created.has(v.row)),
    people.map((p) => (p.id && ids.has(p.id) ? { ...p, status: 'ACTIVE' as const } : p)),
    options,
  );
  const byRow = new Map(again.rows.map((r) => [r.row, r]));
  const counts = { ...match.counts };
  const rows = match.rows.map((r) => {
    const redo = byRow.get(r.row);
    if (!redo || r.class !== 'inactive') return r;
    counts[r.class] -= 1;
    counts[redo.class] += 1;
    return { ...redo, reason: `${redo.reason} Created in Okta by this migration.` };
  });
  return { counts, rows };
}
