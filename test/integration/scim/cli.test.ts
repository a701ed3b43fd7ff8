import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../../src-main/cli/io';
import { command } from '../../../src-main/cli/scim';
import { startBrokenScimServer } from '../../support/broken-scim-servers';
import { startScimServer, type ScimTestServer } from '../../support/scim-server';

const TOKEN = 'cli-secret-token-9a7e';
let dir = '';
let tokenFile = '';
const servers: ScimTestServer[] = [];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'okta-onboard-scim-cli-'));
  tokenFile = join(dir, 'token');
  writeFileSync(tokenFile, `${TOKEN}\n`, { mode: 0o600 });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

function capture(): CliIo & { stdout: () => string; stderr: () => string } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    stdout: () => out.join('\n'),
    stderr: () => err.join('\n'),
  };
}

async function good(): Promise<ScimTestServer> {
  const server = await startScimServer({ token: TOKEN });
  servers.push(server);
  return server;
}

describe('okta-onboard scim preflight', () => {
  it('prints the checks as JSON and exits 0 when none failed', async () => {
    const server = await good();
    const io = capture();
    const code = await command.run(
      ['preflight', '--base-url', server.baseUrl, '--token-file', tokenFile, '--json'],
      io,
    );
    expect(code).toBe(0);
    const report = JSON.parse(io.stdout()) as {
      checks: { name: string; status: string; detail: string }[];
      testUser: { leftActive: boolean };
    };
    expect(report.checks).toHaveLength(13);
    expect(report.checks.every((c) => c.status === 'pass' && c.detail.length > 0)).toBe(true);
    expect(report.testUser.leftActive).toBe(false);
    expect(io.stdout()).not.toContain(TOKEN);
  });

  it('prints a table with each exchange summarised', async () => {
    const server = await good();
    const io = capture();
    const code = await command.run(
      [
        'preflight',
        '--base-url',
        server.baseUrl,
        '--token-file',
        tokenFile,
        '--test-user',
        'okta.check@customer.example',
      ],
      io,
    );
    expect(code).toBe(0);
    const lines = io.stdout().split('\n');
    expect(lines[0]).toMatch(new RegExp(`^SCIM preflight of ${server.baseUrl} \\(started \\d{4}-\\d\\d-\\d\\dT`));
    expect(lines[1]).toMatch(/^Test user: okta\.check@customer\.example \(id [0-9a-f-]{36}\), left active: no$/);
    expect(lines).toContainEqual(
      expect.stringMatching(/^PASS {2}Connection test {19}HTTP 200 with a SCIM ListResponse/),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(/^ {8}GET \/Users\?startIndex=1&count=2 → 200 application\/scim\+json \(\d+ ms\)$/),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^ {8}GET \/Users\?filter=userName eq "okta\.check@customer\.example"&startIndex=1&count=100 → 200 /,
      ),
    );
    expect(lines.at(-1)).toBe('13 passed, 0 warning(s), 0 failed, 0 skipped.');
    expect(io.stdout()).not.toContain(TOKEN);
  });

  it('accepts a token file that holds the whole "Bearer …" header value', async () => {
    const server = await good();
    const file = join(dir, 'bearer-token');
    writeFileSync(file, `Bearer ${TOKEN}`);
    expect(
      await command.run(['preflight', '--base-url', server.baseUrl, '--token-file', file, '--json'], capture()),
    ).toBe(0);
  });

  it('exits 3 when the vendor refuses the token, and says so', async () => {
    const server = await good();
    const file = join(dir, 'wrong-token');
    writeFileSync(file, 'not-the-token');
    const io = capture();
    expect(await command.run(['preflight', '--base-url', server.baseUrl, '--token-file', file], io)).toBe(3);
    expect(io.stdout()).toMatch(
      /^FAIL {2}Service provider configuration {4}Token refused: the vendor answered HTTP 401 /m,
    );
    expect(io.stdout()).not.toContain('not-the-token');
  });

  it('exits 1 and shows the warning and failure for a vendor that accepts duplicates', async () => {
    const server = await startBrokenScimServer('duplicate-accepted', { token: TOKEN });
    servers.push(server);
    const io = capture();
    expect(await command.run(['preflight', '--base-url', server.baseUrl, '--token-file', tokenFile], io)).toBe(1);
    expect(io.stdout()).toMatch(/^FAIL {2}Duplicate create refused {10}Duplicate accepted: /m);
    expect(io.stdout().split('\n').at(-1)).toBe('12 passed, 0 warning(s), 1 failed, 0 skipped.');
  });
});

describe('okta-onboard scim: unusable input exits 2', () => {
  it.each([
    [['preflight', '--token-file', 'x'], 'error: --base-url is required.'],
    [['preflight', '--base-url', 'https://vendor.example/scim/v2'], 'error: --token-file is required.'],
    [['check'], 'error: Unknown subcommand "check".'],
    [[], 'error: Missing subcommand.'],
    [
      ['preflight', '--bogus'],
      "error: Unknown option '--bogus'. okta-onboard scim takes --base-url, --data-dir, --json, --test-user, --timeout-ms, --token-file.",
    ],
    [
      ['preflight', '--base-ur', 'https://v.example/scim'],
      "error: Unknown option '--base-ur'. Did you mean --base-url? okta-onboard scim takes --base-url, --data-dir, --json, --test-user, --timeout-ms, --token-file.",
    ],
    [
      ['preflight', '--base-url', 'https://v.example/scim', '--token-file', 'x', '--timeout-ms', '90000'],
      'error: --timeout-ms "90000" is not a whole number of milliseconds between 1 and 60000.',
    ],
  ])('%j', async (args, message) => {
    const io = capture();
    expect(await command.run(args, io)).toBe(2);
    expect(io.stderr().split('\n')[0]).toBe(message);
  });

  it('names a missing token file', async () => {
    const io = capture();
    const missing = join(dir, 'missing');
    expect(
      await command.run(['preflight', '--base-url', 'https://vendor.example/scim/v2', '--token-file', missing], io),
    ).toBe(2);
    expect(io.stderr()).toBe(
      `error: The token file ${missing} does not exist.\nhint: Save the vendor's SCIM bearer token, alone, in a file only you can read (chmod 600) and pass its path with --token-file.`,
    );
  });

  it('names an empty token file', async () => {
    const io = capture();
    const empty = join(dir, 'empty');
    writeFileSync(empty, '\n');
    expect(
      await command.run(
        ['preflight', '--base-url', 'https://vendor.example/scim/v2', '--token-file', empty, '--json'],
        io,
      ),
    ).toBe(2);
    expect(JSON.parse(io.stdout())).toEqual({
      error: {
        code: 'USAGE',
        message: `The token file ${empty} is empty.`,
        hint: 'Put the vendor\'s SCIM bearer token, alone, in the file (no "Bearer " prefix).',
        field: 'token-file',
      },
    });
  });

  it('says what a valid base URL looks like', async () => {
    const io = capture();
    expect(await command.run(['preflight', '--base-url', 'vendor.example/scim', '--token-file', tokenFile], io)).toBe(
      2,
    );
    expect(io.stderr()).toBe(
      'error: --base-url: "vendor.example/scim" is not a URL; a SCIM connector base URL looks like https://api.vendor.example/scim/v2 (the part before /Users)\nhint: Run the command with --help to see what --base-url takes.',
    );
  });
});
