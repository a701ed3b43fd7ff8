import { access, chmod, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { safeStorageCipher } from '../../../src-main/app/secret-cipher';
import { createServices } from '../../../src-main/services/bootstrap';
import { attachPracticeOrg } from '../../../src-main/services/practice-org';
import { FileSecretStore } from '../../../src-main/workspace/secrets';
import { moveSecretsIntoKeychain } from '../../../src-main/workspace/secrets-to-keychain';
import { withTempDir } from '../../support/temp-dir';

/** Electron's safeStorage as the app gets it: a keychain-backed cipher (here a reversible stand-in that is not plain text). */
function fakeSafeStorage(options: { available?: boolean; corruptReads?: boolean } = {}) {
  return {
    isEncryptionAvailable: () => options.available ?? true,
    getSelectedStorageBackend: () => 'gnome_libsecret',
    encryptString: (plain: string) => Buffer.from(`enc:${Buffer.from(plain).toString('hex')}`),
    decryptString: (cipher: Buffer) =>
      options.corruptReads ? 'garbled' : Buffer.from(cipher.toString().slice(4), 'hex').toString(),
  };
}

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

async function plantPlaintext(dir: string): Promise<void> {
  const plain = new FileSecretStore(dir);
  await plain.set('cli_a', 'api-token', '00PLAINTEXT-TOKEN-A');
  await plain.set('cli_a', 'scim-token:int_1', 'SCIM-PLAINTEXT-1');
  await plain.set('cli_b', 'api-token', '00PLAINTEXT-TOKEN-B');
}

describe('moving a plaintext secrets file into the keychain (Electron safeStorage injected)', () => {
  it('moves every secret, reads each back, deletes the plaintext file and says so', async () => {
    await withTempDir(async (dir) => {
      await plantPlaintext(dir);
      const cipher = safeStorageCipher(fakeSafeStorage(), 'linux')!;
      const notice = await moveSecretsIntoKeychain(dir, cipher);
      expect(notice).toBe(
        `3 secrets of 2 clients were moved from the plaintext file ${join(dir, 'secrets.json')} into the OS keychain, and the file was deleted. Browser mode and the command line cannot read the keychain: sign in there again if you use them.`,
      );
      expect(await exists(join(dir, 'secrets.json'))).toBe(false);
      const keychain = new FileSecretStore(dir, cipher);
      expect(await keychain.entries()).toEqual([
        { clientId: 'cli_a', name: 'api-token', value: '00PLAINTEXT-TOKEN-A' },
        { clientId: 'cli_a', name: 'scim-token:int_1', value: 'SCIM-PLAINTEXT-1' },
        { clientId: 'cli_b', name: 'api-token', value: '00PLAINTEXT-TOKEN-B' },
      ]);
      expect(await readFile(join(dir, 'secrets.enc.json'), 'utf8')).not.toContain('PLAINTEXT');
      // A second start has nothing to move and says nothing.
      expect(await moveSecretsIntoKeychain(dir, cipher)).toBeUndefined();
    });
  });

  it('lets a value written to the plaintext file since the last move replace the keychain one', async () => {
    await withTempDir(async (dir) => {
      const cipher = safeStorageCipher(fakeSafeStorage(), 'darwin')!;
      await new FileSecretStore(dir, cipher).set('cli_a', 'api-token', '00OLD');
      await new FileSecretStore(dir).set('cli_a', 'api-token', '00NEWER');
      await moveSecretsIntoKeychain(dir, cipher);
      expect(await new FileSecretStore(dir, cipher).get('cli_a', 'api-token')).toBe('00NEWER');
    });
  });

  it('keeps the plaintext file and says why when the keychain does not give the values back', async () => {
    await withTempDir(async (dir) => {
      await plantPlaintext(dir);
      const cipher = safeStorageCipher(fakeSafeStorage({ corruptReads: true }), 'darwin')!;
      const notice = await moveSecretsIntoKeychain(dir, cipher);
      expect(notice).toMatch(/could not be moved into the OS keychain: The keychain did not give back the api-token/);
      expect(await exists(join(dir, 'secrets.json'))).toBe(true);
    });
  });

  it('keeps a plaintext file other users can read untouched and says how to fix it', async () => {
    await withTempDir(async (dir) => {
      await plantPlaintext(dir);
      await chmod(join(dir, 'secrets.json'), 0o644);
      const notice = await moveSecretsIntoKeychain(dir, safeStorageCipher(fakeSafeStorage(), 'darwin')!);
      expect(notice).toContain(`Run: chmod 600 "${join(dir, 'secrets.json')}"`);
      expect(await exists(join(dir, 'secrets.json'))).toBe(true);
    });
  });

  it('on app start with a keychain, moves the file and tells the admin through workspace.info', async () => {
    await withTempDir(async (dir) => {
      await plantPlaintext(dir);
      const cipher = safeStorageCipher(fakeSafeStorage(), 'win32')!;
      const services = await createServices({
        mode: 'electron',
        dataDir: dir,
        cipher,
        practiceOrg: attachPracticeOrg('http://127.0.0.1:9', 'unused'),
      });
      const info = await services.handlers.workspace.info({});
      expect(info).toMatchObject({
        secretStorage: 'os-keychain',
        secretsMoved: expect.stringMatching(/^3 secrets of 2 clients were moved/),
      });
      expect(await exists(join(dir, 'secrets.json'))).toBe(false);
    });
  });

  it('without a keychain (no encryption, or Linux basic_text) nothing moves', async () => {
    expect(safeStorageCipher(fakeSafeStorage({ available: false }), 'darwin')).toBeUndefined();
    await withTempDir(async (dir) => {
      await plantPlaintext(dir);
      const services = await createServices({
        mode: 'electron',
        dataDir: dir,
        practiceOrg: attachPracticeOrg('http://127.0.0.1:9', 'unused'),
      });
      expect((await services.handlers.workspace.info({})).secretsMoved).toBeUndefined();
      expect(await exists(join(dir, 'secrets.json'))).toBe(true);
    });
  });
});
