import { access } from 'node:fs/promises';
import { AppError } from '../errors';
import { FileSecretStore, type SecretCipher } from './secrets';

/**
 * Browser mode and the CLI keep secrets in a plaintext file (mode 0600) because they have no
 * keychain. When the desktop app starts with one, it moves them into it: each value is written
 * to the keychain store and read back before the plaintext file is deleted. Anything still in the
 * plaintext file was written after the last move, so it is the newer value and wins.
 * Answers what the admin should be told, or undefined when there was nothing to move.
 */
export async function moveSecretsIntoKeychain(dataDir: string, cipher: SecretCipher): Promise<string | undefined> {
  const plain = new FileSecretStore(dataDir);
  try {
    await access(plain.path);
  } catch {
    return undefined;
  }
  const keychain = new FileSecretStore(dataDir, cipher);
  try {
    const entries = await plain.entries();
    for (const { clientId, name, value } of entries) await keychain.set(clientId, name, value);
    for (const { clientId, name, value } of entries) {
      if ((await keychain.get(clientId, name)) !== value)
        throw new AppError(
          'SECRETS_MOVE_UNCONFIRMED',
          `The keychain did not give back the ${name} of one client after it was stored.`,
          'The plaintext file was kept; restart the app to try again.',
        );
    }
    await plain.removeFile();
    const clients = new Set(entries.map((e) => e.clientId)).size;
    return entries.length === 0
      ? `An empty plaintext secrets file (${plain.path}) was deleted; secrets are kept in the OS keychain.`
      : `${entries.length} secret${entries.length === 1 ? '' : 's'} of ${clients} client${clients === 1 ? '' : 's'} ` +
          `were moved from the plaintext file ${plain.path} into the OS keychain, and the file was deleted. ` +
          'Browser mode and the command line cannot read the keychain: sign in there again if you use them.';
  } catch (error) {
    const why = error instanceof AppError ? `${error.message} ${error.hint}` : String(error);
    return `Secrets in the plaintext file ${plain.path} could not be moved into the OS keychain: ${why}`;
  }
}
