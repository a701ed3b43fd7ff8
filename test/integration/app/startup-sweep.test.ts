import { spawnSync } from 'node:child_process';
import { appendFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../../../src-main/services/bootstrap';
import { AuditLog, type AuditEvent } from '../../../src-main/workspace/audit-log';
import { FileSecretStore } from '../../../src-main/workspace/secrets';
import { Workspace } from '../../../src-main/workspace/workspace';
import { idFileName } from '../../../src-main/workspace/id-file-name';
import type { SandboxOrg } from '../../../src-main/sandbox/server';
import { api, samlAppBody, startSandbox } from '../../support/sandbox';
import { makeTempDir } from '../../support/temp-dir';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** The id of a process that has ended, as a killed run's intent carries it. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '']);
  return child.pid;
}

/**
 * A data folder as a run killed mid-setup leaves it: the provisioning proof's test user still
 * assigned (and recorded as a leftover), and an app create whose answer never came (open intent).
 */
async function crashedWorkspace(org: SandboxOrg, dataDir: string, auth: 'api-token' | 'none') {
  const workspace = await Workspace.open(dataDir);
  const client = await workspace.addClient({
    name: 'Acme',
    orgUrl: org.url,
    sandbox: false,
    auth: { method: auth === 'none' ? 'none' : 'api-token' },
  });
  if (auth === 'api-token') await new FileSecretStore(dataDir).set(client.id, 'api-token', org.apiToken);
  const integration = await workspace.addIntegration({ clientId: client.id, vendorId: 'courier' });
  const app = await api<{ id: string }>(org, 'POST', '/api/v1/apps', { body: samlAppBody('Courier') });
  const user = [...org.state.users.values()].find((u) => u.status === 'ACTIVE' && u.id !== org.adminUserId)!;
  await api(org, 'POST', `/api/v1/apps/${app.body.id}/users`, { body: { id: user.id, scope: 'USER', profile: {} } });
  await workspace.updateIntegration(integration.id, (i) => {
    i.temporaries = [
      {
        kind: 'okta-assignment',
        id: 'tmp_crashed',
        stepId: 'provisioning',
        appId: app.body.id,
        appLabel: 'Courier',
        userId: user.id,
        login: user.profile.login,
        recordedAt: '2026-11-27T10:00:00.000Z',
      },
    ];
  });
  const intent: AuditEvent = {
    time: '2026-11-27T10:00:01.000Z',
    clientId: client.id,
    integrationId: integration.id,
    stepId: 'app',
    operation: 'app.create',
    target: 'app "Courier"',
    outcome: 'intent',
    writeId: 'w_killed',
    probe: { kind: 'app-label', label: 'Courier' },
    session: 'killedrun',
    pid: deadPid(),
  };
  await mkdir(join(dataDir, 'audit'), { recursive: true });
  await appendFile(join(dataDir, 'audit', `${idFileName(client.id)}.jsonl`), `${JSON.stringify(intent)}\n`);
  return { clientId: client.id, integrationId: integration.id, appId: app.body.id, userId: user.id };
}

async function started(dataDir: string): Promise<Services> {
  const services = await createServices({ mode: 'browser', dataDir });
  cleanups.push(() => services.close());
  return services;
}

describe('the start-up clean-up of what a crash left', () => {
  it('settles the open intent by reading Okta and removes the recorded test assignment, without the admin', async () => {
    const temp = await makeTempDir();
    cleanups.push(temp.remove);
    const org = await startSandbox();
    const dataDir = join(temp.dir, 'data');
    const crashed = await crashedWorkspace(org, dataDir, 'api-token');

    const services = await started(dataDir);
    const [result] = await services.startupSweep;

    expect(result).toEqual({
      clientId: crashed.clientId,
      reconciled: { landed: 1, notLanded: 0, stillOpen: 0 },
      leftovers: { [crashed.integrationId]: 0 },
      failures: [],
    });
    const users = await api<Array<{ id: string; scope: string }>>(org, 'GET', `/api/v1/apps/${crashed.appId}/users`);
    expect(users.body.filter((u) => u.scope === 'USER').map((u) => u.id)).not.toContain(crashed.userId);
    expect((await services.workspace.getIntegration(crashed.integrationId)).temporaries).toBeUndefined();
    const log = new AuditLog(dataDir);
    expect(await log.openWrites(crashed.clientId)).toEqual([]);
    const lines = (await log.read(crashed.clientId)).map((e) =>
      `${e.operation} ${e.outcome} ${e.resolvedBy ?? ''}`.trim(),
    );
    expect(lines).toEqual([
      'app.create intent',
      'app.create success reconcile',
      'app.user.unassign intent',
      'app.user.unassign success answer',
    ]);
  });

  it('leaves a client with no stored credentials alone and still starts: the leftover stays on the step screen', async () => {
    const temp = await makeTempDir();
    cleanups.push(temp.remove);
    const org = await startSandbox();
    const dataDir = join(temp.dir, 'data');
    const crashed = await crashedWorkspace(org, dataDir, 'none');
    const writesBefore = org.writeCount();

    const services = await started(dataDir);
    const [result] = await services.startupSweep;

    expect(result).toEqual({
      clientId: crashed.clientId,
      leftovers: {},
      failures: ['no stored credentials; left for the next sign-in'],
    });
    expect(org.writeCount()).toBe(writesBefore);
    const view = await services.handlers.steps.view({ integrationId: crashed.integrationId, stepId: 'provisioning' });
    expect((view.leftovers ?? []).map((l) => l.what)).toEqual([expect.stringContaining('assigned to Courier in Okta')]);
    expect((await new AuditLog(dataDir).openWrites(crashed.clientId)).map((e) => e.writeId)).toEqual(['w_killed']);
  });
});
