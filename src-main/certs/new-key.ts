import type { Rotation } from '../api/cert-rotation';
import { AppError } from '../errors';
import type { CsrSubject } from '../okta/org-api';
import { publishCsr, requestCsr, revokeOpenCsr, type CsrStageDeps } from './csr-stage';
import { certificateOfKey } from './read-certificate';
import { expectStage, type RotationKit } from './rotation-kit';

/**
 * The rotation's first stage, both ways of making the new key: Okta generates it, or Okta makes a
 * CSR the admin's CA signs and the admin publishes the certificate. Either ends at `register`.
 */
async function csrDeps(kit: RotationKit): Promise<CsrStageDeps> {
  return {
    okta: await kit.okta(),
    appId: kit.appId,
    now: kit.now,
    save: kit.save,
    scoped: kit.scoped,
    ...(kit.onWritePoint ? { onWritePoint: kit.onWritePoint } : {}),
  };
}

export async function generateKey(kit: RotationKit, rotation: Rotation): Promise<Rotation> {
  expectStage(rotation, 'generate');
  if (rotation.csr || rotation.pending?.op === 'csr' || rotation.pending?.op === 'publish') {
    throw new AppError(
      'ROTATION_STAGE',
      `This rotation is making the new key through a CSR${rotation.csr ? ` (${rotation.csr.id})` : ''}: generating another key now would leave it behind in Okta.`,
      'Upload the certificate your CA signed; or discard the CSR (it is revoked in Okta), then generate.',
    );
  }
  const okta = await kit.okta();
  const keys = await okta.listAppKeys(kit.appId);
  // A run killed after saving its intent: a key the app did not have then is the one it made.
  const pending = rotation.pending;
  const made = pending?.op === 'generate' ? keys.find((k) => !pending.knownKids.includes(k.kid)) : undefined;
  let key = made;
  if (key === undefined) {
    rotation.pending = { op: 'generate', at: kit.now().toISOString(), knownKids: keys.map((k) => k.kid) };
    await kit.save(rotation);
    kit.onWritePoint?.('before-write', 'generate');
    key = await kit.scoped(() => okta.generateAppKey(kit.appId, rotation.validityYears));
    kit.onWritePoint?.('after-write', 'generate');
  }
  rotation.new = certificateOfKey(key, kit.now());
  delete rotation.pending;
  rotation.stage = 'register';
  kit.event(
    rotation,
    made
      ? `Found key ${key.kid}, made by a run that stopped before recording it; no second key was made.`
      : `Generated key ${key.kid} in Okta (expires ${rotation.new.expiresAt}); the app still signs with the old key.`,
  );
  await kit.save(rotation);
  return rotation;
}

export async function askForCsr(
  kit: RotationKit,
  rotation: Rotation,
  subject: CsrSubject,
  dnsNames: string[],
): Promise<Rotation> {
  expectStage(rotation, 'generate');
  if (rotation.csr && rotation.pending?.op !== 'csr') {
    throw new AppError(
      'ROTATION_STAGE',
      `This rotation already has CSR ${rotation.csr.id} (for ${rotation.csr.commonName}).`,
      'Download it, have your CA sign it and upload the certificate; or discard it to request a new one.',
    );
  }
  const { adopted } = await requestCsr(await csrDeps(kit), rotation, subject, dnsNames);
  kit.event(
    rotation,
    adopted
      ? `Found CSR ${rotation.csr?.id ?? ''}, made by a run that stopped before recording it; no second CSR was made.`
      : `Okta made a key pair and CSR ${rotation.csr?.id ?? ''} for ${subject.commonName ?? ''}; its private key stays in Okta. Have your CA sign the CSR.`,
  );
  await kit.save(rotation);
  return rotation;
}

export async function publishCertificate(kit: RotationKit, rotation: Rotation, certificate: string): Promise<Rotation> {
  expectStage(rotation, 'generate');
  const { key, adopted } = await publishCsr(await csrDeps(kit), rotation, certificate);
  rotation.new = certificateOfKey(key, kit.now());
  delete rotation.pending;
  delete rotation.csr;
  rotation.stage = 'register';
  kit.event(
    rotation,
    adopted
      ? `Found key ${key.kid}, published by a run that stopped before recording it; nothing was published twice.`
      : `Published the CA-signed certificate: Okta made key ${key.kid} (expires ${rotation.new.expiresAt}); the app still signs with the old key.`,
  );
  await kit.save(rotation);
  return rotation;
}

export async function discardCsr(kit: RotationKit, rotation: Rotation): Promise<Rotation> {
  expectStage(rotation, 'generate');
  if (!rotation.csr && rotation.pending?.op !== 'csr') {
    throw new AppError(
      'ROTATION_STAGE',
      'This rotation has no CSR to discard.',
      'Choose how the new key is made: Okta generates it, or request a CSR for your CA.',
    );
  }
  const what = await revokeOpenCsr(await csrDeps(kit), rotation);
  if (what) kit.event(rotation, `${what} Choose again how the new key is made.`);
  await kit.save(rotation);
  return rotation;
}

/** On cancel: Okta would keep the unused key pair of an unpublished CSR; revoking it leaves nothing behind. */
export async function revokeCsrOnCancel(kit: RotationKit, rotation: Rotation): Promise<void> {
  if (rotation.csr === undefined && rotation.pending?.op !== 'csr') return;
  const what = await revokeOpenCsr(await csrDeps(kit), rotation);
  if (what) kit.event(rotation, what);
}
