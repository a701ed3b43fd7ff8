import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withTempDir } from '../../support/temp-dir';

const script = resolve('scripts/ensure-electron.mjs');
const electronInstalled = existsSync(resolve('node_modules/electron/dist/version'));

function expectClearFailure(result: { status: number | null; stderr: string }, downloaderSaid: string): void {
  expect(result.status).toBe(1);
  expect(result.stderr).toContain(
    "Could not download Electron, the desktop app's shell: a one-time download of Electron ",
  );
  expect(result.stderr).toContain(`The downloader said: ${downloaderSaid}`);
  expect(result.stderr).toContain(
    'run the same wizard in your browser instead (nothing to download):\n  npm run start:browser\n',
  );
  // One line from the downloader, never its stack trace.
  expect(result.stderr).not.toMatch(/^\s+at /m);
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

describe('scripts/ensure-electron.mjs (prestart): a failed Electron download says what failed and what to do', () => {
  it('passes a working installer through with exit 0 and says nothing', async () => {
    await withTempDir(async (dir) => {
      const installer = join(dir, 'ok.mjs');
      await writeFile(installer, 'process.exit(0);\n');
      const result = spawnSync(process.execPath, [script, installer], { encoding: 'utf8' });
      expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 0, stderr: '' });
    });
  });

  it('turns the installer\'s "fetch failed" and stack into what failed and how to run browser mode', async () => {
    await withTempDir(async (dir) => {
      const installer = join(dir, 'offline.mjs');
      await writeFile(
        installer,
        "process.stderr.write('TypeError: fetch failed\\n    at node:internal/deps/undici/undici:13510:13\\n'); process.exit(1);\n",
      );
      expectClearFailure(
        spawnSync(process.execPath, [script, installer], { encoding: 'utf8' }),
        'TypeError: fetch failed',
      );
    });
  });

  it.skipIf(electronInstalled)(
    "with electron's real installer and nothing answering at the mirror (skipped where Electron is already installed: the installer then exits 0 before downloading)",
    async () => {
      await withTempDir(async (dir) => {
        const result = spawnSync(process.execPath, [script], {
          encoding: 'utf8',
          env: {
            ...process.env,
            ELECTRON_MIRROR: `http://127.0.0.1:${await closedPort()}/`,
            electron_config_cache: dir,
          },
          timeout: 60_000,
        });
        expectClearFailure(result, '');
      });
    },
  );
});
