import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test as base, type Page } from '@playwright/test';

export interface BrowserMode {
  url: string;
  origin: string;
  dataDir: string;
  /** The sandbox org the app uses as its practice org (started in its own process). */
  sandbox: {
    url: string;
    apiToken: string;
    adminLogin: string;
    writeCount(): Promise<number>;
    /** Stops the practice org's process, as if it had crashed: the app's calls to it then fail. */
    stop(): Promise<void>;
  };
  /** Saves a full-page screenshot (the window when a dialog is open) under test-results/screenshots/<name>.png. */
  screenshot(page: Page, name: string): Promise<void>;
  /** Quits the app's process and starts it again on the same data folder; `url` and `origin` then name the new one. */
  restart(): Promise<void>;
}

const root = resolve(import.meta.dirname, '..', '..');

const cli = join(root, 'out', 'cli', 'okta-onboard.js');

/** Reads stdout until it holds one whole JSON document (the CLI pretty-prints it). */
async function readJson<T>(child: ChildProcess, what: string): Promise<T> {
  const stderr: string[] = [];
  child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
  let text = '';
  return new Promise<T>((resolveJson, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      try {
        resolveJson(JSON.parse(text) as T);
      } catch {
        // Not complete yet.
      }
    });
    child.once('exit', (code) => reject(new Error(`${what} exited (${code}): ${stderr.join('')}`)));
  });
}

/** `okta-onboard sandbox` in its own process: the practice org, countable from the test. */
async function startSandboxProcess(args: string[]): Promise<{
  child: ChildProcess;
  url: string;
  apiToken: string;
  adminLogin: string;
}> {
  const child = spawn(process.execPath, [cli, 'sandbox', '--json', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const info = await readJson<{ url: string; apiToken: string; adminLogin: string }>(child, 'okta-onboard sandbox');
  return { child, ...info };
}

/** Starts `okta-onboard browser` on a fresh data folder, as a user would, and stops it after. */
async function startBrowserMode(
  dataDir: string,
  practice: { url: string; tokenFile: string },
): Promise<{ child: ChildProcess; url: string; origin: string }> {
  const child = spawn(
    process.execPath,
    [
      cli,
      'browser',
      '--data-dir',
      dataDir,
      '--json',
      '--practice-org',
      practice.url,
      '--practice-org-token-file',
      practice.tokenFile,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const { url, origin } = await readJson<{ url: string; origin: string }>(child, 'browser mode');
  return { child, url, origin };
}

export const test = base.extend<{ browserMode: BrowserMode; sandboxArgs: string[] }>({
  /** Extra `okta-onboard sandbox` options, e.g. `['--plan', 'enterprise']` for Okta's real per-endpoint limits. */
  sandboxArgs: [[], { option: true }],
  browserMode: async ({ sandboxArgs }, use, testInfo) => {
    const dataDir = await mkdtemp(join(tmpdir(), 'okta-onboard-e2e-'));
    const sandbox = await startSandboxProcess(sandboxArgs);
    const tokenFile = join(dataDir, 'practice-token');
    await writeFile(tokenFile, sandbox.apiToken, { mode: 0o600 });
    let app = await startBrowserMode(join(dataDir, 'data'), { url: sandbox.url, tokenFile });
    const exited = (c: ChildProcess) =>
      c.exitCode !== null || c.signalCode !== null ? Promise.resolve() : new Promise((r) => c.once('exit', r));
    const shots = join(root, 'test-results', 'screenshots');
    await mkdir(shots, { recursive: true });
    try {
      const mode: BrowserMode = {
        url: app.url,
        origin: app.origin,
        dataDir: join(dataDir, 'data'),
        sandbox: {
          stop: async () => {
            if (sandbox.child.exitCode !== null || sandbox.child.signalCode !== null) return;
            const exited = new Promise((r) => sandbox.child.once('exit', r));
            sandbox.child.kill('SIGTERM');
            await exited;
          },
          url: sandbox.url,
          apiToken: sandbox.apiToken,
          adminLogin: sandbox.adminLogin,
          writeCount: async () => {
            const response = await fetch(`${sandbox.url}/sandbox/v1/stats`, {
              headers: { Authorization: `SSWS ${sandbox.apiToken}`, Accept: 'application/json' },
            });
            return ((await response.json()) as { writeCount: number }).writeCount;
          },
        },
        screenshot: async (page, name) => {
          // A modal dialog is drawn over the window only: a full-page shot would show it over an
          // undimmed page running on below it, so with a dialog open the shot is the window.
          const dialogOpen = (await page.locator('dialog[open]').count()) > 0;
          await page.screenshot({ path: join(shots, `${name}.png`), fullPage: !dialogOpen });
          await testInfo.attach(name, { path: join(shots, `${name}.png`), contentType: 'image/png' });
        },
        restart: async () => {
          const stopped = exited(app.child);
          app.child.kill('SIGTERM');
          await stopped;
          app = await startBrowserMode(join(dataDir, 'data'), { url: sandbox.url, tokenFile });
          mode.url = app.url;
          mode.origin = app.origin;
        },
      };
      await use(mode);
    } finally {
      app.child.kill('SIGTERM');
      sandbox.child.kill('SIGTERM');
      await Promise.all([exited(app.child), exited(sandbox.child)]);
      await rm(dataDir, { recursive: true, force: true });
    }
  },
});

export { expect } from '@playwright/test';
