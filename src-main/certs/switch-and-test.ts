import type { Rotation, RotationTest } from '../api/cert-rotation';
import { AppError } from '../errors';
import { signingKidOf } from './read-certificate';
import type { LoginWay, RotationKit } from './rotation-kit';

/** Points the app at the new key (or back at the old one); PUT is idempotent, so a resume re-sends it. */
export async function switchKey(kit: RotationKit, rotation: Rotation, to: 'new' | 'old'): Promise<Rotation> {
  const target = to === 'new' ? rotation.new : rotation.old;
  if (!target) throw new AppError('ROTATION_STAGE', 'There is no new key yet.', 'Generate it first.');
  if (to === 'old' && !['test', 'confirm'].includes(rotation.stage)) {
    throw new AppError(
      'ROTATION_STAGE',
      'The app still signs with the old key: there is nothing to switch back.',
      `Continue with "${rotation.stage}", or cancel the rotation.`,
    );
  }
  const okta = await kit.okta();
  rotation.pending = { op: 'switch', at: kit.now().toISOString(), kid: target.kid };
  await kit.save(rotation);
  kit.onWritePoint?.('before-write', 'switch');
  const app = await kit.scoped(() => okta.setAppSigningKey(kit.appId, target.kid));
  kit.onWritePoint?.('after-write', 'switch');
  const signing = signingKidOf((await okta.getApp(kit.appId)) ?? app);
  if (signing !== target.kid) {
    throw new AppError(
      'SWITCH_NOT_READ_BACK',
      `Okta accepted the switch but the app reads back signing with key ${signing ?? '(none)'}, not ${target.kid}.`,
      'Switch again; if it persists, check the app in the Admin Console (Sign On > SAML Signing Certificates).',
    );
  }
  delete rotation.pending;
  if (to === 'new') {
    rotation.switchedAt = kit.now().toISOString();
    rotation.stage = 'test';
    kit.event(rotation, `Switched: the app signs with the new key ${target.kid} (read back from Okta).`);
  } else {
    delete rotation.switchedAt;
    delete rotation.test;
    rotation.stage = 'switch';
    kit.event(rotation, `Switched back: the app signs with the old key ${target.kid} again (read back from Okta).`);
  }
  await kit.save(rotation);
  return rotation;
}

/** An SP-initiated test login, checked against the certificate the vendor holds by the admin's report. */
export async function testOnNewKey(kit: RotationKit, rotation: Rotation, way: LoginWay): Promise<Rotation> {
  const fresh = rotation.new;
  if (!fresh) throw new AppError('ROTATION_STAGE', 'There is no new key yet.', 'Generate it first.');
  const okta = await kit.okta();
  const app = await okta.getApp(kit.appId);
  const signingKid = app ? signingKidOf(app) : undefined;
  // The vendor checks the signature with what it was given: the new certificate only once reported sent.
  const vendor = rotation.registered ? fresh : rotation.old;
  const proof = await kit.testLogin(kit.ctx.integration.id, way, vendor.pem);
  const onNewKey = signingKid === fresh.kid;
  const checks: RotationTest['checks'] = [
    {
      name: 'signing-key',
      status: onNewKey ? 'pass' : 'fail',
      detail: onNewKey
        ? `Okta signs for the app with the new key ${fresh.kid}.`
        : `Okta signs for the app with ${signingKid ?? 'no key'}, not the new key ${fresh.kid}: switch first.`,
    },
    ...proof.checks,
  ];
  const valid = proof.valid && onNewKey;
  rotation.test = {
    at: kit.now().toISOString(),
    via: way.via,
    userLogin: proof.userLogin,
    valid,
    signingKid: signingKid ?? '',
    vendorKid: vendor.kid,
    checks,
  };
  if (valid) rotation.stage = 'confirm';
  kit.event(
    rotation,
    valid
      ? `Test login as ${proof.userLogin} passed on the new key (SP-initiated, signature checked against the certificate ${kit.ctx.vendorName} holds).`
      : `Test login as ${proof.userLogin} failed: ${checks
          .filter((c) => c.status === 'fail')
          .map((c) => c.detail)
          .join(' ')}`,
  );
  await kit.save(rotation);
  await kit.report(
    'cert.rotation.test-login',
    `${valid ? 'Passed' : 'Failed'}: SP-initiated login as ${proof.userLogin} signed with ${signingKid ?? '(none)'}, checked against ${vendor.kid}`,
  );
  return rotation;
}
