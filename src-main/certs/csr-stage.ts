import { createHash, createPublicKey, type KeyObject } from 'node:crypto';
import forge from 'node-forge';
import type { CsrView, Rotation } from '../api/cert-rotation';
import { csrPem, csrSubjectProblems } from '../api/csr-subject';
import { AppError, isAppError } from '../errors';
import type { AppKey, CsrSubject, OktaOrgApi } from '../okta/org-api';
import { checkValidNow, readUploadedCertificates } from './certificate-input';

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

/** Refuses a subject Okta should not be asked for, naming the first field at fault (the form's rules). */
export function validateSubject(subject: CsrSubject, dnsNames: readonly string[]): void {
  const [first] = csrSubjectProblems(subject, dnsNames);
  if (first) throw new AppError('INVALID_INPUT', first.message, first.hint, first.field);
}

/** Asks Okta for a CSR, or adopts the one a killed run made (a CSR the app did not have then). */
export async function requestCsr(
  deps: CsrStageDeps,
  rotation: Rotation,
  subject: CsrSubject,
  dnsNames: string[],
): Promise<{ rotation: Rotation; adopted: boolean }> {
  validateSubject(subject, dnsNames);
  const existing = await deps.okta.listAppCsrs(deps.appId);
  const pending = rotation.pending;
  let csr = pending?.op === 'csr' ? existing.find((c) => !pending.knownCsrIds.includes(c.id)) : undefined;
  const adopted = csr !== undefined;
  if (csr === undefined) {
    rotation.pending = {
      op: 'csr',
      at: deps.now().toISOString(),
      knownCsrIds: existing.map((c) => c.id),
      subject,
      dnsNames,
    };
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
    subject,
    dnsNames,
  };
  return { rotation, adopted };
}

function csrPublicKey(csrBase64: string): KeyObject | undefined {
  const request = forge.pki.certificationRequestFromAsn1(
    forge.asn1.fromDer(forge.util.decode64(csrBase64.replace(/-/g, '+').replace(/_/g, '/'))),
  );
  return request.publicKey ? createPublicKey(forge.pki.publicKeyToPem(request.publicKey)) : undefined;
}

/**
 * Reads the admin's upload and picks the certificate for this CSR's key (a file with the chain
 * holds the CA's certificates too); refuses, before Okta sees it, one for another key or not valid now.
 */
export function checkCertificateForCsr(certificate: string, csrBase64: string, now: Date): string {
  const certificates = readUploadedCertificates(certificate);
  const csrKey = csrPublicKey(csrBase64)?.export({ format: 'der', type: 'spki' });
  const leaf = certificates.find(
    (cert) => csrKey !== undefined && cert.publicKey.export({ format: 'der', type: 'spki' }).equals(csrKey),
  );
  if (!leaf) {
    throw new AppError(
      'INVALID_INPUT',
      certificates.length === 1
        ? "certificate: this certificate's public key is not the one in the CSR, so Okta could not sign with it."
        : `certificate: none of the ${certificates.length} certificates in the file is for the CSR's public key, so Okta could not sign with them.`,
      'Have the CA sign the CSR downloaded from this rotation (not an earlier one), then upload what it returns.',
      'certificate',
    );
  }
  checkValidNow(leaf, now);
  return leaf.toString();
}

/** Okta's refusal of a publish, said next to the certificate with what to do next. */
export function publishRefused(error: unknown, csrId: string): unknown {
  if (!isAppError(error)) return error;
  if (error.code === 'OKTA_NOT_FOUND') {
    return new AppError(
      'CSR_GONE',
      `certificate: Okta no longer has CSR ${csrId} (it was revoked or used in the Admin Console), so there is nothing to publish this certificate for.`,
      'Discard this CSR and request a new one, then have your CA sign the new CSR.',
      'certificate',
    );
  }
  if (error.code === 'OKTA_VALIDATION') {
    return new AppError(
      'OKTA_REFUSED_CERTIFICATE',
      `certificate: Okta refused it. ${error.message}`,
      'Check with your CA that it signed this CSR as an X.509 certificate, then upload it again; the CSR stays open.',
      'certificate',
    );
  }
  return error;
}

/** Publishes the signed certificate, or adopts the key a killed publish made. */
export async function publishCsr(
  deps: CsrStageDeps,
  rotation: Rotation,
  certificate: string,
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
  const pem = checkCertificateForCsr(certificate, csr.csrBase64, deps.now());
  rotation.pending = { op: 'publish', at: deps.now().toISOString(), knownKids: keys.map((k) => k.kid), csrId: csr.id };
  await deps.save(rotation);
  deps.onWritePoint?.('before-write', 'publish');
  let key: AppKey;
  try {
    key = await deps.scoped(() => deps.okta.publishAppCsr(deps.appId, csr.id, pem));
  } catch (error) {
    const refused = publishRefused(error, csr.id);
    if (refused !== error) {
      // Okta answered no: nothing was published, so there is no intent left to settle.
      delete rotation.pending;
      await deps.save(rotation);
    }
    throw refused;
  }
  deps.onWritePoint?.('after-write', 'publish');
  return { key, adopted: false };
}

/**
 * Revokes the rotation's CSR in Okta, or the one a killed request made (a CSR the app did not have
 * then); one Okta no longer has (revoked or used in the console) is only dropped.
 */
export async function revokeOpenCsr(deps: CsrStageDeps, rotation: Rotation): Promise<string | undefined> {
  const listed = await deps.okta.listAppCsrs(deps.appId);
  const pending = rotation.pending;
  const id =
    rotation.csr?.id ??
    (pending?.op === 'csr' ? listed.find((c) => !pending.knownCsrIds.includes(c.id))?.id : undefined);
  delete rotation.csr;
  if (pending?.op === 'csr' || pending?.op === 'publish') delete rotation.pending;
  if (id === undefined) return undefined;
  if (!listed.some((c) => c.id === id)) {
    return `CSR ${id} was no longer in Okta (revoked or used elsewhere); dropped it from the rotation.`;
  }
  await deps.scoped(() => deps.okta.revokeAppCsr(deps.appId, id));
  return `Revoked CSR ${id} in Okta; its key pair is gone.`;
}

/** The open CSR as the screen shows it, read from the request itself rather than from what was asked. */
export function describeCsr(csr: NonNullable<Rotation['csr']>): CsrView {
  const der = forge.util.decode64(csr.csrBase64.replace(/-/g, '+').replace(/_/g, '/'));
  const request = forge.pki.certificationRequestFromAsn1(forge.asn1.fromDer(der));
  const subject = [...request.subject.attributes]
    .reverse()
    .map((a) => `${a.shortName ?? a.name ?? a.type}=${String(a.value)}`)
    .join(', ');
  const extensions = (request.getAttribute({ name: 'extensionRequest' }) as ExtensionRequest | null)?.extensions ?? [];
  const dnsNames = extensions
    .filter((e) => e.name === 'subjectAltName')
    .flatMap((e) => e.altNames ?? [])
    .filter((n) => n.type === 2)
    .map((n) => n.value);
  const key = csrPublicKey(csr.csrBase64);
  const bits = key?.asymmetricKeyDetails?.modulusLength;
  return {
    id: csr.id,
    createdAt: csr.createdAt,
    pem: csrPem(csr.csrBase64),
    subject,
    dnsNames,
    publicKey: key ? `${(key.asymmetricKeyType ?? 'unknown').toUpperCase()}${bits ? ` ${bits}-bit` : ''}` : 'none',
    sha256: createHash('sha256')
      .update(Buffer.from(der, 'binary'))
      .digest('hex')
      .toUpperCase()
      .replace(/(..)(?=.)/g, '$1:'),
  };
}

interface ExtensionRequest {
  extensions?: { name?: string; altNames?: { type: number; value: string }[] }[];
}
