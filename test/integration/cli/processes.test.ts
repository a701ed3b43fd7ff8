import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src-main/cli';
import { buildNodeBins } from '../../support/build-node-bins';
import { captureIo } from '../../support/capture-io';
import { startSandbox } from '../../support/sandbox';
import { makeTempDir } from '../../support/temp-dir';

/**
 * The built okta-onboard in real processes: what a script piping it sees (one result, no progress,
 * no terminal codes), and what a person at a terminal sees (progress on stderr), through util-linux
 * `script`, which gives the command a pseudo-terminal.
 */
let bins: Awaited<ReturnType<typeof buildNodeBins>>;
let dir = '';
let remove: () => Promise<void> = async () => {};

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(command: string, args: string[]): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const okta = (args: string[]) => run(process.execPath, [bins.cli, ...args, '--data-dir', dir]);
const shellQuote = (arg: string) => `'${arg.replace(/'/g, `'\\''`)}'`;
// ESC: colours, cursor moves, line clearing.
const ESC = String.fromCharCode(27);

beforeAll(async () => {
  bins = await buildNodeBins();
  ({ dir, remove } = await makeTempDir());
  const org = await startSandbox();
  const cli = async (args: string[]) => runCli([...args, '--data-dir', dir], captureIo());
  expect(await cli(['clients', 'add', '--name', 'Acme', '--org-url', org.url])).toBe(0);
  const token = join(dir, 'token');
  await writeFile(token, org.apiToken, { mode: 0o600 });
  expect(await cli(['org', 'signin', '--client', 'Acme', '--method', 'api-token', '--token-file', token])).toBe(0);
  const plan = join(dir, 'plan.yaml');
  await writeFile(plan, 'kind: okta-onboard-plan\nversion: 1\nvendor: mixpanel\nsteps:\n  app: { mode: custom }\n');
  expect(await cli(['apply', '--client', 'Acme', '--plan-file', plan])).toBe(1);
}, 120_000);

afterAll(async () => {
  await bins?.remove();
  await remove();
});

const target = ['--client', 'Acme', '--integration', 'Mixpanel'];

describe('okta-onboard in a real process', () => {
  it('piped: the result on stdout, no progress on stderr, no terminal codes; --json is one JSON document', async () => {
    const text = await okta(['plan', ...target]);
    expect({ code: text.code, stderr: text.stderr }).toEqual({ code: 0, stderr: '' });
    expect(text.stdout).toMatch(/^Acme \/ Mixpanel: plan\n/);
    expect(text.stdout.includes(ESC)).toBe(false);

    const json = await okta(['verify', ...target, '--step', 'app', '--json']);
    expect({ code: json.code, stderr: json.stderr }).toEqual({ code: 0, stderr: '' });
    expect(JSON.parse(json.stdout)).toMatchObject({ phase: 'verify', exitCode: 0, steps: [{ stepId: 'app' }] });
    expect(json.stdout.includes(ESC)).toBe(false);
  }, 120_000);

  it('on a terminal: progress for each step goes to stderr', async () => {
    const line = [process.execPath, bins.cli, 'plan', ...target, '--data-dir', dir].map(shellQuote).join(' ');
    const tty = await run('script', ['--quiet', '--return', '--command', line, '/dev/null']);
    expect(tty.code).toBe(0);
    const shown = tty.stdout.replace(/\r\n/g, '\n');
    expect(shown).toContain('[1/9] app: inspecting…\n');
    expect(shown).toContain('[2/9] metadata: inspecting…\n');
    expect(shown).toContain('Acme / Mixpanel: plan\n');
  }, 120_000);

  it('exit codes reach the shell: 2 for an unknown option (message on stderr, or JSON on stdout with --json)', async () => {
    const text = await okta(['verify', ...target, '--stpe', 'app']);
    expect([text.code, text.stdout, text.stderr.split('\n')[0]]).toEqual([
      2,
      '',
      "error: Unknown option '--stpe'. Did you mean --step? okta-onboard verify takes --client, --confirmed, --data-dir, --integration, --json, --label, --mode, --password-file, --plan-file, --saml-response-file, --save-eml, --save-plan, --secret-file, --sent, --set, --step.",
    ]);
    const json = await okta(['verify', ...target, '--stpe', 'app', '--json']);
    expect([json.code, json.stderr, JSON.parse(json.stdout).error.code]).toEqual([2, '', 'USAGE']);
  }, 60_000);
});
