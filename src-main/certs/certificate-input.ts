import { X509Certificate } from 'node:crypto';
import { AppError } from '../errors';

/**
 * Reads what an admin uploads or pastes as "the certificate the CA issued": PEM text (one
 * certificate, or the leaf with its chain), or a DER file sent as base64. Anything else is refused
 * in words that name what it is, so the admin knows which file to look for instead.
 */
const refuse = (message: string, hint: string) =>
  new AppError('INVALID_INPUT', `certificate: ${message}`, hint, 'certificate');

const UPLOAD_HINT =
  'Upload the certificate your CA issued for this CSR: a .pem, .crt, .cer or .der file, or its PEM text.';

const PEM_BLOCK = /-----BEGIN ([A-Z0-9 #]+)-----([\s\S]*?)-----END \1-----/g;

function wrongKind(label: string): AppError | undefined {
  if (label.includes('PRIVATE KEY')) {
    return refuse(
      'this is a private key, not a certificate.',
      'Okta made and keeps this rotation’s private key; no key is needed here. Upload the certificate (BEGIN CERTIFICATE) your CA returned.',
    );
  }
  if (label.includes('CERTIFICATE REQUEST')) {
    return refuse(
      'this is the certificate signing request itself, not the certificate.',
      'Send the CSR to your CA; upload the certificate the CA returns for it.',
    );
  }
  if (label === 'PKCS7') {
    return refuse(
      'this is a PKCS#7 bundle (.p7b), which holds certificates but is not one.',
      'Export the certificate from it as PEM or DER (for example: openssl pkcs7 -print_certs -in bundle.p7b), then upload that.',
    );
  }
  return undefined;
}

function parse(input: string | Buffer): X509Certificate | undefined {
  try {
    return new X509Certificate(input);
  } catch {
    return undefined;
  }
}

/** The certificates in the admin's text, leaf first as CAs send them; refuses anything that holds none. */
export function readUploadedCertificates(text: string): X509Certificate[] {
  const trimmed = text.trim();
  if (trimmed === '') {
    throw refuse('nothing was chosen or pasted.', UPLOAD_HINT);
  }
  const blocks = [...trimmed.matchAll(PEM_BLOCK)];
  if (blocks.length > 0) {
    const certificates = blocks.filter(([, label]) => label === 'CERTIFICATE' || label === 'X509 CERTIFICATE');
    if (certificates.length === 0) {
      throw (
        wrongKind(blocks[0]?.[1] ?? '') ??
        refuse(`this PEM holds a "${blocks[0]?.[1] ?? ''}", not a certificate.`, UPLOAD_HINT)
      );
    }
    return certificates.map(([, , body], i) => {
      const der = Buffer.from((body ?? '').replace(/\s+/g, ''), 'base64');
      const cert = parse(der);
      if (!cert) {
        throw refuse(
          `certificate ${i + 1} in the PEM text is damaged and cannot be read as X.509.`,
          'Copy it again from what your CA sent, whole, from -----BEGIN CERTIFICATE----- to -----END CERTIFICATE-----.',
        );
      }
      return cert;
    });
  }
  // No PEM armour: a DER file (sent as base64 by the app) or base64 DER pasted as such.
  const compact = trimmed.replace(/\s+/g, '');
  const der = /^[A-Za-z0-9+/_-]+={0,2}$/.test(compact)
    ? Buffer.from(compact.replace(/-/g, '+').replace(/_/g, '/'), 'base64')
    : undefined;
  const cert = der ? parse(der) : undefined;
  if (!cert) {
    throw refuse(
      'this is not a certificate (PEM text starts with -----BEGIN CERTIFICATE-----; a DER file is binary X.509).',
      UPLOAD_HINT,
    );
  }
  return [cert];
}

/** The validity window, refused in words when the certificate cannot be used now. */
export function checkValidNow(cert: X509Certificate, now: Date): void {
  const validTo = Date.parse(cert.validTo);
  const validFrom = Date.parse(cert.validFrom);
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
  if (validTo <= now.getTime()) {
    throw refuse(`it expired on ${day(validTo)}.`, 'Have your CA issue a certificate for this CSR that is valid now.');
  }
  // CAs' clocks run a little ahead of ours at times; ten minutes is skew, more is a future certificate.
  if (validFrom > now.getTime() + 10 * 60_000) {
    throw refuse(
      `it is not valid yet: it becomes valid on ${day(validFrom)}.`,
      'Have your CA issue it valid from now, or upload it again after that time: Okta would otherwise sign with a certificate the vendor may refuse.',
    );
  }
}
