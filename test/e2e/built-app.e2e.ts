import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';

const root = resolve(import.meta.dirname, '..', '..');
const out = join(root, 'out');

test.describe('the build', () => {
  test('produces the main, preload, renderer and CLI outputs, each main with its export-reader thread', () => {
    const files = ['main/index.js', 'preload/index.cjs', 'renderer/index.html', 'cli/okta-onboard.js'];
    for (const file of [...files, 'main/migrate-worker.js', 'cli/migrate-worker.js']) {
      expect(existsSync(join(out, file)), file).toBe(true);
    }
  });

  test('the renderer bundle contains no Node built-ins and its initial JavaScript is under 250 KB gzipped', () => {
    const assets = join(out, 'renderer', 'assets');
    const scripts = readdirSync(assets).filter((f) => f.endsWith('.js'));
    const builtins = builtinModules.filter((m) => !m.startsWith('_'));
    for (const file of scripts) {
      const code = readFileSync(join(assets, file), 'utf8');
      expect(code, file).not.toMatch(/\brequire\(/);
      for (const name of builtins) {
        expect(
          code.includes(`from"node:${name}"`) ||
            code.includes(`from"${name}"`) ||
            code.includes(`import("node:${name}")`),
          `${file} imports ${name}`,
        ).toBe(false);
      }
    }
    const html = readFileSync(join(out, 'renderer', 'index.html'), 'utf8');
    const initial = [...html.matchAll(/src="\.\/assets\/([^"]+\.js)"/g)].map((m) => m[1]!);
    const gzipped = initial.reduce((sum, f) => sum + gzipSync(readFileSync(join(assets, f))).length, 0);
    expect(gzipped).toBeLessThan(250 * 1024);
  });

  test('the sandboxed preload requires nothing but electron', () => {
    const preload = readFileSync(join(out, 'preload', 'index.cjs'), 'utf8');
    expect([...preload.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1])).toEqual(['electron']);
  });
});

test('the built Electron main starts: sandbox on, one ipcMain handler per channel, a locked-down window on the built renderer', () => {
  const userData = mkdtempSync(join(tmpdir(), 'okta-onboard-main-'));
  try {
    const result = spawnSync(
      process.execPath,
      ['--import', join(root, 'test', 'support', 'electron-stand-in-loader.mjs'), join(out, 'main', 'index.js')],
      {
        encoding: 'utf8',
        env: { ...process.env, STAND_IN_USER_DATA: userData },
        timeout: 30_000,
      },
    );
    expect(result.status, result.stderr).toBe(0);
    const seen = JSON.parse(result.stdout.trim().split('\n').pop()!) as {
      sandboxEnabled: boolean;
      channels: string[];
      windows: { webPreferences: Record<string, unknown> }[];
      loaded: string[];
      permissionHandlers: string[];
    };
    expect(seen.sandboxEnabled).toBe(true);
    expect(seen.permissionHandlers).toEqual(['default:request', 'default:check']);
    expect(seen.channels).toContain('steps.apply');
    expect(new Set(seen.channels).size).toBe(seen.channels.length);
    expect(seen.windows).toHaveLength(1);
    expect(seen.windows[0]!.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
    });
    expect(existsSync(String(seen.windows[0]!.webPreferences.preload))).toBe(true);
    expect(seen.loaded).toEqual([join(out, 'renderer', 'index.html')]);
  } finally {
    rmSync(userData, { recursive: true, force: true });
  }
});

test('the built preload exposes only the grouped api, each call one ipcRenderer.invoke of its channel, oversized calls none', () => {
  const result = spawnSync(
    process.execPath,
    [join(root, 'test', 'support', 'run-preload.cjs'), join(out, 'preload', 'index.cjs')],
    { encoding: 'utf8' },
  );
  expect(result.status, result.stderr).toBe(0);
  const seen = JSON.parse(result.stdout) as {
    keys: string[];
    shape: Record<string, string[]>;
    invoked: unknown[];
    reply: unknown;
    refused: { ok: boolean; error?: { code: string } };
  };
  expect(seen.keys).toEqual(['api']);
  expect(seen.shape.clients).toEqual(['list', 'add', 'rename', 'remove', 'resetPracticeOrg']);
  expect(seen.shape.steps).toEqual(['view', 'saveInput', 'inspect', 'apply', 'verify', 'skip']);
  expect(seen.invoked).toEqual([{ channel: 'clients.list', request: {} }]);
  expect(seen.reply).toEqual({ ok: true, value: [] });
  // Over the size cap: answered by the preload, never serialised for main (invoked holds only clients.list).
  expect(seen.refused).toMatchObject({ ok: false, error: { code: 'REQUEST_TOO_LARGE' } });
});

test.describe('the okta-onboard CLI, as built', () => {
  const cli = join(out, 'cli', 'okta-onboard.js');
  const run = (args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });

  test('--help lists the commands and exits 0', () => {
    const result = run(['--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Usage: okta-onboard <command>');
    for (const command of ['clients', 'integrations', 'org', 'metadata', 'saml', 'scim', 'browser', 'sandbox'])
      expect(result.stdout).toContain(`  ${command}`);
  });

  test('runs as `npx okta-onboard` in the repo', () => {
    const result = spawnSync('npx', ['--no-install', 'okta-onboard', '--help'], { cwd: root, encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Usage: okta-onboard <command>');
  });

  test('--help loads none of the heavy libraries (Okta SDK, XML, SAML, crypto)', () => {
    const result = spawnSync(
      process.execPath,
      ['--import', join(root, 'test', 'support', 'module-trace.mjs'), cli, '--help'],
      { encoding: 'utf8' },
    );
    expect(result.status).toBe(0);
    const loaded = result.stderr
      .split('\n')
      .filter((l) => l.startsWith('module-trace '))
      .map((l) => l.slice('module-trace '.length));
    expect(loaded.some((u) => u.endsWith('/out/cli/okta-onboard.js'))).toBe(true);
    const heavy = loaded.filter((u) =>
      /node_modules\/(@okta|@xmldom|xml-crypto|xpath|node-forge|samlify|@node-saml|zod)\//.test(u),
    );
    expect(heavy).toEqual([]);
  });

  test('clients add with a bad org URL exits non-zero and says what a valid one looks like', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'okta-onboard-cli-'));
    try {
      const result = run(['clients', 'add', '--name', 'Acme', '--org-url', 'acme.okta.com', '--data-dir', dataDir]);
      expect(result.status).toBe(2);
      expect(result.stderr).toContain(
        'error: --org-url: "acme.okta.com" is not a URL; an Okta org URL looks like https://acme.okta.com',
      );
      const json = run([
        'clients',
        'add',
        '--name',
        'Acme',
        '--org-url',
        'http://acme.okta.com',
        '--data-dir',
        dataDir,
        '--json',
      ]);
      expect(json.status).toBe(2);
      expect(JSON.parse(json.stdout)).toMatchObject({ error: { code: 'INVALID_ARGUMENT', field: 'org-url' } });
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
