import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { UPLOAD_PART_BYTES } from '../../src-main/api/channels-migrate';
import { createSandboxOrg } from '../../src-main/sandbox/server';
import { createServices } from '../../src-main/services/bootstrap';
import { attachPracticeOrg } from '../../src-main/services/practice-org';
import { buildNodeEntries } from '../support/build-node-bins';
import { medianMs, underGoal, type BenchSuite, type Figure } from './harness';

const ROWS = 100_000;
const OKTA_USERS = 2_000;

/** Every login of the practice org, following Okta's `Link: rel="next"` pages. */
async function logins(url: string, token: string): Promise<string[]> {
  const found: string[] = [];
  let next: string | undefined = `${url}/api/v1/users?limit=200`;
  while (next) {
    const response: Response = await fetch(next, {
      headers: { Authorization: `SSWS ${token}`, Accept: 'application/json' },
    });
    found.push(...((await response.json()) as { profile: { login: string } }[]).map((u) => u.profile.login));
    next = /<([^>]+)>;\s*rel="next"/.exec(response.headers.get('link') ?? '')?.[1];
  }
  return found;
}

/** A 100,000-row team export: a fiftieth of it people the practice org has, the rest newcomers. */
function exportBytes(known: string[]): Uint8Array {
  const lines = ['Email,Name,Role'];
  for (let i = 0; i < ROWS; i += 1) {
    const email = i % 50 === 0 && i / 50 < known.length ? known[i / 50]! : `new.person.${i}@acme.example`;
    lines.push(`${email},Person ${i},${['Admin', 'Developer', 'Support'][i % 3]}`);
  }
  return new TextEncoder().encode(lines.join('\n'));
}

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}

/**
 * How main's event loop fares while `work` runs: the longest delay perf_hooks'
 * monitorEventLoopDelay saw (10 ms resolution), and the slowest answer to a small channel call
 * (`migrate.progress`, what the screen polls) due every 25 ms meanwhile, counted from when it was
 * due (a blocked loop delays both the timer and the answer), as the window's IPC would feel it.
 */
async function responsiveness(work: () => Promise<unknown>, poll: () => Promise<unknown>) {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  let slowest = 0;
  let busy = true;
  const polls = (async () => {
    while (busy) {
      const due = performance.now() + 25;
      await new Promise((resolve) => setTimeout(resolve, 25));
      await poll();
      slowest = Math.max(slowest, performance.now() - due);
    }
  })();
  histogram.enable();
  try {
    await work();
  } finally {
    histogram.disable();
    busy = false;
    await polls;
  }
  return { maxDelayMs: histogram.max / 1e6, slowestCallMs: slowest };
}

/**
 * What the admin feels on the migrate screen with a 100,000-row export: each figure is one channel
 * call's time in main, measured around the handler (no renderer, no HTTP), against a practice org
 * of 2,000 generated users. A handler's time is also how long main's event loop is busy with it.
 */
async function run(): Promise<Figure[]> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-migrate-screen-'));
  const org = await createSandboxOrg({ seed: { generate: { users: OKTA_USERS, groups: 2 } } });
  // Built as the app builds it: exports are read on the worker thread, as in the app and browser mode.
  const bins = await buildNodeEntries({ 'migrate-worker': 'src-main/migrate/worker/table-worker.ts' });
  const services = await createServices({
    mode: 'browser',
    dataDir: join(dir, 'data'),
    practiceOrg: attachPracticeOrg(org.url, org.apiToken),
    migrateWorker: pathToFileURL(bins.path('migrate-worker')),
  });
  try {
    const h = services.handlers;
    const client = await h.clients.add({ kind: 'sandbox', name: 'Bench' });
    const integrationId = (await h.integrations.add({ clientId: client.id, vendorId: 'courier' })).id;
    await h.steps.saveInput({
      integrationId,
      stepId: 'app',
      input: { ssoAcsUrl: 'https://courier.example.com/acs', audience: 'https://courier.example.com/sp' },
    });
    await h.steps.apply({ integrationId, stepId: 'app' });
    await h.steps.apply({ integrationId, stepId: 'role' });
    const bytes = exportBytes(await logins(org.url, org.apiToken));
    const parts = Math.ceil(bytes.length / UPLOAD_PART_BYTES);
    const sent = await timed(async () => {
      let uploadId: string | undefined;
      for (let part = 0; part < parts; part += 1) {
        const base64 = Buffer.from(bytes.subarray(part * UPLOAD_PART_BYTES, (part + 1) * UPLOAD_PART_BYTES)).toString(
          'base64',
        );
        uploadId = (await h.migrate.upload({ integrationId, ...(uploadId ? { uploadId } : {}), part, parts, base64 }))
          .uploadId;
      }
      return uploadId!;
    });
    let preview = { ms: 0 };
    let kept = { ms: 0 };
    const poll = () => h.migrate.progress({ integrationId });
    const importing = await responsiveness(async () => {
      preview = await timed(() => h.migrate.preview({ integrationId, uploadId: sent.value, fileName: 'big.csv' }));
      kept = await timed(() =>
        h.migrate.import({
          integrationId,
          uploadId: sent.value,
          fileName: 'big.csv',
          mapping: { email: 'Email', name: 'Name', role: 'Role' },
        }),
      );
    }, poll);
    let matched = { ms: 0 };
    const matching = await responsiveness(async () => {
      matched = await timed(() => h.steps.inspect({ integrationId, stepId: 'migrate' }));
    }, poll);
    const filter = { classes: ['not-in-okta' as const], result: 'any' as const, decision: 'any' as const, query: '' };
    const pageMs = await medianMs(() => h.migrate.rows({ integrationId, filter, offset: 50_000, limit: 50 }), 5);
    const searchMs = await medianMs(
      () =>
        h.migrate.rows({
          integrationId,
          filter: { result: 'any', decision: 'any', query: 'person.99999' },
          offset: 0,
          limit: 50,
        }),
      5,
    );
    const summaryMs = await medianMs(() => h.migrate.summary({ integrationId }), 5);
    const bulk = await timed(() =>
      h.migrate.decide({ integrationId, decision: 'drop', target: { filter: { ...filter, decision: 'undecided' } } }),
    );
    const mb = (bytes.length / (1024 * 1024)).toFixed(1);
    return [
      underGoal(`send a ${mb} MB, 100k-row export in ${parts} parts (main)`, sent.ms, 'ms', 3000),
      // Tightened from 3 s and 5 s once read once, on the worker, without csv-parse's per-record info.
      underGoal('read it on the worker: encoding, delimiter, 100k rows, mapping', preview.ms, 'ms', 1000),
      underGoal('keep it as the migration file (no second read)', kept.ms, 'ms', 1000),
      underGoal('read + keep: longest event-loop delay in main', importing.maxDelayMs, 'ms', 100),
      underGoal('read + keep: slowest small channel call meanwhile', importing.slowestCallMs, 'ms', 100),
      underGoal(`match 100k rows against ${OKTA_USERS} Okta users (step inspect)`, matched.ms, 'ms', 15000),
      underGoal('match: longest event-loop delay in main', matching.maxDelayMs, 'ms', 100),
      underGoal('one review page of 50 (class filter, offset 50,000)', pageMs, 'ms', 100),
      underGoal('one review page of 50 (search over 100k rows)', searchMs, 'ms', 150),
      underGoal('summary: counts, decisions, both routes re-planned', summaryMs, 'ms', 300),
      underGoal(`bulk decision on ${bulk.value.changed.toLocaleString('en')} rows`, bulk.ms, 'ms', 5000),
    ];
  } finally {
    await services.close();
    await bins.remove();
    await org.close();
    await rm(dir, { recursive: true, force: true });
  }
}

export default { name: 'migrate screen: 100,000-row export through the channels, in main', run } satisfies BenchSuite;
