import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../../src-main/cli/io';
import { command, runSandbox } from '../../../src-main/cli/sandbox';
import { runCli } from '../../../src-main/cli';

function capture(): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (t) => stdout.push(t), err: (t) => stderr.push(t) };
}

/** Runs the command until `stop()`; resolves once it has printed, so the test can call the org. */
async function start(args: string[]): Promise<{ io: ReturnType<typeof capture>; stop: () => Promise<number> }> {
  const io = capture();
  let release: () => void = () => undefined;
  const until = new Promise<void>((resolve) => {
    release = resolve;
  });
  const printed = new Promise<void>((resolve) => {
    const out = io.out;
    io.out = (t) => {
      out(t);
      resolve();
    };
  });
  const running = runSandbox(args, io, until);
  await Promise.race([printed, running]);
  return {
    io,
    stop: async () => {
      release();
      return running;
    },
  };
}

describe('okta-onboard sandbox', () => {
  it('prints URL, SSWS token and admin login as JSON, serves the API with that token, and stops on release', async () => {
    const { io, stop } = await start(['--json', '--rate-limit', '50']);
    const info = JSON.parse(io.stdout.join('\n')) as {
      url: string;
      apiToken: string;
      adminLogin: string;
      readOnlyApiToken: string;
      readOnlyLogin: string;
    };
    expect(info.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(info.adminLogin).toBe('admin@acme.example');
    const me = await fetch(`${info.url}/api/v1/users/me`, { headers: { authorization: `SSWS ${info.apiToken}` } });
    expect([me.status, me.headers.get('x-rate-limit-limit')]).toEqual([200, '50']);
    expect(await stop()).toBe(0);
    await expect(fetch(`${info.url}/api/v1/users/me`)).rejects.toThrow();
  });

  it("runs with Okta's Enterprise buckets and a 50% token share when given --plan", async () => {
    const { io, stop } = await start(['--json', '--plan', 'enterprise']);
    const info = JSON.parse(io.stdout.join('\n')) as { url: string; apiToken: string };
    const users = await fetch(`${info.url}/api/v1/apps`, { headers: { authorization: `SSWS ${info.apiToken}` } });
    expect(users.headers.get('x-rate-limit-limit')).toBe('50');
    expect(await stop()).toBe(0);
  });

  it.each([
    [['--plan', 'premium'], '--plan: must be integrator-free, one-app, enterprise or workforce'],
    [['--token-share', '80'], '--token-share needs --plan.'],
    [['--plan', 'enterprise', '--token-share', '150'], '--token-share: must be 1 to 100'],
    [['--plan', 'enterprise', '--rate-limit', '10'], '--rate-limit and --plan cannot be combined.'],
  ])('refuses %j with exit 2 and says why', async (args, message) => {
    const io = capture();
    expect(await runSandbox(args, io, Promise.resolve())).toBe(2);
    expect(io.stderr.join('\n')).toContain(message);
  });

  it('prints a readable summary without --json', async () => {
    const { io, stop } = await start([]);
    const text = io.stdout.join('\n');
    expect(text).toMatch(
      /^Sandbox Okta org running at http:\/\/127\.0\.0\.1:\d+\n {2}API token \(SSWS, Super Admin\): 00[\w-]{40}\n {2}Admin login: +admin@acme\.example\n/,
    );
    expect(text.endsWith('Press Ctrl-C to stop.')).toBe(true);
    await stop();
  });

  it('refuses a bad --port or --rate-limit as unusable input', async () => {
    for (const args of [['--port', 'abc'], ['--rate-limit', '0'], ['--colour']]) {
      const io = capture();
      expect(await runCli(['sandbox', ...args], io)).toBe(2);
      expect(io.stderr[0]).toMatch(/^error: /);
    }
  });

  it('describes itself for --help', async () => {
    const io = capture();
    expect(await runCli(['sandbox', '--help'], io)).toBe(0);
    expect(io.stdout[0]).toMatch(
      /^Start the built-in sandbox Okta org on 127\.0\.0\.1\n\nUsage:\n {2}okta-onboard sandbox /,
    );
    expect(io.stdout[0]).toContain(`${command.usage}\n\nGlobal options:\n  --data-dir <dir>`);
  });
});
