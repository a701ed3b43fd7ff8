import { buildOrgClient } from '../../src-main/okta/connect';
import type { OktaOrgApi } from '../../src-main/okta/org-api';
import { RatePacer, type PacerClock } from '../../src-main/okta/rate-pacer';
import { apiTokenAuthorizer } from '../../src-main/okta/signin/api-token';
import { createSandboxOrg, type SandboxOrg } from '../../src-main/sandbox/server';
import { overGoal, underGoal, type BenchSuite, type Figure } from './harness';

const PEOPLE = 10_000;
/**
 * How much faster than real time the org's rate windows and the client's waits run (one clock for
 * both). Chosen per route so the practice org serves the sped-up rate without its own latency
 * eating into the limit: 300/min at 15x is 75 requests a real second.
 */
const SPEED = { direct: 60, group: 15 } as const;
/** Requests in flight at once: well under Okta's concurrency limit of 75 for Enterprise orgs. */
const WORKERS = 8;

function fastClock(speed: number): PacerClock {
  const start = Date.now();
  const t0 = performance.now();
  return {
    now: () => start + (performance.now() - t0) * speed,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms / speed)),
  };
}

async function orgWithApp(clock: PacerClock): Promise<{ org: SandboxOrg; okta: OktaOrgApi; appId: string }> {
  const org = await createSandboxOrg({
    seed: { generate: { users: PEOPLE, groups: 5 } },
    rateLimit: { plan: 'enterprise', tokenSharePercent: 50 },
    clock: clock.now,
  });
  const okta = buildOrgClient({
    clientId: 'bench',
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
  return { org, okta, appId: app.id };
}

async function pool<T>(items: T[], work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: WORKERS }, async () => {
      while (next < items.length) await work(items[next++] as T);
    }),
  );
}

interface RouteRun {
  okta: OktaOrgApi;
  org: SandboxOrg;
  appId: string;
  minutes: number;
  limit: number;
  failed: number;
  people: number;
}

/** Assigns every person, one write each, and times it in the org's minutes. */
async function run(route: 'direct' | 'group'): Promise<RouteRun> {
  const clock = fastClock(SPEED[route]);
  const { org, okta, appId } = await orgWithApp(clock);
  const userIds = [...org.state.users.values()]
    .filter((u) => u.status === 'ACTIVE')
    .map((u) => u.id)
    .slice(0, PEOPLE);
  let groupId = '';
  if (route === 'group') {
    const group = await okta.createGroup('Courier Analysts', 'Courier role ANALYST');
    groupId = group.id;
    await okta.assignGroupToApp(appId, group.id, { profile: {} });
  }
  const started = clock.now();
  await pool(userIds, (id) =>
    route === 'direct' ? okta.assignUserToApp(appId, id, {}).then(() => undefined) : okta.addGroupMember(groupId, id),
  );
  const minutes = (clock.now() - started) / 60_000;
  const limit =
    okta.rateLimitOf(
      route === 'direct' ? 'POST' : 'PUT',
      route === 'direct' ? `/api/v1/apps/${appId}/users` : `/api/v1/groups/${groupId}/users/x`,
    ) ?? Number.NaN;
  return { okta, org, appId, minutes, limit, failed: okta.stats().failed, people: userIds.length };
}

async function measure(): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const route of ['group', 'direct'] as const) {
    const result = await run(route);
    const people = result.people;
    const best = people / result.limit;
    figures.push(
      {
        name: `${route} route: ${people.toLocaleString('en')} people at ${result.limit}/min for this token`,
        value: result.minutes,
        unit: 'min',
        goal: `best ${best.toFixed(1)} min${route === 'group' ? '; < 45' : ''}`,
        met: route === 'group' ? result.minutes < 45 : true,
      },
      overGoal(`${route} route: share of the token's limit used`, (100 * best) / result.minutes, '%', 95),
      underGoal(`${route} route: failed calls`, result.failed, 'calls', 1),
    );
    if (route === 'group') {
      // The step's check: every app user, read back 500 a page.
      const before = result.okta.stats().requests;
      const appUsers = await result.okta.listAppUsers(result.appId).all();
      const calls = result.okta.stats().requests - before;
      if (appUsers.length !== people) throw new Error(`expected ${people} app users, read ${appUsers.length}`);
      figures.push(underGoal(`read back ${appUsers.length.toLocaleString('en')} assigned people`, calls, 'calls', 26));
    }
    await result.org.close();
  }
  return figures;
}

export default {
  name: `migrate: assigning 10,000 people at Enterprise limits, 50% token share (org and client clock ${SPEED.group}x for the group route, ${SPEED.direct}x for direct; ${WORKERS} requests in flight)`,
  run: measure,
} satisfies BenchSuite;
