import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { command } from '../../../src-main/cli/org';
import type { CliIo } from '../../../src-main/cli/io';
import { openWorkspace } from '../../../src-main/workspace/workspace';
import { FileSecretStore } from '../../../src-main/workspace/secrets';
import { startSandbox } from '../../support/sandbox';

function capture(): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (t) => stdout.push(t), err: (t) => stderr.push(t) };
}

describe('okta-onboard org', () => {
  let dataDir: string;

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'org-cli-'));
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  async function clientFor(orgUrl: string, token: string) {
    const workspace = await openWorkspace(dataDir);
    const client = await workspace.addClient({ name: 'Acme', orgUrl, sandbox: true });
    const tokenFile = join(dataDir, 'token.txt');
    await writeFile(tokenFile, `${token}\n`, { mode: 0o600 });
    return { workspace, client, tokenFile };
  }

  it('signs in with an API token file, stores it, and check reports a Super Admin allowed every step', async () => {
    const org = await startSandbox();
    const { workspace, client, tokenFile } = await clientFor(org.url, org.apiToken);
    const io = capture();
    expect(
      await command.run(
        ['signin', '--client', 'Acme', '--method', 'api-token', '--token-file', tokenFile, '--data-dir', dataDir],
        io,
      ),
    ).toBe(0);
    expect(io.stdout).toContain('Who:    Alex Admin <admin@acme.example>');
    expect(await new FileSecretStore(dataDir).get(client.id, 'api-token')).toBe(org.apiToken);
    expect((await workspace.findClient('Acme')).auth).toEqual({ method: 'api-token' });

    const check = capture();
    expect(await command.run(['check', '--client', 'Acme', '--data-dir', dataDir, '--json'], check)).toBe(0);
    const report = JSON.parse(check.stdout.join('\n')) as {
      identity: { login: string; roles: Array<{ type: string }> };
      steps: Array<{ step: string; allowed: boolean }>;
    };
    expect(report.identity.login).toBe('admin@acme.example');
    expect(report.identity.roles.map((r) => r.type)).toEqual(['SUPER_ADMIN']);
    expect(report.steps.filter((s) => !s.allowed)).toEqual([]);
  });

  it("says which steps a read-only admin's token cannot do, and which role they need", async () => {
    const org = await startSandbox();
    const { tokenFile } = await clientFor(org.url, org.readOnlyApiToken);
    expect(
      await command.run(
        ['signin', '--client', 'Acme', '--method', 'api-token', '--token-file', tokenFile, '--data-dir', dataDir],
        capture(),
      ),
    ).toBe(0);
    const io = capture();
    expect(await command.run(['check', '--client', 'Acme', '--data-dir', dataDir], io)).toBe(0);
    expect(io.stdout).toContain('Roles:  READ_ONLY_ADMIN');
    expect(io.stdout).toContain("  ok  metadata      reads the app's IdP metadata and signing keys");
    expect(io.stdout).toContain(
      '  no  app           needs role Super Administrator (SUPER_ADMIN), Organization Administrator (ORG_ADMIN) or Application Administrator (APP_ADMIN)',
    );
  });

  it('refuses a token Okta rejects with exit 3, stores nothing, and says where to make a new one', async () => {
    const org = await startSandbox();
    const { client, tokenFile } = await clientFor(org.url, '00abcdefghijklmnopqrstuvwxyz0123456789ABCD');
    const io = capture();
    expect(
      await command.run(
        ['signin', '--client', 'Acme', '--method', 'api-token', '--token-file', tokenFile, '--data-dir', dataDir],
        io,
      ),
    ).toBe(3);
    expect(io.stderr[0]).toMatch(
      /^error: Okta refused to read the signed-in user \(\/users\/me\): the API token is invalid or expired\. \(Okta request ID [\w-]{27}\)$/,
    );
    expect(io.stderr[1]).toContain('Security > API > Tokens');
    expect(await new FileSecretStore(dataDir).get(client.id, 'api-token')).toBeUndefined();
  });

  it('tells the admin to sign in first (exit 2) when the client has no credentials', async () => {
    const org = await startSandbox();
    await clientFor(org.url, org.apiToken);
    const io = capture();
    expect(await command.run(['check', '--client', 'Acme', '--data-dir', dataDir], io)).toBe(2);
    expect(io.stderr).toEqual([
      'error: No credentials are set up for "Acme".',
      'hint: Sign in first: okta-onboard org signin --client "Acme" --method api-token --token-file <file>',
    ]);
  });
});
