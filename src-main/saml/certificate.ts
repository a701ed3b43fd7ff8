import { createHash, X509Certificate } from 'node:crypto';
import forge from 'node-forge';
import { AppError } from '../errors';
import type { CertificateFacts, Finding } from './types';

const DAY_MS = 86_400_000;
const EXPIRY_WARNING_DAYS = 90;
const MIN_RSA_BITS = 2048;
const MIN_EC_BITS = 256;

interface ParsedFacts {
  subject: string;
  issuer: string;
  serialNumber: string;
  notBefore: Date;
  notAfter: Date;
  keyType: string;
  keyBits: number;
  signatureAlgorithm: string;
}

/**
 * Reads an X.509 certificate (base64 DER as in SAML metadata, or PEM) and says what an admin needs
 * to know about it at `now`: identity, validity, fingerprints, key strength, and what is wrong.
 */
export function inspectCertificate(input: string, now: Date): CertificateFacts {
  const der = toDer(input);
  const parsed = parseWithForge(der) ?? parseWithNode(der);
  const pem = `-----BEGIN CERTIFICATE-----\n${der.toString('base64').replace(/.{1,64}/g, '$&\n')}-----END CERTIFICATE-----\n`;
  const daysToExpiry = Math.floor((parsed.notAfter.getTime() - now.getTime()) / DAY_MS);
  const facts: Omit<CertificateFacts, 'findings'> = {
    subject: parsed.subject,
    issuer: parsed.issuer,
    serialNumber: parsed.serialNumber,
    notBefore: parsed.notBefore.toISOString(),
    notAfter: parsed.notAfter.toISOString(),
    daysToExpiry,
    sha1Fingerprint: fingerprint(der, 'sha1'),
    sha256Fingerprint: fingerprint(der, 'sha256'),
    keyType: parsed.keyType,
    keyBits: parsed.keyBits,
    signatureAlgorithm: parsed.signatureAlgorithm,
    pem,
  };
  return { ...facts, findings: certificateFindings(facts, parsed, now) };
}

/** Accepts PEM, or base64 DER with any line breaks and spaces metadata and copy-paste leave in it. */
function toDer(input: string): Buffer {
  const body = input.replace(/-----BEGIN CERTIFICATE-----|-----END CERTIFICATE-----/g, '').replace(/\s+/g, '');
  if (body === '' || !/^[A-Za-z0-9+/]+={0,2}$/.test(body)) {
    throw invalid('it is not base64 or PEM text');
  }
  const der = Buffer.from(body, 'base64');
  // A DER certificate is an ASN.1 SEQUENCE (0x30); anything else is not worth handing to a parser.
  if (der.length < 64 || der[0] !== 0x30) throw invalid('the decoded bytes are not a DER certificate');
  return der;
}

/** forge gives readable DNs and algorithm names; it only understands RSA keys, so null means "try Node". */
function parseWithForge(der: Buffer): ParsedFacts | null {
  let asn1: forge.asn1.Asn1;
  try {
    asn1 = forge.asn1.fromDer(forge.util.createBuffer(der.toString('binary')));
  } catch {
    throw invalid('its ASN.1 structure is damaged');
  }
  let cert: forge.pki.Certificate;
  try {
    cert = forge.pki.certificateFromAsn1(asn1);
  } catch {
    return null;
  }
  const publicKey = cert.publicKey as forge.pki.rsa.PublicKey;
  return {
    subject: formatDn(cert.subject.attributes),
    issuer: formatDn(cert.issuer.attributes),
    serialNumber: cert.serialNumber.toUpperCase(),
    notBefore: cert.validity.notBefore,
    notAfter: cert.validity.notAfter,
    keyType: 'RSA',
    keyBits: publicKey.n.bitLength(),
    signatureAlgorithm: forge.pki.oids[cert.siginfo.algorithmOid] ?? cert.siginfo.algorithmOid,
  };
}

/** Node's own X.509 parser reads EC (and other) keys forge rejects; the signature OID comes from the raw ASN.1. */
function parseWithNode(der: Buffer): ParsedFacts {
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(der);
  } catch {
    throw invalid('neither node-forge nor Node could parse it');
  }
  const details = cert.publicKey.asymmetricKeyDetails;
  const keyType = (cert.publicKey.asymmetricKeyType ?? 'unknown').toUpperCase();
  const keyBits = details?.modulusLength ?? curveBits(details?.namedCurve);
  return {
    subject: nodeDn(cert.subject),
    issuer: nodeDn(cert.issuer),
    serialNumber: cert.serialNumber.toUpperCase(),
    notBefore: new Date(cert.validFrom),
    notAfter: new Date(cert.validTo),
    keyType,
    keyBits,
    signatureAlgorithm: signatureAlgorithmOf(der),
  };
}

function signatureAlgorithmOf(der: Buffer): string {
  const root = forge.asn1.fromDer(forge.util.createBuffer(der.toString('binary')));
  const algorithm = Array.isArray(root.value) ? root.value[1] : undefined;
  const oidNode = algorithm && Array.isArray(algorithm.value) ? algorithm.value[0] : undefined;
  if (!oidNode || typeof oidNode.value !== 'string') return 'unknown';
  const oid = forge.asn1.derToOid(oidNode.value);
  return forge.pki.oids[oid] ?? NON_RSA_SIGNATURE_OIDS[oid] ?? oid;
}

/** forge's OID table stops at RSA; these are the names OpenSSL prints for the others. */
const NON_RSA_SIGNATURE_OIDS: Record<string, string> = {
  '1.2.840.10045.4.1': 'ecdsa-with-SHA1',
  '1.2.840.10045.4.3.2': 'ecdsa-with-SHA256',
  '1.2.840.10045.4.3.3': 'ecdsa-with-SHA384',
  '1.2.840.10045.4.3.4': 'ecdsa-with-SHA512',
  '1.3.101.112': 'ED25519',
};

const CURVE_BITS: Record<string, number> = {
  prime256v1: 256,
  'P-256': 256,
  secp384r1: 384,
  'P-384': 384,
  secp521r1: 521,
  'P-521': 521,
};

function curveBits(curve: string | undefined): number {
  return curve === undefined ? 0 : (CURVE_BITS[curve] ?? 0);
}

function formatDn(attributes: forge.pki.CertificateField[]): string {
  return [...attributes]
    .reverse()
    .map((a) => `${a.shortName ?? a.name ?? a.type}=${String(a.value)}`)
    .join(', ');
}

/** Node prints one RDN per line, root-most first; flip it to the same order formatDn uses. */
function nodeDn(dn: string): string {
  return dn
    .split('\n')
    .filter((part) => part !== '')
    .reverse()
    .join(', ');
}

function fingerprint(der: Buffer, algorithm: 'sha1' | 'sha256'): string {
  return createHash(algorithm)
    .update(der)
    .digest('hex')
    .toUpperCase()
    .replace(/(..)(?!$)/g, '$1:');
}

function certificateFindings(facts: Omit<CertificateFacts, 'findings'>, parsed: ParsedFacts, now: Date): Finding[] {
  const findings: Finding[] = [];
  const name = facts.subject === '' ? 'The certificate' : `The certificate "${facts.subject}"`;
  if (parsed.notAfter.getTime() <= now.getTime()) {
    findings.push({
      level: 'error',
      code: 'CERT_EXPIRED',
      message: `${name} expired on ${facts.notAfter}; service providers reject responses signed with it. Rotate the app's signing key in Okta and send the new certificate to the vendor.`,
    });
  } else if (facts.daysToExpiry < EXPIRY_WARNING_DAYS) {
    findings.push({
      level: 'warning',
      code: 'CERT_EXPIRES_SOON',
      message: `${name} expires in ${facts.daysToExpiry} days (${facts.notAfter}); plan a key rollover with the vendor before then.`,
    });
  }
  if (parsed.notBefore.getTime() > now.getTime()) {
    findings.push({
      level: 'error',
      code: 'CERT_NOT_YET_VALID',
      message: `${name} is not valid until ${facts.notBefore}; check the clock or wait for the validity period to start.`,
    });
  }
  if (/sha1|sha-1/i.test(facts.signatureAlgorithm)) {
    findings.push({
      level: 'warning',
      code: 'CERT_SHA1_SIGNATURE',
      message: `${name} is signed with ${facts.signatureAlgorithm}; SHA-1 is deprecated and some vendors refuse it. Okta issues SHA-256 certificates.`,
    });
  }
  const minimum = facts.keyType === 'RSA' ? MIN_RSA_BITS : facts.keyType === 'EC' ? MIN_EC_BITS : 0;
  if (facts.keyBits < minimum) {
    findings.push({
      level: 'error',
      code: 'CERT_WEAK_KEY',
      message: `${name} has a ${facts.keyBits}-bit ${facts.keyType} key; at least ${minimum} bits are required.`,
    });
  }
  return findings;
}

function invalid(reason: string): AppError {
  return new AppError(
    'CERT_INVALID',
    `The certificate could not be read: ${reason}.`,
    'Paste the X.509 certificate as PEM (-----BEGIN CERTIFICATE-----) or as the base64 text inside <ds:X509Certificate>.',
  );
}
