import { describe, expect, it } from 'vitest';
import { CheckName, runScimPreflight, type PreflightReport } from '../../../src-main/scim/preflight';
import { scimServerPool } from '../../support/scim-server-pool';

const TOKEN = 'vendor-scim-token-5f1c';
const { good, broken } = scimServerPool(TOKEN);

function check(report: PreflightReport, name: string) {
  const found = report.checks.find((c) => c.name === name);
  if (!found) throw new Error(`no check named ${name}`);
  return found;
}

const statuses = (report: PreflightReport) => Object.fromEntries(report.checks.map((c) => [c.name, c.status]));

describe('SCIM preflight against a real SCIM 2.0 server (scimmy)', () => {
  it("passes every check, in Okta's order, and deletes the test user", async () => {
    const server = await good();
    const report = await runScimPreflight({
      baseUrl: server.baseUrl,
      token: TOKEN,
      now: new Date('2026-11-24T10:00:00Z'),
    });

    expect(report.baseUrl).toBe(server.baseUrl);
    expect(report.startedAt).toBe('2026-11-24T10:00:00.000Z');
    expect(report.checks.map((c) => [c.name, c.status])).toEqual(
      Object.values(CheckName).map((name) => [name, 'pass']),
    );
    expect(report.testUser).toEqual({
      userName: expect.stringMatching(/^okta-onboard-preflight-[0-9a-f]{8}@example\.com$/),
      id: expect.any(String),
      leftActive: false,
    });
    expect(server.users()).toEqual([]);

    const id = report.testUser.id ?? '';
    const lookup = (name: string) =>
      `/scim/v2/Users?filter=userName%20eq%20%22${encodeURIComponent(name)}%22&startIndex=1&count=100`;
    const filter = lookup(report.testUser.userName);
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /scim/v2/ServiceProviderConfig',
      'GET /scim/v2/Users?startIndex=1&count=2',
      `GET ${filter}`,
      'POST /scim/v2/Users',
      `GET /scim/v2/Users/${id}`,
      `GET ${filter}`,
      `GET ${lookup(report.testUser.userName.slice(0, -1))}`,
      `GET ${lookup(report.testUser.userName.toUpperCase())}`,
      `PUT /scim/v2/Users/${id}`,
      `GET /scim/v2/Users/${id}`,
      `PUT /scim/v2/Users/${id}`,
      `GET /scim/v2/Users/${id}`,
      `PUT /scim/v2/Users/${id}`,
      `GET /scim/v2/Users/${id}`,
      `PATCH /scim/v2/Users/${id}`,
      `GET /scim/v2/Users/${id}`,
      'POST /scim/v2/Users',
      `PUT /scim/v2/Users/${id}`,
      `DELETE /scim/v2/Users/${id}`,
    ]);
  });

  it("sends Okta's bodies: the create shape, full PUTs with active:false, and the no-path PATCH", async () => {
    const server = await good();
    await runScimPreflight({ baseUrl: server.baseUrl, token: TOKEN });
    const bodies = server.requests.filter((r) => r.method !== 'GET' && r.method !== 'DELETE').map((r) => r.body);
    expect(bodies[0]).toEqual({
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
      userName: expect.stringMatching(/@example\.com$/),
      name: { givenName: 'Okta', familyName: 'Preflight' },
      emails: [{ primary: true, value: expect.stringMatching(/@example\.com$/), type: 'work' }],
      displayName: 'Okta Preflight',
      locale: 'en-US',
      externalId: expect.stringMatching(/^00u[0-9a-f]{17}$/),
      groups: [],
      password: expect.any(String),
      active: true,
    });
    expect(bodies[2]).toMatchObject({ active: false, name: { familyName: 'Preflight-Updated' } });
    expect(bodies[4]).toEqual({
      schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
      Operations: [{ op: 'replace', value: { active: false } }],
    });
    for (const request of server.requests) {
      expect(request.headers['user-agent']).toBe('Okta SCIM Client 1.0.0');
      expect(request.headers.authorization).toBe(`Bearer ${TOKEN}`);
    }
  });

  it("shows each check's exchanges with the token redacted", async () => {
    const server = await good();
    const report = await runScimPreflight({ baseUrl: server.baseUrl, token: TOKEN });
    expect(check(report, CheckName.profileUpdate).exchanges.map((e) => `${e.method} ${e.status}`)).toEqual([
      'PUT 200',
      'GET 200',
    ]);
    expect(check(report, CheckName.duplicateCreate).exchanges[0]?.responseBody).toEqual({
      schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
      status: '409',
      scimType: 'uniqueness',
      detail: `userName ${report.testUser.userName} is already taken`,
    });
    expect(JSON.stringify(report)).not.toContain(TOKEN);
  });

  it('uses the test user name it is given', async () => {
    const server = await good();
    const report = await runScimPreflight({
      baseUrl: server.baseUrl,
      token: TOKEN,
      testUserName: 'okta.check@customer.example',
    });
    expect(report.testUser.userName).toBe('okta.check@customer.example');
    expect(server.requests[3]?.body).toMatchObject({
      userName: 'okta.check@customer.example',
      emails: [{ value: 'okta.check@customer.example' }],
    });
  });

  it('stops at once when the token is refused, and writes nothing', async () => {
    const server = await good();
    const report = await runScimPreflight({ baseUrl: server.baseUrl, token: 'wrong-token' });
    expect(check(report, CheckName.serviceProviderConfig)).toMatchObject({
      status: 'fail',
      detail:
        'Token refused: the vendor answered HTTP 401 (Bearer token not recognised). Check the bearer token the vendor issued for SCIM; Okta sends it as "Authorization: Bearer <token>".',
    });
    expect(
      report.checks
        .slice(1, -1)
        .every((c) => c.status === 'skipped' && c.detail === 'Skipped: the vendor refused the bearer token.'),
    ).toBe(true);
    expect(check(report, CheckName.cleanUp).status).toBe('skipped');
    expect(server.requests.map((r) => r.method)).toEqual(['GET']);
    expect(JSON.stringify(report)).not.toContain('wrong-token');
  });

  it('refuses to touch a user that already has the test user name', async () => {
    const server = await good();
    const first = await runScimPreflight({
      baseUrl: server.baseUrl,
      token: TOKEN,
      testUserName: 'taken@customer.example',
    });
    expect(first.testUser.leftActive).toBe(false);
    await fetch(`${server.baseUrl}/Users`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/scim+json' },
      body: JSON.stringify({
        schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
        userName: 'taken@customer.example',
        active: true,
      }),
    });
    const report = await runScimPreflight({
      baseUrl: server.baseUrl,
      token: TOKEN,
      testUserName: 'taken@customer.example',
    });
    expect(check(report, CheckName.lookupBeforeCreate)).toMatchObject({
      status: 'fail',
      detail: expect.stringMatching(/^A user named taken@customer\.example already exists at the vendor/),
    });
    expect(check(report, CheckName.createUser).detail).toBe('Skipped: the test user name is already taken.');
    expect(server.users()).toEqual([expect.objectContaining({ userName: 'taken@customer.example', active: true })]);
  });
});

describe('SCIM preflight against vendors that get something wrong', () => {
  it('flags a server that ignores the filter', async () => {
    const server = await broken('no-filter');
    const report = await runScimPreflight({ baseUrl: server.baseUrl, token: TOKEN });
    expect(check(report, CheckName.lookupBeforeCreate)).toMatchObject({
      status: 'fail',
      detail: expect.stringMatching(
        /^Filter problem: asked for userName eq ".+" and got 2 other user\(s\)\. .*overwriting that vendor account with a PUT.* The vendor must fix its SCIM server: /,
      ),
    });
    expect(check(report, CheckName.lookupFindsUser)).toMatchObject({
      status: 'fail',
      detail: expect.stringMatching(
        /^Filter problem: asked for userName eq ".+" and got 3 users, not just the test user/,
      ),
    });
    expect(check(report, CheckName.filterDiscriminates).status).toBe('fail');
    expect(report.testUser.leftActive).toBe(false);
    expect(server.users().map((u) => u.userName)).toEqual([
      'existing.one@vendor.example',
      'existing.two@vendor.example',
    ]);
  });

  it('names 500s as server errors and writes nothing', async () => {
    const server = await broken('server-error');
    const report = await runScimPreflight({ baseUrl: server.baseUrl, token: TOKEN });
    expect(check(report, CheckName.serviceProviderConfig).status).toBe('warning');
    expect(check(report, CheckName.connectionTest)).toMatchObject({
      status: 'fail',
      detail:
        'Server error: the vendor answered HTTP 500 (Internal error: database unavailable). Okta fails the provisioning task on a 5xx and does not retry it by itself.',
    });
    expect(check(report, CheckName.createUser).detail).toBe(
      'Skipped: the connection test failed, so the preflight wrote nothing to the vendor.',
    );
    expect(server.requests.every((r) => r.method === 'GET')).toBe(true);
  });

  it('names a timeout and stops instead of waiting on every call', async () => {
    const server = await broken('slow');
    const report = await runScimPreflight({ baseUrl: server.baseUrl, token: TOKEN, timeoutMs: 250 });
    expect(check(report, CheckName.serviceProviderConfig)).toMatchObject({
      status: 'fail',
      detail: 'No answer within 250 ms (timeout).',
    });
    expect(check(report, CheckName.connectionTest)).toMatchObject({
      status: 'skipped',
      detail: 'Skipped: the vendor could not be reached.',
    });
    expect(server.requests).toHaveLength(1);
  });

  it('names JSON that is not SCIM', async () => {
    const server = await broken('not-scim-json');
    const report = await runScimPreflight({ baseUrl: server.baseUrl, token: TOKEN });
    expect(check(report, CheckName.connectionTest)).toMatchObject({
      status: 'fail',
      detail:
        'JSON that is not a SCIM ListResponse: schemas is missing (must be an array of schema URNs); totalResults is missing.',
    });
    expect(report.testUser.leftActive).toBe(false);
  });

  it('names HTML instead of JSON', async () => {
    const server = await broken('html');
    const report = await runScimPreflight({ baseUrl: server.baseUrl, token: TOKEN });
    expect(check(report, CheckName.connectionTest)).toMatchObject({
      status: 'fail',
      detail:
        "HTML instead of JSON (text/html; charset=utf-8): the base URL seems to point at a web page or sign-in page, not the vendor's SCIM API.",
    });
  });

  it('fails a server that accepts a duplicate userName, and cleans up both users', async () => {
    const server = await broken('duplicate-accepted');
    const report = await runScimPreflight({ baseUrl: server.baseUrl, token: TOKEN });
    expect(check(report, CheckName.duplicateCreate)).toMatchObject({
      status: 'fail',
      detail: `Duplicate accepted: the vendor created a second user named ${report.testUser.userName} (HTTP 201) instead of answering 409 Conflict. The vendor does not enforce unique userNames.`,
    });
    expect(check(report, CheckName.cleanUp).exchanges.map((e) => `${e.method} ${e.status}`)).toEqual([
      'PUT 200',
      'DELETE 204',
      'PUT 200',
      'DELETE 204',
    ]);
    expect(server.users()).toEqual([]);
    expect(report.testUser.leftActive).toBe(false);
  });

  it('warns, naming the consequence, when PATCH and ServiceProviderConfig are missing, and leaves the user deactivated when DELETE is refused', async () => {
    const server = await broken('minimal');
    const report = await runScimPreflight({ baseUrl: server.baseUrl, token: TOKEN });
    expect(statuses(report)).toEqual({
      ...Object.fromEntries(Object.values(CheckName).map((n) => [n, 'pass'])),
      [CheckName.serviceProviderConfig]: 'warning',
      [CheckName.deactivatePatch]: 'warning',
    });
    expect(check(report, CheckName.serviceProviderConfig).detail).toBe(
      'Not offered (HTTP 404). Okta never reads it, so provisioning works without it; the preflight just cannot see which features the vendor claims.',
    );
    expect(check(report, CheckName.deactivatePatch).detail).toBe(
      'PATCH not supported: HTTP 501 (PATCH is not implemented). Fine for a custom (App Integration Wizard) SAML app, which Okta updates with PUT only; an Okta catalog (OIN) integration deactivates users with exactly this PATCH, and deactivation would fail there.',
    );
    expect(check(report, CheckName.cleanUp).detail).toBe(
      `${report.testUser.id ?? ''}: deactivated; DELETE not offered (HTTP 405), so the user stays deactivated, as Okta leaves users.`,
    );
    expect(server.users()).toEqual([expect.objectContaining({ userName: report.testUser.userName, active: false })]);
    expect(report.testUser.leftActive).toBe(false);
  });

  it('says so when an outage mid-run leaves the test user active', async () => {
    const server = await broken('breaks-after-create');
    const report = await runScimPreflight({ baseUrl: server.baseUrl, token: TOKEN });
    expect(check(report, CheckName.createUser).status).toBe('pass');
    expect(check(report, CheckName.readUser)).toMatchObject({
      status: 'fail',
      detail:
        'Server error: the vendor answered HTTP 503 (Service unavailable: maintenance). Okta fails the provisioning task on a 5xx and does not retry it by itself.',
    });
    expect(check(report, CheckName.cleanUp)).toMatchObject({
      status: 'fail',
      detail: expect.stringMatching(
        new RegExp(
          `^The test user ${report.testUser.userName.replace(/[.+]/g, '\\$&')} \\(id ${report.testUser.id ?? ''}\\) may still be active at the vendor: deactivate or delete it there by hand\\.`,
        ),
      ),
    });
    expect(report.testUser.leftActive).toBe(true);
  });

  it("fails an empty create answer with Okta's words, then finds and removes the user it created", async () => {
    const server = await broken('empty-create-body');
    const report = await runScimPreflight({ baseUrl: server.baseUrl, token: TOKEN });
    expect(check(report, CheckName.createUser)).toMatchObject({
      status: 'fail',
      detail:
        'HTTP 201 with an empty body: Okta fails the task with "Create new user returned empty user." and never learns the user\'s id.',
    });
    expect(check(report, CheckName.readUser)).toMatchObject({
      status: 'skipped',
      detail: 'Skipped: the vendor did not confirm a created test user with its id.',
    });
    expect(check(report, CheckName.cleanUp).exchanges.map((e) => `${e.method} ${e.status}`)).toEqual([
      'GET 200',
      'PUT 200',
      'DELETE 204',
    ]);
    expect(server.users()).toEqual([]);
    expect(report.testUser.leftActive).toBe(false);
  });

  it('names a refused connection', async () => {
    const server = await good();
    const { baseUrl } = server;
    await server.close();
    const report = await runScimPreflight({ baseUrl, token: TOKEN });
    expect(check(report, CheckName.serviceProviderConfig)).toMatchObject({
      status: 'fail',
      detail: `Connection refused by ${new URL(baseUrl).host}: nothing is listening there.`,
    });
  });
});
