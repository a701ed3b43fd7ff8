import type { EndToEnd } from '../api/step-provisioning';
import type { Check } from '../api/steps';
import { AppError } from '../errors';
import type { OktaOrgApi, OktaUser } from '../okta/org-api';
import { ScimClient, type ScimExchange, type ScimReply } from '../scim/client';
import { externalIdNote, requiredFields } from './okta-pushed-fields';
import { exchangesEvidence, tokenDigest } from './scim-report';
import { removeTemporary, type CleanUpDeps, type NewTemporary, type TemporaryLedger } from './temporaries';

/** Okta pushes in the background; a second between reads is quick enough and light on the vendor. */
const POLL_INTERVAL_MS = 1_000;

export interface EndToEndOptions {
  okta: OktaOrgApi;
  app: { id: string; label: string };
  scimBaseUrl: string;
  token: string;
  /** The Okta user to assign: login or id. */
  testUser: string;
  /** The app-profile attribute sent as SCIM `role`, and the value to assign. */
  role?: { attribute: string; value: string };
  waitMs: number;
  pollMs?: number;
  now(): Date;
  progress(message: string): void;
  /** Where the test assignment and the user at the vendor are recorded before they are made. */
  temporaries: TemporaryLedger;
}

interface ScimSeen {
  id: string;
  resource: Record<string, unknown>;
}

/**
 * Proves provisioning end to end: assigns a test user in Okta, waits until the vendor's SCIM
 * endpoint has it with the right attributes, unassigns it and waits until the vendor shows it
 * deactivated. The assignment and the user at the vendor are recorded as temporaries before the
 * assignment is made, and removed on every path: a failed check or call, a lost answer to the
 * assignment (it may have landed), and, through the ledger, a crash (the next apply finishes it).
 */
export async function runEndToEnd(opts: EndToEndOptions): Promise<EndToEnd> {
  const startedAt = opts.now().toISOString();
  const testStarted = Date.now();
  const log: EndToEnd['log'] = [];
  const note = (message: string) => {
    log.push({ at: opts.now().toISOString(), message });
    opts.progress(message);
  };
  const user = await testUserOf(opts);
  const exchanges: ScimExchange[] = [];
  const scim = new ScimClient({ baseUrl: opts.scimBaseUrl, token: opts.token, onExchange: (e) => exchanges.push(e) });
  const checks: Check[] = [];
  const profile = opts.role === undefined ? {} : { [opts.role.attribute]: opts.role.value };
  const login = user.profile.login;
  const assignment: NewTemporary = {
    kind: 'okta-assignment',
    appId: opts.app.id,
    appLabel: opts.app.label,
    userId: user.id,
    login,
  };
  const vendorUser = (userName: string): NewTemporary => ({
    kind: 'vendor-user',
    scimBaseUrl: opts.scimBaseUrl,
    userName,
    remove: 'deactivate',
  });
  const assignmentId = await opts.temporaries.record(assignment);
  let vendorUserId = await opts.temporaries.record(vendorUser(login));
  let userName = login;
  let seen: ScimSeen | undefined;
  let failure: { error: unknown } | undefined;
  try {
    const assigned = await opts.okta.assignUserToApp(opts.app.id, user.id, profile);
    if (assigned.userName !== undefined && assigned.userName.toLowerCase() !== login.toLowerCase()) {
      // The app's username format gives another name at the vendor: record that one instead.
      const renamed = await opts.temporaries.record(vendorUser(assigned.userName));
      await opts.temporaries.removed(vendorUserId);
      vendorUserId = renamed;
      userName = assigned.userName;
    }
    note(
      `Assigned ${login} to ${opts.app.label}${opts.role ? ` with role ${opts.role.value}` : ''}; waiting for Okta to push ${userName} to ${opts.scimBaseUrl}.`,
    );
    seen = await waitForUser(opts, scim, user, userName, exchanges, checks, note, testStarted);
    if (seen !== undefined) checks.push(attributesCheck(seen.resource, user, userName, opts.role));
  } catch (error) {
    failure = { error };
  }
  const unassignError = await settle(opts, assignmentId, assignment);
  if (failure !== undefined) {
    if (unassignError === undefined) await settleVendorUser(opts, vendorUserId, vendorUser(userName));
    throw failure.error;
  }
  if (unassignError === undefined) note(`Unassigned ${login} from ${opts.app.label}.`);
  if (seen !== undefined && unassignError === undefined)
    checks.push(await waitForDeactivation(opts, scim, seen, userName, exchanges, note, testStarted));
  // Okta deactivates at the vendor on unassignment; where it did not (or could not be asked), do it directly.
  const vendor =
    unassignError === undefined ? await settleVendorUser(opts, vendorUserId, vendorUser(userName)) : undefined;
  checks.push(await cleanUpCheck(opts, user, unassignError, vendor));
  const finishedAt = opts.now().toISOString();
  return {
    appId: opts.app.id,
    scimBaseUrl: opts.scimBaseUrl,
    tokenDigest: tokenDigest(opts.token),
    startedAt,
    finishedAt,
    user: { id: user.id, login },
    userName,
    ...(opts.role ? { role: opts.role.value } : {}),
    passed: !checks.some((c) => c.status === 'fail'),
    checks,
    log,
  };
}

function cleanUpDeps(opts: EndToEndOptions): CleanUpDeps {
  return { okta: () => Promise.resolve(opts.okta), scimToken: () => Promise.resolve(opts.token), oktaPushWaitMs: 0 };
}

/** Removes the test assignment (the DELETE is retried; reading first skips it when the assign never landed). */
async function settle(opts: EndToEndOptions, id: string, t: NewTemporary): Promise<AppError | undefined> {
  try {
    await removeTemporary(cleanUpDeps(opts), t);
    await opts.temporaries.removed(id);
    return undefined;
  } catch (error) {
    const failure =
      error instanceof AppError
        ? error
        : new AppError('INTERNAL', error instanceof Error ? error.message : String(error), 'Try again.');
    await opts.temporaries.failed(id, { message: failure.message, hint: failure.hint });
    return failure;
  }
}

interface VendorCleanUp {
  /** Users the wizard had to deactivate at the vendor itself. */
  deactivated: number;
  error?: AppError;
}

async function settleVendorUser(opts: EndToEndOptions, id: string, t: NewTemporary): Promise<VendorCleanUp> {
  try {
    const deactivated = await removeTemporary(cleanUpDeps(opts), t);
    await opts.temporaries.removed(id);
    return { deactivated };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    await opts.temporaries.failed(id, { message: error.message, hint: error.hint });
    return { deactivated: 0, error };
  }
}

async function testUserOf(opts: EndToEndOptions): Promise<OktaUser> {
  const user = await opts.okta.getUser(opts.testUser);
  if (user === undefined) {
    throw new AppError(
      'PROVISIONING_TEST_USER_NOT_FOUND',
      `There is no Okta user "${opts.testUser}".`,
      'Enter the login (e.g. ann.lee@acme.example) or id of an active Okta user to assign for the test.',
      'testUser',
    );
  }
  if (user.status !== 'ACTIVE') {
    throw new AppError(
      'PROVISIONING_TEST_USER_INACTIVE',
      `${user.profile.login} is ${user.status}, and Okta only provisions active users.`,
      'Choose an active Okta user for the test.',
      'testUser',
    );
  }
  const existing = await opts.okta.getAppUser(opts.app.id, user.id);
  if (existing !== undefined) {
    throw new AppError(
      'PROVISIONING_TEST_USER_ASSIGNED',
      `${user.profile.login} is already assigned to ${opts.app.label}${existing.scope === 'GROUP' ? ' through a group' : ''}.`,
      'Choose a user who is not assigned yet: the test assigns and then unassigns them, and must leave existing assignments alone.',
      'testUser',
    );
  }
  return user;
}

/** The progress line while a wait runs: what it waits for, time spent, and how much of the wait is left. */
export function waitingText(what: string, waitStarted: number, waitMs: number, testStarted: number): string {
  const now = Date.now();
  const waited = Math.floor((now - waitStarted) / 1000);
  const left = Math.max(0, Math.ceil((waitMs - (now - waitStarted)) / 1000));
  return `Waiting for ${what}: ${waited} s so far, up to ${left} s left of the ${waitMs / 1000} s wait (test running ${Math.floor((now - testStarted) / 1000)} s).`;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function listed(reply: ScimReply, userName: string): Record<string, unknown> | undefined {
  if (
    reply.status !== 200 ||
    typeof reply.body !== 'object' ||
    reply.body === null ||
    !('Resources' in reply.body) ||
    !Array.isArray(reply.body.Resources)
  )
    return undefined;
  const hits = reply.body.Resources.filter(
    (r: unknown): r is Record<string, unknown> =>
      typeof r === 'object' &&
      r !== null &&
      'userName' in r &&
      typeof r.userName === 'string' &&
      r.userName.toLowerCase() === userName.toLowerCase(),
  );
  return hits[0];
}

async function waitForUser(
  opts: EndToEndOptions,
  scim: ScimClient,
  user: OktaUser,
  userName: string,
  exchanges: ScimExchange[],
  checks: Check[],
  note: (m: string) => void,
  testStarted: number,
): Promise<ScimSeen | undefined> {
  const started = Date.now();
  const label = 'The test user arrives at the vendor';
  for (let attempt = 1; ; attempt += 1) {
    const reply = await scim.findUserByUserName(userName);
    const resource = listed(reply, userName);
    if (resource !== undefined && resource.active !== false && typeof resource.id === 'string') {
      const seconds = Math.round((Date.now() - started) / 100) / 10;
      note(`${userName} is at the vendor (SCIM id ${resource.id}) after ${seconds} s.`);
      checks.push({
        id: 'provisioning-e2e-created',
        label,
        status: 'pass',
        detail: `Okta pushed ${userName} to ${opts.scimBaseUrl} within ${seconds} s of the assignment.`,
        evidence: exchangesEvidence(exchanges.slice(-1)),
      });
      return { id: resource.id, resource };
    }
    const appUser = await opts.okta.getAppUser(opts.app.id, user.id);
    if (appUser?.syncState === 'ERROR') {
      checks.push({
        id: 'provisioning-e2e-created',
        label,
        status: 'fail',
        detail: `Okta reports a provisioning error for ${userName} (sync state ERROR). Its reason is in Okta under Dashboard > Tasks and in the System Log (event application.provision.user.push); the vendor's answer is usually quoted there.`,
        evidence: exchangesEvidence(exchanges.slice(-1)),
      });
      return undefined;
    }
    if (Date.now() - started >= opts.waitMs) {
      checks.push({
        id: 'provisioning-e2e-created',
        label,
        status: 'fail',
        detail: timeOutText(opts, userName),
        evidence: exchangesEvidence(exchanges.slice(-1)),
      });
      note(`${userName} did not arrive within ${opts.waitMs / 1000} s.`);
      return undefined;
    }
    if (attempt % 10 === 0)
      note(`Still waiting for ${userName} at the vendor (${Math.round((Date.now() - started) / 1000)} s).`);
    opts.progress(waitingText(`${userName} to arrive at the vendor`, started, opts.waitMs, testStarted));
    await sleep(opts.pollMs ?? POLL_INTERVAL_MS);
  }
}

/** What the admin checks in Okta when the pushed user never shows up, in the order it usually goes wrong. */
export function timeOutText(opts: Pick<EndToEndOptions, 'scimBaseUrl' | 'waitMs' | 'app'>, userName: string): string {
  return [
    `${userName} did not appear at ${opts.scimBaseUrl} within ${opts.waitMs / 1000} s of being assigned. Check in Okta:`,
    `(1) ${opts.app.label} > Provisioning > Integration: the SCIM connector base URL is exactly ${opts.scimBaseUrl}, the token is the one checked in the SCIM step, and "Test Connector Configuration" succeeds;`,
    '(2) Provisioning > To App: Create Users, Update User Attributes and Deactivate Users are on and saved;',
    '(3) users assigned before provisioning was enabled are not pushed: on the Assignments tab such a user shows "Provision User";',
    '(4) Dashboard > Tasks and the System Log (application.provision.user.push) for a failed push.',
  ].join(' ');
}

/**
 * Holds the vendor's copy to what Okta's documents say Okta sends (see okta-pushed-fields.ts), not
 * to what our own client would send: the CRUD test's fields and the role must match; externalId is
 * only reported.
 */
function attributesCheck(
  resource: Record<string, unknown>,
  user: OktaUser,
  userName: string,
  role: EndToEndOptions['role'],
): Check {
  const person = {
    userName,
    firstName: user.profile.firstName,
    lastName: user.profile.lastName,
    email: user.profile.email,
    oktaUserId: user.id,
  };
  const fields = requiredFields(resource, person, role === undefined ? {} : { role: role.value });
  const wrong = fields.filter((f) => !f.same);
  const shown = (value: unknown) => (value === undefined ? 'missing' : JSON.stringify(value));
  return {
    id: 'provisioning-e2e-attributes',
    label: "The vendor has the user's attributes",
    status: wrong.length === 0 ? 'pass' : 'fail',
    detail:
      wrong.length === 0
        ? `${fields.map((f) => `${f.field} = ${shown(f.want)}`).join(', ')}. ${externalIdNote(resource, person)}`
        : `Different at the vendor: ${wrong.map((f) => `${f.field} is ${shown(f.got)}, Okta sends ${shown(f.want)}`).join('; ')}. Check the app's attribute mappings (Provisioning > To App > attribute mappings)${role ? ' and that the role attribute has external name "role" in the core SCIM namespace' : ''}.`,
    evidence: JSON.stringify(resource, null, 2),
  };
}

async function waitForDeactivation(
  opts: EndToEndOptions,
  scim: ScimClient,
  seen: ScimSeen,
  userName: string,
  exchanges: ScimExchange[],
  note: (m: string) => void,
  testStarted: number,
): Promise<Check> {
  const started = Date.now();
  const label = 'Unassigning deactivates the user at the vendor';
  for (;;) {
    const reply = await scim.getUser(seen.id);
    const body =
      typeof reply.body === 'object' && reply.body !== null ? (reply.body as Record<string, unknown>) : undefined;
    if (reply.status === 200 && body?.active === false) {
      note(`${userName} is deactivated at the vendor.`);
      return {
        id: 'provisioning-e2e-deactivated',
        label,
        status: 'pass',
        detail: `After the unassignment the vendor shows ${userName} with active: false.`,
        evidence: exchangesEvidence(exchanges.slice(-1)),
      };
    }
    if (Date.now() - started >= opts.waitMs) {
      return {
        id: 'provisioning-e2e-deactivated',
        label,
        status: 'fail',
        detail: `${userName} is still active at the vendor ${opts.waitMs / 1000} s after being unassigned. Turn on Deactivate Users (Provisioning > To App) and check Dashboard > Tasks for a failed deactivation; deactivate the test user at the vendor by hand.`,
        evidence: exchangesEvidence(exchanges.slice(-1)),
      };
    }
    opts.progress(waitingText(`${userName} to be deactivated at the vendor`, started, opts.waitMs, testStarted));
    await sleep(opts.pollMs ?? POLL_INTERVAL_MS);
  }
}

async function cleanUpCheck(
  opts: EndToEndOptions,
  user: OktaUser,
  unassignError: AppError | undefined,
  vendor: VendorCleanUp | undefined,
): Promise<Check> {
  const id = 'provisioning-e2e-cleanup';
  const label = 'The org and the vendor are left as they were';
  if (unassignError !== undefined) {
    return {
      id,
      label,
      status: 'fail',
      detail: `Unassigning ${user.profile.login} from ${opts.app.label} failed (${unassignError.message}). Run this step again: it removes the test assignment first. Or remove it by hand on the app's Assignments tab.`,
    };
  }
  const still = await opts.okta.getAppUser(opts.app.id, user.id);
  if (still !== undefined && still.scope === 'USER') {
    return {
      id,
      label,
      status: 'fail',
      detail: `${user.profile.login} is still assigned to ${opts.app.label}: run this step again, or remove the assignment by hand on the app's Assignments tab.`,
    };
  }
  if (vendor?.error !== undefined) {
    return {
      id,
      label,
      status: 'fail',
      detail: `${user.profile.login} is no longer assigned to ${opts.app.label}, but the test user at the vendor could not be checked or deactivated: ${vendor.error.message} ${vendor.error.hint}`,
    };
  }
  const direct =
    vendor !== undefined && vendor.deactivated > 0
      ? ' Okta had not deactivated the test user at the vendor, so the wizard deactivated it there directly.'
      : '';
  return {
    id,
    label,
    status: 'pass',
    detail: `${user.profile.login} is no longer assigned to ${opts.app.label}, and no test user is left active at the vendor.${direct}`,
  };
}
