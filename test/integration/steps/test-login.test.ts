import { describe, expect, it } from 'vitest';
import { TestLoginObservedSchema } from '../../../src-main/api/step-test-login';
import { StepViewSchema } from '../../../src-main/api/steps';
import { isAppError } from '../../../src-main/errors';
import { SANDBOX_PASSWORD } from '../../../src-main/sandbox/oauth/sign-in';
import { createTestLoginHandlers } from '../../../src-main/services/handlers-test-login';
import { api } from '../../support/sandbox';
import { ACS, assign, harnessWithLoginApp } from './login-app';

const ALICE = 'ava.adams@acme.example';
const BOB = 'ben.haddad@acme.example';

const FIXED_CHECKS = [
  'decode',
  'signature',
  'issuer',
  'audience',
  'recipient',
  'destination',
  'validity-window',
  'name-id',
];
const COURIER_ATTRIBUTES = [
  'attribute:id',
  'attribute:http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress',
];

async function practiceHarness() {
  const h = await harnessWithLoginApp('courier', { practice: true });
  return { h, handlers: createTestLoginHandlers(h.deps) };
}

describe('test-login step through the practice org', () => {
  it('passes every check for an assigned user, IdP- and SP-initiated, and is then verified', async () => {
    const { h, handlers } = await practiceHarness();
    const userId = await assign(h, ALICE);
    const planned = await h.save('test-login', { userLogin: ALICE });
    // Courier's profile knows no login page to start SP-initiated at, so only IdP-initiated is required.
    expect(planned.changes.map((c) => [c.id, c.kind, c.summary])).toEqual([
      ['test-login-idp', 'manual', `Sign in as ${ALICE} (IdP-initiated) and capture the SAMLResponse.`],
    ]);

    const idp = StepViewSchema.parse(
      await handlers.signInWithPassword({ integrationId: h.integration.id, mode: 'idp', password: SANDBOX_PASSWORD }),
    );
    expect(idp.status).toBe('verified');
    expect(idp.checks.filter((c) => c.id.startsWith('idp:')).map((c) => [c.id, c.status])).toEqual(
      [...FIXED_CHECKS, ...COURIER_ATTRIBUTES, 'in-response-to'].map((name) => [`idp:${name}`, 'pass']),
    );

    const sp = StepViewSchema.parse(
      await handlers.signInWithPassword({ integrationId: h.integration.id, mode: 'sp', password: SANDBOX_PASSWORD }),
    );
    expect(sp.status).toBe('verified');
    expect(sp.changes).toEqual([]);
    expect(sp.checks.filter((c) => c.status !== 'pass')).toEqual([]);
    const observed = TestLoginObservedSchema.parse(sp.observed);
    expect(observed.expected).toEqual({
      issuer: (await h.current()).facts.idpIssuer,
      audience: 'https://vendor.example/saml/metadata',
      acsUrl: ACS,
      recipient: ACS,
      destination: ACS,
      nameId: ALICE,
      attributes: [
        {
          name: 'id',
          value: userId,
          expression: 'user.id',
          ifMissing: `Okta sent nothing for user.id although ${ALICE} has one.`,
        },
        {
          name: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress',
          value: ALICE,
          expression: 'user.email',
          ifMissing: `Okta sent nothing for user.email although ${ALICE} has one.`,
        },
      ],
    });
    expect(sp.checks.find((c) => c.id === 'sp:in-response-to')?.detail).toMatch(
      /^InResponseTo is id[0-9a-f]{40}, the ID of the AuthnRequest sent\.$/,
    );
    expect(sp.checks.find((c) => c.id === 'sp:attribute:id')?.detail).toBe(`"id" is ${userId}.`);
    expect(observed.results.sp?.assertionXml).toContain(
      `<saml2:NameID Format="urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress">${ALICE}</saml2:NameID>`,
    );
    expect(sp.checks.find((c) => c.id === 'sp:decode')?.evidence).toBe(observed.results.sp?.assertionXml);

    const writes = h.org.writeCount();
    expect((await h.apply('test-login')).status).toBe('verified');
    expect(h.org.writeCount()).toBe(writes);
  });

  it('starts at the SSO URL and embed link Okta publishes now, not the ones an earlier metadata step stored', async () => {
    const h = await harnessWithLoginApp('courier');
    const handlers = createTestLoginHandlers(h.deps);
    await assign(h, ALICE);
    await h.workspace.updateIntegration(h.integration.id, (i) => {
      i.facts.idpSsoUrl = (i.facts.idpSsoUrl ?? '').replace(h.org.url, 'http://127.0.0.1:9');
      i.facts.embedLink = (i.facts.embedLink ?? '').replace(h.org.url, 'http://127.0.0.1:9');
    });
    await h.save('test-login', { userLogin: ALICE });
    const sp = StepViewSchema.parse(
      await handlers.signInWithPassword({ integrationId: h.integration.id, mode: 'sp', password: SANDBOX_PASSWORD }),
    );
    const observed = TestLoginObservedSchema.parse(sp.observed);
    expect(observed.start.idpSsoUrl.startsWith(`${h.org.url}/app/`)).toBe(true);
    expect(observed.results.sp?.valid).toBe(true);
  });

  it('refuses an unassigned user, saying to assign the user first', async () => {
    const { h, handlers } = await practiceHarness();
    await h.save('test-login', { userLogin: BOB });
    const error = await handlers
      .signInWithPassword({ integrationId: h.integration.id, mode: 'idp', password: SANDBOX_PASSWORD })
      .catch((e: unknown) => e);
    expect(isAppError(error) && [error.code, error.message, error.hint, error.field]).toEqual([
      'TEST_USER_NOT_ASSIGNED',
      `${BOB} is not assigned to "Courier" in Okta, so Okta would refuse the sign-in ("User is not assigned to this application").`,
      'Assign the user to the app first (the "Assign users" step, or the app\'s Assignments tab), then run the test again.',
      'userLogin',
    ]);
    const view = await h.verify('test-login');
    expect(view.checks[0]).toEqual({
      id: 'test-user',
      label: 'Test user assigned',
      status: 'fail',
      detail: `${BOB} is not assigned to "Courier": assign the user first, then test again.`,
    });
    expect(view.changes.map((c) => c.id)).toEqual(['test-login-assign']);
  });

  it('fails the signature of a pasted response that was altered after signing', async () => {
    const { h, handlers } = await practiceHarness();
    await assign(h, ALICE);
    await h.save('test-login', { userLogin: ALICE });
    const captured = TestLoginObservedSchema.parse(
      StepViewSchema.parse(
        await handlers.signInWithPassword({ integrationId: h.integration.id, mode: 'idp', password: SANDBOX_PASSWORD }),
      ).observed,
    );
    expect(captured.results.idp?.valid).toBe(true);
    const record = (await h.current()).steps['test-login']?.input.idpCapture as { samlResponse: string };
    const xml = Buffer.from(record.samlResponse, 'base64').toString('utf8');
    const tampered = Buffer.from(
      xml.replace(`>${ALICE}</saml2:NameID>`, '>attacker@evil.example</saml2:NameID>'),
    ).toString('base64');
    expect(tampered).not.toBe(record.samlResponse);

    const view = StepViewSchema.parse(
      await handlers.submitPasted({
        integrationId: h.integration.id,
        mode: 'idp',
        samlResponse: `SAMLResponse=${encodeURIComponent(tampered)}&RelayState=`,
      }),
    );
    const signature = view.checks.find((c) => c.id === 'idp:signature');
    expect(signature?.status).toBe('fail');
    expect(view.checks.find((c) => c.id === 'idp:name-id')?.status).toBe('fail');
    const result = TestLoginObservedSchema.parse(view.observed).results.idp;
    expect(result?.via).toBe('paste');
    expect(result?.valid).toBe(false);
    expect(view.changes.map((c) => c.id)).toEqual(['test-login-idp']);
    expect(view.changes[0]?.summary).toMatch(
      new RegExp(`^Sign in as ${ALICE} again \\(IdP-initiated\\): the last test failed Signature, Issuer, `),
    );
  });

  it('runs the same password sign-in for a client known only by its org URL: no practice-org path', async () => {
    const h = await harnessWithLoginApp('courier');
    expect((await h.current()).facts.appId).toBe(h.appId);
    await assign(h, ALICE);
    await h.save('test-login', { userLogin: ALICE });
    const handlers = createTestLoginHandlers(h.deps);
    expect(await handlers.ways({ integrationId: h.integration.id })).toEqual({ window: false, paste: true });
    const view = StepViewSchema.parse(
      await handlers.signInWithPassword({ integrationId: h.integration.id, mode: 'idp', password: SANDBOX_PASSWORD }),
    );
    expect(view.status).toBe('verified');
    const result = TestLoginObservedSchema.parse(view.observed).results.idp;
    expect([result?.via, result?.valid]).toEqual(['password', true]);
    const signIns = h.org
      .requestLog()
      .filter((e) => e.path === '/api/v1/authn' || e.path.startsWith('/login/sessionCookieRedirect?'));
    expect(signIns.map((e) => [e.method, e.path.split('?')[0], e.status])).toEqual([
      ['POST', '/api/v1/authn', 200],
      ['GET', '/login/sessionCookieRedirect', 302],
    ]);
    const window = await handlers
      .captureWithWindow({ integrationId: h.integration.id, mode: 'idp', forwardToVendor: false })
      .catch((e: unknown) => e);
    expect(isAppError(window) && window.code).toBe('TEST_LOGIN_NO_WINDOW');
  });

  it("puts Okta's refusal of a wrong password next to the password field, and records nothing", async () => {
    const h = await harnessWithLoginApp('courier');
    await assign(h, ALICE);
    await h.save('test-login', { userLogin: ALICE });
    const refused = await createTestLoginHandlers(h.deps)
      .signInWithPassword({ integrationId: h.integration.id, mode: 'idp', password: 'not-it' })
      .catch((e: unknown) => e);
    expect(isAppError(refused) && [refused.code, refused.field]).toEqual(['TEST_LOGIN_PASSWORD_REFUSED', 'password']);
    expect((await h.current()).steps['test-login']?.input.idpCapture).toBeUndefined();
  });

  it('fails a login whose assertion lacks a statement the app has, naming the statement and the misspelling', async () => {
    const h = await harnessWithLoginApp('custom-saml', { practice: true });
    const handlers = createTestLoginHandlers(h.deps);
    const app = await api<{ settings: { signOn: Record<string, unknown> } } & Record<string, unknown>>(
      h.org,
      'GET',
      `/api/v1/apps/${h.appId}`,
    );
    const signOn = app.body.settings.signOn;
    signOn.attributeStatements = [
      {
        type: 'EXPRESSION',
        name: 'email',
        namespace: 'urn:oasis:names:tc:SAML:2.0:attrname-format:unspecified',
        values: ['user.email'],
      },
      {
        type: 'EXPRESSION',
        name: 'firstName',
        namespace: 'urn:oasis:names:tc:SAML:2.0:attrname-format:unspecified',
        values: ['user.fristName'],
      },
    ];
    expect((await api(h.org, 'PUT', `/api/v1/apps/${h.appId}`, { body: app.body })).status).toBe(200);
    await assign(h, ALICE);
    await h.save('test-login', { userLogin: ALICE });
    const view = StepViewSchema.parse(
      await handlers.signInWithPassword({ integrationId: h.integration.id, mode: 'idp', password: SANDBOX_PASSWORD }),
    );
    expect(view.checks.find((c) => c.id === 'idp:attribute:email')?.status).toBe('pass');
    const missing = view.checks.find((c) => c.id === 'idp:attribute:firstName');
    expect([missing?.status, missing?.detail]).toEqual([
      'fail',
      `The assertion has no attribute "firstName", although the app has the statement firstName = user.fristName. Likely cause: user.fristName is not an attribute of this org's Okta user profile, so Okta sends nothing for it; did you mean user.firstName?`,
    ]);
    expect(TestLoginObservedSchema.parse(view.observed).results.idp?.valid).toBe(false);
    expect(view.status).not.toBe('verified');
  });

  it('passes a login whose Response is unsigned (only the Assertion is), warning about the Destination', async () => {
    const { h, handlers } = await practiceHarness();
    const app = await api<{ settings: { signOn: Record<string, unknown> } } & Record<string, unknown>>(
      h.org,
      'GET',
      `/api/v1/apps/${h.appId}`,
    );
    app.body.settings.signOn.responseSigned = false;
    expect((await api(h.org, 'PUT', `/api/v1/apps/${h.appId}`, { body: app.body })).status).toBe(200);
    await assign(h, ALICE);
    await h.save('test-login', { userLogin: ALICE });
    const view = StepViewSchema.parse(
      await handlers.signInWithPassword({ integrationId: h.integration.id, mode: 'idp', password: SANDBOX_PASSWORD }),
    );
    const record = (await h.current()).steps['test-login']?.input.idpCapture as { samlResponse: string };
    const xml = Buffer.from(record.samlResponse, 'base64').toString('utf8');
    expect(xml.indexOf('<ds:Signature')).toBeGreaterThan(xml.indexOf('<saml2:Assertion'));
    expect(
      view.checks.filter((c) => c.id.startsWith('idp:') && c.status !== 'pass').map((c) => [c.id, c.status]),
    ).toEqual([['idp:destination', 'warn']]);
    expect(view.checks.find((c) => c.id === 'idp:destination')?.detail).toContain(
      'set "Response" to "Signed", keeping "Assertion Signature" "Signed"',
    );
    expect(TestLoginObservedSchema.parse(view.observed).results.idp?.valid).toBe(true);
  });

  it('names an unknown test user as the field at fault', async () => {
    const { h } = await practiceHarness();
    const error = await h.save('test-login', { userLogin: 'nobody@acme.example' }).catch((e: unknown) => e);
    expect(isAppError(error) && [error.code, error.field]).toEqual(['TEST_USER_NOT_FOUND', 'userLogin']);
  });
});

describe('test login with a user who cannot sign in yet', () => {
  it('says the PROVISIONED user has not finished activation, and what to do, before any sign-in', async () => {
    const { h, handlers } = await practiceHarness();
    const login = 'new.hire@acme.example';
    const created = await api(h.org, 'POST', '/api/v1/users?activate=true', {
      body: { profile: { firstName: 'New', lastName: 'Hire', email: login, login } },
    });
    expect((created.body as { status: string }).status).toBe('PROVISIONED');
    await assign(h, login);
    await h.save('test-login', { userLogin: login });
    const before = h.org.requestLog().length;
    const refused = await handlers
      .signInWithPassword({ integrationId: h.integration.id, mode: 'idp', password: SANDBOX_PASSWORD })
      .catch((e: unknown) => e);
    expect(isAppError(refused) && [refused.code, refused.message, refused.hint, refused.field]).toEqual([
      'TEST_USER_NOT_ACTIVE',
      `${login} is PROVISIONED in Okta: the account was activated without a password and the user has not finished activation from the email Okta sent, so Okta refuses the sign-in.`,
      'Have the user finish activation from the email, or set a password in Okta (Directory > People > the user > Reset password), then run the test again.',
      'userLogin',
    ]);
    expect(
      h.org
        .requestLog()
        .slice(before)
        .filter(
          (e) => e.path.startsWith('/api/v1/authn') || (e.path.includes('/sso/saml') && !e.path.startsWith('/api/')),
        ),
    ).toEqual([]);
  });
});
