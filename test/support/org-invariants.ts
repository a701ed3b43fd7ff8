import type { Integration } from '../../src-main/api/model';
import type { AuditEvent } from '../../src-main/workspace/audit-log';
import { writesOf } from '../../src-main/workspace/audit-log';

/** What the practice org and the vendor hold after a setup, read over HTTP (works from any process). */
export interface OrgSnapshot {
  apps: Array<{ id: string; label: string; name: string; status: string }>;
  /** Direct (USER-scope) assignments per app id. */
  directUsers: Map<string, Set<string>>;
  groups: Map<string, Set<string>>;
}

export interface VendorSnapshot {
  users: Array<{ userName: string; active?: boolean }>;
}

async function get<T>(orgUrl: string, token: string, path: string): Promise<T> {
  const response = await fetch(new URL(path, orgUrl), {
    headers: { accept: 'application/json', authorization: `SSWS ${token}` },
  });
  if (!response.ok) throw new Error(`GET ${path}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

export async function snapshotOrg(orgUrl: string, token: string): Promise<OrgSnapshot> {
  const apps = await get<OrgSnapshot['apps']>(orgUrl, token, '/api/v1/apps?limit=200');
  const directUsers = new Map<string, Set<string>>();
  const groups = new Map<string, Set<string>>();
  for (const app of apps) {
    const users = await get<Array<{ id: string; scope: string }>>(
      orgUrl,
      token,
      `/api/v1/apps/${app.id}/users?limit=500`,
    );
    directUsers.set(app.id, new Set(users.filter((u) => u.scope === 'USER').map((u) => u.id)));
    const assigned = await get<Array<{ id: string }>>(orgUrl, token, `/api/v1/apps/${app.id}/groups?limit=200`);
    groups.set(app.id, new Set(assigned.map((g) => g.id)));
  }
  return { apps, directUsers, groups };
}

const ASSIGN = /^user (\S+) -> app (\S+)$/;
const GROUP = /^group (\S+) -> app (\S+)$/;
const CREATED = /^app "(.*)"( \(.*\))?$/;

/**
 * Every way the audit log and the org (and the vendor, and the workspace) can disagree after a
 * setup; empty when they agree. `createdByAdmin`: labels of apps the admin added in the console.
 */
export function mismatches(input: {
  events: readonly AuditEvent[];
  org: OrgSnapshot;
  vendor: VendorSnapshot;
  integration: Integration;
  createdByAdmin: string[];
  seededAppLabels: string[];
}): string[] {
  const problems: string[] = [];
  const writes = writesOf(input.events);
  for (const w of writes.filter((w) => w.outcome === 'unknown'))
    problems.push(`open write: ${w.operation} ${w.target}`);
  // Apps: one per label, each made by a logged create or by the admin's console task.
  const labels = input.org.apps.filter((a) => a.status !== 'DELETED').map((a) => a.label.toLowerCase());
  for (const label of new Set(labels))
    if (labels.filter((l) => l === label).length > 1) problems.push(`duplicate app "${label}"`);
  const created = writes
    .filter((w) => w.operation === 'app.create' && w.outcome === 'success')
    .map((w) => CREATED.exec(w.target)?.[1]?.toLowerCase() ?? w.target);
  for (const label of new Set(created))
    if (created.filter((l) => l === label).length > 1) problems.push(`app "${label}" logged as created twice`);
  const expected = new Set([...created, ...input.createdByAdmin, ...input.seededAppLabels].map((l) => l.toLowerCase()));
  for (const label of labels) if (!expected.has(label)) problems.push(`app "${label}" in Okta with no audit line`);
  for (const label of created) if (!labels.includes(label)) problems.push(`logged app "${label}" is not in Okta`);
  // Assignments: replaying the successful writes gives exactly what Okta holds.
  const users = new Map<string, boolean>();
  const groups = new Map<string, boolean>();
  for (const w of writes.filter((x) => x.outcome === 'success')) {
    const user = ASSIGN.exec(w.target);
    if (user && (w.operation === 'app.user.assign' || w.operation === 'app.user.unassign'))
      users.set(`${user[2]}/${user[1]}`, w.operation === 'app.user.assign');
    const group = GROUP.exec(w.target);
    if (group && (w.operation === 'app.group.assign' || w.operation === 'app.group.unassign'))
      groups.set(`${group[2]}/${group[1]}`, w.operation === 'app.group.assign');
  }
  for (const [key, present] of users) {
    const [appId, userId] = key.split('/') as [string, string];
    const actual = input.org.directUsers.get(appId)?.has(userId) ?? false;
    if (actual !== present) problems.push(`user ${userId} in app ${appId}: log says ${present}, Okta says ${actual}`);
  }
  for (const [appId, ids] of input.org.directUsers)
    for (const userId of ids)
      if (!users.has(`${appId}/${userId}`)) problems.push(`user ${userId} assigned to ${appId} with no audit line`);
  for (const [key, present] of groups) {
    const [appId, groupId] = key.split('/') as [string, string];
    const actual = input.org.groups.get(appId)?.has(groupId) ?? false;
    if (actual !== present) problems.push(`group ${groupId} in app ${appId}: log says ${present}, Okta says ${actual}`);
  }
  for (const [appId, ids] of input.org.groups)
    for (const groupId of ids)
      if (!groups.has(`${appId}/${groupId}`)) problems.push(`group ${groupId} assigned to ${appId} with no audit line`);
  // The vendor: one user per userName, no preflight user left, nobody the wizard tested left active.
  const names = input.vendor.users.map((u) => u.userName.toLowerCase());
  for (const name of new Set(names))
    if (names.filter((n) => n === name).length > 1) problems.push(`duplicate user ${name} at the vendor`);
  for (const u of input.vendor.users.filter((x) => x.userName.startsWith('okta-onboard-preflight-')))
    problems.push(`preflight test user ${u.userName} left at the vendor (active: ${String(u.active)})`);
  // The workspace: nothing recorded as still to clean up.
  for (const t of input.integration.temporaries ?? []) problems.push(`leftover recorded: ${JSON.stringify(t)}`);
  return problems;
}
