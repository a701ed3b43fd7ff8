import { createPrivateKey, X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateSigningCredentials } from '../../../src-main/sandbox/sso/signing-credentials';

describe('generateSigningCredentials', () => {
  it('makes a self-signed RSA 2048 / SHA-256 certificate for the key it returns', () => {
    const creds = generateSigningCredentials({
      commonName: 'acme-org',
      organization: 'Okta',
      validDays: 30,
      notBefore: new Date('2026-01-01T00:00:00Z'),
    });
    const cert = new X509Certificate(creds.certificatePem);
    expect(cert.subject).toBe('CN=acme-org\nO=Okta');
    expect(cert.issuer).toBe(cert.subject);
    expect(new Date(cert.validFrom).toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(new Date(cert.validTo).toISOString()).toBe('2026-01-31T00:00:00.000Z');
    expect(cert.publicKey.asymmetricKeyDetails?.modulusLength).toBe(2048);
    expect(cert.checkPrivateKey(createPrivateKey(creds.privateKeyPem))).toBe(true);
    expect(Buffer.from(creds.certificateBase64, 'base64').equals(cert.raw)).toBe(true);
    expect(cert.verify(cert.publicKey)).toBe(true);
    expect(creds.privateKeyPem).toMatch(/^-----BEGIN RSA PRIVATE KEY-----/);
  });
});
