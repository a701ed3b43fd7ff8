import type { Temporary } from '../api/model';
import type { Leftover } from '../api/steps';
import { AppError } from '../errors';
import type { OktaOrgApi } from '../okta/org-api';
import { ScimClient } from '../scim/client';
import type { ScimReply } from '../scim/types';

type WithoutBookkeeping<T> = T extends unknown ? Omit<T, 'id' | 'stepId' | 'recordedAt' | 'problem'> : never;
export type NewTemporary = WithoutBookkeeping<Temporary>;

/**
 * The step's record of test objects it makes. `record` is saved in the workspace before the
 * object is made, so whatever happens next (a lost answer, a crash) the next run knows to look.
 */
export interface TemporaryLedger {
  record(temporary: NewTemporary): Promise<string>;
  /** The object is gone, or was never made. */
  removed(id: string): Promise<void>;
  /** Removing it failed: kept, and shown to the admin with what to do. */
  failed(id: string, problem: { message: string; hint: string }): Promise<void>;
  /** This step's temporaries still recorded. */
  list(): Promise<Temporary[]>;
}

export interface CleanUpDeps {
  okta(): Promise<OktaOrgApi>;
  /** The SCIM bearer token the SCIM step stored, if any. */
  scimToken(): Promise<string | undefined>;
  /** How long to give Okta to deactivate an unassigned user at the vendor itself before doing it directly. */
  oktaPushWaitMs?: number;
  pollMs?: number;
}

/** Okta pushes a deactivation within seconds of an unassignment; the clean-up waits that long for it. */
const OKTA_PUSH_WAIT_MS = 15_000;
const POLL_MS = 500;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function describeTemporary(t: Temporary): string {
  return t.kind === 'okta-assignment'
    ? `Test user ${t.login} assigned to ${t.appLabel} in Okta`
    : `Test user ${t.userName} at the vendor's SCIM endpoint ${t.scimBaseUrl}`;
}

function whatToDo(t: Temporary): string {
  return t.kind === 'okta-assignment'
    ? `Run this step again: it removes the test assignment first. Or remove ${t.login} by hand in Okta (Applications > ${t.appLabel} > Assignments).`
    : `Run this step again once the vendor answers: it ${t.remove === 'delete' ? 'deactivates and deletes' : 'deactivates'} the test user first. Or ${t.remove === 'delete' ? 'delete' : 'deactivate'} ${t.userName} by hand in the vendor's admin console.`;
}

/** The step screen's list of what a run left behind. */
export function leftoverView(t: Temporary): Leftover {
  return {
    what: describeTemporary(t),
    ...(t.problem ? { problem: t.problem.message } : {}),
    hint: t.problem
      ? whatToDo(t)
      : 'An earlier run stopped before removing it; the next apply of this step removes it first.',
  };
}

async function removeAssignment(
  deps: CleanUpDeps,
  t: Extract<NewTemporary, { kind: 'okta-assignment' }>,
): Promise<number> {
  const okta = await deps.okta();
  const current = await okta.getAppUser(t.appId, t.userId);
  // Absent, or there only through a group: the direct test assignment is gone.
  if (current === undefined || current.scope === 'GROUP') return 0;
  await okta.unassignUserFromApp(t.appId, t.userId);
  return 1;
}

function matchingUsers(reply: ScimReply, userName: string): Array<Record<string, unknown>> {
  const body = reply.body;
  if (reply.status !== 200 || typeof body !== 'object' || body === null || !('Resources' in body)) {
    throw new AppError(
      'SCIM_CLEANUP_LOOKUP_FAILED',
      `Could not look up ${userName} at the vendor: ${reply.exchange.error ?? `HTTP ${reply.status}`}.`,
      'Check that the vendor is reachable and the SCIM token is still valid.',
    );
  }
  const resources = Array.isArray(body.Resources) ? (body.Resources as unknown[]) : [];
  return resources.filter(
    (r): r is Record<string, unknown> =>
      typeof r === 'object' &&
      r !== null &&
      typeof (r as { id?: unknown }).id === 'string' &&
      String((r as { userName?: unknown }).userName).toLowerCase() === userName.toLowerCase(),
  );
}

async function deactivate(scim: ScimClient, user: Record<string, unknown>, userName: string): Promise<void> {
  const { meta: _meta, ...body } = user;
  const id = String(user.id);
  const reply = await scim.replaceUser(id, { ...(body as Parameters<ScimClient['replaceUser']>[1]), active: false });
  if (reply.status !== 200 && reply.status !== 204) {
    throw new AppError(
      'SCIM_CLEANUP_DEACTIVATE_FAILED',
      `Deactivating the test user ${userName} (id ${id}) at the vendor failed: ${reply.exchange.error ?? `HTTP ${reply.status}`}.`,
      'Check that the vendor is reachable and the SCIM token is still valid.',
    );
  }
}

/** Deactivates (and deletes, where `remove` says so) every user of that userName at the vendor. */
export async function removeVendorUser(
  deps: Omit<CleanUpDeps, 'okta'>,
  t: Extract<NewTemporary, { kind: 'vendor-user' }>,
): Promise<number> {
  const token = await deps.scimToken();
  if (token === undefined) {
    throw new AppError(
      'SCIM_TOKEN_MISSING',
      `The SCIM token is no longer stored, so the test user ${t.userName} cannot be checked at the vendor.`,
      'Enter the token on the SCIM check step again.',
    );
  }
  const scim = new ScimClient({ baseUrl: t.scimBaseUrl, token });
  const deadline = Date.now() + (t.remove === 'deactivate' ? (deps.oktaPushWaitMs ?? OKTA_PUSH_WAIT_MS) : 0);
  for (;;) {
    const users = matchingUsers(await scim.findUserByUserName(t.userName), t.userName);
    const active = users.filter((u) => u.active !== false);
    // A user Okta provisioned is Okta's to deactivate: give its push a moment before stepping in.
    if (active.length > 0 && Date.now() < deadline) {
      await sleep(deps.pollMs ?? POLL_MS);
      continue;
    }
    for (const user of active) await deactivate(scim, user, t.userName);
    let changed = active.length;
    if (t.remove === 'delete') {
      for (const user of users) {
        const reply = await scim.deleteUser(String(user.id));
        // 405/501: the vendor does not delete over SCIM; the user stays deactivated, as Okta leaves users.
        if (reply.status === 200 || reply.status === 204) changed += 1;
        if (![200, 204, 404, 405, 501].includes(reply.status)) {
          throw new AppError(
            'SCIM_CLEANUP_DELETE_FAILED',
            `Deleting the test user ${t.userName} (id ${String(user.id)}) at the vendor failed: ${reply.exchange.error ?? `HTTP ${reply.status}`}. It is deactivated.`,
            'Delete it by hand at the vendor, or run this step again.',
          );
        }
      }
    }
    return changed;
  }
}

/** Removes one temporary; returns how many writes that took (0: already gone). Throws an AppError saying what failed. */
export function removeTemporary(deps: CleanUpDeps, t: NewTemporary): Promise<number> {
  return t.kind === 'okta-assignment' ? removeAssignment(deps, t) : removeVendorUser(deps, t);
}

/**
 * Finishes the clean-up an earlier run of a step left (Okta assignments before vendor users,
 * since unassigning is what deactivates at the vendor). Each success leaves the ledger; each
 * failure stays there with its reason. Returns the temporaries still left.
 */
export async function finishCleanUp(deps: CleanUpDeps, ledger: TemporaryLedger): Promise<Temporary[]> {
  const pending = (await ledger.list()).sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'okta-assignment' ? -1 : 1));
  const left: Temporary[] = [];
  for (const t of pending) {
    // While Okta still assigns the user, the vendor's copy is Okta's to keep: removing it would split them.
    if (t.kind === 'vendor-user' && left.some((l) => l.kind === 'okta-assignment')) {
      left.push(t);
      continue;
    }
    try {
      await removeTemporary(deps, t);
      await ledger.removed(t.id);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const problem = { message: error.message, hint: error.hint };
      await ledger.failed(t.id, problem);
      left.push({ ...t, problem: { ...problem, at: new Date().toISOString() } });
    }
  }
  return left;
}

/** The apply of a step refuses to start while its own test objects cannot be removed. */
export function leftoverError(left: Temporary[]): AppError {
  const first = left[0]!;
  return new AppError(
    'LEFTOVER_NOT_REMOVED',
    `An earlier run left ${left.map(describeTemporary).join('; ')}, and removing it failed${first.problem ? `: ${first.problem.message}` : '.'}`,
    whatToDo(first),
  );
}
