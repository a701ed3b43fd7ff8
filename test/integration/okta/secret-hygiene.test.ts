import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { command } from '../../../src-main/cli/org';
import { AppError } from '../../../src-main/errors';
import { connectOrg } from '../../../src-main/okta/connect';
import { AuditLog } from '../../../src-main/workspace/audit-log';
import { FileSecretStore } from '../../../src-main/workspace/secrets';
import { openWorkspace } from '../../../src-main/workspace/workspace';
import { startSandbox } from '../../support/sandbox';

const PLANTED = 'plantedSSWS00token0for0leak0check0abcdefgh';
const SCIM_SECRET = 'planted-scim-bearer-0123456789';

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

describe('a planted API token never leaves the secret store', () => {
  let dataDir: string;
  const printed: string[] = [];

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'okta-leak-'));
    printed.length = 0;
    for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
        printed.push(args.map(String).join(' '));
      });
    }
    const capture = (chunk: unknown) => {
      printed.push(String(chunk));
      return true;
    };
    vi.spyOn(process.stdout, 'write').mockImplementation(capture);
    vi.spyOn(process.stderr, 'write').mockImplementation(capture);
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('through sign-in, checks, writes, request events and failures', async () => {
    const org = await startSandbox({ apiToken: PLANTED });
    const workspace = await openWorkspace(dataDir);
    const client = await workspace.addClient({ name: 'Acme', orgUrl: org.url, sandbox: true });
    const tokenFile = join(tmpdir(), `token-${client.id}.txt`);
    await writeFile(tokenFile, PLANTED, { mode: 0o600 });
    const io = { out: (t: string) => printed.push(t), err: (t: string) => printed.push(t) };
    try {
      expect(
        await command.run(
          ['signin', '--client', 'Acme', '--method', 'api-token', '--token-file', tokenFile, '--data-dir', dataDir],
          io,
        ),
      ).toBe(0);
    } finally {
      await rm(tokenFile, { force: true });
    }
    expect(await command.run(['check', '--client', 'Acme', '--data-dir', dataDir, '--json'], io)).toBe(0);
    expect(await command.run(['check', '--client', 'Acme', '--data-dir', dataDir], io)).toBe(0);

    const secrets = new FileSecretStore(dataDir);
    const audit = new AuditLog(dataDir);
    const okta = await connectOrg({
      clientId: client.id,
      orgUrl: org.url,
      auth: { method: 'api-token' },
      secrets,
      audit: audit.append,
    });
    okta.onRequest((event) => printed.push(JSON.stringify(event)));
    const app = await okta.createApp(
      { name: 'mixpanel', label: 'Leak check', signOnMode: 'SAML_2_0' },
      { activate: true },
    );
    await okta.setProvisioningConnection(app.id, { token: SCIM_SECRET });
    await okta.listUsers({ limit: 20 }).all();

    const errors: AppError[] = [];
    const collect = async (run: () => Promise<unknown>) => {
      try {
        await run();
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        errors.push(error);
      }
    };
    await collect(() => okta.setProvisioningConnection('0oamissing', { token: SCIM_SECRET }));
    // Okta revokes the token (e.g. its creator was deactivated): every call now fails with E0000011.
    org.state.apiTokens.delete(PLANTED);
    await collect(() => okta.createApp({ label: 'After revoke', signOnMode: 'SAML_2_0' }, { activate: false }));
    await collect(() => okta.whoAmI());
    // Okta refusing the token is exit 3.
    expect(await command.run(['check', '--client', 'Acme', '--data-dir', dataDir], io)).toBe(3);
    expect(errors.map((e) => e.code)).toEqual(['OKTA_NOT_FOUND', 'OKTA_TOKEN_INVALID', 'OKTA_TOKEN_INVALID']);

    const errorText = errors.map((e) => `${e.message} ${e.hint} ${e.field ?? ''} ${e.stack ?? ''}`).join('\n');
    const auditText = JSON.stringify(await audit.read(client.id));
    expect(auditText).toContain('app.provisioning.connection.set');
    const outsideStore = await Promise.all(
      (await filesUnder(dataDir)).filter((f) => !f.endsWith('secrets.json')).map((f) => readFile(f, 'utf8')),
    );
    expect(outsideStore.length).toBeGreaterThan(1);
    for (const secret of [PLANTED, SCIM_SECRET]) {
      expect(printed.join('\n')).not.toContain(secret);
      expect(errorText).not.toContain(secret);
      expect(auditText).not.toContain(secret);
      for (const text of outsideStore) expect(text).not.toContain(secret);
    }
    expect(await secrets.get(client.id, 'api-token')).toBe(PLANTED);
  });
});
