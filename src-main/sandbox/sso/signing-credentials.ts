import { randomBytes } from 'node:crypto';
import forge from 'node-forge';

export interface SigningCredentialsOptions {
  commonName: string;
  organization?: string;
  /** Days the certificate stays valid from `notBefore`; Okta issues 10-year certificates. */
  validDays?: number;
  notBefore?: Date;
  /** Digest for the certificate's own signature; tests pass 'sha1' to make a weak certificate. */
  digest?: 'sha256' | 'sha1';
  keyBits?: number;
  /** The serial's 16 random bytes; tests pin them to the edge cases (a leading 0x00 or 0x80). */
  serialBytes?: Buffer;
}

export interface SigningCredentials {
  privateKeyPem: string;
  certificatePem: string;
  /** DER in base64 without PEM armour: what SAML metadata and Okta's "X.509 Certificate" carry. */
  certificateBase64: string;
}

const DAY_MS = 86_400_000;

/**
 * A serial that is positive and minimally encoded in DER, as X.509 requires (RFC 5280 4.1.2.2) and
 * OpenSSL enforces ("illegal padding"). The first byte is forced into 0x01..0x7f: no sign byte is
 * needed and none can be left over. The earlier `00` + 16 random bytes failed 1 time in ~512
 * (random bytes starting 0x00 0x00..0x7f): node-forge trims one redundant zero, the second
 * stayed, Node's X509Certificate refused the certificate and the practice org's app create answered 500.
 */
export function certificateSerial(random: Buffer): string {
  const bytes = Buffer.from(random);
  bytes[0] = ((bytes[0] ?? 0) & 0x7f) | 0x01;
  return bytes.toString('hex');
}

/** A self-signed RSA key pair and certificate of the kind Okta uses to sign SAML responses. */
export function generateSigningCredentials(options: SigningCredentialsOptions): SigningCredentials {
  const keys = forge.pki.rsa.generateKeyPair({ bits: options.keyBits ?? 2048, e: 0x10001 });
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = certificateSerial(options.serialBytes ?? randomBytes(16));
  const notBefore = options.notBefore ?? new Date();
  cert.validity.notBefore = notBefore;
  cert.validity.notAfter = new Date(notBefore.getTime() + (options.validDays ?? 3650) * DAY_MS);
  const attrs: forge.pki.CertificateField[] = [{ name: 'commonName', value: options.commonName }];
  if (options.organization !== undefined) attrs.push({ name: 'organizationName', value: options.organization });
  cert.setSubject(attrs);
  cert.setIssuer(attrs);
  const digest = options.digest === 'sha1' ? forge.md.sha1.create() : forge.md.sha256.create();
  cert.sign(keys.privateKey, digest);
  const der = forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes();
  return {
    privateKeyPem: forge.pki.privateKeyToPem(keys.privateKey),
    certificatePem: forge.pki.certificateToPem(cert),
    certificateBase64: forge.util.encode64(der),
  };
}
