import { createPrivateKey, X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { certificateSerial, generateSigningCredentials } from '../../../src-main/sandbox/sso/signing-credentials';

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

  // The practice org's app create answered HTTP 500 about once in 500 creates: random serials
  // starting 0x00 0x00..0x7f came out with a redundant zero byte that OpenSSL refuses.
  it.each([
    ['00 00 08', [0x00, 0x00, 0x08]],
    ['00 7f', [0x00, 0x7f]],
    ['00 80', [0x00, 0x80]],
    ['80', [0x80]],
    ['ff', [0xff]],
    ['all zero', []],
  ])('a serial from random bytes starting %s is a positive, minimally encoded INTEGER Node accepts', (_, head) => {
    const random = Buffer.alloc(16, 0);
    Buffer.from(head).copy(random);
    const creds = generateSigningCredentials({ commonName: 'acme-org', keyBits: 512, serialBytes: random });
    const cert = new X509Certificate(creds.certificatePem);
    const serial = certificateSerial(random);
    expect(cert.serialNumber.toLowerCase()).toBe(serial);
    expect(serial).toHaveLength(32);
    expect(Number.parseInt(serial.slice(0, 2), 16)).toBeGreaterThanOrEqual(0x01);
    expect(Number.parseInt(serial.slice(0, 2), 16)).toBeLessThanOrEqual(0x7f);
    expect(serial.slice(2)).toBe(random.subarray(1).toString('hex'));
  });
});
