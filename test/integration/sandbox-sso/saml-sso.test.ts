import { deflateRawSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkSamlResponse } from '../../../src-main/saml/response-check';
import { SANDBOX_PASSWORD } from '../../../src-main/sandbox/oauth/sign-in';
import type { SandboxOrg } from '../../../src-main/sandbox/server';
import { api, samlAppBody, startSandbox } from '../../support/sandbox';

const ACS = 'https://vendor.example/saml/acs';
const AUDIENCE = 'https://vendor.example/saml/metadata';

interface AppJson {
  id: string;
  name: string;
  _links: { appLinks: Array<{ href: string }> };
}

let org: SandboxOrg;
let app: AppJson;
let assigned: { id: string; login: string; email: string; firstName: string };
let unassigned: { login: string };
let certificate: string;
let issuer: string;

beforeAll(async () => {
  org = await startSandbox();
  const body = samlAppBody('Vendor SSO', ACS);
  const signOn = (body.settings as { signOn: Record<string, unknown> }).signOn;
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
      namespace: 'urn:oasis:names:tc:SAML:2.0:attrname-format:basic',
      values: ['user.firstName'],
    },
    {
      type: 'EXPRESSION',
      name: 'id',
      namespace: 'urn:oasis:names:tc:SAML:2.0:attrname-format:unspecified',
      values: ['user.id'],
    },
  ];
  const created = await api<AppJson>(org, 'POST', '/api/v1/apps', { body });
  expect(created.status).toBe(200);
  app = created.body;
  const users = [...org.state.users.values()].filter((u) => u.status === 'ACTIVE' && u.id !== org.adminUserId);
  const [first, second] = users;
  if (first === undefined || second === undefined) throw new Error('the seeded org needs two active users');
  assigned = {
    id: first.id,
    login: first.profile.login,
    email: first.profile.email,
    firstName: first.profile.firstName,
  };
  unassigned = { login: second.profile.login };
  const assign = await api(org, 'POST', `/api/v1/apps/${app.id}/users`, { body: { id: first.id, scope: 'USER' } });
  expect(assign.status).toBe(200);
  const record = org.state.apps.get(app.id);
  certificate = record?.signingKeys[0]?.certificateBase64 ?? '';
  issuer = `http://www.okta.com/${record?.entityKey ?? ''}`;
});

function form(fields: Record<string, string>, cookie?: string): RequestInit {
  return {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...(cookie === undefined ? {} : { cookie }) },
    body: new URLSearchParams(fields).toString(),
    redirect: 'manual',
  };
}

function postedForm(html: string): { action: string; samlResponse: string; relayState: string | undefined } {
  const action = /<form id="appForm" method="POST" action="([^"]+)"/.exec(html)?.[1] ?? '';
  const samlResponse = /name="SAMLResponse" value="([^"]+)"/.exec(html)?.[1] ?? '';
  const relayState = /name="RelayState" value="([^"]*)"/.exec(html)?.[1];
  return { action, samlResponse, relayState };
}

describe('IdP-initiated SSO at the embed link', () => {
  it('asks an unknown visitor to sign in, then posts a signed response the checker accepts', async () => {
    const embed = app._links.appLinks[0]?.href ?? '';
    expect(embed).toMatch(new RegExp(`^${org.url}/home/${app.name}/${app.id}/aln`));
    const page = await fetch(embed);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('name="password"');

    const signedIn = await fetch(embed, form({ username: assigned.login, password: SANDBOX_PASSWORD }));
    expect(signedIn.status).toBe(200);
    expect(signedIn.headers.get('set-cookie')).toMatch(/^sid=/);
    const posted = postedForm(await signedIn.text());
    expect(posted.action).toBe(ACS);
    expect(posted.relayState).toBeUndefined();

    const result = await checkSamlResponse(posted.samlResponse, {
      idpCertificates: [certificate],
      idpIssuer: issuer,
      audience: AUDIENCE,
      recipient: ACS,
      email: assigned.email,
      attributes: [
        { name: 'email', value: assigned.email },
        { name: 'firstName', value: assigned.firstName },
        { name: 'id', value: assigned.id },
      ],
    });
    expect(result.checks.filter((c) => c.status === 'fail')).toEqual([]);
    expect(result.valid).toBe(true);
    expect(result.nameId).toBe(assigned.email);
    const xml = Buffer.from(posted.samlResponse, 'base64').toString('utf8');
    expect(xml).not.toContain('InResponseTo');
  });

  it("reuses the session cookie and shows Okta's page to an unassigned user, posting nothing", async () => {
    const embed = app._links.appLinks[0]?.href ?? '';
    const signedIn = await fetch(embed, form({ username: unassigned.login, password: SANDBOX_PASSWORD }));
    expect(signedIn.status).toBe(403);
    const html = await signedIn.text();
    expect(html).toContain('User is not assigned to this application');
    expect(html).not.toContain('SAMLResponse');
    const again = await fetch(embed, {
      headers: { cookie: (signedIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '' },
    });
    expect(again.status).toBe(403);
  });
});

describe('SP-initiated SSO at the IdP SSO URL', () => {
  const authnRequest = (id: string): string =>
    `<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="${id}" Version="2.0" IssueInstant="${new Date().toISOString()}" AssertionConsumerServiceURL="https://elsewhere.example/acs"><saml:Issuer>${AUDIENCE}</saml:Issuer></samlp:AuthnRequest>`;

  it('answers a Redirect-binding AuthnRequest with InResponseTo and RelayState, at the configured ACS', async () => {
    const record = org.state.apps.get(app.id);
    const ssoUrl = `${org.url}/app/${app.name}/${record?.entityKey ?? ''}/sso/saml`;
    const samlRequest = deflateRawSync(Buffer.from(authnRequest('_req42'))).toString('base64');
    const query = new URLSearchParams({ SAMLRequest: samlRequest, RelayState: '/dashboard' }).toString();
    const page = await fetch(`${ssoUrl}?${query}`);
    const html = await page.text();
    expect(html).toContain('name="SAMLRequest"');
    const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1] ?? '';
    const hidden = Object.fromEntries(
      [...html.matchAll(/type="hidden" name="([^"]+)" value="([^"]*)"/g)].map((m) => [m[1] ?? '', m[2] ?? '']),
    );
    const signedIn = await fetch(
      `${org.url}${action}`,
      form({ ...hidden, username: assigned.login, password: SANDBOX_PASSWORD }),
    );
    const posted = postedForm(await signedIn.text());
    expect(posted.action).toBe(ACS);
    expect(posted.relayState).toBe('/dashboard');
    const xml = Buffer.from(posted.samlResponse, 'base64').toString('utf8');
    expect(xml).toContain('InResponseTo="_req42"');
    const result = await checkSamlResponse(posted.samlResponse, {
      idpCertificates: [certificate],
      idpIssuer: issuer,
      audience: AUDIENCE,
      recipient: ACS,
    });
    expect(result.valid).toBe(true);
  });

  it('answers a POST-binding AuthnRequest for a signed-in user straight away', async () => {
    const record = org.state.apps.get(app.id);
    const ssoUrl = `${org.url}/app/${app.name}/${record?.entityKey ?? ''}/sso/saml`;
    const embed = app._links.appLinks[0]?.href ?? '';
    const cookie = (
      (await fetch(embed, form({ username: assigned.login, password: SANDBOX_PASSWORD }))).headers.get('set-cookie') ??
      ''
    ).split(';')[0];
    const samlRequest = Buffer.from(authnRequest('_req43')).toString('base64');
    const answer = await fetch(ssoUrl, form({ SAMLRequest: samlRequest }, cookie));
    const xml = Buffer.from(postedForm(await answer.text()).samlResponse, 'base64').toString('utf8');
    expect(xml).toContain('InResponseTo="_req43"');
  });
});
