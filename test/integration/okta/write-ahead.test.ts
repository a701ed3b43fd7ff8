import { appendFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { SandboxOrg } from '../../../src-main/sandbox/server';
import { AuditLog, type AuditEvent } from '../../../src-main/workspace/audit-log';
import { api, samlAppBody, startSandbox } from '../../support/sandbox';
import { makeTempDir } from '../../support/temp-dir';
import { apiTokenClient } from '../../support/api-token-client';

const CLIENT = 'cli_wal';
const temps: Array<{ remove(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(temps.splice(0).map((t) => t.remove()));
});

/** An intent line as a run that was killed before the answer came would have left it. */
function killedIntent(writeId: string, operation: string, target: string, probe: unknown, pid: number): AuditEvent {
  return {
    time: '2026-11-27T10:00:00.000Z',
    clientId: CLIENT,
    operation,
    target,
    outcome: 'intent',
    writeId,
    probe,
    session: 'killedrun',
    pid,
  };
}

async function setup(alive: (pid: number) => boolean) {
  const temp = await makeTempDir();
  temps.push(temp);
  const org = await startSandbox();
  const log = new AuditLog(temp.dir, () => new Date(), alive);
  const okta = apiTokenClient({
    clientId: CLIENT,
    orgUrl: org.url,
    apiToken: org.apiToken,
    audit: log.append,
  });
  const file = join(temp.dir, 'audit', `${CLIENT}.jsonl`);
  const write = async (text: string) => {
    await mkdir(join(temp.dir, 'audit'), { recursive: true });
    await appendFile(file, text);
  };
  return { org, log, okta, write };
}

function someone(org: SandboxOrg): string {
  return [...org.state.users.values()].find((u) => u.status === 'ACTIVE' && u.id !== org.adminUserId)!.id;
}

describe('the write-ahead audit log', () => {
  it('settles the open intents of a killed run by reading Okta: landed, not landed, each logged once', async () => {
    const { org, log, okta, write } = await setup(() => false);
    const app = await api<{ id: string }>(org, 'POST', '/api/v1/apps', { body: samlAppBody('Reconciled') });
    const userId = someone(org);
    // The killed run's assignment reached Okta; its second app never did.
    await api(org, 'POST', `/api/v1/apps/${app.body.id}/users`, { body: { id: userId, scope: 'USER', profile: {} } });
    const landed = killedIntent(
      'w_landed',
      'app.user.assign',
      `user ${userId} -> app ${app.body.id}`,
      { kind: 'app-user', appId: app.body.id, userId, present: true, profile: {} },
      999_991,
    );
    const lost = killedIntent(
      'w_lost',
      'app.create',
      'app "Never made"',
      { kind: 'app-label', label: 'Never made' },
      999_991,
    );
    // A kill mid-append leaves a torn last line; it must not make the log unreadable.
    await write(`${JSON.stringify(landed)}\n${JSON.stringify(lost)}\n{"time":"2026-11-27T10:00:01`);

    expect(await okta.reconcileOpenWrites()).toEqual({ landed: 1, notLanded: 1, stillOpen: 0 });
    const events = await log.read(CLIENT);
    expect(events.filter((e) => e.resolvedBy === 'reconcile').map((e) => [e.writeId, e.outcome])).toEqual([
      ['w_landed', 'success'],
      ['w_lost', 'failure'],
    ]);
    expect(events.find((e) => e.writeId === 'w_landed' && e.outcome === 'success')?.detail).toContain(
      'reading Okta later shows the change is there',
    );
    expect(await log.openWrites(CLIENT)).toEqual([]);
  });

  it('settles open intents before the first write of the next run, so the log reads in order', async () => {
    const { org, log, okta, write } = await setup(() => false);
    await write(
      `${JSON.stringify(killedIntent('w_old', 'app.create', 'app "Old"', { kind: 'app-label', label: 'Old' }, 999_992))}\n`,
    );
    await okta.createApp(
      {
        label: 'New',
        signOnMode: 'SAML_2_0',
        settings: { signOn: { ssoAcsUrl: 'https://new.example/acs', audience: 'https://new.example' } },
      },
      { activate: true },
    );
    expect([...org.state.apps.values()].some((a) => a.label === 'New')).toBe(true);
    const lines = (await log.read(CLIENT)).map((e) => `${e.operation} ${e.outcome} ${e.resolvedBy ?? ''}`.trim());
    expect(lines).toEqual([
      'app.create intent',
      'app.create failure reconcile',
      'app.create intent',
      'app.create success answer',
    ]);
  });

  it('leaves alone an intent whose process still runs (the CLI beside the app): it is in flight', async () => {
    const { log, okta, write } = await setup((pid) => pid === 999_993);
    await write(
      `${JSON.stringify(killedIntent('w_live', 'app.create', 'app "Live"', { kind: 'app-label', label: 'Live' }, 999_993))}\n`,
    );
    expect(await okta.reconcileOpenWrites()).toEqual({ landed: 0, notLanded: 0, stillOpen: 0 });
    expect((await log.read(CLIENT)).map((e) => e.outcome)).toEqual(['intent']);
  });
});

describe('the CSR writes of a rotation', () => {
  it('log intent then outcome', async () => {
    const { org, log, okta } = await setup(() => false);
    const app = (await api<{ id: string }>(org, 'POST', '/api/v1/apps', { body: samlAppBody('CSR writes') })).body;
    const csr = await okta.createAppCsr(app.id, { commonName: 'acme.example' });
    await okta.revokeAppCsr(app.id, csr.id);
    const ours = (await log.read(CLIENT)).filter((e) => e.operation.startsWith('app.csr.'));
    expect(ours.map((e) => [e.operation, e.outcome])).toEqual([
      ['app.csr.create', 'intent'],
      ['app.csr.create', 'success'],
      ['app.csr.revoke', 'intent'],
      ['app.csr.revoke', 'success'],
    ]);
  });

  it('a killed run is settled by reading the CSRs and keys: the CSR that reached Okta landed, the lost publish did not', async () => {
    const { org, log, okta, write } = await setup(() => false);
    const app = (await api<{ id: string }>(org, 'POST', '/api/v1/apps', { body: samlAppBody('CSR killed') })).body;
    const kids = (await okta.listAppKeys(app.id)).map((k) => k.kid);
    const landed = await api<{ id: string }>(org, 'POST', `/api/v1/apps/${app.id}/credentials/csrs`, {
      body: { subject: { commonName: 'acme.example' } },
    });
    await write(
      [
        killedIntent(
          'w_csr',
          'app.csr.create',
          `app ${app.id}`,
          { kind: 'app-csr-new', appId: app.id, knownCsrIds: [] },
          999_992,
        ),
        killedIntent(
          'w_pub',
          'app.csr.publish',
          `app ${app.id}`,
          { kind: 'app-key-new', appId: app.id, knownKids: kids },
          999_992,
        ),
      ]
        .map((e) => JSON.stringify(e))
        .join('\n') + '\n',
    );
    expect(await okta.reconcileOpenWrites()).toEqual({ landed: 1, notLanded: 1, stillOpen: 0 });
    const settled = (await log.read(CLIENT)).filter((e) => e.resolvedBy === 'reconcile');
    expect(settled.map((e) => [e.writeId, e.outcome])).toEqual([
      ['w_csr', 'success'],
      ['w_pub', 'failure'],
    ]);
    expect(landed.status).toBe(201);
  });
});
