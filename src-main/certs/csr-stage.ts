import { createPublicKey, X509Certificate } from 'node:crypto';
import forge from 'node-forge';
import type { Rotation } from '../api/cert-rotation';
import { AppError } from '../errors';
import type { AppKey, CsrSubject, OktaOrgApi } from '../okta/org-api';

/**
 * The first stage's other way: the admin's own CA signs the new key's certificate. Okta makes the
 * key pair and a CSR (it keeps the private key); the admin downloads the CSR, has it signed, and
 * publishes the certificate, which becomes the app's new key credential. Each write saves its
 * intent in the rotation first, so a killed run adopts what Okta already made instead of making a second.
 */
export interface CsrStageDeps {
  okta: OktaOrgApi;
  appId: string;
  now: () => Date;
  /** Saves the rotation (with its `pending` intent) before the Okta write leaves. */
  save(rotation: Rotation): Promise<void>;
  /** Runs the Okta write in the rotation's audit scope. */
  scoped<T>(work: () => Promise<T>): Promise<T>;
  onWritePoint?: (point: 'before-write' | 'after-write', op: 'csr' | 'publish') => void;
}

const PEM_CSR = (base64: string) =>
  `-----BEGIN CERTIFICATE REQUEST-----\n${(base64.match(/.{1,64}/g) ?? []).join('\n')}\n-----END CERTIFICATE REQUEST-----\n`;

/** The CSR as the file an admin hands to a CA. */
export function csrPem(csrBase64: string): string {
  return PEM_CSR(csrBase64.replace(/-/g, '+').replace(/_/g, '/'));
}

export function validateSubject(subject: CsrSubject): void {
  if ((subject.commonName ?? '').trim() === '') {
    throw new AppError(
      'INVALID_INPUT',
      'commonName: the CSR needs a common name (the name the certificate is issued to).',
      'Enter the name your CA expects, for example your company domain or the app name.',
      'commonName',
    );
  }
  if (subject.countryName !== undefined && subject.countryName !== '' && !/^[A-Z]{2}$/.test(subject.countryName)) {
    throw new AppError(
      'INVALID_INPUT',
      `countryName: "${subject.countryName}" is not a two-letter country code.`,
      'Use the ISO 3166 code in capitals, for example US or DE, or leave it empty.',
      'countryName',
    );
  }
}

/** Asks Okta for a CSR, or adopts the one a killed run made (a CSR the app did not have then). */
export async function requestCsr(
  deps: CsrStageDeps,
  rotation: Rotation,
  subject: CsrSubject,
  dnsNames: string[],
): Promise<{ rotation: Rotation; adopted: boolean }> {
  validateSubject(subject);
  const existing = await deps.okta.listAppCsrs(deps.appId);
  const pending = rotation.pending;
  let csr = pending?.op === 'csr' ? existing.find((c) => !pending.knownCsrIds.includes(c.id)) : undefined;
  const adopted = csr !== undefined;
  if (csr === undefined) {
    rotation.pending = { op: 'csr', at: deps.now().toISOString(), knownCsrIds: existing.map((c) => c.id) };
    await deps.save(rotation);
    deps.onWritePoint?.('before-write', 'csr');
    csr = await deps.scoped(() => deps.okta.createAppCsr(deps.appId, subject, dnsNames));
    deps.onWritePoint?.('after-write', 'csr');
  }
  delete rotation.pending;
  rotation.csr = {
    id: csr.id,
    csrBase64: csr.csrBase64,
    createdAt: csr.created ?? deps.now().toISOString(),
    commonName: subject.commonName ?? '',
  };
  return { rotation, adopted };
}

/** Reads the admin's file and refuses, before Okta sees it, a certificate that is not for this CSR's key. */
export function checkCertificateForCsr(certificatePem: string, csrBase64: string, now: Date): string {
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(certificatePem.trim());
  } catch {
    throw new AppError(
      'INVALID_INPUT',
      'certificate: this is not a PEM certificate (it should start with -----BEGIN CERTIFICATE-----).',
      'Upload the certificate your CA issued for the CSR, in PEM format (.pem, .crt or .cer as text).',
      'certificate',
    );
  }
  const request = forge.pki.certificationRequestFromAsn1(
    forge.asn1.fromDer(forge.util.decode64(csrBase64.replace(/-/g, '+').replace(/_/g, '/'))),
  );
  const csrKey = request.publicKey ? forge.pki.publicKeyToPem(request.publicKey) : '';
  const same =
    csrKey !== '' &&
    createPublicKey(csrKey)
      .export({ format: 'der', type: 'spki' })
      .equals(cert.publicKey.export({ format: 'der', type: 'spki' }));
  if (!same) {
    throw new AppError(
      'INVALID_INPUT',
      "certificate: this certificate's public key is not the one in the CSR, so Okta could not sign with it.",
      'Have the CA sign the CSR downloaded from this rotation (not an earlier one), then upload what it returns.',
      'certificate',
    );
  }
  if (Date.parse(cert.validTo) <= now.getTime()) {
    throw new AppError(
      'INVALID_INPUT',
      `certificate: it expired on ${new Date(cert.validTo).toISOString().slice(0, 10)}.`,
      'Have the CA issue a certificate that is valid now.',
      'certificate',
    );
  }
  return cert.toString();
}

/** Publishes the signed certificate, or adopts the key a killed publish made. */
export async function publishCsr(
  deps: CsrStageDeps,
  rotation: Rotation,
  certificatePem: string,
): Promise<{ key: AppKey; adopted: boolean }> {
  const csr = rotation.csr;
  if (!csr) {
    throw new AppError(
      'ROTATION_STAGE',
      'There is no CSR in this rotation to publish a certificate for.',
      'Make the CSR first, have your CA sign it, then upload the certificate.',
    );
  }
  const keys = await deps.okta.listAppKeys(deps.appId);
  const pending = rotation.pending;
  const made = pending?.op === 'publish' ? keys.find((k) => !pending.knownKids.includes(k.kid)) : undefined;
  if (made) return { key: made, adopted: true };
  const pem = checkCertificateForCsr(certificatePem, csr.csrBase64, deps.now());
  rotation.pending = { op: 'publish', at: deps.now().toISOString(), knownKids: keys.map((k) => k.kid), csrId: csr.id };
  await deps.save(rotation);
  deps.onWritePoint?.('before-write', 'publish');
  const key = await deps.scoped(() => deps.okta.publishAppCsr(deps.appId, csr.id, pem));
  deps.onWritePoint?.('after-write', 'publish');
  return { key, adopted: false };
}
