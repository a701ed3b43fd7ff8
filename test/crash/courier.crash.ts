import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandboxOrg } from '../../src-main/sandbox/server';
import { writesOf } from '../../src-main/workspace/audit-log';
import { AuditLog } from '../../src-main/workspace/audit-log';
import { FileSecretStore } from '../../src-main/workspace/secrets';
import { Workspace } from '../../src-main/workspace/workspace';
import { buildNodeEntries } from '../support/build-node-bins';
import { ended, type ChildEnd } from '../support/child-end';
import { mismatches, snapshotOrg } from '../support/org-invariants';
import { startScimServer } from '../support/scim-server';
import { makeTempDir } from '../support/temp-dir';
import type { ChildJob } from './setup-child';

const TOKEN = 'vendor-scim-token-crash-7d2';
/** CRASH_POINTS=3,7 runs only those kill points (to reproduce one); the suite runs them all. */
const ONLY = process.env.CRASH_POINTS?.split(',').map(Number);

interface PointResult {
  killAt: number | undefined;
  /** Writes the org answered with success, across both runs. */
  landedWrites: number;
  ms: number;
  firstRun: ChildEnd;
  resumed?: ChildEnd;
  problems: string[];
}

let childScript = '';
let removeBins: (() => Promise<void>) | undefined;

/**
 * One kill point: a fresh practice org and vendor, a child running the whole Courier setup that is
 * SIGKILLed right after the org answered its `killAt`-th write, a fresh child resuming to the end,
 * then the org, the vendor, the workspace and the audit log compared.
 */
async function runPoint(killAt: number | undefined): Promise<PointResult> {
  const started = Date.now();
  const temp = await makeTempDir();
  const scim = await startScimServer({ token: TOKEN });
  let landed = 0;
  let running: ChildProcess | undefined;
  // The org lives in this process, so it outlives the child it is killing.
  const org = await createSandboxOrg({
    onWrite: () => {
      landed += 1;
      if (landed === killAt) running?.kill('SIGKILL');
    },
  });
  try {
    const seededApps = [...org.state.apps.values()].map((a) => a.label);
    const dataDir = join(temp.dir, 'data');
    const workspace = await Workspace.open(dataDir);
    const client = await workspace.addClient({
      name: 'Acme (crash)',
      orgUrl: org.url,
      sandbox: false,
      auth: { method: 'api-token' },
    });
    await new FileSecretStore(dataDir).set(client.id, 'api-token', org.apiToken);
    const integration = await workspace.addIntegration({ clientId: client.id, vendorId: 'courier' });
    const job: ChildJob = {
      dataDir,
      integrationId: integration.id,
      orgUrl: org.url,
      adminLogin: org.adminLogin,
      scim: { baseUrl: scim.baseUrl, token: TOKEN },
    };
    const run = () => {
      running = spawn(process.execPath, [childScript, JSON.stringify(job)], { stdio: ['ignore', 'pipe', 'pipe'] });
      return ended(running);
    };
    const firstRun = await run();
    const resumed = killAt === undefined ? undefined : await run();
    const last = resumed ?? firstRun;
    const problems: string[] = [];
    if (killAt !== undefined && firstRun.signal !== 'SIGKILL')
      problems.push(`the first run was not killed at write ${killAt} (exit ${firstRun.code}, ${landed} writes)`);
    if (last.code !== 0) problems.push(`the ${resumed ? 'resumed' : 'clean'} run failed: ${last.stderr.slice(-2000)}`);
    else {
      const outcome = JSON.parse(last.stdout.trim().split('\n').at(-1) ?? '{}') as { statuses: Record<string, string> };
      for (const [stepId, status] of Object.entries(outcome.statuses))
        if (status !== 'verified') problems.push(`step ${stepId} ended ${status}`);
    }
    const audit = new AuditLog(dataDir);
    const events = await audit.read(client.id);
    problems.push(
      ...mismatches({
        events,
        org: await snapshotOrg(org.url, org.apiToken),
        vendor: { users: scim.users() },
        integration: await workspace.getIntegration(integration.id),
        createdByAdmin: [],
        seededAppLabels: seededApps,
      }),
    );
    // Groups: the setup assigns existing ones; none may appear twice.
    const groupNames = [...org.state.groups.values()].map((g) => g.profile.name.toLowerCase());
    for (const name of new Set(groupNames))
      if (groupNames.filter((n) => n === name).length > 1) problems.push(`duplicate group "${name}"`);
    // Every write the org answered has exactly one write in the log that ended in success.
    const orgWrites = org.requestLog().filter((r) => r.mutating && r.status > 0 && r.status < 400);
    const loggedWrites = writesOf(events).filter((w) => w.writeId !== undefined && w.outcome === 'success');
    if (orgWrites.length !== landed)
      problems.push(`request log holds ${orgWrites.length} writes, org counted ${landed}`);
    if (loggedWrites.length !== orgWrites.length)
      problems.push(
        `org answered ${orgWrites.length} writes, the audit log has ${loggedWrites.length} successful writes: ` +
          `${JSON.stringify(orgWrites.map((w) => `${w.method} ${w.path}`))} vs ${JSON.stringify(loggedWrites.map((w) => `${w.operation} ${w.target}`))}`,
      );
    const reconciled = events.filter((e) => e.resolvedBy === 'reconcile').length;
    if (killAt !== undefined && reconciled === 0 && !events.some((e) => e.resolvedBy === 'answer'))
      problems.push('nothing in the log was answered or reconciled');
    return {
      killAt,
      landedWrites: landed,
      ms: Date.now() - started,
      firstRun,
      ...(resumed ? { resumed } : {}),
      problems,
    };
  } finally {
    running?.kill('SIGKILL');
    await org.close();
    await scim.close();
    await temp.remove();
  }
}

describe('a full Courier setup killed (SIGKILL) right after each Okta write, then resumed', () => {
  beforeAll(async () => {
    const bins = await buildNodeEntries({ 'setup-child': 'test/crash/setup-child.ts' });
    childScript = bins.path('setup-child');
    removeBins = bins.remove;
  });
  afterAll(async () => {
    await removeBins?.();
  });

  it(
    'at every kill point: 0 duplicates, 0 leftovers in Okta, at the vendor or in the workspace, every write in the audit log',
    async () => {
      const sweepStarted = Date.now();
      const clean = await runPoint(undefined);
      expect(clean.problems).toEqual([]);
      const total = clean.landedWrites;
      expect(total).toBeGreaterThan(3);
      const points = ONLY ?? Array.from({ length: total }, (_, i) => i + 1);
      const failed: Array<{ killAt: number; problems: string[] }> = [];
      for (const killAt of points) {
        const result = await runPoint(killAt);
        process.stdout.write(
          `kill point ${killAt}/${total}: ${result.problems.length === 0 ? 'ok' : `${result.problems.length} problem(s)`}, ` +
            `${result.landedWrites} writes landed across both runs, ${(result.ms / 1000).toFixed(1)} s\n`,
        );
        if (result.problems.length > 0) failed.push({ killAt, problems: result.problems });
      }
      process.stdout.write(
        `crash suite: clean run ${total} Okta writes in ${(clean.ms / 1000).toFixed(1)} s; ` +
          `${points.length} kill points in ${((Date.now() - sweepStarted) / 1000).toFixed(0)} s wall-clock (clean run included), ` +
          `${failed.length} failed\n`,
      );
      expect(failed).toEqual([]);
    },
    4 * 60 * 60_000,
  );
});
