import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StepId } from '../../src-main/api/model';
import { importVendorExport } from '../../src-main/migrate/import';
import { buildOrgClient } from '../../src-main/okta/connect';
import type { OktaOrgApi } from '../../src-main/okta/org-api';
import { RatePacer, type PacerClock } from '../../src-main/okta/rate-pacer';
import { apiTokenAuthorizer } from '../../src-main/okta/signin/api-token';
import { createSandboxOrg, type SandboxOrg } from '../../src-main/sandbox/server';
import { MIGRATE_IN_FLIGHT } from '../../src-main/steps/migrate';
import { wizardSteps } from '../../src-main/steps/registry';
import { StepRunner } from '../../src-main/steps/runner';
import { FileSecretStore } from '../../src-main/workspace/secrets';
import { Workspace } from '../../src-main/workspace/workspace';
import { overGoal, underGoal, type BenchSuite, type Figure } from './harness';

const PEOPLE = 10_000;
/**
 * How much faster than real time the org's rate windows, the client's waits and the step's clock
 * run (one clock for all three). Chosen per route so the practice org serves the sped-up rate
 * without its own latency eating into the limit: 300/min at 15x is 75 requests a real second.
 */
const SPEED = { direct: 60, group: 15 } as const;
const ROLES = ['Admin', 'Developer', 'Manager', 'Designer', 'Support', 'Analyst'];

function fastClock(speed: number): PacerClock {
  const start = Date.now();
  const t0 = performance.now();
  return {
    now: () => start + (performance.now() - t0) * speed,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms / speed)),
  };
}

interface StepRun {
  org: SandboxOrg;
  okta: OktaOrgApi;
  runner: StepRunner;
  ref: (stepId: StepId) => { integrationId: string; stepId: StepId };
  appId: string;
  /** Org minutes from the first person's write to the last, scaled to every person. */
  minutes: number;
  /** Org minutes of the whole apply: read, plan, groups, people, read back. */
  applyMinutes: number;
  limit: number;
  failed: number;
  people: number;
  status: string;
  remove(): Promise<void>;
}

/**
 * The migrate step itself, through the StepRunner as the screen and the CLI run it: a Courier
 * integration on a practice org with Enterprise buckets and the default 50% token share, a vendor
 * export of 10,000 people with their roles, then apply on the chosen route.
 */
async function run(route: 'direct' | 'group'): Promise<StepRun> {
  const clock = fastClock(SPEED[route]);
  const org = await createSandboxOrg({
    seed: { generate: { users: PEOPLE + 10, groups: 5 } },
    rateLimit: { plan: 'enterprise', tokenSharePercent: 50 },
    clock: clock.now,
  });
  const dataDir = await mkdtemp(join(tmpdir(), 'okta-onboard-bench-'));
  const workspace = await Workspace.open(dataDir);
  const secrets = new FileSecretStore(dataDir);
  const client = await workspace.addClient({
    name: 'Bench',
    orgUrl: org.url,
    sandbox: false,
    auth: { method: 'api-token' },
  });
  await secrets.set(client.id, 'api-token', org.apiToken);
  const integration = await workspace.addIntegration({ clientId: client.id, vendorId: 'courier' });
  const okta = buildOrgClient({
    clientId: client.id,
    orgUrl: org.url,
    authMethod: 'api-token',
    authorizer: apiTokenAuthorizer(org.apiToken),
    audit: async () => undefined,
    pacer: new RatePacer(clock),
    clock,
  });
  const app = await okta.createApp(
    {
      label: 'Courier',
      signOnMode: 'SAML_2_0',
      settings: { signOn: { ssoAcsUrl: 'https://c.example/acs', audience: 'c' } },
    },
    { activate: true },
  );
  await workspace.updateIntegration(integration.id, (i) => {
    i.facts = { ...i.facts, appId: app.id, appName: app.name, appLabel: app.label };
  });
  let first: number | undefined;
  let last = 0;
  let total = 0;
  const phase = route === 'direct' ? 'Assigning' : 'Adding members';
  const runner = new StepRunner({
    workspace,
    secrets,
    steps: wizardSteps,
    connect: async () => okta,
    now: () => new Date(clock.now()),
    onProgress: (_ref, _done, all, message) => {
      if (!message.startsWith(phase)) return;
      first ??= clock.now();
      last = clock.now();
      total = all;
    },
  });
  const ref = (stepId: StepId) => ({ integrationId: integration.id, stepId });
  await runner.apply(ref('role'));
  const people = [...org.state.users.values()]
    .filter((u) => u.status === 'ACTIVE' && u.profile.login !== org.adminLogin)
    .slice(0, PEOPLE);
  const csv = ['Email,Role', ...people.map((u, i) => `${u.profile.login},${ROLES[i % ROLES.length]}`)].join('\n');
  await importVendorExport(
    dataDir,
    integration.id,
    { bytes: new TextEncoder().encode(csv), fileName: 'courier-team.csv' },
    new Date(clock.now()),
  );
  await runner.saveInput(ref('migrate'), { route });
  const failedBefore = okta.stats().failed;
  const started = clock.now();
  const view = await runner.apply(ref('migrate'));
  const applyMinutes = (clock.now() - started) / 60_000;
  if (first === undefined || total !== people.length) throw new Error(`the step did not assign everyone (${total})`);
  const minutes = ((last - first) / 60_000) * (total / (total - 1));
  const limit =
    okta.rateLimitOf(
      route === 'direct' ? 'POST' : 'PUT',
      route === 'direct' ? `/api/v1/apps/${app.id}/users` : `/api/v1/groups/any/users/any`,
    ) ?? Number.NaN;
  return {
    org,
    okta,
    runner,
    ref,
    appId: app.id,
    minutes,
    applyMinutes,
    limit,
    failed: okta.stats().failed - failedBefore,
    people: total,
    status: view.status,
    remove: () => rm(dataDir, { recursive: true, force: true }),
  };
}

/** Okta calls one phase of a step makes, counted at the client. */
async function callsOf(okta: OktaOrgApi, work: () => Promise<unknown>): Promise<number> {
  const before = okta.stats().requests;
  await work();
  return okta.stats().requests - before;
}

async function measure(): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const route of ['group', 'direct'] as const) {
    const result = await run(route);
    try {
      const best = result.people / result.limit;
      figures.push(
        {
          name: `${route} route: ${result.people.toLocaleString('en')} people at ${result.limit}/min for this token`,
          value: result.minutes,
          unit: 'min',
          goal: `best ${best.toFixed(1)} min${route === 'group' ? '; < 45' : ''}`,
          met: route === 'group' ? result.minutes < 45 : true,
        },
        overGoal(`${route} route: share of the token's limit the step used`, (100 * best) / result.minutes, '%', 95),
        underGoal(`${route} route: failed calls`, result.failed, 'calls', 1),
        {
          name: `${route} route: whole apply (read, groups, people, read back), step ${result.status}`,
          value: result.applyMinutes,
          unit: 'min',
          goal: 'report',
          met: result.status === 'verified',
        },
      );
      if (route === 'group') {
        // A check (inspect + verify, as "Check again" runs it) of an app with 10,000 assigned people.
        const assign = await callsOf(result.okta, () => result.runner.verify(result.ref('assign')));
        const migrate = await callsOf(result.okta, () => result.runner.verify(result.ref('migrate')));
        figures.push(
          underGoal(
            `check the assign step, ${result.people.toLocaleString('en')} people assigned`,
            assign,
            'calls',
            26,
          ),
          {
            name: `check the migrate step, same app (org users read 200 a page, Okta's maximum)`,
            value: migrate,
            unit: 'calls',
            goal: `report: ${Math.ceil(result.org.state.users.size / 200)} of them list the org's users`,
            met: true,
          },
        );
      }
    } finally {
      await result.org.close();
      await result.remove();
    }
  }
  return figures;
}

export default {
  name: `migrate: the migrate step assigning 10,000 people at Enterprise limits, 50% token share (org, client and step clock ${SPEED.group}x for the group route, ${SPEED.direct}x for direct; the step keeps ${MIGRATE_IN_FLIGHT} requests in flight; minutes are the org's)`,
  run: measure,
} satisfies BenchSuite;
