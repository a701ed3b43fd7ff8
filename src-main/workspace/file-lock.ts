import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { lock } from 'proper-lockfile';
import { AppError } from '../errors';

/** A lock older than this (its holder stopped refreshing it: killed, or the machine slept) is taken over. */
const staleAfterMs = 10_000;

/**
 * Runs `work` while holding a lock shared by every process on this machine (the desktop app, the
 * CLI, browser mode) on `lockPath`. proper-lockfile makes the lock a directory created with mkdir,
 * which is atomic on every file system, and refreshes its mtime while held; a lock whose holder was
 * killed goes stale and is taken over after `staleAfterMs`. Waiting is bounded so a wedged holder
 * becomes a message instead of a hang.
 */
export async function withFileLock<T>(
  lockPath: string,
  what: string,
  work: (assertHeld: () => void) => Promise<T>,
): Promise<T> {
  await mkdir(dirname(lockPath), { recursive: true });
  let compromised: Error | undefined;
  let release: () => Promise<void>;
  try {
    release = await lock(lockPath, {
      realpath: false,
      lockfilePath: lockPath,
      stale: staleAfterMs,
      // Waits start at 5 ms and reach 100 ms within ~25 tries, so 300 tries wait about 30 s in all:
      // three times what a stale lock takes to be recovered.
      retries: { retries: 300, factor: 1.15, minTimeout: 5, maxTimeout: 100, randomize: true },
      onCompromised: (error) => {
        compromised = error;
      },
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOCKED') {
      throw new AppError(
        'WORKSPACE_BUSY',
        `Another Okta Onboarding Wizard process has held the lock on the ${what} for over 30 seconds (${lockPath}).`,
        'Wait for the other window or command to finish and try again. If none is running, the lock is released by itself within a few seconds.',
      );
    }
    throw error;
  }
  // Called just before the write: a lock lost meanwhile (this process stalled past `staleAfterMs`)
  // means another process may have written, so nothing is written over it.
  const assertHeld = (): void => {
    if (compromised) {
      throw new AppError(
        'WORKSPACE_LOCK_LOST',
        `The lock on the ${what} was lost before saving (${compromised.message}); nothing was saved.`,
        'Try the change again.',
      );
    }
  };
  try {
    return await work(assertHeld);
  } finally {
    await release().catch(() => undefined);
  }
}
