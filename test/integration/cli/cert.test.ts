import { createHash, generateKeyPairSync, X509Certificate } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SANDBOX_PASSWORD } from '../../../src-main/sandbox/oauth/sign-in';
import { runCli } from '../../../src-main/cli';
import { generateSigningCredentials } from '../../../src-main/sandbox/sso/signing-credentials';
import { captureIo } from '../../support/capture-io';
import { api } from '../../support/sandbox';
import { startTestCa } from '../../support/test-ca';
import { assign, harnessWithLoginApp, type LoginAppHarness } from '../steps/login-app';

async function cli(h: LoginAppHarness, args: string[]) {
  const io = captureIo();
  const code = await runCli([...args, '--data-dir', h.dataDir], io);
  return { code, io, json: () => JSON.parse(io.stdout) as Record<string, unknown> };
}

const target = ['--client', 'Acme (sandbox)', '--integration', 'Courier'];

/** Replaces the app's signing key in the practice org with one whose certificate ends in `days`. */
function expiringKey(h: LoginAppHarness, days: number): void {
  const app = h.org.state.apps.get(h.appId);
  const key = app?.signingKeys[0];
  if (!app || !key) throw new Error('no app key');
  const made = generateSigningCredentials({
    commonName: 'acme',
    validDays: days + 1,
    notBefore: new Date(Date.now() - 86_400_000 + 120_000),
  });
  const cert = new X509Certificate(made.certificatePem);
  const jwk = cert.publicKey.export({ format: 'jwk' });
  Object.assign(key, {
    privateKeyPem: made.privateKeyPem,
    certificatePem: made.certificatePem,
    certificateBase64: made.certificateBase64,
    expiresAt: new Date(cert.validTo).toISOString(),
    n: jwk.n ?? '',
    e: jwk.e ?? '',
    x5tS256: createHash('sha256').update(cert.raw).digest('base64url'),
    kid: key.kid,
  });
}

describe('okta-onboard cert', () => {
  it('status reads the certificate now: exit 0 when valid beyond 90 days, 1 within, with --json', async () => {
    const h = await harnessWithLoginApp('courier');
    const ok = await cli(h, ['cert', 'status', ...target, '--json']);
    expect(ok.code).toBe(0);
    const report = ok.json() as {
      certificates: { health: { level: string; readAt: string; certificate: { kid: string } } }[];
    };
    expect(report.certificates).toHaveLength(1);
    expect(report.certificates[0]?.health.level).toBe('ok');

    expiringKey(h, 20);
    const soon = await cli(h, ['cert', 'status', '--client', 'Acme (sandbox)']);
    expect(soon.code).toBe(1);
    expect(soon.io.stdout).toMatch(
      /^Courier: soon \(read .+\)\n {2}Expires in 20 days \(.+\): rotate now; Courier must register the new certificate before the switch\.\n/,
    );
  });

  it('rotate runs each stage, resumable by name; a wrong stage or a missing password file is a usage error (2), ending on the new key', async () => {
    const h = await harnessWithLoginApp('courier');
    await assign(h, 'ava.adams@acme.example');
    await h.save('test-login', { userLogin: 'ava.adams@acme.example' });

    expect((await cli(h, ['cert', 'rotate', ...target])).io.stdout).toMatch(/^No rotation in progress for Courier\./);
    const bad = await cli(h, ['cert', 'rotate', ...target, '--stage', 'start', '--validity-years', '12', '--json']);
    expect(bad.code).toBe(2);
    expect(bad.json()).toMatchObject({ error: { code: 'INVALID_ARGUMENT', field: 'validity-years' } });

    const started = await cli(h, ['cert', 'rotate', ...target, '--stage', 'start', '--validity-years', '2', '--json']);
    expect([started.code, (started.json().rotation as { stage: string }).stage]).toEqual([0, 'generate']);
    const early = await cli(h, ['cert', 'rotate', ...target, '--stage', 'switch', '--json']);
    expect([early.code, (early.json().error as { code: string }).code]).toEqual([2, 'ROTATION_STAGE']);

    const generated = await cli(h, ['cert', 'rotate', ...target, '--stage', 'generate', '--json']);
    const rotation = generated.json().rotation as { stage: string; new: { kid: string; pem: string } };
    expect([generated.code, rotation.stage]).toEqual([0, 'register']);

    const values = await cli(h, ['cert', 'rotate', ...target, '--stage', 'register']);
    expect(values.code).toBe(0);
    expect(values.io.stdout).toContain(rotation.new.pem.trim());
    expect(values.io.stdout).toMatch(/--stage register --via copied\|email\n/);

    const registered = await cli(h, ['cert', 'rotate', ...target, '--stage', 'register', '--via', 'email']);
    expect(registered.code).toBe(0);
    expect(registered.io.stdout).toMatch(/Reported by you \(not checked\): registered with the vendor \(email\)/);
    const switched = await cli(h, ['cert', 'rotate', ...target, '--stage', 'switch', '--json']);
    expect((switched.json().rotation as { stage: string }).stage).toBe('test');

    const status = await cli(h, ['cert', 'status', ...target, '--json']);
    const after = status.json() as {
      certificates: { health: { certificate: { kid: string } }; rotation: { stage: string } }[];
    };
    expect(after.certificates[0]?.health.certificate.kid).toBe(rotation.new.kid);
    expect(after.certificates[0]?.rotation.stage).toBe('test');

    const noPassword = await cli(h, ['cert', 'rotate', ...target, '--stage', 'test', '--json']);
    expect([noPassword.code, (noPassword.json().error as { field: string }).field]).toEqual([2, 'password-file']);
    const passwordFile = join(h.dataDir, 'test-user-password');
    await writeFile(passwordFile, `${SANDBOX_PASSWORD}\n`, { mode: 0o600 });
    const test = await cli(h, [
      'cert',
      'rotate',
      ...target,
      '--stage',
      'test',
      '--password-file',
      passwordFile,
      '--json',
    ]);
    const tested = test.json().rotation as { stage: string; test: { valid: boolean; signingKid: string } };
    expect([test.code, tested.stage, tested.test.valid, tested.test.signingKid]).toEqual([
      0,
      'confirm',
      true,
      rotation.new.kid,
    ]);
    const done = await cli(h, ['cert', 'rotate', ...target, '--stage', 'confirm', '--json']);
    const finished = done.json() as {
      rotation: { stage: string };
      lastRotation: { stage: string; confirmedAt: string };
    };
    expect([done.code, finished.rotation.stage, finished.lastRotation.stage]).toEqual([0, 'done', 'done']);
    expect(finished.lastRotation.confirmedAt).toBeDefined();
    // Confirm run again (a resume after a run killed once it had recorded it): the finished rotation, exit 0.
    const again = await cli(h, ['cert', 'rotate', ...target, '--stage', 'confirm', '--json']);
    expect([again.code, (again.json().rotation as { stage: string }).stage]).toEqual([0, 'done']);
    expect((again.json().lastRotation as { confirmedAt: string }).confirmedAt).toBe(finished.lastRotation.confirmedAt);
  });

  it('rotate --stage csr writes the CSR file, then --certificate-file publishes the CA-signed certificate; bad input is exit 2', async () => {
    const h = await harnessWithLoginApp('courier');
    await cli(h, ['cert', 'rotate', ...target, '--stage', 'start', '--validity-years', '2', '--json']);
    const noName = await cli(h, ['cert', 'rotate', ...target, '--stage', 'csr', '--json']);
    expect([noName.code, (noName.json().error as { field: string }).field]).toEqual([2, 'common-name']);
    const out = join(h.dataDir, 'acme.csr');
    const made = await cli(h, [
      'cert',
      'rotate',
      ...target,
      '--stage',
      'csr',
      '--common-name',
      'sso.acme.example',
      '--country',
      'US',
      '--out',
      out,
      '--json',
    ]);
    expect([made.code, made.json().csrFile]).toEqual([0, out]);
    const pem = await readFile(out, 'utf8');
    expect(pem).toMatch(/^-----BEGIN CERTIFICATE REQUEST-----\n/);
    const csrBase64 = pem.replace(/-----[A-Z ]+-----|\s/g, '');
    const ca = startTestCa();
    const wrongFile = join(h.dataDir, 'wrong.pem');
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ format: 'pem', type: 'spki' });
    await writeFile(wrongFile, ca.sign(csrBase64, { publicKeyPem: other.toString() }));
    const wrong = await cli(h, [
      'cert',
      'rotate',
      ...target,
      '--stage',
      'csr',
      '--certificate-file',
      wrongFile,
      '--json',
    ]);
    expect([wrong.code, wrong.json().error]).toMatchObject([2, { code: 'INVALID_INPUT', field: 'certificate' }]);
    // The CA's answer as a binary DER file (.cer), as many CAs hand it out.
    const signedFile = join(h.dataDir, 'signed.cer');
    await writeFile(signedFile, new X509Certificate(ca.sign(csrBase64)).raw);
    const published = await cli(h, [
      'cert',
      'rotate',
      ...target,
      '--stage',
      'csr',
      '--certificate-file',
      signedFile,
      '--json',
    ]);
    const rotation = published.json().rotation as { stage: string; new: { kid: string } };
    expect([published.code, rotation.stage]).toEqual([0, 'register']);
    const keys = await api<{ kid: string }[]>(h.org, 'GET', `/api/v1/apps/${h.appId}/credentials/keys`);
    expect(keys.body.map((k) => k.kid)).toContain(rotation.new.kid);
  });

  it('an unreachable org is exit 3', async () => {
    const h = await harnessWithLoginApp('courier');
    await h.workspace.updateClient(h.client.id, (c) => {
      c.orgUrl = 'http://127.0.0.1:9';
    });
    const down = await cli(h, ['cert', 'status', ...target, '--json']);
    expect(down.code).toBe(3);
    expect(down.json()).toMatchObject({
      certificates: [{ health: { error: { code: expect.stringMatching(/^OKTA_/) } } }],
    });
  });
});
