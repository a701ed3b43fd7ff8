import { beforeAll, describe, expect, it } from 'vitest';
import { checkSamlResponse, type SamlCheckResult } from '../../../src-main/saml/response-check';
import { ATTACKER, TestIdp } from '../../support/test-idp';

const FIVE_MINUTES = 5 * 60_000;
let idp: TestIdp;

beforeAll(() => {
  idp = new TestIdp();
});

function statuses(result: SamlCheckResult): Record<string, string> {
  return Object.fromEntries(result.checks.map((check) => [check.name, check.status]));
}

function failed(result: SamlCheckResult): string[] {
  return result.checks.filter((check) => check.status === 'fail').map((check) => check.name);
}

function detail(result: SamlCheckResult, name: string): string {
  return result.checks.find((check) => check.name === name)?.detail ?? '';
}

const ALL_CHECKS = [
  'decode',
  'signature',
  'issuer',
  'audience',
  'recipient',
  'destination',
  'validity-window',
  'name-id',
  'attribute:email',
  'attribute:role',
];
const CONTENT_CHECKS = [
  'issuer',
  'audience',
  'recipient',
  'destination',
  'validity-window',
  'name-id',
  'attribute:email',
  'attribute:role',
];

describe('checkSamlResponse', () => {
  it('passes every check for a good Okta-shaped response and returns the verified values', async () => {
    const result = await checkSamlResponse(idp.response(), idp.expectations());
    expect(result.checks.map((check) => check.name)).toEqual(ALL_CHECKS);
    expect(failed(result)).toEqual([]);
    expect(result.valid).toBe(true);
    expect(result.nameId).toBe('alice@customer.example');
    expect(result.attributes).toEqual({ email: ['alice@customer.example'], role: ['ADMINISTRATOR'] });
    expect(result.assertionXml).toContain(
      '<saml2:NameID Format="urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress">alice@customer.example</saml2:NameID>',
    );
    expect(detail(result, 'destination')).toBe('Destination is https://vendor.example/saml/acs.');
  });

  it('accepts a response issued by samlify with the same keys', async () => {
    const result = await checkSamlResponse(await idp.samlifyResponse(), idp.expectations({ attributes: [] }));
    expect(failed(result)).toEqual([]);
    expect(result.nameId).toBe('alice@customer.example');
  });

  it('accepts whitespace-wrapped base64 and a PEM certificate', async () => {
    const wrapped = idp.response().replace(/.{76}/g, '$&\r\n');
    const result = await checkSamlResponse(
      wrapped,
      idp.expectations({ idpCertificates: [idp.credentials.certificatePem] }),
    );
    expect(result.valid).toBe(true);
  });

  it('fails the signature when the NameID is changed after signing, and trusts nothing else', async () => {
    const result = await checkSamlResponse(idp.response({ tamper: { nameId: ATTACKER } }), idp.expectations());
    expect(statuses(result).decode).toBe('pass');
    expect(failed(result)).toEqual(['signature', ...CONTENT_CHECKS]);
    expect(detail(result, 'name-id')).toBe(
      `Not trusted: the signature did not verify, so this was not checked. The unverified XML says: NameID is ${ATTACKER}, expected alice@customer.example. Check "Name ID format" and "Application username" in Okta.`,
    );
    expect(result.nameId).toBeUndefined();
    expect(result.attributes).toEqual({});
    expect(result.assertionXml).toContain(ATTACKER);
  });

  it('fails the signature when an attribute value is changed after signing', async () => {
    const result = await checkSamlResponse(
      idp.response({ tamper: { attribute: { name: 'role', value: 'OWNER' } } }),
      idp.expectations(),
    );
    expect(failed(result)).toEqual(['signature', ...CONTENT_CHECKS]);
    expect(detail(result, 'attribute:role')).toContain('"role" is OWNER, expected ADMINISTRATOR.');
  });

  it('fails the signature when signed with a key other than the certificate given', async () => {
    const result = await checkSamlResponse(idp.response({ signWithOtherKey: true }), idp.expectations());
    expect(failed(result)).toEqual(['signature', ...CONTENT_CHECKS]);
    expect(detail(result, 'signature')).toMatch(
      /^Invalid (document )?signature \(node-saml\)\. The response was altered after signing, signed with a key other than/,
    );
  });

  it('fails only the validity window for an expired response, saying when it expired and when it was issued', async () => {
    const now = new Date('2026-01-01T12:00:00Z');
    const result = await checkSamlResponse(
      idp.response({ now, clockShiftMs: -(FIVE_MINUTES + 2 * 60_000) }),
      idp.expectations({ now }),
    );
    expect(failed(result)).toEqual(['validity-window']);
    expect(detail(result, 'validity-window')).toBe(
      'Expired: Conditions NotOnOrAfter was 2026-01-01T11:58:00.000Z (checked as of 2026-01-01T12:00:00.000Z, allowing 60 s of clock skew). Okta issued it at 2026-01-01T11:53:00.000Z. A vendor refuses it now; check a captured response as of the time it was posted (saml check --at).',
    );
    expect(result.nameId).toBe('alice@customer.example');
  });

  it('fails only the validity window for a response that is not yet valid', async () => {
    const now = new Date('2026-01-01T12:00:00Z');
    const result = await checkSamlResponse(
      idp.response({ now, clockShiftMs: FIVE_MINUTES + 2 * 60_000 }),
      idp.expectations({ now }),
    );
    expect(failed(result)).toEqual(['validity-window']);
    expect(detail(result, 'validity-window')).toBe(
      "Not yet valid: Conditions NotBefore is 2026-01-01T12:02:00.000Z (checked as of 2026-01-01T12:00:00.000Z, allowing 60 s of clock skew). Okta issued it at 2026-01-01T12:07:00.000Z. The IdP's clock or this computer's is wrong.",
    );
  });

  it('passes one second before NotOnOrAfter with no clock skew, naming the limits it checked', async () => {
    const issued = new Date('2026-01-01T12:00:00Z');
    const inside = await checkSamlResponse(
      idp.response({ now: issued }),
      idp.expectations({ now: new Date('2026-01-01T12:04:59Z'), clockSkewMs: 0 }),
    );
    expect(statuses(inside)['validity-window']).toBe('pass');
    expect(detail(inside, 'validity-window')).toBe(
      'Conditions NotBefore 2026-01-01T11:55:00.000Z and NotOnOrAfter 2026-01-01T12:05:00.000Z contain the time (checked as of 2026-01-01T12:04:59.000Z, allowing 0 s of clock skew).',
    );
  });

  it('honours the checker clock and clock skew', async () => {
    const issuedAt = new Date('2026-01-01T12:00:00Z');
    const response = idp.response({ now: issuedAt });
    const inside = await checkSamlResponse(
      response,
      idp.expectations({ now: new Date('2026-01-01T12:05:30Z'), clockSkewMs: 60_000 }),
    );
    const outside = await checkSamlResponse(
      response,
      idp.expectations({ now: new Date('2026-01-01T12:05:30Z'), clockSkewMs: 0 }),
    );
    expect(inside.valid).toBe(true);
    expect(failed(outside)).toEqual(['validity-window']);
  });

  it('reports both a wrong audience and an expired window when both are wrong', async () => {
    const result = await checkSamlResponse(
      idp.response({ audience: 'https://other.example', clockShiftMs: -20 * 60_000 }),
      idp.expectations(),
    );
    expect(failed(result)).toEqual(['audience', 'validity-window']);
  });

  it('fails only the audience for a response meant for another service provider', async () => {
    const result = await checkSamlResponse(idp.response({ audience: 'https://other.example' }), idp.expectations());
    expect(failed(result)).toEqual(['audience']);
    expect(detail(result, 'audience')).toBe(
      'Audience is https://other.example, expected https://vendor.example/saml/metadata. Set "Audience URI (SP Entity ID)" in Okta to the vendor\'s entity ID.',
    );
  });

  it('fails the recipient and the destination for a response sent to another ACS URL', async () => {
    const result = await checkSamlResponse(
      idp.response({ recipient: 'https://other.example/acs' }),
      idp.expectations(),
    );
    expect(failed(result)).toEqual(['recipient', 'destination']);
    expect(detail(result, 'recipient')).toBe(
      'Recipient is https://other.example/acs, expected https://vendor.example/saml/acs. Set "Recipient URL" in Okta to the vendor\'s ACS URL.',
    );
  });

  it('fails only the recipient when the destination was expected elsewhere', async () => {
    const result = await checkSamlResponse(
      idp.response({ recipient: 'https://other.example/acs', destination: 'https://vendor.example/saml/acs' }),
      idp.expectations(),
    );
    expect(failed(result)).toEqual(['recipient']);
  });

  it('fails the attribute check named for a missing attribute', async () => {
    const result = await checkSamlResponse(idp.response({ dropAttribute: 'role' }), idp.expectations());
    expect(failed(result)).toEqual(['attribute:role']);
    expect(detail(result, 'attribute:role')).toBe(
      'The assertion has no attribute "role"; it has email. Add it to the app\'s attribute statements in Okta.',
    );
  });

  it('fails the NameID check when the NameID is not the expected email', async () => {
    const result = await checkSamlResponse(idp.response({ nameId: 'bob@customer.example' }), idp.expectations());
    expect(failed(result)).toEqual(['name-id']);
  });

  it('fails the issuer check for another IdP issuer', async () => {
    const result = await checkSamlResponse(
      idp.response(),
      idp.expectations({ idpIssuer: 'http://www.okta.com/exkother' }),
    );
    expect(failed(result)).toEqual(['issuer']);
  });

  it('fails the signature when the assertion is unsigned, even inside a signed response', async () => {
    const result = await checkSamlResponse(idp.response({ signAssertion: false }), idp.expectations());
    expect(failed(result)).toEqual(['signature', ...CONTENT_CHECKS]);
  });

  it('fails the signature when nothing is signed', async () => {
    const result = await checkSamlResponse(
      idp.response({ signAssertion: false, signResponse: false }),
      idp.expectations(),
    );
    expect(failed(result)).toEqual(['signature', ...CONTENT_CHECKS]);
  });

  it('passes a signed assertion in an unsigned response, as the vendor does, warning that its Destination is unsigned', async () => {
    const result = await checkSamlResponse(idp.response({ signResponse: false }), idp.expectations());
    expect(result.valid).toBe(true);
    expect(failed(result)).toEqual([]);
    expect(statuses(result)).toMatchObject({ signature: 'pass', destination: 'warn' });
    expect(detail(result, 'signature')).toBe(
      'The Assertion is signed by a trusted IdP certificate (verified by node-saml).',
    );
    expect(detail(result, 'destination')).toBe(
      'Destination is https://vendor.example/saml/acs, but it is not covered by a signature: Okta signed only the Assertion, so the Response around it (Destination, InResponseTo, Status) could be changed on the way without the signature breaking. The vendor accepts this, as most SAML service providers do. To sign the Response too: in Okta open the app > General > SAML Settings > Edit > Show Advanced Settings and set "Response" to "Signed", keeping "Assertion Signature" "Signed" (API: settings.signOn.responseSigned and assertionSigned both true).',
    );
  });

  it('fails an unsigned Destination that names another ACS URL', async () => {
    const result = await checkSamlResponse(
      idp.response({ signResponse: false, destination: 'https://other.example/acs' }),
      idp.expectations(),
    );
    expect(failed(result)).toEqual(['destination']);
    expect(detail(result, 'destination')).toBe(
      'Destination is https://other.example/acs, expected https://vendor.example/saml/acs (the recipient). Set "Destination" in Okta to the vendor\'s ACS URL. (Only the Assertion is signed, so the Destination is not covered by a signature either.)',
    );
  });

  it('refuses an evil assertion placed next to the signed one (signature wrapping)', async () => {
    for (const signResponse of [true, false]) {
      const result = await checkSamlResponse(idp.response({ wrap: 'sibling', signResponse }), idp.expectations());
      expect(failed(result)).toEqual(['signature', ...CONTENT_CHECKS]);
      expect(detail(result, 'signature')).toContain(
        'The response carries 2 assertions, the shape of an XML signature wrapping attack.',
      );
      expect(result.nameId).toBeUndefined();
    }
    const unsigned = await checkSamlResponse(
      idp.response({ wrap: 'sibling', signResponse: false }),
      idp.expectations(),
    );
    expect(detail(unsigned, 'signature')).toMatch(/^Invalid signature: multiple assertions \(node-saml\)/);
  });

  it('refuses an evil assertion wrapped around the signed one (signature wrapping)', async () => {
    for (const signResponse of [true, false]) {
      const result = await checkSamlResponse(idp.response({ wrap: 'wrapped', signResponse }), idp.expectations());
      expect(failed(result)).toEqual(['signature', ...CONTENT_CHECKS]);
      expect(detail(result, 'signature')).toContain('The response carries 2 assertions');
      expect(result.nameId).toBeUndefined();
    }
  });

  it('fails decode and reports every other check as not checked for text that is not base64', async () => {
    const result = await checkSamlResponse('not a saml response!', idp.expectations());
    expect(result.checks.map((check) => [check.name, check.status])).toEqual(ALL_CHECKS.map((name) => [name, 'fail']));
    expect(detail(result, 'decode')).toBe(
      'The SAMLResponse is not base64 text. Paste the value of the SAMLResponse form field as posted to the ACS URL.',
    );
  });

  it('fails decode for XML with a DOCTYPE and for XML that is not a Response', async () => {
    const doctype = Buffer.from('<!DOCTYPE x [<!ENTITY a "b">]><x/>').toString('base64');
    const other = Buffer.from('<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol"/>').toString(
      'base64',
    );
    expect(detail(await checkSamlResponse(doctype, idp.expectations()), 'decode')).toContain('DOCTYPE');
    expect(detail(await checkSamlResponse(other, idp.expectations()), 'decode')).toBe(
      'The decoded XML is a <samlp:AuthnRequest>, not a SAML 2.0 <samlp:Response>.',
    );
  });

  it('fails the signature and explains it when the IdP answered with an error status and no assertion', async () => {
    const xml =
      '<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="id1" Version="2.0" IssueInstant="2026-01-01T00:00:00Z">' +
      '<samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Responder"/><samlp:StatusMessage>User is not assigned</samlp:StatusMessage></samlp:Status></samlp:Response>';
    const result = await checkSamlResponse(Buffer.from(xml).toString('base64'), idp.expectations());
    expect(detail(result, 'signature')).toBe(
      'SAML provider returned Responder error: User is not assigned (node-saml). The response carries no assertion: the IdP did not sign the user in.',
    );
    expect(detail(result, 'name-id')).toBe('The response contains no assertion.');
    expect(result.assertionXml).toBeUndefined();
  });

  it('accepts the response when any one of several certificates signed it (key rollover)', async () => {
    const other = new TestIdp();
    const result = await checkSamlResponse(
      idp.response(),
      idp.expectations({ idpCertificates: [other.credentials.certificateBase64, idp.credentials.certificateBase64] }),
    );
    expect(result.valid).toBe(true);
  });
});
