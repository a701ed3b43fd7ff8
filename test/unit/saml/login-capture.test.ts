import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  assertionInResponseTo,
  authnRequestId,
  authnRequestIdInUrl,
  authnRequestUrl,
} from '../../../src-main/saml/login-capture/authn-request';
import { htmlForms, pageTitle } from '../../../src-main/saml/login-capture/html-form';
import { generateSigningCredentials } from '../../../src-main/sandbox/sso/signing-credentials';

describe('AuthnRequest for an SP-initiated test', () => {
  it('goes to the IdP SSO URL with the Redirect binding, naming the ACS URL and the SP', async () => {
    const { certificatePem } = generateSigningCredentials({ commonName: 'idp' });
    const { url, id } = await authnRequestUrl({
      idpSsoUrl: 'https://acme.okta.com/app/v_1/exk1/sso/saml',
      spEntityId: 'https://vendor.example/saml/metadata',
      acsUrl: 'https://vendor.example/saml/acs',
      idpCertificatePem: certificatePem,
    });
    const parsed = new URL(url);
    expect(`${parsed.origin}${parsed.pathname}`).toBe('https://acme.okta.com/app/v_1/exk1/sso/saml');
    expect(id).toMatch(/^id[0-9a-f]{40}$/);
    const xml = inflateRawSync(Buffer.from(parsed.searchParams.get('SAMLRequest') ?? '', 'base64')).toString('utf8');
    expect(xml).toContain(`ID="${id}"`);
    expect(xml).toContain('AssertionConsumerServiceURL="https://vendor.example/saml/acs"');
    expect(xml).toContain('Destination="https://acme.okta.com/app/v_1/exk1/sso/saml"');
    expect(xml).toMatch(/<saml:Issuer[^>]*>https:\/\/vendor\.example\/saml\/metadata<\/saml:Issuer>/);
    expect(authnRequestIdInUrl(url)).toBe(id);
  });

  it('reads no ID from what is not an AuthnRequest', () => {
    expect(
      authnRequestId(
        Buffer.from('<samlp:LogoutRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="x"/>').toString(
          'base64',
        ),
        'post',
      ),
    ).toBeUndefined();
    expect(authnRequestId('not base64 at all', 'redirect')).toBeUndefined();
    expect(authnRequestIdInUrl('https://acme.okta.com/app/sso')).toBeUndefined();
  });

  it('reads InResponseTo from the bearer confirmation', () => {
    const assertion =
      '<saml2:Assertion xmlns:saml2="urn:oasis:names:tc:SAML:2.0:assertion"><saml2:Subject><saml2:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer"><saml2:SubjectConfirmationData InResponseTo="id7" Recipient="r"/></saml2:SubjectConfirmation></saml2:Subject></saml2:Assertion>';
    expect(assertionInResponseTo(assertion)).toBe('id7');
    expect(assertionInResponseTo(assertion.replace(' InResponseTo="id7"', ''))).toBeUndefined();
  });
});

describe('IdP pages', () => {
  it('reads a sign-in form and an auto-post form as a browser would submit them', () => {
    const html = `<!doctype html><html><head><title>Sign in &amp; go</title></head><body>
      <form method="post" action="/app/v_1/exk1/sso/saml"><input type="hidden" name="SAMLRequest" value="abc+/="><input name="username" value=""><input name="password" type="password"></form>
      <form id="appForm" method="POST" action="https://vendor.example/saml/acs"><input type="hidden" name="SAMLResponse" value="PHg+&quot;"/><input type="hidden" name="RelayState" value="a&amp;b"/></form></body></html>`;
    expect(pageTitle(html)).toBe('Sign in & go');
    expect(htmlForms(html, 'http://127.0.0.1:4000/home/v_1/0oa1/aln1')).toEqual([
      {
        action: 'http://127.0.0.1:4000/app/v_1/exk1/sso/saml',
        method: 'POST',
        fields: { SAMLRequest: 'abc+/=', username: '', password: '' },
        hasPassword: true,
      },
      {
        action: 'https://vendor.example/saml/acs',
        method: 'POST',
        fields: { SAMLResponse: 'PHg+"', RelayState: 'a&b' },
        hasPassword: false,
      },
    ]);
  });

  it('reads what a regex would miss: unquoted attributes, entities in the action, a > inside a value, uppercase tags', () => {
    const html = `<TITLE>Okta &ndash; Sign In</TITLE><FORM METHOD=post ACTION="/sso?a=1&amp;b=2"><INPUT value="x>y" name=RelayState type=hidden><INPUT TYPE=PASSWORD NAME=password></FORM>`;
    expect(pageTitle(html)).toBe('Okta \u2013 Sign In');
    expect(htmlForms(html, 'http://127.0.0.1:4000/app')).toEqual([
      {
        action: 'http://127.0.0.1:4000/sso?a=1&b=2',
        method: 'POST',
        fields: { RelayState: 'x>y', password: '' },
        hasPassword: true,
      },
    ]);
  });
});
