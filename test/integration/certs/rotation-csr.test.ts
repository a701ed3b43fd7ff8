import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { csrPem } from '../../../src-main/api/csr-subject';
import { readCertFile } from '../../../src-main/certs/store';
import { SANDBOX_PASSWORD } from '../../../src-main/sandbox/oauth/sign-in';
import { api } from '../../support/sandbox';
import { startTestCa } from '../../support/test-ca';
import { keyIds, practiceRotation, rotationFor, signingKid } from './rotation-harness';

const SUBJECT = { commonName: 'sso.acme.example', organizationName: 'Acme Corp', countryName: 'US' };

class Killed extends Error {}

describe('certificate rotation with a key signed by the admin’s CA (Okta CSR)', () => {
  it('makes a CSR, publishes the CA-signed certificate and ends with the test login passing on the new key', async () => {
    const { h, rotation } = await practiceRotation();
    const id = h.integration.id;
    const oldKid = await signingKid(h);
    const ca = startTestCa();
    await rotation.start(id, 2);

    const requested = await rotation.advance(id, { stage: 'csr', subject: SUBJECT, dnsNames: ['sso.acme.example'] });
    expect(requested.stage).toBe('generate');
    const csr = requested.csr;
    expect(csr?.commonName).toBe('sso.acme.example');
    expect(csrPem(csr?.csrBase64 ?? '')).toMatch(
      /^-----BEGIN CERTIFICATE REQUEST-----\n[A-Za-z0-9+/=\n]+-----END CERTIFICATE REQUEST-----\n$/,
    );
    const listed = await api<{ id: string }[]>(h.org, 'GET', `/api/v1/apps/${h.appId}/credentials/csrs`);
    expect(listed.body.map((c) => c.id)).toEqual([csr?.id]);

    // A certificate for another key is refused before Okta sees it, next to the field, and the CSR stays.
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ format: 'pem', type: 'spki' });
    const wrong = ca.sign(csr?.csrBase64 ?? '', { publicKeyPem: other.toString() });
    await expect(rotation.advance(id, { stage: 'publish', certificate: wrong })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      field: 'certificate',
      message: "certificate: this certificate's public key is not the one in the CSR, so Okta could not sign with it.",
    });
    await expect(rotation.advance(id, { stage: 'publish', certificate: 'hello' })).rejects.toMatchObject({
      field: 'certificate',
    });
    expect((await readCertFile(h.dataDir, id)).rotation?.csr?.id).toBe(csr?.id);

    const signed = ca.sign(csr?.csrBase64 ?? '');
    const published = await rotation.advance(id, { stage: 'publish', certificate: signed });
    const newKid = published.new?.kid ?? '';
    expect([published.stage, published.csr]).toEqual(['register', undefined]);
    expect(await keyIds(h)).toEqual([oldKid, newKid]);
    expect(await signingKid(h)).toBe(oldKid);
    expect(published.new?.subject).toContain('sso.acme.example');

    await rotation.advance(id, { stage: 'register', via: 'copied' });
    await rotation.advance(id, { stage: 'switch' });
    expect(await signingKid(h)).toBe(newKid);
    const tested = await rotation.advance(id, { stage: 'test', via: 'password', password: SANDBOX_PASSWORD });
    expect(tested.test?.checks.filter((c) => c.status === 'fail')).toEqual([]);
    expect([tested.test?.valid, tested.test?.signingKid, tested.test?.vendorKid, tested.stage]).toEqual([
      true,
      newKid,
      newKid,
      'confirm',
    ]);
    const done = await rotation.advance(id, { stage: 'confirm' });
    expect(done.stage).toBe('done');
    expect((await readCertFile(h.dataDir, id)).health?.certificate?.kid).toBe(newKid);

    const writes = (await h.audit.read(h.client.id)).filter((e) => e.stepId === 'cert-rotation');
    expect(writes.map((e) => [e.operation, e.outcome])).toEqual([
      ['cert.rotation.start', 'success'],
      ['app.csr.create', 'intent'],
      ['app.csr.create', 'success'],
      ['app.csr.publish', 'intent'],
      ['app.csr.publish', 'success'],
      ['cert.rotation.registered', 'success'],
      ['app.signing-key.switch', 'intent'],
      ['app.signing-key.switch', 'success'],
      ['cert.rotation.test-login', 'success'],
      ['cert.rotation.confirm', 'success'],
    ]);
  });

  it('resumes a CSR and a publish killed after the write without making a second of either', async () => {
    let kill: 'csr' | 'publish' | undefined = 'csr';
    const { h } = await practiceRotation();
    const dying = rotationFor(h, (point, op) => {
      if (point === 'after-write' && op === kill) throw new Killed(op);
    });
    const id = h.integration.id;
    await dying.start(id, 2);
    await expect(dying.advance(id, { stage: 'csr', subject: SUBJECT })).rejects.toBeInstanceOf(Killed);
    const fresh = rotationFor(h);
    const resumed = await fresh.advance(id, { stage: 'csr', subject: SUBJECT });
    const csrs = (await api<{ id: string }[]>(h.org, 'GET', `/api/v1/apps/${h.appId}/credentials/csrs`)).body;
    expect(csrs.map((c) => c.id)).toEqual([resumed.csr?.id]);
    expect(resumed.events.at(-1)?.what).toMatch(/^Found CSR crs\w+, made by a run that stopped/);

    kill = 'publish';
    const signed = startTestCa().sign(resumed.csr?.csrBase64 ?? '');
    const keysBefore = await keyIds(h);
    await expect(dying.advance(id, { stage: 'publish', certificate: signed })).rejects.toBeInstanceOf(Killed);
    const published = await rotationFor(h).advance(id, { stage: 'publish', certificate: signed });
    expect(await keyIds(h)).toEqual([...keysBefore, published.new?.kid]);
    expect(published.stage).toBe('register');
  });

  it('revokes an unpublished CSR when the rotation is cancelled', async () => {
    const { h, rotation } = await practiceRotation();
    const id = h.integration.id;
    await rotation.start(id, 2);
    await rotation.advance(id, { stage: 'csr', subject: SUBJECT });
    const cancelled = await rotation.advance(id, { stage: 'cancel' });
    expect(cancelled.events.at(-2)?.what).toMatch(/^Revoked CSR crs\w+ in Okta/);
    expect((await api<unknown[]>(h.org, 'GET', `/api/v1/apps/${h.appId}/credentials/csrs`)).body).toEqual([]);
  });

  it('discards a CSR (revoked in Okta) to choose again, refuses a generate while one is open, and says when Okta no longer has it', async () => {
    const { h, rotation } = await practiceRotation();
    const id = h.integration.id;
    const csrs = async () =>
      (await api<{ id: string }[]>(h.org, 'GET', `/api/v1/apps/${h.appId}/credentials/csrs`)).body.map((c) => c.id);
    await rotation.start(id, 2);
    const first = (await rotation.advance(id, { stage: 'csr', subject: SUBJECT })).csr?.id;
    await expect(rotation.advance(id, { stage: 'generate' })).rejects.toMatchObject({
      code: 'ROTATION_STAGE',
      hint: 'Upload the certificate your CA signed; or discard the CSR (it is revoked in Okta), then generate.',
    });
    const discarded = await rotation.advance(id, { stage: 'discard-csr' });
    expect([discarded.stage, discarded.csr, await csrs()]).toEqual(['generate', undefined, []]);
    expect(discarded.events.at(-1)?.what).toBe(
      `Revoked CSR ${first} in Okta; its key pair is gone. Choose again how the new key is made.`,
    );

    // Revoked in the Admin Console meanwhile: Okta's 404 is said next to the certificate, with the next action.
    const second = await rotation.advance(id, { stage: 'csr', subject: { commonName: 'second.acme.example' } });
    await api(h.org, 'DELETE', `/api/v1/apps/${h.appId}/credentials/csrs/${second.csr?.id}`);
    await expect(
      rotation.advance(id, { stage: 'publish', certificate: startTestCa().sign(second.csr?.csrBase64 ?? '') }),
    ).rejects.toMatchObject({
      code: 'CSR_GONE',
      field: 'certificate',
      hint: 'Discard this CSR and request a new one, then have your CA sign the new CSR.',
    });
    const after = (await readCertFile(h.dataDir, id)).rotation;
    expect([after?.csr?.id, after?.pending]).toEqual([second.csr?.id, undefined]);
    const dropped = await rotation.advance(id, { stage: 'discard-csr' });
    expect(dropped.events.at(-1)?.what).toMatch(/^CSR crs\w+ was no longer in Okta \(revoked or used elsewhere\)/);
    const generated = await rotation.advance(id, { stage: 'generate' });
    expect(generated.stage).toBe('register');
  });
});
