import type { ScimClient } from './client';
import { filterDiscriminates, filterIgnoredText, FILTER_FIX } from './filter-proof';
import { Findings, type StepOutcome } from './preflight-findings';
import { judgeReply, remoteDetail } from './replies';
import {
  listedUsers,
  readListResponse,
  readScimError,
  readServiceProviderConfig,
  readUserResource,
  type ScimListResponse,
  type ScimUserResource,
} from './shapes';
import type { ScimReply, ScimUser } from './types';

/** Check names, in the order they run; the UI, the CLI and tests refer to checks by these. */
export const CheckName = {
  serviceProviderConfig: 'Service provider configuration',
  connectionTest: 'Connection test',
  lookupBeforeCreate: 'Lookup before create',
  createUser: 'Create user',
  readUser: 'Read user',
  lookupFindsUser: 'Lookup finds the new user',
  filterDiscriminates: 'Filter tells users apart',
  profileUpdate: 'Profile update (PUT)',
  deactivatePut: 'Deactivate (PUT active:false)',
  reactivatePut: 'Reactivate (PUT active:true)',
  deactivatePatch: 'Deactivate (PATCH, catalog apps)',
  duplicateCreate: 'Duplicate create refused',
  cleanUp: 'Clean-up',
} as const;

export interface PreflightState {
  client: ScimClient;
  userName: string;
  createBody: ScimUser;
  /** The test user's SCIM id, once the vendor created it. */
  id?: string;
  /** The test user as the vendor last showed it. */
  current?: ScimUserResource;
  nameTaken: boolean;
  createAttempted: boolean;
  /** Every user this preflight created (the duplicate too), with its last known `active`. */
  created: Map<string, boolean | undefined>;
}

export interface PreflightStep {
  name: string;
  run(state: PreflightState): Promise<StepOutcome>;
}

const UPDATED_FAMILY_NAME = 'Preflight-Updated';

async function serviceProviderConfig(state: PreflightState): Promise<StepOutcome> {
  const reply = await state.client.getServiceProviderConfig();
  if ([404, 405, 501].includes(reply.status)) {
    return {
      status: 'warning',
      detail: `Not offered (HTTP ${reply.status}). Okta never reads it, so provisioning works without it; the preflight just cannot see which features the vendor claims.`,
    };
  }
  const verdict = judgeReply(reply, [200]);
  if (verdict.kind === 'network')
    return { status: 'fail', detail: verdict.text, stop: 'the vendor could not be reached' };
  if (verdict.kind === 'token')
    return { status: 'fail', detail: verdict.text, stop: 'the vendor refused the bearer token' };
  if (verdict.kind !== 'ok')
    return {
      status: 'warning',
      detail: `${verdict.text} Okta never reads this endpoint, so this alone does not block provisioning.`,
    };
  const config = readServiceProviderConfig(reply.body);
  if (!config.ok)
    return {
      status: 'warning',
      detail: `The answer is not a SCIM ServiceProviderConfig: ${config.problems.join('; ')}. Okta never reads it.`,
    };
  const yesNo = (feature?: { supported: boolean }) =>
    feature === undefined ? 'not stated' : feature.supported ? 'yes' : 'no';
  const offered = `Offered: PATCH supported ${yesNo(config.value.patch)}, filter supported ${yesNo(config.value.filter)}.`;
  return verdict.warnings.length > 0
    ? { status: 'warning', detail: `${verdict.warnings.join(' ')} ${offered}` }
    : { status: 'pass', detail: offered };
}

function readList(f: Findings, reply: ScimReply): ScimListResponse | undefined {
  const list = readListResponse(reply.body);
  if (list.ok) return list.value;
  f.fail(`JSON that is not a SCIM ListResponse: ${list.problems.join('; ')}.`);
  return undefined;
}

async function connectionTest(state: PreflightState): Promise<StepOutcome> {
  const f = new Findings();
  const reply = await state.client.listUsers({ startIndex: 1, count: 2 });
  const list = f.expect(reply, [200]) ? readList(f, reply) : undefined;
  if (!list) {
    f.stop('the connection test failed, so the preflight wrote nothing to the vendor');
    return f.outcome('');
  }
  if (list.startIndex === undefined || list.itemsPerPage === undefined) {
    f.warn('The ListResponse lacks startIndex or itemsPerPage; Okta pages its imports with them.');
  }
  const resources = list.Resources ?? [];
  if (resources.length > 2)
    f.warn(
      `count=2 returned ${resources.length} users: the vendor ignores count, so Okta's imports (100 at a time) get everything at once.`,
    );
  resources.forEach((resource, index) => {
    const user = readUserResource(resource);
    if (!user.ok) f.fail(`Resources[${index}] is not a SCIM User: ${user.problems.join('; ')}.`);
  });
  return f.outcome(
    `HTTP 200 with a SCIM ListResponse (totalResults ${list.totalResults}) — the call Okta's "Test Connector Configuration" makes.`,
  );
}

function sameName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

async function lookupBeforeCreate(state: PreflightState): Promise<StepOutcome> {
  const f = new Findings();
  const reply = await state.client.findUserByUserName(state.userName);
  if (reply.status === 404 && readScimError(reply.body)) {
    return {
      status: 'pass',
      detail: 'HTTP 404 with a SCIM Error, which Okta also reads as "no such user", so it would create one.',
    };
  }
  const list = f.expect(reply, [200]) ? readList(f, reply) : undefined;
  if (!list) return f.outcome('');
  const users = listedUsers(list);
  const taken = users.find((u) => sameName(u.userName, state.userName));
  if (taken) {
    state.nameTaken = true;
    f.fail(
      `A user named ${state.userName} already exists at the vendor (id ${taken.id}). Choose another test user name; the preflight only changes users it created itself.`,
    );
    f.stop('the test user name is already taken');
  } else if (list.totalResults > 0) {
    f.fail(filterIgnoredText(state.userName, `${list.totalResults} other user(s)`));
  }
  return f.outcome('HTTP 200, totalResults 0: the filter finds nobody yet, so Okta would create the user.');
}

function readUser(f: Findings, reply: ScimReply, what: string): ScimUserResource | undefined {
  const user = readUserResource(reply.body);
  if (user.ok) return user.value;
  f.fail(`The ${what} answer is not a SCIM User: ${user.problems.join('; ')}.`);
  return undefined;
}

function checkExternalId(f: Findings, state: PreflightState, user: ScimUserResource): void {
  if (user.externalId !== state.createBody.externalId) {
    f.warn(
      `externalId was not kept (sent ${state.createBody.externalId ?? ''}, got ${user.externalId ?? 'none'}). Okta links by the SCIM id, so provisioning works, but the vendor's accounts cannot be traced back to Okta users.`,
    );
  }
}

async function createUser(state: PreflightState): Promise<StepOutcome> {
  const f = new Findings();
  state.createAttempted = true;
  const reply = await state.client.createUser(state.createBody);
  if (!f.expect(reply, [201, 200])) {
    f.fail(
      `Okta would report: "Error while creating user ${state.userName}${remoteDetail(reply) || ` (HTTP ${reply.status})`}".`,
    );
    if (reply.status === 400)
      f.fail("If the vendor only accepts its customers' email domains, rerun with a test user name in one of them.");
    return f.outcome('');
  }
  if (reply.body === undefined) {
    f.fail(
      `HTTP ${reply.status} with an empty body: Okta fails the task with "Create new user returned empty user." and never learns the user's id.`,
    );
    return f.outcome('');
  }
  const user = readUser(f, reply, 'create');
  if (!user) return f.outcome('');
  state.id = user.id;
  state.current = user;
  state.created.set(user.id, user.active);
  if (reply.status === 200) f.warn('HTTP 200 instead of 201 Created.');
  if (!sameName(user.userName, state.userName))
    f.warn(`userName came back as ${user.userName}, not ${state.userName}.`);
  if (user.active === false) f.warn('The user was created inactive although Okta sent active: true.');
  checkExternalId(f, state, user);
  return f.outcome(`HTTP 201 with a SCIM User (id ${user.id}); externalId kept.`);
}

async function getTestUser(f: Findings, state: PreflightState, id: string): Promise<ScimUserResource | undefined> {
  const reply = await state.client.getUser(id);
  const user = f.expect(reply, [200]) ? readUser(f, reply, 'read-back') : undefined;
  if (user && user.id !== id) f.fail(`Asked for user ${id} and got user ${user.id}.`);
  if (user) state.current = user;
  return user;
}

async function readTestUser(state: PreflightState, id: string): Promise<StepOutcome> {
  const f = new Findings();
  const user = await getTestUser(f, state, id);
  if (user) checkExternalId(f, state, user);
  return f.outcome('HTTP 200 with the same id, userName and externalId.');
}

async function lookupFindsUser(state: PreflightState, id: string): Promise<StepOutcome> {
  const f = new Findings();
  const reply = await state.client.findUserByUserName(state.userName);
  const list = f.expect(reply, [200]) ? readList(f, reply) : undefined;
  if (!list) return f.outcome('');
  const others = listedUsers(list).filter((u) => u.id !== id);
  if (list.totalResults === 0) {
    f.fail(
      `Filter problem: userName eq "${state.userName}" does not find the user just created: Okta would not find it either and would try to create it again. ${FILTER_FIX}`,
    );
  } else if (others.length > 0 || list.totalResults > 1) {
    f.fail(filterIgnoredText(state.userName, `${list.totalResults} users, not just the test user`));
  } else if (listedUsers(list)[0]?.id !== id) {
    f.fail('Filter problem: the lookup reports one user but does not list the test user in Resources.');
  }
  return f.outcome('HTTP 200 listing exactly the test user: Okta would link to it instead of creating a duplicate.');
}

/** Okta's PUT carries the whole user as last read, minus server-managed metadata. */
function putBody(state: PreflightState, changes: Partial<ScimUser>): ScimUser {
  const base: ScimUser = state.current ?? state.createBody;
  const { meta: _meta, password: _password, ...rest } = base;
  return { ...rest, ...changes };
}

async function profileUpdate(state: PreflightState, id: string): Promise<StepOutcome> {
  const f = new Findings();
  const givenName = state.current?.name?.givenName ?? state.createBody.name?.givenName ?? 'Okta';
  const reply = await state.client.replaceUser(
    id,
    putBody(state, {
      name: { givenName, familyName: UPDATED_FAMILY_NAME },
      displayName: `${givenName} ${UPDATED_FAMILY_NAME}`,
    }),
  );
  const answered = f.expect(reply, [200]) ? readUser(f, reply, 'PUT') : undefined;
  if (!answered) return f.outcome('');
  if (answered.name?.familyName !== UPDATED_FAMILY_NAME)
    f.fail(`The PUT answer shows familyName ${answered.name?.familyName ?? '(none)'}, not ${UPDATED_FAMILY_NAME}.`);
  const readBack = await getTestUser(f, state, id);
  if (readBack && readBack.name?.familyName !== UPDATED_FAMILY_NAME) {
    f.fail(
      `A read-back shows familyName ${readBack.name?.familyName ?? '(none)'}: the vendor does not keep profile updates sent with PUT, which is how Okta pushes them.`,
    );
  }
  return f.outcome('HTTP 200; a read-back shows the new familyName.');
}

async function setActiveWithPut(state: PreflightState, id: string, active: boolean): Promise<StepOutcome> {
  const f = new Findings();
  const reply = await state.client.replaceUser(id, putBody(state, { active }));
  const answered = f.expect(reply, [200]) ? readUser(f, reply, 'PUT') : undefined;
  if (!answered) return f.outcome('');
  state.created.set(id, answered.active);
  const readBack = await getTestUser(f, state, id);
  if (readBack) state.created.set(id, readBack.active);
  if (readBack && readBack.active !== active) {
    f.fail(
      active
        ? `After a PUT with active: true a read-back shows active: ${String(readBack.active)}: users re-assigned in Okta would stay inactive at the vendor.`
        : `After a PUT with active: false a read-back shows active: ${String(readBack.active)}: users unassigned or deactivated in Okta would stay active at the vendor.`,
    );
  }
  return f.outcome(
    active
      ? 'HTTP 200; a read-back shows active: true (how Okta reactivates users of custom apps).'
      : 'HTTP 200; a read-back shows active: false (how Okta deactivates users of custom apps).',
  );
}

async function deactivateWithPatch(state: PreflightState, id: string): Promise<StepOutcome> {
  const f = new Findings();
  const reply = await state.client.patchUser(id, [{ op: 'replace', value: { active: false } }]);
  if ([400, 405, 501].includes(reply.status) && reply.exchange.error === undefined) {
    return {
      status: 'warning',
      detail: `PATCH not supported: HTTP ${reply.status}${remoteDetail(reply)}. Fine for a custom (App Integration Wizard) SAML app, which Okta updates with PUT only; an Okta catalog (OIN) integration deactivates users with exactly this PATCH, and deactivation would fail there.`,
    };
  }
  if (!f.expect(reply, [200, 204])) return f.outcome('');
  if (reply.status === 200) readUser(f, reply, 'PATCH');
  const readBack = await getTestUser(f, state, id);
  if (readBack) state.created.set(id, readBack.active);
  if (readBack && readBack.active !== false)
    f.fail(
      `The vendor accepted the PATCH (HTTP ${reply.status}) but a read-back shows active: ${String(readBack.active)}.`,
    );
  return f.outcome(
    `HTTP ${reply.status}; a read-back shows active: false (how Okta deactivates users of catalog apps).`,
  );
}

async function duplicateCreate(state: PreflightState): Promise<StepOutcome> {
  const f = new Findings();
  const reply = await state.client.createUser(state.createBody);
  if (reply.status === 200 || reply.status === 201) {
    const duplicate = readUserResource(reply.body);
    if (duplicate.ok) state.created.set(duplicate.value.id, duplicate.value.active);
    f.fail(
      `Duplicate accepted: the vendor created a second user named ${state.userName} (HTTP ${reply.status}) instead of answering 409 Conflict. The vendor does not enforce unique userNames.`,
    );
    return f.outcome('');
  }
  const error = readScimError(reply.body);
  if (reply.status === 400 && error?.scimType === 'uniqueness') {
    return {
      status: 'warning',
      detail: 'Refused with HTTP 400 (scimType uniqueness); RFC 7644 and Okta expect 409 Conflict.',
    };
  }
  if (!f.expect(reply, [409])) return f.outcome('');
  if (!error)
    f.warn(
      'HTTP 409, but the body is not a SCIM Error (schemas urn:ietf:params:scim:api:messages:2.0:Error), so Okta cannot quote the reason.',
    );
  return f.outcome(
    `HTTP 409 with a SCIM Error${error?.scimType ? ` (scimType ${error.scimType})` : ''}: Okta stops a duplicate create on this.`,
  );
}

const withUser =
  (run: (state: PreflightState, id: string) => Promise<StepOutcome>) =>
  async (state: PreflightState): Promise<StepOutcome> => {
    if (state.id === undefined)
      return { status: 'skipped', detail: 'Skipped: the vendor did not confirm a created test user with its id.' };
    return run(state, state.id);
  };

/** The preflight's steps, in Okta's order of use; clean-up runs separately, always. */
export const preflightSteps: readonly PreflightStep[] = [
  { name: CheckName.serviceProviderConfig, run: serviceProviderConfig },
  { name: CheckName.connectionTest, run: connectionTest },
  { name: CheckName.lookupBeforeCreate, run: lookupBeforeCreate },
  { name: CheckName.createUser, run: createUser },
  { name: CheckName.readUser, run: withUser(readTestUser) },
  { name: CheckName.lookupFindsUser, run: withUser(lookupFindsUser) },
  { name: CheckName.filterDiscriminates, run: withUser(filterDiscriminates) },
  { name: CheckName.profileUpdate, run: withUser(profileUpdate) },
  { name: CheckName.deactivatePut, run: withUser((s, id) => setActiveWithPut(s, id, false)) },
  { name: CheckName.reactivatePut, run: withUser((s, id) => setActiveWithPut(s, id, true)) },
  { name: CheckName.deactivatePatch, run: withUser(deactivateWithPatch) },
  { name: CheckName.duplicateCreate, run: withUser(duplicateCreate) },
];
