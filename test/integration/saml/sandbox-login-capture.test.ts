import { describe, expect, it } from 'vitest';
import { isAppError } from '../../../src-main/errors';
import { createSandboxLoginCapture } from '../../../src-main/saml/login-capture/sandbox-sign-in';
import { api, samlAppBody, startSandbox } from '../../support/sandbox';

const ACS = 'https://vendor.example/saml/acs';

describe('practice-org sign-in capture', () => {
  it("signs in at the embed link and takes the SAMLResponse; an unassigned user gets Okta's refusal as an error to act on", async () => {
    const org = await startSandbox();
    const app = await api<{ id: string; _links: { appLinks: { href: string }[] } }>(org, 'POST', '/api/v1/apps', {
      body: samlAppBody('Vendor', ACS),
    });
    const embed = app.body._links.appLinks[0]?.href ?? '';
    const login = 'ava.adams@acme.example';
    const user = await api<{ id: string }>(org, 'GET', `/api/v1/users/${login}`);
    const request = {
      mode: 'idp' as const,
      startUrl: embed,
      acsUrl: ACS,
      idpSsoUrl: `${org.url}/app/x/sso/saml`,
      userLogin: login,
      forwardToVendor: false,
    };
    const capture = createSandboxLoginCapture();

    const refused = await capture.capture(request).catch((e: unknown) => e);
    expect(isAppError(refused) && [refused.code, refused.message, refused.field]).toEqual([
      'TEST_USER_NOT_ASSIGNED',
      `Okta refused the sign-in: ${login} is not assigned to this application.`,
      'userLogin',
    ]);

    await api(org, 'POST', `/api/v1/apps/${app.body.id}/users`, { body: { id: user.body.id, scope: 'USER' } });
    const captured = await capture.capture(request);
    expect(Buffer.from(captured.samlResponse, 'base64').toString('utf8')).toContain(`>${login}</saml2:NameID>`);
    expect(captured.requestId).toBeUndefined();

    const wrong = await createSandboxLoginCapture({ password: 'wrong' })
      .capture(request)
      .catch((e: unknown) => e);
    expect(isAppError(wrong) && [wrong.code, wrong.message]).toEqual([
      'TEST_LOGIN_SANDBOX_FAILED',
      `The practice sign-in stopped: ${login} could not sign in with the practice org's password.`,
    ]);
  });
});
