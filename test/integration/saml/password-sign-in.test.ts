import { describe, expect, it } from 'vitest';
import { isAppError } from '../../../src-main/errors';
import { SANDBOX_PASSWORD } from '../../../src-main/sandbox/oauth/sign-in';
import { createPasswordSignIn } from '../../../src-main/saml/login-capture/password-sign-in';
import { api, samlAppBody, startSandbox } from '../../support/sandbox';

const ACS = 'https://vendor.example/saml/acs';
const LOGIN = 'ava.adams@acme.example';
const escaped = (text: string) => text.replace(/[.()]/g, (c) => `\\${c}`);

/** A practice org with one SAML app; the test harness supplies the seeded users' password. */
async function setUp(assigned: boolean) {
  const org = await startSandbox();
  const app = await api<{ id: string; _links: { appLinks: { href: string }[] } }>(org, 'POST', '/api/v1/apps', {
    body: samlAppBody('Vendor', ACS),
  });
  const user = await api<{ id: string }>(org, 'GET', `/api/v1/users/${LOGIN}`);
  if (assigned)
    await api(org, 'POST', `/api/v1/apps/${app.body.id}/users`, { body: { id: user.body.id, scope: 'USER' } });
  const request = {
    mode: 'idp' as const,
    startUrl: app.body._links.appLinks[0]?.href ?? '',
    acsUrl: ACS,
    idpSsoUrl: `${org.url}/app/x/sso/saml`,
    userLogin: LOGIN,
    forwardToVendor: false,
  };
  return { org, userId: user.body.id, request };
}

describe('password sign-in capture (Authentication API + session redirect, as on a real org)', () => {
  it('signs in through /api/v1/authn and /login/sessionCookieRedirect and takes the SAMLResponse from the auto-post form', async () => {
    const { request } = await setUp(true);

    const captured = await createPasswordSignIn(SANDBOX_PASSWORD).capture(request);

    expect(Buffer.from(captured.samlResponse, 'base64').toString('utf8')).toContain(`>${LOGIN}</saml2:NameID>`);
    expect(captured.requestId).toBeUndefined();
  });

  it("names Okta's answer page (read by an HTML parser) when the user signs in but gets no SAMLResponse", async () => {
    const { request } = await setUp(false);

    const refused = await createPasswordSignIn(SANDBOX_PASSWORD)
      .capture(request)
      .catch((e: unknown) => e);

    expect(isAppError(refused) && refused.code).toBe('TEST_LOGIN_NO_SAML_RESPONSE');
    expect(isAppError(refused) && refused.message).toMatch(
      new RegExp(
        `^${escaped(`${LOGIN} signed in, but Okta answered "403 - User is not assigned to this application" (HTTP 403) instead of a SAMLResponse`)} \\(Okta request ID [\\w-]+\\)\\.$`,
      ),
    );
  });

  it("refuses a wrong password with Okta's E0000004 answer, next to the password field", async () => {
    const { request } = await setUp(true);

    const wrong = await createPasswordSignIn('not-the-password')
      .capture(request)
      .catch((e: unknown) => e);

    expect(isAppError(wrong) && [wrong.code, wrong.field]).toEqual(['TEST_LOGIN_PASSWORD_REFUSED', 'password']);
    expect(isAppError(wrong) && wrong.message).toMatch(
      new RegExp(
        `^${escaped(`Okta refused the sign-in of ${LOGIN}: Authentication failed`)} \\(Okta request ID [\\w-]+\\)\\.$`,
      ),
    );
  });

  it('says why a locked-out user cannot sign in, from the Authentication API status', async () => {
    const { org, userId, request } = await setUp(true);
    const user = org.state.users.get(userId);
    if (user) user.status = 'LOCKED_OUT';

    const locked = await createPasswordSignIn(SANDBOX_PASSWORD)
      .capture(request)
      .catch((e: unknown) => e);

    expect(isAppError(locked) && [locked.code, locked.message]).toEqual([
      'TEST_LOGIN_SIGN_IN_INCOMPLETE',
      `Okta did not finish signing in ${LOGIN}: the account is locked out.`,
    ]);
  });
});
