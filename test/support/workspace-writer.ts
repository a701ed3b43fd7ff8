/**
 * A second writer for the two-process workspace test, bundled by `buildWorkspaceWriter` and run as
 * its own Node process. `add <dataDir> <prefix> <count>` adds clients one after another and prints
 * each name once its write is acknowledged; `hold <dataDir>` takes the workspace lock, prints
 * "held" and never lets go, so the test can kill it -9 while it holds the lock.
 */
import { withFileLock } from '../../src-main/workspace/file-lock';
import { Workspace } from '../../src-main/workspace/workspace';
import { workspacePath } from '../../src-main/workspace/workspace-file';

async function main(): Promise<void> {
  const [mode, dataDir, prefix, count] = process.argv.slice(2);
  if (!dataDir) throw new Error('usage: add <dataDir> <prefix> <count> | hold <dataDir>');
  if (mode === 'hold') {
    await withFileLock(`${workspacePath(dataDir)}.lock`, 'workspace', async () => {
      process.stdout.write('held\n');
      // proper-lockfile's refresh timer is unref'd, so without a handle of its own this process
      // would exit by itself (releasing the lock on the way out) instead of being killed holding it.
      setInterval(() => undefined, 60_000);
      await new Promise<never>(() => undefined);
    });
    return;
  }
  const workspace = await Workspace.open(dataDir);
  for (let n = 0; n < Number(count); n += 1) {
    const name = `${prefix}-${n}`;
    await workspace.addClient({ name, orgUrl: `https://${prefix}-${n}.okta.com`, sandbox: false });
    process.stdout.write(`${name}\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
