import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { channels } from '../../../src-main/api/channels';
import { bridgeLogLine, startBridge, type Bridge } from '../../../src-main/bridge/server';
import { createServices, type Services } from '../../../src-main/services/bootstrap';
import type { SandboxOrg } from '../../../src-main/sandbox/server';
import { startSandbox } from '../../support/sandbox';
import { startScimServer, type ScimTestServer } from '../../support/scim-server';
import { makeTempDir } from '../../support/temp-dir';

const PLANTED = '00PLANTED-known-token-0123456789abcdefXYZ';
const PLANTED_SCIM = 'PLANTED-scim-bearer-9f8e7d6c5b4a';

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

describe('signing in with an API token through the app, and where the token may go', () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  let org: SandboxOrg;
  let services: Services;
  let bridge: Bridge;
  let scim: ScimTestServer;
  const seenByRenderer: string[] = [];
  const logged: string[] = [];

  beforeAll(async () => {
    temp = await makeTempDir();
    org = await startSandbox({ apiToken: PLANTED });
    scim = await startScimServer({ token: PLANTED_SCIM });
    services = await createServices({ mode: 'browser', dataDir: join(temp.dir, 'data') });
    bridge = await startBridge({
      channels,
      handlers: services.handlers,
      rendererDir: temp.dir,
      log: (entry) => logged.push(bridgeLogLine(entry)),
    });
    for (const stream of [process.stdout, process.stderr] as const) {
      const original = stream.write.bind(stream);
      vi.spyOn(stream, 'write').mockImplementation((chunk: string | Uint8Array, ...rest: unknown[]) => {
        logged.push(String(chunk));
        return (original as (c: string | Uint8Array, ...r: unknown[]) => boolean)(chunk, ...rest);
      });
    }
    for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
        logged.push(args.map(String).join(' '));
      });
    }
  });

  afterAll(async () => {
    vi.restoreAllMocks();
    await scim.close();
    await bridge.close();
    await services.close();
    await temp.remove();
  });

  /** What the renderer receives: every reply body the bridge sends back. */
  async function call<T>(wire: string, body: unknown): Promise<T> {
    const response = await fetch(`${bridge.origin}/api/${wire}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${bridge.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    seenByRenderer.push(text);
    return JSON.parse(text) as T;
  }

  it('checks the token against the org at once and says whose it is and which steps it allows', async () => {
    const added = await call<{ ok: true; value: { id: string } }>('clients.add', {
      kind: 'org',
      name: 'Acme',
      orgUrl: org.url,
    });
    const status = await call<{
      ok: true;
      value: {
        state: string;
        caller: { login: string; roles: { type: string }[] };
        steps: { step: string; allowed: boolean }[];
      };
    }>('okta.useApiToken', { clientId: added.value.id, token: PLANTED });
    expect(status.value.state).toBe('signed-in');
    expect(status.value.caller.login).toBe(org.adminLogin);
    expect(status.value.caller.roles.map((r) => r.type)).toEqual(['SUPER_ADMIN']);
    expect(status.value.steps.every((s) => s.allowed)).toBe(true);
    const again = await call<{ ok: true; value: { state: string } }>('okta.status', { clientId: added.value.id });
    expect(again.value.state).toBe('signed-in');
    const integration = await call<{ ok: true; value: { id: string } }>('integrations.add', {
      clientId: added.value.id,
      vendorId: 'courier',
    });
    // The SCIM bearer token crosses once, into the secret store, and runs a real preflight.
    const ref = { integrationId: integration.value.id, stepId: 'scim' };
    const saved = await call<{ ok: true; value: { secretsSet: string[] } }>('steps.saveInput', {
      ...ref,
      input: { baseUrl: scim.baseUrl, token: PLANTED_SCIM },
    });
    expect(saved.value.secretsSet).toEqual(['token']);
    const applied = await call<{ ok: true; value: { status: string } }>('steps.apply', ref);
    expect(applied.value.status).toBe('verified');
    expect(scim.requests.every((r) => r.headers.authorization === `Bearer ${PLANTED_SCIM}`)).toBe(true);
  });

  it('refuses a wrong token with a message that says what to do', async () => {
    const added = await call<{ ok: true; value: { id: string } }>('clients.add', {
      kind: 'org',
      name: 'Globex',
      orgUrl: org.url,
    });
    const status = await call<{ ok: false; error: { code: string; hint: string } }>('okta.useApiToken', {
      clientId: added.value.id,
      token: '00WRONG-token-00000000000000000000000000',
    });
    expect(status.ok).toBe(false);
    expect(status.error.hint).toMatch(/Security > API > Tokens/);
  });

  it('never lets the planted tokens (Okta API, SCIM bearer) reach the renderer, the logs, the audit log or any file outside the secret store', async () => {
    expect(seenByRenderer.length).toBeGreaterThan(0);
    for (const body of seenByRenderer) {
      expect(body).not.toContain(PLANTED);
      expect(body).not.toContain(PLANTED_SCIM);
    }
    for (const line of logged) {
      expect(line).not.toContain(PLANTED);
      expect(line).not.toContain(PLANTED_SCIM);
    }
    const files = await filesUnder(join(temp.dir, 'data'));
    expect(files.map((f) => f.slice(temp.dir.length))).toContain('/data/secrets.json');
    for (const file of files.filter((f) => !f.endsWith('/secrets.json'))) {
      const text = await readFile(file, 'utf8');
      expect(text, file).not.toContain(PLANTED);
      expect(text, file).not.toContain(PLANTED_SCIM);
    }
    const secrets = await readFile(join(temp.dir, 'data', 'secrets.json'), 'utf8');
    expect(secrets).toContain(PLANTED);
    expect(secrets).toContain(PLANTED_SCIM);
  });
});
