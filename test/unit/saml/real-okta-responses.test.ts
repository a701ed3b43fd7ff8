import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkSamlResponse, type SamlCheckResult } from '../../../src-main/saml/response-check';

/**
 * SAMLResponses issued by a real Okta org (dev-116807.oktapreview.com), kept in
 * russellhaering/gosaml2's tests (Apache-2.0; see test/fixtures/README.md). Unlike the practice
 * org's responses they were not made by anything in this repository, so they catch a wrong belief
 * about what Okta sends. They expired long ago: each is checked as of the time it was issued.
 */
const dir = new URL('../../fixtures/saml/okta-responses/', import.meta.url);
const read = (name: string): string => readFileSync(new URL(name, dir), 'utf8');
const certificate = read('dev-116807-signing-certificate.pem');
const SCALEFT_ACS = 'http://localhost:8080/v1/_saml_callback';

interface RealResponse {
  file: string;
  issuer: string;
  issuedAt: string;
  notOnOrAfter: string;
  audience: string;
  nameId: string;
  attributes: Record<string, string[]>;
}

const RESPONSES: RealResponse[] = [
  {
    file: 'dev-116807-exk5zt0r12Edi4rD20h7-2016-03-16.b64',
    issuer: 'http://www.okta.com/exk5zt0r12Edi4rD20h7',
    issuedAt: '2016-03-16T01:02:57.682Z',
    notOnOrAfter: '2016-03-16T01:07:57.682Z',
    audience: '123',
    nameId: 'russell.haering@scaleft.com',
    attributes: {},
  },
  {
    file: 'dev-116807-exk5zt0r12Edi4rD20h7-2016-03-28.b64',
    issuer: 'http://www.okta.com/exk5zt0r12Edi4rD20h7',
    issuedAt: '2016-03-28T16:38:18.565Z',
    notOnOrAfter: '2016-03-28T16:43:18.565Z',
    audience: '123',
    nameId: 'phoebe.simon@scaleft.com',
    attributes: {
      FirstName: ['Phoebe'],
      LastName: ['Simon'],
      Email: ['phoebe.simon@scaleft.com'],
      Login: ['phoebe.simon@scaleft.com'],
    },
  },
  {
    file: 'dev-116807-exk659aytfMeNI49v0h7-2016-07-25.xml',
    issuer: 'http://www.okta.com/exk659aytfMeNI49v0h7',
    issuedAt: '2016-07-25T23:20:14.859Z',
    notOnOrAfter: '2016-07-25T23:25:14.859Z',
    audience: '"123"',
    nameId: 'russellhaering',
    attributes: { username: ['russell.haering@scaleft.com'] },
  },
];

/** The .b64 files are the SAMLResponse form field as posted; the .xml one is the decoded document. */
function posted(file: string): string {
  const text = read(file);
  return file.endsWith('.xml') ? Buffer.from(text, 'utf8').toString('base64') : text.trim();
}

function byName(result: SamlCheckResult): Record<string, { status: string; detail: string }> {
  return Object.fromEntries(result.checks.map((c) => [c.name, { status: c.status, detail: c.detail }]));
}

describe('real Okta SAMLResponses', () => {
  for (const real of RESPONSES) {
    const expectations = (now: Date) => ({
      idpCertificates: [certificate],
      idpIssuer: real.issuer,
      audience: real.audience,
      recipient: SCALEFT_ACS,
      email: real.nameId,
      attributes: Object.entries(real.attributes).map(([name, values]) => ({ name, value: values[0] ?? '' })),
      now,
    });

    it(`${real.file}: valid as of its issue time with its certificate, audience and recipient`, async () => {
      const result = await checkSamlResponse(posted(real.file), expectations(new Date(real.issuedAt)));
      const checks = byName(result);
      expect(result.checks.filter((c) => c.status !== 'pass')).toEqual([]);
      expect(result.valid).toBe(true);
      expect(checks.signature?.detail).toBe(
        'The Response and its Assertion are signed by a trusted IdP certificate (verified by node-saml).',
      );
      expect(checks.issuer?.detail).toBe(`Issuer is ${real.issuer}.`);
      expect(checks.audience?.detail).toBe(`Audience is ${real.audience}.`);
      expect(checks.recipient?.detail).toBe(`Recipient is ${SCALEFT_ACS}.`);
      expect(checks.destination?.detail).toBe(`Destination is ${SCALEFT_ACS}.`);
      expect(result.nameId).toBe(real.nameId);
      expect(result.attributes).toEqual(real.attributes);
    });

    it(`${real.file}: fails now with the time it expired`, async () => {
      const now = new Date('2026-11-27T12:00:00Z');
      const result = await checkSamlResponse(posted(real.file), expectations(now));
      expect(result.valid).toBe(false);
      expect(result.checks.filter((c) => c.status === 'fail').map((c) => c.name)).toEqual(['validity-window']);
      expect(byName(result)['validity-window']?.detail).toBe(
        `Expired: Conditions NotOnOrAfter was ${real.notOnOrAfter} (checked as of 2026-11-27T12:00:00.000Z, allowing 60 s of clock skew). Okta issued it at ${real.issuedAt}. A vendor refuses it now; check a captured response as of the time it was posted (saml check --at).`,
      );
    });
  }

  it('refuses a real response checked against another certificate, and trusts none of its content', async () => {
    const real = RESPONSES[1]!;
    const otherCertificate = readFileSync(
      new URL('../../fixtures/saml/ec-p256-certificate.pem', import.meta.url),
      'utf8',
    );
    const result = await checkSamlResponse(posted(real.file), {
      idpCertificates: [otherCertificate],
      idpIssuer: real.issuer,
      audience: real.audience,
      recipient: SCALEFT_ACS,
      now: new Date(real.issuedAt),
    });
    expect(result.valid).toBe(false);
    expect(byName(result).signature?.status).toBe('fail');
    expect(result.nameId).toBeUndefined();
    expect(result.attributes).toEqual({});
  });

  it('fails the audience and recipient of a real response checked for another service provider', async () => {
    const real = RESPONSES[0]!;
    const result = await checkSamlResponse(posted(real.file), {
      idpCertificates: [certificate],
      idpIssuer: real.issuer,
      audience: 'https://vendor.example/saml/metadata',
      recipient: 'https://vendor.example/saml/acs',
      now: new Date(real.issuedAt),
    });
    expect(result.checks.filter((c) => c.status === 'fail').map((c) => c.name)).toEqual([
      'audience',
      'recipient',
      'destination',
    ]);
    expect(byName(result).audience?.detail).toBe(
      'Audience is 123, expected https://vendor.example/saml/metadata. Set "Audience URI (SP Entity ID)" in Okta to the vendor\'s entity ID.',
    );
  });
});
