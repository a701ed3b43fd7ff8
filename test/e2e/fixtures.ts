import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { test as base, type Page } from '@playwright/test';

export interface BrowserMode {
  url: string;
  origin: string;
  dataDir: string;
  /** Saves a full-page screenshot under test-results/screenshots/<name>.png. */
  screenshot(page: Page, name: string): Promise<void>;
}

const root = resolve(import.meta.dirname, '..', '..');

/** Starts `okta-onboard browser` on a fresh data folder, as a user would, and stops it after. */
async function startBrowserMode(dataDir: string): Promise<{ child: ChildProcess; url: string; origin: string }> {
  const child = spawn(process.execPath, [join(root, 'out', 'cli', 'okta-onboard.js'), 'browser', '--data-dir', dataDir, '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const stderr: string[] = [];
  child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
  const lines = createInterface({ input: child.stdout! });
  const first = await new Promise<string>((resolveLine, reject) => {
    lines.once('line', resolveLine);
    child.once('exit', (code) => reject(new Error(`browser mode exited (${code}): ${stderr.join('')}`)));
  });
  const { url, origin } = JSON.parse(first) as { url: string; origin: string };
  return { child, url, origin };
}

export const test = base.extend<{ browserMode: BrowserMode }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the fixtures argument to be destructured.
  browserMode: async ({}, use, testInfo) => {
    const dataDir = await mkdtemp(join(tmpdir(), 'okta-onboard-e2e-'));
    const { child, url, origin } = await startBrowserMode(dataDir);
    const shots = join(root, 'test-results', 'screenshots');
    await mkdir(shots, { recursive: true });
    try {
      await use({
        url,
        origin,
        dataDir,
        screenshot: async (page, name) => {
          await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
          await testInfo.attach(name, { path: join(shots, `${name}.png`), contentType: 'image/png' });
        },
      });
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      await rm(dataDir, { recursive: true, force: true });
    }
  },
});

export { expect } from '@playwright/test';
