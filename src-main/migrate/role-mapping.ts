import { squashRole } from './match';
import type { Survey } from './survey';

type RoleMap = Record<string, string | null>;

/** The admin's answers the matcher uses, by squashed role: a role the app no longer has is not an answer. */
function answersOf(s: Pick<Survey, 'roles'>, roleMap: RoleMap): Map<string, { role: string; to: string | null }> {
  const answers = new Map<string, { role: string; to: string | null }>();
  for (const [from, to] of Object.entries(roleMap))
    if (to === null || s.roles.some((r) => r.value === to)) answers.set(squashRole(from), { role: from, to });
  return answers;
}

/**
 * Vendor roles of matched rows that are neither one of the app's roles nor answered by the admin,
 * with how many rows carry each, as the export spells them ('' for rows without a role).
 */
export function unansweredRoles(s: Pick<Survey, 'roles' | 'match'>, roleMap: RoleMap) {
  const answers = answersOf(s, roleMap);
  const counts = new Map<string, number>();
  for (const r of s.match.rows) {
    if (r.class !== 'unknown-role' || answers.has(squashRole(r.vendorRole ?? ''))) continue;
    counts.set(r.vendorRole ?? '', (counts.get(r.vendorRole ?? '') ?? 0) + 1);
  }
  return [...counts]
    .map(([role, rows]) => ({ role, rows }))
    .sort((a, b) => b.rows - a.rows || a.role.localeCompare(b.role));
}

/**
 * The vendor roles the admin answers for: those the match left unknown, and those the admin has
 * mapped or left out (so an answer can be changed), each with the matched rows it covers. Roles
 * compare as the matcher compares them ("Team_Admin" and "team admin" are one role).
 */
export function roleMapping(s: Pick<Survey, 'roles' | 'match'>, roleMap: RoleMap) {
  const known = new Set(s.roles.flatMap((r) => [squashRole(r.value), squashRole(r.title)]));
  const answers = answersOf(s, roleMap);
  const entries = new Map<string, { role: string; rows: number; mappedTo: string | null; leftOut: boolean }>();
  for (const r of s.match.rows) {
    if (r.class !== 'unknown-role' && r.class !== 'to-assign') continue;
    const key = squashRole(r.vendorRole ?? '');
    const answer = answers.get(key);
    if (!answer && (r.class !== 'unknown-role' || known.has(key))) continue;
    let entry = entries.get(key);
    if (!entry) {
      const role = answer?.role ?? r.vendorRole ?? '';
      entry = { role, rows: 0, mappedTo: answer?.to ?? null, leftOut: answer !== undefined && answer.to === null };
      entries.set(key, entry);
    }
    entry.rows += 1;
  }
  return [...entries.values()].sort((a, b) => b.rows - a.rows || a.role.localeCompare(b.role));
}
