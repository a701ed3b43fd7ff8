import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { median, underGoal, type BenchSuite, type Figure } from './harness';

const root = resolve(import.meta.dirname, '..', '..');
const cli = join(root, 'out', 'cli', 'okta-onboard.js');

function cliHelpMs(): number {
  const times: number[] = [];
  for (let i = 0; i < 9; i += 1) {
    const start = performance.now();
    const result = spawnSync(process.execPath, [cli, '--help'], { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(result.stderr);
    times.push(performance.now() - start);
  }
  return median(times.slice(1));
}

function initialRendererKb(): number {
  const html = readFileSync(join(root, 'out', 'renderer', 'index.html'), 'utf8');
  const files = [...html.matchAll(/src="\.\/assets\/([^"]+\.js)"/g)].map((m) => m[1]!);
  return (
    files.reduce((sum, f) => sum + gzipSync(readFileSync(join(root, 'out', 'renderer', 'assets', f))).length, 0) / 1024
  );
}

async function firstPaints(): Promise<{ cold: number; warm: number }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'okta-bench-'));
  const child = spawn(process.execPath, [cli, 'browser', '--data-dir', dataDir, '--json'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = await new Promise<string>((r) => createInterface({ input: child.stdout! }).once('line', r));
  const { url } = JSON.parse(line) as { url: string };
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  const fcp = () =>
    new Promise<number>((r) => {
      new PerformanceObserver((list) => {
        const entry = list.getEntriesByName('first-contentful-paint')[0];
        if (entry) r(entry.startTime);
      }).observe({ type: 'paint', buffered: true });
    });
  const cold: number[] = [];
  const warm: number[] = [];
  try {
    for (let i = 0; i < 5; i += 1) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(url);
      cold.push(await page.evaluate(fcp));
      await page.reload();
      warm.push(await page.evaluate(fcp));
      await context.close();
    }
  } finally {
    await browser.close();
    child.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  }
  return { cold: median(cold), warm: median(warm) };
}

const suite: BenchSuite = {
  name: 'Foundation: renderer and CLI start-up',
  async run(): Promise<Figure[]> {
    const paints = await firstPaints();
    return [
      underGoal('renderer first paint, cold (Chromium, browser mode)', paints.cold, 'ms', 1000),
      underGoal('renderer first paint, warm', paints.warm, 'ms', 500),
      underGoal('renderer initial JavaScript, gzipped', initialRendererKb(), 'KB', 250),
      underGoal('okta-onboard --help', cliHelpMs(), 'ms', 300),
    ];
  },
};
export default suite;
