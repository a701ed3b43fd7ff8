import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { SANDBOX_PASSWORD } from '../../../src-main/sandbox/oauth/sign-in';
import type { SandboxOrg } from '../../../src-main/sandbox/server';
import { api, samlAppBody, startSandbox } from '../../support/sandbox';

const LOGIN = 'ava.adams@acme.example';

function authnRequest(forceAuthn: boolean): string {
  const xml =
    `<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion"` +
    ` ID="id-force-${String(forceAuthn)}" Version="2.0" IssueInstant="${new Date().toISOString()}"` +
    ` AssertionConsumerServiceURL="https://vendor.example/saml/acs"${forceAuthn ? ' ForceAuthn="true"' : ''}>` +
    `<saml:Issuer>https://vendor.example/saml/metadata</saml:Issuer></samlp:AuthnRequest>`;
  return deflateRawSync(Buffer.from(xml, 'utf8')).toString('base64');
}

/** A SAML app with `honorForceAuthn` as given, Ava assigned, and Ava's session cookie from one sign-in. */
async function signedIn(org: SandboxOrg, honorForceAuthn: boolean): Promise<{ ssoUrl: string; cookie: string }> {
  const body = samlAppBody(`Force ${String(honorForceAuthn)}`);
  (body.settings as { signOn: Record<string, unknown> }).signOn.honorForceAuthn = honorForceAuthn;
  const app = await api<{ id: string; name: string; _links: { appLinks: { href: string }[] } }>(
    org,
    'POST',
    '/api/v1/apps',
    { body },
  );
  const user = await api<{ id: string }>(org, 'GET', `/api/v1/users/${LOGIN}`);
  await api(org, 'POST', `/api/v1/apps/${app.body.id}/users`, { body: { id: user.body.id, scope: 'USER' } });
  const signIn = await fetch(app.body._links.appLinks[0]?.href ?? '', {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ username: LOGIN, password: SANDBOX_PASSWORD }).toString(),
  });
  expect(await signIn.text()).toContain('name="SAMLResponse"');
  const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  expect(cookie).toMatch(/^sid=/);
  const exk = org.state.apps.get(app.body.id)?.entityKey ?? '';
  return { ssoUrl: `${org.url}/app/${app.body.name}/${exk}/sso/saml`, cookie };
}

async function spInitiated(ssoUrl: string, cookie: string, forceAuthn: boolean): Promise<string> {
  const url = `${ssoUrl}?${new URLSearchParams({ SAMLRequest: authnRequest(forceAuthn) }).toString()}`;
  return (await fetch(url, { headers: { cookie } })).text();
}

describe('ForceAuthn on an AuthnRequest', () => {
  it('asks a signed-in user for the password again when the app honours ForceAuthn, then answers the request', async () => {
    const org = await startSandbox();
    const { ssoUrl, cookie } = await signedIn(org, true);
    expect(await spInitiated(ssoUrl, cookie, false)).toContain('name="SAMLResponse"');
    const forced = await spInitiated(ssoUrl, cookie, true);
    expect(forced).toContain('type="password"');
    expect(forced).not.toContain('name="SAMLResponse"');

    const hidden = new URLSearchParams();
    for (const match of forced.matchAll(/<input type="hidden" name="(\w+)" value="([^"]*)"/g))
      hidden.set(match[1] ?? '', (match[2] ?? '').replace(/&#x2B;|&#43;/g, '+').replace(/&amp;/g, '&'));
    expect(hidden.get('SAMLRequest')).not.toBeNull();
    hidden.set('username', LOGIN);
    hidden.set('password', SANDBOX_PASSWORD);
    const answered = await fetch(ssoUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
      body: hidden.toString(),
    });
    const page = await answered.text();
    const response = /name="SAMLResponse" value="([^"]+)"/.exec(page)?.[1] ?? '';
    expect(Buffer.from(response, 'base64').toString('utf8')).toContain('InResponseTo="id-force-true"');
  });

  it('keeps the session for an app with honorForceAuthn false', async () => {
    const org = await startSandbox();
    const { ssoUrl, cookie } = await signedIn(org, false);
    expect(await spInitiated(ssoUrl, cookie, true)).toContain('name="SAMLResponse"');
  });
});
