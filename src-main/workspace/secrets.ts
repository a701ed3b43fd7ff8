import { chmod, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../errors';
import { removeLeftoverTempFiles, writeFileAtomic } from './atomic-file';
import { withFileLock } from './file-lock';

/**
 * Where credentials live. In Electron it is backed by safeStorage (the OS keychain); in browser
 * mode and the CLI by a file only the user can read. Keys are `<clientId>/<name>`.
 */
export interface SecretStore {
  /** Human-readable description of where secrets are kept, shown to the admin. */
  readonly kind: 'os-keychain' | 'user-file';
  get(clientId: string, name: string): Promise<string | undefined>;
  set(clientId: string, name: string, value: string): Promise<void>;
  delete(clientId: string, name?: string): Promise<void>;
}

/** Encrypts and decrypts a string; Electron's safeStorage fits this shape. */
export interface SecretCipher {
  encrypt(plain: string): Buffer;
  decrypt(cipher: Buffer): string;
}

type SecretMap = Record<string, Record<string, string>>;

/**
 * Secrets in one JSON file under the data folder, mode 0600. With a cipher (Electron safeStorage)
 * each value is stored encrypted; without one the file is plain text protected only by its mode,
 * which the UI and CLI say plainly.
 */
export class FileSecretStore implements SecretStore {
  readonly kind: 'os-keychain' | 'user-file';
  readonly path: string;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    dataDir: string,
    private readonly cipher?: SecretCipher,
  ) {
    this.path = join(dataDir, cipher ? 'secrets.enc.json' : 'secrets.json');
    this.kind = cipher ? 'os-keychain' : 'user-file';
  }

  /** Warning to show when secrets are not protected by the OS keychain. */
  get warning(): string | undefined {
    return this.cipher
      ? undefined
      : `Secrets are stored unencrypted in ${this.path}, readable only by your user account (mode 0600). Use the desktop app to keep them in the OS keychain.`;
  }

  async get(clientId: string, name: string): Promise<string | undefined> {
    const all = await this.readAll();
    const stored = all[clientId]?.[name];
    if (stored === undefined) return undefined;
    return this.cipher ? this.cipher.decrypt(Buffer.from(stored, 'base64')) : stored;
  }

  async set(clientId: string, name: string, value: string): Promise<void> {
    await this.update((all) => {
      const stored = this.cipher ? this.cipher.encrypt(value).toString('base64') : value;
      all[clientId] = { ...(all[clientId] ?? {}), [name]: stored };
    });
  }

  async delete(clientId: string, name?: string): Promise<void> {
    await this.update((all) => {
      if (name === undefined) {
        delete all[clientId];
      } else if (all[clientId]) {
        delete all[clientId][name];
      }
    });
  }

  /** Every stored secret, decrypted; for moving them from the plaintext file into the keychain. */
  async entries(): Promise<{ clientId: string; name: string; value: string }[]> {
    const all = await this.readAll();
    return Object.entries(all).flatMap(([clientId, names]) =>
      Object.entries(names).map(([name, stored]) => ({
        clientId,
        name,
        value: this.cipher ? this.cipher.decrypt(Buffer.from(stored, 'base64')) : stored,
      })),
    );
  }

  /** Deletes the file, after the queue's pending writes. */
  removeFile(): Promise<void> {
    const next = this.queue.then(() => rm(this.path, { force: true }));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private update(change: (all: SecretMap) => void): Promise<void> {
    // The CLI and the app both write this file: take the cross-process lock and re-read inside it.
    const next = this.queue.then(() =>
      withFileLock(`${this.path}.lock`, 'secrets file', async (assertHeld) => {
        await removeLeftoverTempFiles(this.path);
        const all = await this.readAll();
        change(all);
        assertHeld();
        await writeFileAtomic(this.path, JSON.stringify(all), 0o600);
        await chmod(this.path, 0o600);
      }),
    );
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async readAll(): Promise<SecretMap> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
      throw error;
    }
    const mode = (await stat(this.path)).mode & 0o777;
    if (process.platform !== 'win32' && (mode & 0o077) !== 0) {
      throw new AppError(
        'SECRETS_FILE_OPEN',
        `The secrets file ${this.path} can be read by other users (mode ${mode.toString(8)}).`,
        `Run: chmod 600 "${this.path}"`,
      );
    }
    try {
      return JSON.parse(text) as SecretMap;
    } catch {
      throw new AppError(
        'SECRETS_FILE_CORRUPT',
        `The secrets file ${this.path} is not valid JSON.`,
        'Move it aside and sign in to each client again; nothing else in the workspace is affected.',
      );
    }
  }
}
