import { randomBytes } from 'node:crypto';
import { buildOktaUser, ScimClient } from './client';
import type { CheckStatus } from './preflight-findings';
import { CheckName, preflightSteps, type PreflightState } from './preflight-steps';
import { remoteDetail } from './replies';
import { listedUsers, readListResponse, readUserResource } from './shapes';
import type { ScimExchange } from './types';

export { CheckName } from './preflight-steps';
export type { CheckStatus } from './preflight-findings';

/** Long enough for a slow vendor, short enough that a dead one does not stall the wizard. */
export const PREFLIGHT_TIMEOUT_MS = 15_000;

export interface PreflightCheck {
  name: string;
  status: CheckStatus;
  detail: string;
  exchanges: ScimExchange[];
}

export interface PreflightReport {
  baseUrl: string;
  startedAt: string;
  checks: PreflightCheck[];
  testUser: { userName: string; id?: string; leftActive: boolean };
}

export interface PreflightOptions {
  baseUrl: string;
  token: string;
  timeoutMs?: number;
  now?: Date;
  /** Override when the vendor only accepts users in the customer's email domains. */
  testUserName?: string;
}

/**
 * A name no real person has, on example.com (reserved by RFC 2606, never delivers mail) rather
 * than a `.invalid` host or a `+tag`, which some vendors' email validation refuses.
 */
export function defaultTestUserName(): string {
  return `okta-onboard-preflight-${randomBytes(4).toString('hex')}@example.com`;
}

/**
 * Calls a vendor's SCIM endpoint the way Okta will, on a throw-away test user, and reports one
 * check per behaviour Okta relies on. Throws only for an unusable base URL or token (AppError).
 * The test user is always deactivated (and deleted where the vendor allows) before returning.
 */
export async function runScimPreflight(opts: PreflightOptions): Promise<PreflightReport> {
  const startedAt = (opts.now ?? new Date()).toISOString();
  let sink: ScimExchange[] = [];
  const client = new ScimClient({
    baseUrl: opts.baseUrl,
    token: opts.token,
    timeoutMs: opts.timeoutMs ?? PREFLIGHT_TIMEOUT_MS,
    onExchange: (e) => sink.push(e),
  });
  const userName = opts.testUserName?.trim() || defaultTestUserName();
  const state: PreflightState = {
    client,
    userName,
    createBody: buildOktaUser({
      userName,
      givenName: 'Okta',
      familyName: 'Preflight',
      email: userName.includes('@') ? userName : `${userName}@example.com`,
      externalId: `00u${randomBytes(9).toString('hex').slice(0, 17)}`,
    }),
    nameTaken: false,
    createAttempted: false,
    created: new Map(),
  };
  const checks: PreflightCheck[] = [];
  const steps = async (): Promise<void> => {
    let stopReason: string | undefined;
    for (const step of preflightSteps) {
      if (stopReason !== undefined) {
        checks.push({ name: step.name, status: 'skipped', detail: `Skipped: ${stopReason}.`, exchanges: [] });
        continue;
      }
      sink = [];
      const outcome = await step.run(state);
      checks.push({ name: step.name, status: outcome.status, detail: outcome.detail, exchanges: sink });
      stopReason = outcome.stop;
    }
  };
  // Clean-up runs even when a step throws, so the test user is never left active.
  const crash = await steps().then(
    () => undefined,
    (error: unknown) => ({ error }),
  );
  sink = [];
  const cleaned = await cleanUpTestUsers(state);
  if (crash) throw crash.error;
  checks.push({ name: CheckName.cleanUp, status: cleaned.status, detail: cleaned.detail, exchanges: sink });
  return {
    baseUrl: client.baseUrl,
    startedAt,
    checks,
    testUser: { userName, ...(state.id !== undefined ? { id: state.id } : {}), leftActive: cleaned.leftActive },
  };
}

/** When a create got no usable answer the user may still exist: look for it by its name. */
async function findUnconfirmedCreate(state: PreflightState): Promise<void> {
  if (!state.createAttempted || state.nameTaken || state.created.size > 0) return;
  const reply = await state.client.findUserByUserName(state.userName);
  const list = reply.status === 200 ? readListResponse(reply.body) : undefined;
  if (!list?.ok) return;
  for (const user of listedUsers(list.value)) {
    if (user.userName.toLowerCase() === state.userName.toLowerCase()) state.created.set(user.id, user.active);
  }
}

async function cleanUpTestUsers(
  state: PreflightState,
): Promise<{ status: CheckStatus; detail: string; leftActive: boolean }> {
  await findUnconfirmedCreate(state);
  if (state.created.size === 0)
    return {
      status: 'skipped',
      detail: 'No test user was created, so there is nothing to clean up.',
      leftActive: false,
    };
  const stillActive: string[] = [];
  const done: string[] = [];
  const problems: string[] = [];
  for (const id of state.created.keys()) {
    const base = state.current?.id === id ? state.current : state.createBody;
    const { meta: _meta, password: _password, ...body } = base;
    const put = await state.client.replaceUser(id, { ...body, id, active: false });
    const answered = put.status === 200 ? readUserResource(put.body) : undefined;
    const deactivated = answered?.ok === true && answered.value.active === false;
    const del = await state.client.deleteUser(id);
    const deleted = del.status === 204 || del.status === 200 || del.status === 404;
    const deactivation = deactivated ? 'deactivated' : 'deactivation not confirmed';
    if (deleted) {
      done.push(`${id}: ${deactivation}, then deleted (HTTP ${del.status}).`);
    } else if ([405, 501].includes(del.status) && del.exchange.error === undefined) {
      done.push(
        `${id}: ${deactivation}; DELETE not offered (HTTP ${del.status}), so the user stays deactivated, as Okta leaves users.`,
      );
    } else {
      done.push(`${id}: ${deactivation}.`);
      problems.push(`DELETE of ${id} failed: ${del.exchange.error ?? `HTTP ${del.status}${remoteDetail(del)}`}.`);
    }
    if (!deleted && !deactivated)
      stillActive.push(
        `The test user ${state.userName} (id ${id}) may still be active at the vendor: deactivate or delete it there by hand.`,
      );
  }
  const status: CheckStatus = stillActive.length > 0 ? 'fail' : problems.length > 0 ? 'warning' : 'pass';
  return { status, detail: [...stillActive, ...done, ...problems].join(' '), leftActive: stillActive.length > 0 };
}
