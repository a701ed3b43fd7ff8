import { chmod, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileSecretStore } from '../../../src-main/workspace/secrets';
import { withTempDir } from '../../support/temp-dir';

describe('file secret store', () => {
  it('keeps secrets per client in a file only the user can read, with a plain warning', async () => {
    await withTempDir(async (dir) => {
      const store = new FileSecretStore(dir);
      await store.set('cli_a', 'api-token', '00abcSECRET');
      await store.set('cli_b', 'api-token', '00other');
      expect(await store.get('cli_a', 'api-token')).toBe('00abcSECRET');
      expect((await stat(join(dir, 'secrets.json'))).mode & 0o777).toBe(0o600);
      expect(store.kind).toBe('user-file');
      expect(store.warning).toMatch(/unencrypted .*mode 0600/);
      await store.delete('cli_a');
      expect(await store.get('cli_a', 'api-token')).toBeUndefined();
      expect(await store.get('cli_b', 'api-token')).toBe('00other');
    });
  });

  it('stores only ciphertext when given a cipher (the OS keychain in Electron)', async () => {
    await withTempDir(async (dir) => {
      const cipher = {
        encrypt: (s: string) => Buffer.from([...s].reverse().join('')),
        decrypt: (b: Buffer) => [...b.toString()].reverse().join(''),
      };
      const store = new FileSecretStore(dir, cipher);
      await store.set('cli_a', 'api-token', 'PLANTED-TOKEN-123');
      expect(await store.get('cli_a', 'api-token')).toBe('PLANTED-TOKEN-123');
      expect(await readFile(join(dir, 'secrets.enc.json'), 'utf8')).not.toContain('PLANTED-TOKEN-123');
      expect(store.kind).toBe('os-keychain');
      expect(store.warning).toBeUndefined();
    });
  });

  it('refuses a secrets file other users can read', async () => {
    await withTempDir(async (dir) => {
      const store = new FileSecretStore(dir);
      await store.set('cli_a', 'api-token', 'x');
      await chmod(join(dir, 'secrets.json'), 0o644);
      await expect(store.get('cli_a', 'api-token')).rejects.toMatchObject({
        code: 'SECRETS_FILE_OPEN',
        hint: `Run: chmod 600 "${join(dir, 'secrets.json')}"`,
      });
    });
  });
});
