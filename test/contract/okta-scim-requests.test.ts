import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScimPreflight } from '../../src-main/scim/preflight';
import { provisioningOf } from '../../src-main/sandbox/provisioning/index';
import type { SandboxOrg } from '../../src-main/sandbox/server';
import type { UserRecord } from '../../src-main/sandbox/state';
import { consoleSession, integration, postConsole } from '../integration/sandbox-provisioning/console-driver';
import { documented, shape, type DocumentedRequest } from '../support/okta-scim-reference';
import { loadRunscopeTest } from '../support/runscope';
import { api, samlAppBody, startSandbox } from '../support/sandbox';
import { startScimServer, type RecordedScimRequest, type ScimTestServer } from '../support/scim-server';

/**
 * Both sides held against Okta's documents rather than against each other: the requests of the
 * wizard's SCIM client (the SCIM check, which must call "exactly as Okta does") and of the practice
 * org's provisioning engine (Okta's stand-in in every test) are recorded at a real SCIM server and
 * compared with the examples in Okta's SCIM 2.0 protocol reference and the headers of Okta's SCIM
 * spec test (test/fixtures/okta-scim).
 */

const TOKEN = 'okta-scim-requests-token';
const first = (found: DocumentedRequest[]): DocumentedRequest => {
  if (found[0] === undefined) throw new Error('reference example missing');
  return found[0];
};
const LOOKUP = first(documented('Determine if the User already exists', 'GET'));
// The section's first example is Okta's own create; the second shows a vendor adding attributes
// and leaves externalId out ("weren't included in the original POST"), so only the first is Okta's body.
const CREATE = first(documented('Create the User', 'POST'));
const PATCH = first(documented('Update a specific User (PATCH)', 'PATCH'));
const DOCUMENTED_USER = 'test.user@okta.local';
const SPEC_HEADERS = loadRunscopeTest('Okta-SCIM-20-SPEC-Test.json').steps[0]?.headers ?? {};
const specHeader = (name: string): string => {
  const value = SPEC_HEADERS[name];
  return Array.isArray(value) ? value.join(', ') : (value ?? '');
};

/** The documented lookup for another userName: the reference's target with its user swapped. */
const lookupFor = (userName: string): string =>
  LOOKUP.target.replace(encodeURIComponent(DOCUMENTED_USER), encodeURIComponent(userName));

function expectOktaHeaders(request: RecordedScimRequest): void {
  expect(request.headers['user-agent']).toBe(LOOKUP.headers['User-Agent']);
  expect(request.headers.authorization).toBe(`Bearer ${TOKEN}`);
  expect(request.headers.accept).toBe(specHeader('Accept'));
  expect(request.headers['accept-charset']).toBe(specHeader('Accept-Charset'));
  if (request.method !== 'GET' && request.method !== 'DELETE')
    expect(request.headers['content-type']).toBe(specHeader('Content-Type'));
}

/** The documented create body's fields, in order, with the values Okta fixes (all but the person's own). */
function expectDocumentedCreate(body: unknown, doc: DocumentedRequest, externalId: string): void {
  expect(shape(body)).toEqual(shape(doc.body));
  expect(body).toMatchObject({
    schemas: doc.body?.schemas,
    emails: [{ primary: true, type: 'work' }],
    locale: doc.body?.locale,
    externalId,
    groups: [],
    password: expect.stringMatching(/^\S{6,}$/),
    active: true,
  });
}

describe("the wizard's SCIM client (the SCIM check) sends what Okta's reference shows", () => {
  let server: ScimTestServer;
  let userName: string;

  beforeAll(async () => {
    server = await startScimServer({ token: TOKEN });
    userName = (await runScimPreflight({ baseUrl: server.baseUrl, token: TOKEN })).testUser.userName;
  });
  afterAll(async () => {
    await server.close();
  });

  it('looks the user up with the documented filter, paging and encoding', () => {
    expect(server.requests.map((r) => r.path)).toContain(lookupFor(userName));
  });

  it('creates with the documented body, field for field', () => {
    const post = server.requests.find((r) => r.method === 'POST');
    const body = post?.body as { externalId?: unknown } | undefined;
    expectDocumentedCreate(body, CREATE, typeof body?.externalId === 'string' ? body.externalId : 'missing');
    expect(body?.externalId).toMatch(/^00u/);
  });

  it('deactivates catalog apps with the documented PATCH body', () => {
    expect(server.requests.find((r) => r.method === 'PATCH')?.body).toEqual(PATCH.body);
  });

  it("sends Okta's headers on every call", () => {
    server.requests.filter((r) => r.method !== 'DELETE').forEach(expectOktaHeaders);
  });
});

describe("the practice org's provisioning engine sends what Okta's reference shows", () => {
  let org: SandboxOrg;
  let server: ScimTestServer;
  let person: UserRecord;
  let appId: string;

  beforeAll(async () => {
    org = await startSandbox();
    server = await startScimServer({ token: TOKEN });
    const found = [...org.state.users.values()].find((u) => u.status === 'ACTIVE' && u.id !== org.adminUserId);
    if (found === undefined) throw new Error('no seed user');
    person = found;
    const app = await api<{ id: string; name: string; label: string }>(org, 'POST', '/api/v1/apps', {
      body: samlAppBody('Plain SCIM vendor'),
    });
    appId = app.body.id;
    await postConsole(await consoleSession(org, app.body), { ...integration(server.baseUrl, TOKEN), action: 'save' });
    await api(org, 'POST', `/api/v1/apps/${appId}/users`, { body: { id: person.id, scope: 'USER' } });
    await provisioningOf(org.state).whenIdle();
  });
  afterAll(async () => {
    await server.close();
  });

  it('looks the person up with the documented filter, then creates with the documented body', () => {
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      `GET ${lookupFor(person.profile.login)}`,
      'POST /scim/v2/Users',
    ]);
    expectDocumentedCreate(server.requests[1]?.body, CREATE, person.id);
    expect(server.requests[1]?.body).toMatchObject({
      userName: person.profile.login,
      name: { givenName: person.profile.firstName, familyName: person.profile.lastName },
      emails: [{ value: person.profile.email }],
      displayName: `${person.profile.firstName} ${person.profile.lastName}`,
    });
  });

  it("updates with GET then PUT of the vendor's own body, changing only what Okta manages", async () => {
    const start = server.requests.length;
    // What the vendor holds and answers to the GET, as the reference's "Retrieve the User" shows it.
    const before = server.users()[0] as Record<string, unknown>;
    const vendorId = typeof before.id === 'string' ? before.id : '';
    await api(org, 'DELETE', `/api/v1/apps/${appId}/users/${person.id}`);
    await provisioningOf(org.state).whenIdle();
    const [get, put] = server.requests.slice(start);
    expect([get?.method, get?.path, put?.method, put?.path]).toEqual([
      'GET',
      `/scim/v2/Users/${vendorId}`,
      'PUT',
      `/scim/v2/Users/${vendorId}`,
    ]);
    const sentBack = put?.body as Record<string, unknown>;
    const managed = new Set(['userName', 'name', 'emails', 'displayName', 'active', 'schemas', 'meta']);
    const kept = Object.keys(before).filter((key) => !managed.has(key));
    expect(kept).toEqual(expect.arrayContaining(['id', 'externalId', 'locale']));
    for (const key of kept) expect([key, sentBack[key]]).toEqual([key, before[key]]);
    expect(sentBack).toMatchObject({ id: vendorId, active: false, userName: person.profile.login });
    expect(server.requests.map((r) => r.method).filter((m) => m === 'POST' || m === 'DELETE')).toEqual(['POST']);
    server.requests.forEach(expectOktaHeaders);
  });

  it('deactivates a catalog (OIN) app user with exactly the documented PATCH', async () => {
    const created = await api<{ id: string }>(org, 'POST', '/api/v1/apps', {
      body: { name: 'mixpanel', label: 'Mixpanel', signOnMode: 'SAML_2_0' },
    });
    const mixpanel = created.body.id;
    await api(org, 'POST', `/api/v1/apps/${mixpanel}/connections/default?activate=true`, {
      body: { baseUrl: server.baseUrl, profile: { authScheme: 'TOKEN', token: TOKEN } },
    });
    await api(org, 'PUT', `/api/v1/apps/${mixpanel}/features/USER_PROVISIONING`, {
      body: {
        create: { lifecycleCreate: { status: 'ENABLED' } },
        update: { lifecycleDeactivate: { status: 'ENABLED' } },
      },
    });
    const other = [...org.state.users.values()].find(
      (u) => u.status === 'ACTIVE' && u.id !== org.adminUserId && u.id !== person.id,
    );
    if (other === undefined) throw new Error('no second seed user');
    await api(org, 'POST', `/api/v1/apps/${mixpanel}/users`, { body: { id: other.id, scope: 'USER' } });
    await provisioningOf(org.state).whenIdle();
    const start = server.requests.length;
    await api(org, 'DELETE', `/api/v1/apps/${mixpanel}/users/${other.id}`);
    await provisioningOf(org.state).whenIdle();
    const patches = server.requests.slice(start);
    expect(patches.map((r) => r.method)).toEqual(['PATCH']);
    expect(patches[0]?.body).toEqual(PATCH.body);
    expectOktaHeaders(patches[0] as RecordedScimRequest);
  });
});
