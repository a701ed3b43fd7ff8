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
}

export interface SigningCredentials {
  privateKeyPem: string;
  certificatePem: string;
  /** DER in base64 without PEM armour: what SAML metadata and Okta's "X.509 Certificate" carry. */
  certificateBase64: string;
}

const DAY_MS = 86_400_000;

/** A self-signed RSA key pair and certificate of the kind Okta uses to sign SAML responses. */
export function generateSigningCredentials(options: SigningCredentialsOptions): SigningCredentials {
  const keys = forge.pki.rsa.generateKeyPair({ bits: options.keyBits ?? 2048, e: 0x10001 });
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  // A positive serial: a leading 0x00 keeps the DER INTEGER from reading as negative.
  cert.serialNumber = `00${randomBytes(16).toString('hex')}`;
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
