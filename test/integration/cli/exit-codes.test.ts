import { writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src-main/cli';
import { setStepSkipped } from '../../../src-main/steps/skip';
import { openWorkspace } from '../../../src-main/workspace/workspace';
import { captureIo } from '../../support/capture-io';
import { startSandbox } from '../../support/sandbox';
import { startScimServer, type ScimTestServer } from '../../support/scim-server';
import { makeTempDir, withTempDir } from '../../support/temp-dir';

const SCIM_TOKEN = 'exit-code-scim-token-4c1d';
const servers: ScimTestServer[] = [];
afterAll(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

/** A loopback port nothing listens on: taken from the OS, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function addClient(dir: string, orgUrl = 'https://acme.okta.com'): Promise<void> {
  const io = captureIo();
  expect(await runCli(['clients', 'add', '--name', 'Acme', '--org-url', orgUrl, '--data-dir', dir], io)).toBe(0);
}

describe('exit 2: usage and input errors', () => {
  it('an unknown option is a usage error that names the option and shows the usage, not a bug', async () => {
    await withTempDir(async (dir) => {
      const io = captureIo();
      expect(await runCli(['clients', 'list', '--bogus-flag', '--data-dir', dir], io)).toBe(2);
      expect(io.stderr).toContain("error: Unknown option '--bogus-flag'.");
      expect(io.stderr).toContain('hint: Use:\n  okta-onboard clients list');
      expect(io.stderr).not.toContain('bug');
    });
  });

  it.each(['integrations', 'org'])('%s: an option without its value exits 2', async (group) => {
    const io = captureIo();
    expect(await runCli([group, 'list', '--client'], io)).toBe(2);
    expect(io.stderr.split('\n').slice(0, 2)).toEqual([
      "error: Option '--client' needs a value.",
      'hint: Write --client <value>.',
    ]);
  });

  it('a malformed token file for org signin exits 2 and says what an API token looks like', async () => {
    await withTempDir(async (dir) => {
      await addClient(dir);
      const file = join(dir, 'token');
      await writeFile(file, 'not a token at all\n', { mode: 0o600 });
      const io = captureIo();
      expect(
        await runCli(
          ['org', 'signin', '--client', 'Acme', '--method', 'api-token', '--token-file', file, '--data-dir', dir],
          io,
        ),
      ).toBe(2);
      expect(io.stderr).toBe(
        'error: That does not look like an Okta API token.\nhint: Paste the token value shown once when it was created in Security > API > Tokens (about 42 letters, digits, - and _).\n',
      );
    });
  });

  it('a client name that does not exist exits 2 and names the known clients', async () => {
    await withTempDir(async (dir) => {
      await addClient(dir);
      const io = captureIo();
      expect(await runCli(['org', 'check', '--client', 'Globex', '--data-dir', dir], io)).toBe(2);
      expect(io.stderr).toBe('error: No client named "Globex".\nhint: Known clients: "Acme".\n');
    });
  });

  it.each([
    [
      'http://vendor.example/scim/v2',
      'error: --base-url: "http://vendor.example/scim/v2" must use https: Okta only calls SCIM endpoints over TLS; a SCIM connector base URL looks like https://api.vendor.example/scim/v2 (the part before /Users)',
    ],
    [
      'https://vendor.example/scim/v2/Users',
      'error: --base-url: "https://vendor.example/scim/v2/Users" ends in /Users; Okta adds /Users itself, so enter https://vendor.example/scim/v2',
    ],
  ])('scim preflight refuses %s exactly as the screen does, before any call', async (baseUrl, message) => {
    await withTempDir(async (dir) => {
      const file = join(dir, 'scim-token');
      await writeFile(file, SCIM_TOKEN, { mode: 0o600 });
      const io = captureIo();
      expect(await runCli(['scim', 'preflight', '--base-url', baseUrl, '--token-file', file], io)).toBe(2);
      expect(io.stderr.split('\n')[0]).toBe(message);
    });
  });

  it.each([
    ['--recipient', 'not-a-url', 'error: --recipient: "not-a-url" is not a URL.'],
    [
      '--recipient',
      'http://vendor.example/acs',
      'error: --recipient: "http://vendor.example/acs" must use https (it uses http).',
    ],
    [
      '--destination',
      'https://vendor.example/acs#x',
      'error: --destination: "https://vendor.example/acs#x" has a #fragment, which a browser never sends to the vendor.',
    ],
    ['--audience', 'just words', 'error: --audience: "just words" is not a URI.'],
  ])('saml check validates %s %s before reading any file', async (flag, value, message) => {
    const args = [
      'saml',
      'check',
      '--metadata',
      '/nonexistent/metadata.xml',
      '--response',
      '/nonexistent/response.txt',
      '--audience',
      'urn:amazon:webservices',
      '--recipient',
      'https://vendor.example/saml/acs',
    ];
    if (args.includes(flag)) args[args.indexOf(flag) + 1] = value;
    else args.push(flag, value);
    const io = captureIo();
    expect(await runCli(args, io)).toBe(2);
    expect(io.stderr.split('\n')[0]).toBe(message);
  });
});

describe('exit 3: Okta or the vendor unreachable or refusing', () => {
  it('org signin against an org that refuses the token exits 3 and stores nothing', async () => {
    const org = await startSandbox();
    const { dir, remove } = await makeTempDir();
    try {
      await addClient(dir, org.url);
      const file = join(dir, 'token');
      await writeFile(file, '00abcdefghijklmnopqrstuvwxyz0123456789ABCD', { mode: 0o600 });
      const io = captureIo();
      const code = await runCli(
        ['org', 'signin', '--client', 'Acme', '--method', 'api-token', '--token-file', file, '--data-dir', dir],
        io,
      );
      expect({ code, stderr: io.stderr }).toMatchObject({
        code: 3,
        stderr: expect.stringMatching(/invalid or expired/),
      });
      const client = (await (await openWorkspace(dir)).listClients())[0];
      expect(client?.auth.method).toBe('none');
    } finally {
      await remove();
    }
  });

  it('org signin against an org nobody answers at exits 3', async () => {
    const { dir, remove } = await makeTempDir();
    try {
      await addClient(dir, `http://127.0.0.1:${await closedPort()}`);
      const file = join(dir, 'token');
      await writeFile(file, '00abcdefghijklmnopqrstuvwxyz0123456789ABCD', { mode: 0o600 });
      const io = captureIo();
      const code = await runCli(
        [
          'org',
          'signin',
          '--client',
          'Acme',
          '--method',
          'api-token',
          '--token-file',
          file,
          '--data-dir',
          dir,
          '--json',
        ],
        io,
      );
      expect({ code, error: io.json<{ error: { code: string } }>().error.code }).toEqual({
        code: 3,
        error: 'OKTA_UNREACHABLE',
      });
    } finally {
      await remove();
    }
  }, 60_000);

  it('scim preflight exits 3 when the vendor refuses the token, and 3 when nobody answers', async () => {
    const server = await startScimServer({ token: SCIM_TOKEN });
    servers.push(server);
    await withTempDir(async (dir) => {
      const wrong = join(dir, 'wrong');
      await writeFile(wrong, 'not-the-token', { mode: 0o600 });
      const refused = captureIo();
      expect(await runCli(['scim', 'preflight', '--base-url', server.baseUrl, '--token-file', wrong], refused)).toBe(3);
      expect(refused.stdout).toMatch(/^FAIL {2}Service provider configuration {4}Token refused: /m);
      const silent = captureIo();
      const baseUrl = `http://127.0.0.1:${await closedPort()}/scim/v2`;
      expect(
        await runCli(
          ['scim', 'preflight', '--base-url', baseUrl, '--token-file', wrong, '--timeout-ms', '5000'],
          silent,
        ),
      ).toBe(3);
      expect(silent.stdout).toContain('Skipped: the vendor could not be reached.');
    });
  }, 60_000);
});

describe('lists tell things apart and do not show stale addresses', () => {
  it('integrations list names the label, vendor, client and id of each integration, counted as the overview counts', async () => {
    await withTempDir(async (dir) => {
      await addClient(dir);
      for (const label of [[], ['--label', 'Mixpanel EU']])
        expect(
          await runCli(
            ['integrations', 'add', '--client', 'Acme', '--vendor', 'mixpanel', ...label, '--data-dir', dir],
            captureIo(),
          ),
        ).toBe(0);
      const workspace = await openWorkspace(dir);
      const ids = (await workspace.listIntegrations()).map((i) => i.id);
      // The second one's optional migration is skipped on the screen: the CLI counts it apart, as the overview does.
      await setStepSkipped(workspace, { integrationId: ids[1]!, stepId: 'migrate' }, true, new Date());
      const io = captureIo();
      expect(await runCli(['integrations', 'list', '--data-dir', dir], io)).toBe(0);
      expect(io.stdout.trim().split('\n')).toEqual([
        `Mixpanel\tMixpanel\tclient Acme\tid ${ids[0]}\t0 of 6 required verified, 3 optional to do`,
        `Mixpanel EU\tMixpanel\tclient Acme\tid ${ids[1]}\t0 of 6 required verified, 1 skipped, 2 optional to do`,
      ]);
      const json = captureIo();
      expect(await runCli(['integrations', 'list', '--data-dir', dir, '--json'], json)).toBe(0);
      expect(
        json
          .json<{ integrations: { progress: { text: string; skipped: number } }[] }>()
          .integrations.map((i) => [i.progress.skipped, i.progress.text]),
      ).toEqual([
        [0, '0 of 6 required verified, 3 optional to do'],
        [1, '0 of 6 required verified, 1 skipped, 2 optional to do'],
      ]);
    });
  });

  it('clients list shows a practice client as the practice org, never the port it had when it was added', async () => {
    await withTempDir(async (dir) => {
      const workspace = await openWorkspace(dir);
      await workspace.addClient({ name: 'Practice', orgUrl: 'http://127.0.0.1:41234', sandbox: true });
      await workspace.addClient({ name: 'Acme', orgUrl: 'https://acme.okta.com', sandbox: false });
      const io = captureIo();
      expect(await runCli(['clients', 'list', '--data-dir', dir], io)).toBe(0);
      expect(io.stdout).not.toContain('41234');
      expect(io.stdout.trim().split('\n')).toEqual([
        'Practice\tpractice org (built in; on 127.0.0.1 while the app or browser mode runs)\tnot signed in',
        'Acme\thttps://acme.okta.com\tnot signed in',
      ]);
      const json = captureIo();
      expect(await runCli(['clients', 'list', '--data-dir', dir, '--json'], json)).toBe(0);
      expect(json.json<{ clients: { name: string; orgUrl?: string; sandbox: boolean }[] }>().clients).toMatchObject([
        { name: 'Practice', sandbox: true },
        { name: 'Acme', orgUrl: 'https://acme.okta.com', sandbox: false },
      ]);
      expect(json.stdout).not.toContain('41234');
    });
  });
});
