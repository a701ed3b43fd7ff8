import type { SafeStorage } from 'electron';
import type { SecretCipher } from '../workspace/secrets';

type SafeStorageLike = Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'> & {
  getSelectedStorageBackend?: () => string;
};

/**
 * safeStorage as a SecretCipher, or undefined where the OS offers no real keychain; then secrets
 * go to a 0600 file and the UI says so. On Linux without a secret service Electron falls back to
 * a hard-coded key ("basic_text"), which is obfuscation, not protection, so it does not count.
 */
export function safeStorageCipher(
  safeStorage: SafeStorageLike,
  platform: NodeJS.Platform = process.platform,
): SecretCipher | undefined {
  if (!safeStorage.isEncryptionAvailable()) return undefined;
  if (platform === 'linux' && safeStorage.getSelectedStorageBackend?.() === 'basic_text') return undefined;
  return {
    encrypt: (plain) => safeStorage.encryptString(plain),
    decrypt: (cipher) => safeStorage.decryptString(cipher),
  };
}
