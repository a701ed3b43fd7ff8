import { SANDBOX_PASSWORD } from '../../../src-main/sandbox/oauth/sign-in';
import { describe, expect, it } from 'vitest';
import { readCertFile } from '../../../src-main/certs/store';
import { currentAuditScope } from '../../../src-main/workspace/audit-scope';
import { api } from '../../support/sandbox';
import { keyIds, practiceRotation, rotationFor, signingKid } from './rotation-harness';

class Killed extends Error {}

describe('certificate rotation against the practice org', () => {
  it('reads the signing certificate from Okta with its expiry level and the time it was read', async () => {
    const { h, rotation } = await practiceRotation();
    const health = await rotation.checkHealth(h.integration.id);
    expect(health.certificate?.kid).toBe(await signingKid(h));
    expect(health.level).toBe('ok');
    expect(health.daysLeft).toBeGreaterThan(3600);
    expect(health.message).toMatch(/^Valid until \d{1,2} \w{3} \d{4} \(3,6\d\d days left\)\.$/);
    expect(health.certificate?.fingerprintSha256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(Date.now() - Date.parse(health.readAt)).toBeLessThan(60_000);
    expect((await readCertFile(h.dataDir, h.integration.id)).health).toEqual(health);
  });

  it('ends with the vendor-side test login passing on the new key, the old key kept until confirmed', async () => {
    const { h, rotation } = await practiceRotation();
    const id = h.integration.id;
    const oldKid = await signingKid(h);
    await rotation.start(id, 2);

    const generated = await rotation.advance(id, { stage: 'generate' });
    const newKid = generated.new?.kid ?? '';
    expect(generated.stage).toBe('register');
    expect(await keyIds(h)).toEqual([oldKid, newKid]);
    expect(await signingKid(h)).toBe(oldKid);
    expect(Math.round((Date.parse(generated.new?.expiresAt ?? '') - Date.now()) / 3.15576e10)).toBe(2);

    expect((await rotation.advance(id, { stage: 'register', via: 'copied' })).stage).toBe('switch');
    const switched = await rotation.advance(id, { stage: 'switch' });
    expect(switched.stage).toBe('test');
    expect(await signingKid(h)).toBe(newKid);
    const metadata = await api(h.org, 'GET', `/api/v1/apps/${h.appId}/sso/saml/metadata`, {
      headers: { accept: 'text/xml' },
    });
    expect(metadata.text).toContain(generated.new?.pem.split('\n').slice(1, 2)[0] ?? 'no pem');

    const tested = await rotation.advance(id, { stage: 'test', via: 'password', password: SANDBOX_PASSWORD });
    expect(tested.test?.checks.filter((c) => c.status === 'fail')).toEqual([]);
    expect([tested.test?.valid, tested.test?.signingKid, tested.test?.vendorKid, tested.stage]).toEqual([
      true,
      newKid,
      newKid,
      'confirm',
    ]);
    expect(tested.test?.checks.find((c) => c.name === 'signature')?.status).toBe('pass');
    // Not confirmed yet: the old key is still the app's, and switching back is possible.
    expect(await keyIds(h)).toContain(oldKid);

    const done = await rotation.advance(id, { stage: 'confirm' });
    expect(done.stage).toBe('done');
    expect(done.confirmedAt).toBeDefined();
    const file = await readCertFile(h.dataDir, id);
    expect(file.rotation).toBeUndefined();
    expect(file.lastRotation?.id).toBe(done.id);
    expect(file.health?.certificate?.kid).toBe(newKid);
    expect((await h.current()).facts.certificatePem).toBe(done.new?.pem);

    const writes = (await h.audit.read(h.client.id)).filter((e) => e.stepId === 'cert-rotation');
    expect(writes.map((e) => [e.operation, e.outcome])).toEqual([
      ['cert.rotation.start', 'success'],
      ['app.key.generate', 'intent'],
      ['app.key.generate', 'success'],
      ['cert.rotation.registered', 'success'],
      ['app.signing-key.switch', 'intent'],
      ['app.signing-key.switch', 'success'],
      ['cert.rotation.test-login', 'success'],
      ['cert.rotation.confirm', 'success'],
    ]);
    expect(writes.find((e) => e.operation === 'cert.rotation.registered')?.detail).toMatch(
      /^Reported by the admin, not checked/,
    );
    expect(currentAuditScope()).toBeUndefined();
  });

  it('fails the test login when no registration was reported (the vendor still holds the old certificate), and switches back', async () => {
    const { h, rotation } = await practiceRotation();
    const id = h.integration.id;
    const oldKid = await signingKid(h);
    await rotation.start(id, 2);
    await rotation.advance(id, { stage: 'generate' });
    // The admin skips registering and goes straight to the switch (the stage is forced in the record).
    const { updateCertFile } = await import('../../../src-main/certs/store');
    await updateCertFile(h.dataDir, id, (file) => {
      if (file.rotation) file.rotation.stage = 'switch';
    });
    await rotation.advance(id, { stage: 'switch' });
    const tested = await rotation.advance(id, { stage: 'test', via: 'password', password: SANDBOX_PASSWORD });
    expect([tested.test?.valid, tested.test?.vendorKid, tested.stage]).toEqual([false, oldKid, 'test']);
    expect(tested.test?.checks.find((c) => c.name === 'signature')?.status).toBe('fail');
    await expect(rotation.advance(id, { stage: 'confirm' })).rejects.toMatchObject({ code: 'ROTATION_STAGE' });
    await expect(rotation.advance(id, { stage: 'cancel' })).rejects.toMatchObject({ code: 'ROTATION_SWITCHED' });

    const back = await rotation.advance(id, { stage: 'switch-back' });
    expect([back.stage, await signingKid(h)]).toEqual(['switch', oldKid]);
    const cancelled = await rotation.advance(id, { stage: 'cancel' });
    expect(cancelled.cancelledAt).toBeDefined();
    expect((await readCertFile(h.dataDir, id)).rotation).toBeUndefined();
  });

  it.each(['before-write', 'after-write'] as const)(
    'resumes a generate killed %s without making a second key',
    async (point) => {
      const { h } = await practiceRotation();
      const id = h.integration.id;
      const killing = rotationFor(h, (at, op) => {
        if (at === point && op === 'generate') throw new Killed(`killed ${point}`);
      });
      await killing.start(id, 3);
      const before = await keyIds(h);
      await expect(killing.advance(id, { stage: 'generate' })).rejects.toBeInstanceOf(Killed);
      const saved = (await readCertFile(h.dataDir, id)).rotation;
      expect([saved?.stage, saved?.pending?.op]).toEqual(['generate', 'generate']);

      // A new process: a fresh object reading only what is on disk.
      const resumed = await rotationFor(h).advance(id, { stage: 'generate' });
      const after = await keyIds(h);
      expect(after).toHaveLength(before.length + 1);
      expect(resumed.new?.kid).toBe(after[after.length - 1]);
      expect([resumed.stage, resumed.pending]).toEqual(['register', undefined]);
      expect(resumed.events.at(-1)?.what).toMatch(
        point === 'after-write' ? /^Found key .*no second key was made\.$/ : /^Generated key /,
      );
    },
  );

  it('resumes a switch killed after the write, reading the kid back', async () => {
    const { h } = await practiceRotation();
    const id = h.integration.id;
    const killing = rotationFor(h, (at, op) => {
      if (at === 'after-write' && op === 'switch') throw new Killed('killed after switch');
    });
    await killing.start(id, 2);
    const generated = await killing.advance(id, { stage: 'generate' });
    await killing.advance(id, { stage: 'register', via: 'email' });
    await expect(killing.advance(id, { stage: 'switch' })).rejects.toBeInstanceOf(Killed);
    expect(await signingKid(h)).toBe(generated.new?.kid);
    expect((await readCertFile(h.dataDir, id)).rotation?.pending).toMatchObject({ op: 'switch' });
    const resumed = await rotationFor(h).advance(id, { stage: 'switch' });
    expect([resumed.stage, resumed.pending, await signingKid(h)]).toEqual(['test', undefined, generated.new?.kid]);
  });

  it('refuses a validity outside 2 to 10 years and a second rotation at once', async () => {
    const { h, rotation } = await practiceRotation();
    await expect(rotation.start(h.integration.id, 11)).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      field: 'validityYears',
    });
    await rotation.start(h.integration.id, 10);
    await expect(rotation.start(h.integration.id, 10)).rejects.toMatchObject({ code: 'ROTATION_IN_PROGRESS' });
  });
});
