import { userNameFilter } from './client';
import { Findings, type StepOutcome } from './preflight-findings';
import type { PreflightState } from './preflight-steps';
import { listedUsers, readListResponse, readScimError, type ScimListResponse } from './shapes';
import type { ScimReply } from './types';

/**
 * Okta looks every newly assigned person up with `filter=userName eq "…"` and links them to the
 * first user in the answer. With only the test user on the server an ignored filter looks like a
 * working one, so this proof asks for names that must NOT match while the test user exists, and
 * for the test user's name in other capitals, which must.
 */

/** What the vendor has to change, said once so every filter failure ends the same way. */
export const FILTER_FIX =
  'The vendor must fix its SCIM server: evaluate filter=userName eq "…" as exact equality of the whole userName, ignoring case (RFC 7643 defines userName with caseExact false), and answer totalResults 0 when nobody matches.';

const OKTA_LINKS_WRONG =
  "Okta looks up every newly assigned person this way before creating them and links them to the first user in the answer, overwriting that vendor account with a PUT instead of creating the person's own.";

/** Okta's own SCIM spec test sends the new user's name in capitals ("Username Case Sensitivity Check"). */
const OKTA_MISSES_CASE =
  "Okta's SCIM spec test looks the new user up in capitals for this reason. Okta would not find a person whose username differs from the vendor's only in case; it would try to create them again, which the vendor refuses (409) or turns into a duplicate account.";

/** The problem text shared by every lookup that lists users it should not. */
export function filterIgnoredText(asked: string, got: string): string {
  return `Filter problem: asked for userName eq "${asked}" and got ${got}. The vendor ignores the filter or does not evaluate eq as exact equality. ${OKTA_LINKS_WRONG} ${FILTER_FIX}`;
}

/**
 * A name nobody has that is the test user's name minus its last character: an ignored filter, or
 * one evaluated as "starts with" or "contains", lists the test user for it.
 */
export function absentUserName(userName: string): string {
  return userName.length > 1 ? userName.slice(0, -1) : `${userName}-absent`;
}

/** The same name in other capitals, or undefined when it has no letters whose case can change. */
export function otherCase(userName: string): string | undefined {
  const upper = userName.toUpperCase();
  if (upper !== userName) return upper;
  const lower = userName.toLowerCase();
  return lower !== userName ? lower : undefined;
}

function readList(f: Findings, reply: ScimReply): ScimListResponse | undefined {
  if (!f.expect(reply, [200])) return undefined;
  const list = readListResponse(reply.body);
  if (list.ok) return list.value;
  f.fail(`JSON that is not a SCIM ListResponse: ${list.problems.join('; ')}.`);
  return undefined;
}

const names = (list: ScimListResponse) =>
  listedUsers(list)
    .map((u) => u.userName)
    .slice(0, 3)
    .join(', ');

async function lookUpAbsent(f: Findings, state: PreflightState, id: string): Promise<string> {
  const absent = absentUserName(state.userName);
  const reply = await state.client.listUsers({ filter: userNameFilter(absent), startIndex: 1, count: 100 });
  // Okta reads a 404 with a SCIM Error as "no such user" too.
  if (reply.status === 404 && readScimError(reply.body)) return `userName eq "${absent}" (nobody has it) found nobody`;
  const list = readList(f, reply);
  if (!list) return '';
  if (list.totalResults === 0) return `userName eq "${absent}" (nobody has it) returned 0 users`;
  const users = listedUsers(list);
  if (users.length > 0 && users.every((u) => u.userName.toLowerCase() === absent.toLowerCase())) {
    f.warn(
      `A user named ${absent} exists at the vendor, so the lookup for it could not show whether the filter tells users apart; rerun with another test user name.`,
    );
    return '';
  }
  const testUserListed = users.some((u) => u.id === id);
  f.fail(
    filterIgnoredText(
      absent,
      `${list.totalResults} user(s)${users.length > 0 ? ` (${names(list)})` : ''} although nobody has that name${testUserListed ? `; the test user ${state.userName} was among them` : ''}`,
    ),
  );
  return '';
}

async function lookUpOtherCase(f: Findings, state: PreflightState, id: string): Promise<string> {
  const cased = otherCase(state.userName);
  if (cased === undefined) return `the test user name ${state.userName} has no letters, so case was not tried`;
  const reply = await state.client.listUsers({ filter: userNameFilter(cased), startIndex: 1, count: 100 });
  const notFound = reply.status === 404 && readScimError(reply.body) !== undefined;
  const list = notFound ? undefined : readList(f, reply);
  if (!notFound && !list) return '';
  if (notFound || list?.totalResults === 0) {
    f.fail(
      `Filter problem: userName eq "${cased}" found nobody, although the test user ${state.userName} exists: the vendor compares userName case-sensitively. ${OKTA_MISSES_CASE} ${FILTER_FIX}`,
    );
    return '';
  }
  if (list === undefined) return '';
  const users = listedUsers(list);
  if (list.totalResults > 1 || users.some((u) => u.id !== id)) {
    f.fail(filterIgnoredText(cased, `${list.totalResults} users (${names(list)}), not just the test user`));
    return '';
  }
  if (users[0]?.id !== id) {
    f.fail(`Filter problem: the lookup for userName eq "${cased}" reports one user but does not list the test user.`);
    return '';
  }
  return `userName eq "${cased}" found the test user (id ${id})`;
}

/** Runs once the test user exists: proves the filter discriminates and ignores case. */
export async function filterDiscriminates(state: PreflightState, id: string): Promise<StepOutcome> {
  const f = new Findings();
  const absent = await lookUpAbsent(f, state, id);
  const cased = await lookUpOtherCase(f, state, id);
  return f.outcome(
    `${absent} while the test user exists, and ${cased}: the filter tells users apart and ignores case, as Okta's lookup before every create needs.`,
  );
}
