import { spawn, type ChildProcess } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Rotation } from '../../src-main/api/cert-rotation';
import { readCertFile } from '../../src-main/certs/store';
import { SANDBOX_PASSWORD } from '../../src-main/sandbox/oauth/sign-in';
import type { FaultKind } from '../../src-main/sandbox/faults';
import { writesOf } from '../../src-main/workspace/audit-log';
import { ALICE, keyIds, signingKid } from '../integration/certs/rotation-harness';
import { assign, harnessWithLoginApp } from '../integration/steps/login-app';
import { buildNodeBins } from '../support/build-node-bins';
import { ended, type ChildEnd } from '../support/child-end';
import { api } from '../support/sandbox';
import { startTestCa } from '../support/test-ca';

/** The rotation's Okta writes, by the request that makes each. */
type WriteOp = 'generate' | 'csr' | 'publish' | 'switch';
const WRITE_REQUESTS: Record<WriteOp, { method: string; path: RegExp }> = {
  generate: { method: 'POST', path: /^\/api\/v1\/apps\/[^/]+\/credentials\/keys\/generate$/ },
  csr: { method: 'POST', path: /^\/api\/v1\/apps\/[^/]+\/credentials\/csrs$/ },
  publish: { method: 'POST', path: /^\/api\/v1\/apps\/[^/]+\/credentials\/csrs\/[^/]+\/lifecycle\/publish$/ },
  switch: { method: 'PUT', path: /^\/api\/v1\/apps\/[^/]+$/ },
};
/** The request log keeps the query (`?validityYears=2`); the rules above match the path alone. */
const isRotationWrite = (method: string, path: string) =>
  Object.values(WRITE_REQUESTS).some((w) => w.method === method && w.path.test(path.split('?')[0] ?? ''));

/**
 * Where the child is killed: `before` an Okta write (its intent is on disk and in the audit log,
 * the request has reached Okta, which never applies it), `after` it (Okta applied it and answered;
 * whether the answer was read is a race, as in life), or at `confirm` (the first Okta read after the
 * confirmation was recorded, before the certificate's health is read again).
 */
type KillPoint = { way: 'generate' | 'csr'; at: 'before' | 'after'; op: WriteOp } | { way: 'generate'; at: 'confirm' };

const POINTS: KillPoint[] = [
  { way: 'generate', at: 'before', op: 'generate' },
  { way: 'generate', at: 'after', op: 'generate' },
  { way: 'generate', at: 'before', op: 'switch' },
  { way: 'generate', at: 'after', op: 'switch' },
  { way: 'generate', at: 'confirm' },
  { way: 'csr', at: 'before', op: 'csr' },
  { way: 'csr', at: 'after', op: 'csr' },
  { way: 'csr', at: 'before', op: 'publish' },
  { way: 'csr', at: 'after', op: 'publish' },
  { way: 'csr', at: 'before', op: 'switch' },
  { way: 'csr', at: 'after', op: 'switch' },
];
const describePoint = (p: KillPoint) =>
  `${p.way} way, ${p.at === 'confirm' ? 'at confirm' : `${p.at} the ${p.op} write`}`;

let cli = '';
let removeBins: (() => Promise<void>) | undefined;

/**
 * One kill point: a practice org in this process and a Courier app with a test user; each stage
 * of the rotation runs as its own `okta-onboard cert rotate` process (as a consultant runs it).
 * The chosen process is SIGKILLed at the point; the same stage then runs again in a new process
 * and the rotation goes on to the end. Returns what is wrong with the end state.
 */
async function runPoint(point: KillPoint): Promise<string[]> {
  let running: ChildProcess | undefined;
  let runningEnded: Promise<ChildEnd> | undefined;
  let armed = false;
  let killed = false;
  const kill = () => {
    killed = true;
    running?.kill('SIGKILL');
  };
  const target = point.at === 'confirm' ? undefined : WRITE_REQUESTS[point.op];
  let confirming = false;
  const h = await harnessWithLoginApp('courier', {
    sandbox: {
      faults: {
        // Asked first for every request: the kill before a write waits until the child is gone and
        // then drops the request, so Okta never applies it.
        script: async (method, path): Promise<FaultKind | undefined> => {
          if (killed || !running) return undefined;
          if (point.at === 'confirm') {
            if (confirming) {
              kill();
              await runningEnded;
            }
            return undefined;
          }
          if (target && method === target.method && target.path.test(path)) {
            if (point.at === 'after') {
              armed = true;
              return undefined;
            }
            kill();
            await runningEnded;
            return 'drop';
          }
          return undefined;
        },
      },
      onWrite: () => {
        if (armed && !killed) kill();
      },
    },
  });
  await assign(h, ALICE);
  await h.save('test-login', { userLogin: ALICE });
  const oldKid = await signingKid(h);
  const passwordFile = join(h.dataDir, 'test-user-password');
  await writeFile(passwordFile, `${SANDBOX_PASSWORD}\n`, { mode: 0o600 });
  const ca = startTestCa();
  const problems: string[] = [];

  const rotate = async (stageArgs: string[]): Promise<ChildEnd> => {
    running = spawn(
      process.execPath,
      [
        cli,
        'cert',
        'rotate',
        '--client',
        h.client.name,
        '--integration',
        'Courier',
        ...stageArgs,
        '--data-dir',
        h.dataDir,
        '--json',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    runningEnded = ended(running);
    const end = await runningEnded;
    running = undefined;
    return end;
  };
  /** Runs a stage; when this is the run that was killed, a new process runs the same stage again. */
  const stage = async (name: string, stageArgs: string[], killHere = false): Promise<Rotation | undefined> => {
    confirming = point.at === 'confirm' && name === 'confirm';
    const wasKilled = killed;
    let end = await rotate(stageArgs);
    if (killed && !wasKilled) {
      if (end.signal !== 'SIGKILL') problems.push(`${name}: the run was not killed (exit ${end.code})`);
      confirming = false;
      end = await rotate(stageArgs);
    } else if (killHere) problems.push(`${name}: never reached the kill point`);
    if (end.code !== 0) {
      problems.push(`${name}: exit ${end.code}: ${end.stdout.slice(-1500)} ${end.stderr.slice(-1500)}`);
      return undefined;
    }
    const out = JSON.parse(end.stdout) as { rotation: Rotation | null; csrFile?: string };
    return out.rotation ?? undefined;
  };

  try {
    const killsIn = (op: WriteOp) => point.at !== 'confirm' && point.op === op;
    await stage('start', ['--stage', 'start', '--validity-years', '2']);
    if (point.way === 'generate') {
      await stage('generate', ['--stage', 'generate'], killsIn('generate'));
    } else {
      await stage(
        'csr',
        ['--stage', 'csr', '--common-name', 'sso.acme.example', '--out', join(h.dataDir, 'acme.csr')],
        killsIn('csr'),
      );
      const csr = (await readCertFile(h.dataDir, h.integration.id)).rotation?.csr;
      if (!csr) return [...problems, 'no CSR recorded after the csr stage'];
      const certificateFile = join(h.dataDir, 'signed.pem');
      await writeFile(certificateFile, ca.sign(csr.csrBase64));
      await stage('publish', ['--stage', 'csr', '--certificate-file', certificateFile], killsIn('publish'));
    }
    const made = (await readCertFile(h.dataDir, h.integration.id)).rotation?.new;
    if (!made) return [...problems, 'no new key recorded'];
    await stage('register', ['--stage', 'register', '--via', 'copied']);
    await stage('switch', ['--stage', 'switch'], killsIn('switch'));
    const tested = await stage('test', ['--stage', 'test', '--password-file', passwordFile]);
    if (!tested?.test?.valid) problems.push(`the test login did not pass: ${JSON.stringify(tested?.test?.checks)}`);
    // Not confirmed yet: the old key is still in Okta.
    if (!(await keyIds(h)).includes(oldKid)) problems.push('the old key was gone before the confirmation');
    await stage('confirm', ['--stage', 'confirm'], point.at === 'confirm');

    // Okta: the old key and exactly one new key, the app signing with it, no CSR left open.
    const keys = await keyIds(h);
    if (JSON.stringify(keys) !== JSON.stringify([oldKid, made.kid]))
      problems.push(`keys in Okta ${JSON.stringify(keys)}, expected [${oldKid}, ${made.kid}]`);
    if ((await signingKid(h)) !== made.kid) problems.push(`the app signs with ${await signingKid(h)}, not ${made.kid}`);
    const csrs = await api<unknown[]>(h.org, 'GET', `/api/v1/apps/${h.appId}/credentials/csrs`);
    if (csrs.body.length > 0) problems.push(`${csrs.body.length} CSR(s) left in Okta`);

    // Our records: the rotation finished and confirmed, nothing pending, the new certificate known.
    const file = await readCertFile(h.dataDir, h.integration.id);
    if (file.rotation) problems.push(`a rotation is still in progress at "${file.rotation.stage}"`);
    const last = file.lastRotation;
    if (last?.stage !== 'done' || !last.confirmedAt || last.pending || last.new?.kid !== made.kid)
      problems.push(
        `last rotation: ${JSON.stringify({ stage: last?.stage, pending: last?.pending, kid: last?.new?.kid })}`,
      );
    if (file.health?.certificate?.kid !== made.kid) problems.push(`health shows ${file.health?.certificate?.kid}`);
    if ((await h.current()).facts.certificatePem !== made.pem)
      problems.push('the integration still knows the old certificate');

    // The audit log: each rotation write Okta applied has exactly one line ending in success, none
    // is left open, and the admin's confirmation is there.
    const events = await h.audit.read(h.client.id);
    const writes = writesOf(events).filter((w) => w.writeId !== undefined);
    const open = writes.filter((w) => w.outcome === 'unknown');
    if (open.length > 0) problems.push(`open writes in the log: ${JSON.stringify(open.map((w) => w.operation))}`);
    const applied = h.org
      .requestLog()
      .filter((r) => r.mutating && r.status > 0 && r.status < 400 && isRotationWrite(r.method, r.path));
    const succeeded = writes.filter((w) => w.outcome === 'success');
    const appliedOps = applied.map((r) => `${r.method} ${r.path.replace(/\/[^/]+$/, '/…')}`);
    if (succeeded.length !== applied.length)
      problems.push(
        `Okta applied ${applied.length} rotation writes, the log has ${succeeded.length} successes: ${JSON.stringify(appliedOps)} vs ${JSON.stringify(succeeded.map((w) => w.operation))}`,
      );
    const confirms = events.filter((e) => e.operation === 'cert.rotation.confirm');
    if (confirms.length !== 1) problems.push(`${confirms.length} confirmation lines in the log`);
    return problems;
  } finally {
    running?.kill('SIGKILL');
  }
}

describe('certificate rotation killed (SIGKILL) at each write point, then resumed by a new process', () => {
  beforeAll(async () => {
    const bins = await buildNodeBins();
    cli = bins.cli;
    removeBins = bins.remove;
  }, 300_000);
  afterAll(async () => {
    await removeBins?.();
  });

  it(
    'ends with the old key and one new key, the app signing with the new one, no CSR left, and a truthful audit log',
    async () => {
      const failed: Array<{ point: string; problems: string[] }> = [];
      for (const point of POINTS) {
        const started = Date.now();
        const problems = await runPoint(point);
        process.stdout.write(
          `rotation kill point ${describePoint(point)}: ${problems.length === 0 ? 'ok' : `${problems.length} problem(s)`}, ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
        );
        if (problems.length > 0) failed.push({ point: describePoint(point), problems });
      }
      expect(failed).toEqual([]);
    },
    60 * 60_000,
  );
});
