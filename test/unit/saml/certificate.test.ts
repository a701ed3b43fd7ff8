import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { inspectCertificate } from '../../../src-main/saml/certificate';
import { generateSigningCredentials } from '../../../src-main/sandbox/sso/signing-credentials';
import { parseIdpMetadata } from '../../../src-main/saml/metadata';

const fixture = (name: string): string => readFileSync(new URL(`../../fixtures/saml/${name}`, import.meta.url), 'utf8');
const oktaCertificate = parseIdpMetadata(fixture('okta-idp-metadata-oktapreview.xml')).signingCertificates[0] ?? '';
const DAY = 86_400_000;

describe('inspectCertificate', () => {
  it('reads the facts of the real Okta signing certificate', () => {
    const facts = inspectCertificate(oktaCertificate, new Date('2026-01-08T12:02:54Z'));
    expect({ ...facts, pem: undefined }).toEqual({
      subject: 'E=info@okta.com, CN=bugcrowd-pam-681, OU=SSOProvider, O=Okta, L=San Francisco, ST=California, C=US',
      issuer: 'E=info@okta.com, CN=bugcrowd-pam-681, OU=SSOProvider, O=Okta, L=San Francisco, ST=California, C=US',
      serialNumber: '019445CBD8EE',
      notBefore: '2025-01-08T12:01:54.000Z',
      notAfter: '2035-01-08T12:02:54.000Z',
      daysToExpiry: 3287,
      sha1Fingerprint: '7B:3B:16:03:3F:98:B9:48:0D:22:97:5D:C2:44:B3:23:CD:29:3B:42',
      sha256Fingerprint:
        '35:3F:E4:F3:9F:C2:F8:C2:39:FB:62:69:35:0C:05:5D:01:14:E3:66:C3:8B:D4:E1:02:04:A0:A0:C9:73:5B:57',
      keyType: 'RSA',
      keyBits: 2048,
      signatureAlgorithm: 'sha256WithRSAEncryption',
      findings: [],
    });
    expect(
      facts.pem.startsWith(
        '-----BEGIN CERTIFICATE-----\nMIIDsDCCApigAwIBAgIGAZRFy9juMA0GCSqGSIb3DQEBCwUAMIGYMQswCQYDVQQG\nEwJVUzETMBEG',
      ),
    ).toBe(true);
    expect(inspectCertificate(facts.pem, new Date('2026-01-08T12:02:54Z')).sha256Fingerprint).toBe(
      facts.sha256Fingerprint,
    );
  });

  it('warns when the certificate expires within 90 days', () => {
    const facts = inspectCertificate(oktaCertificate, new Date(Date.parse('2035-01-08T12:02:54Z') - 30 * DAY));
    expect(facts.daysToExpiry).toBe(30);
    expect(facts.findings.map((f) => [f.level, f.code])).toEqual([['warning', 'CERT_EXPIRES_SOON']]);
  });

  it('reports an error once the certificate has expired', () => {
    const facts = inspectCertificate(oktaCertificate, new Date('2035-02-01T00:00:00Z'));
    expect(facts.daysToExpiry).toBe(-24);
    expect(facts.findings).toEqual([
      {
        level: 'error',
        code: 'CERT_EXPIRED',
        message:
          'The certificate "E=info@okta.com, CN=bugcrowd-pam-681, OU=SSOProvider, O=Okta, L=San Francisco, ST=California, C=US" expired on 2035-01-08T12:02:54.000Z; service providers reject responses signed with it. Rotate the app\'s signing key in Okta and send the new certificate to the vendor.',
      },
    ]);
  });

  it('reports an error before the certificate is valid', () => {
    const facts = inspectCertificate(oktaCertificate, new Date('2024-12-31T00:00:00Z'));
    expect(facts.findings.map((f) => [f.level, f.code])).toEqual([['error', 'CERT_NOT_YET_VALID']]);
  });

  it('flags a SHA-1 signed certificate and a key under 2048 bits', () => {
    const weak = generateSigningCredentials({
      commonName: 'old-idp',
      digest: 'sha1',
      keyBits: 1024,
      notBefore: new Date('2026-01-01T00:00:00Z'),
      validDays: 365,
    });
    const facts = inspectCertificate(weak.certificateBase64, new Date('2026-02-01T00:00:00Z'));
    expect([facts.signatureAlgorithm, facts.keyBits, facts.subject]).toEqual([
      'sha1WithRSAEncryption',
      1024,
      'CN=old-idp',
    ]);
    expect(facts.findings.map((f) => [f.level, f.code])).toEqual([
      ['warning', 'CERT_SHA1_SIGNATURE'],
      ['error', 'CERT_WEAK_KEY'],
    ]);
  });

  it('reads an EC certificate, which node-forge cannot parse, through Node', () => {
    const facts = inspectCertificate(fixture('ec-p256-certificate.pem'), new Date('2027-01-01T00:00:00Z'));
    expect({ ...facts, pem: undefined, daysToExpiry: undefined }).toEqual({
      subject: 'O=Example, CN=ec-idp',
      issuer: 'O=Example, CN=ec-idp',
      serialNumber: '5DF6AEBA34B6E44516B0F547831982967A2CA797',
      notBefore: '2026-11-24T09:54:16.000Z',
      notAfter: '2036-11-21T09:54:16.000Z',
      daysToExpiry: undefined,
      sha1Fingerprint: 'F3:42:C4:E2:9C:0E:D1:3F:5C:AE:29:53:ED:FB:BB:ED:42:8A:77:E6',
      sha256Fingerprint:
        'A5:EF:34:3B:6A:A3:22:53:AB:F5:8C:D6:68:4F:4D:81:27:70:8E:38:7D:F6:C6:F2:40:37:BA:57:C9:03:B2:3F',
      keyType: 'EC',
      keyBits: 256,
      signatureAlgorithm: 'ecdsa-with-SHA256',
      findings: [],
      pem: undefined,
    });
  });

  it('refuses text that is not a certificate with CERT_INVALID', () => {
    expect(() => inspectCertificate('not a certificate!', new Date())).toThrow(
      expect.objectContaining({
        code: 'CERT_INVALID',
        message: 'The certificate could not be read: it is not base64 or PEM text.',
      }),
    );
    expect(() => inspectCertificate(Buffer.alloc(100, 1).toString('base64'), new Date())).toThrow(
      expect.objectContaining({ code: 'CERT_INVALID' }),
    );
    expect(() => inspectCertificate(`MII${'A'.repeat(200)}`, new Date())).toThrow(
      expect.objectContaining({ code: 'CERT_INVALID' }),
    );
  });
});
