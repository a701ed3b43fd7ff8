import { beforeAll, describe, expect, it } from 'vitest';
import { issueSamlResponse, type IssueSamlResponseOptions } from '../../../src-main/sandbox/sso/issue-response';
import { generateSigningCredentials, type SigningCredentials } from '../../../src-main/sandbox/sso/signing-credentials';
import { elements, parseXml, text } from '../../../src-main/saml/xml';

let creds: SigningCredentials;

beforeAll(() => {
  creds = generateSigningCredentials({ commonName: 'test-idp', organization: 'Okta' });
});

function options(overrides: Partial<IssueSamlResponseOptions> = {}): IssueSamlResponseOptions {
  return {
    issuer: 'http://www.okta.com/exk1',
    privateKeyPem: creds.privateKeyPem,
    certificatePem: creds.certificatePem,
    destination: 'https://sp.example.com/acs',
    recipient: 'https://sp.example.com/acs',
    audience: 'https://sp.example.com',
    nameId: 'alice@example.com',
    nameIdFormat: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress',
    attributes: [
      { name: 'email', values: ['alice@example.com'] },
      { name: 'groups', nameFormat: 'urn:oasis:names:tc:SAML:2.0:attrname-format:basic', values: ['a', 'b & c'] },
    ],
    now: new Date('2026-03-01T10:00:00.000Z'),
    ...overrides,
  };
}

describe('issueSamlResponse', () => {
  it('signs the Response and the Assertion the way Okta does', () => {
    const { xml, base64 } = issueSamlResponse(options({ inResponseTo: 'id-request-1', sessionIndex: 'id-session-1' }));
    expect(Buffer.from(base64, 'base64').toString('utf8')).toBe(xml);
    const doc = parseXml(xml);
    const signatures = elements('//ds:Signature', doc);
    expect(signatures.map((s) => s.parentNode?.nodeName)).toEqual(['saml2p:Response', 'saml2:Assertion']);
    for (const signature of signatures) {
      expect(signature.previousSibling?.nodeName).toBe('saml2:Issuer');
      expect(elements('ds:SignedInfo/ds:CanonicalizationMethod', signature)[0]?.getAttribute('Algorithm')).toBe(
        'http://www.w3.org/2001/10/xml-exc-c14n#',
      );
      expect(elements('ds:SignedInfo/ds:SignatureMethod', signature)[0]?.getAttribute('Algorithm')).toBe(
        'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
      );
      expect(elements('ds:SignedInfo/ds:Reference/ds:DigestMethod', signature)[0]?.getAttribute('Algorithm')).toBe(
        'http://www.w3.org/2001/04/xmlenc#sha256',
      );
      expect(
        elements('ds:SignedInfo/ds:Reference/ds:Transforms/ds:Transform', signature).map((t) =>
          t.getAttribute('Algorithm'),
        ),
      ).toEqual(['http://www.w3.org/2000/09/xmldsig#enveloped-signature', 'http://www.w3.org/2001/10/xml-exc-c14n#']);
      expect(text(elements('ds:KeyInfo/ds:X509Data/ds:X509Certificate', signature)[0])).toBe(creds.certificateBase64);
    }
    expect(elements('//saml:Issuer', doc).map((i) => [i.getAttribute('Format'), text(i)])).toEqual([
      ['urn:oasis:names:tc:SAML:2.0:nameid-format:entity', 'http://www.okta.com/exk1'],
      ['urn:oasis:names:tc:SAML:2.0:nameid-format:entity', 'http://www.okta.com/exk1'],
    ]);
    const response = doc.documentElement;
    expect(response.getAttribute('Destination')).toBe('https://sp.example.com/acs');
    expect(response.getAttribute('InResponseTo')).toBe('id-request-1');
    const conditions = elements('//saml:Conditions', doc)[0];
    expect([conditions?.getAttribute('NotBefore'), conditions?.getAttribute('NotOnOrAfter')]).toEqual([
      '2026-03-01T09:55:00.000Z',
      '2026-03-01T10:05:00.000Z',
    ]);
    const confirmation = elements('//saml:SubjectConfirmationData', doc)[0];
    expect([
      confirmation?.getAttribute('Recipient'),
      confirmation?.getAttribute('NotOnOrAfter'),
      confirmation?.getAttribute('InResponseTo'),
    ]).toEqual(['https://sp.example.com/acs', '2026-03-01T10:05:00.000Z', 'id-request-1']);
    expect(text(elements('//saml:Audience', doc)[0])).toBe('https://sp.example.com');
    const authn = elements('//saml:AuthnStatement', doc)[0];
    expect(authn?.getAttribute('SessionIndex')).toBe('id-session-1');
    expect(text(elements('//saml:AuthnContextClassRef', doc)[0])).toBe(
      'urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport',
    );
    const attributes = elements('//saml:Attribute', doc).map((a) => ({
      name: a.getAttribute('Name'),
      format: a.getAttribute('NameFormat'),
      values: elements('saml:AttributeValue', a).map((v) => [v.getAttribute('xsi:type'), text(v)]),
    }));
    expect(attributes).toEqual([
      {
        name: 'email',
        format: 'urn:oasis:names:tc:SAML:2.0:attrname-format:unspecified',
        values: [['xs:string', 'alice@example.com']],
      },
      {
        name: 'groups',
        format: 'urn:oasis:names:tc:SAML:2.0:attrname-format:basic',
        values: [
          ['xs:string', 'a'],
          ['xs:string', 'b & c'],
        ],
      },
    ]);
  });

  it('leaves out the signatures it is told not to make, and InResponseTo for IdP-initiated logins', () => {
    const onlyAssertion = parseXml(issueSamlResponse(options({ signResponse: false })).xml);
    expect(elements('//ds:Signature', onlyAssertion).map((s) => s.parentNode?.nodeName)).toEqual(['saml2:Assertion']);
    const none = parseXml(issueSamlResponse(options({ signResponse: false, signAssertion: false })).xml);
    expect(elements('//ds:Signature', none)).toEqual([]);
    expect(none.documentElement.hasAttribute('InResponseTo')).toBe(false);
  });
});
