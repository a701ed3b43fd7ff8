import { createSandboxOrg } from '../../src-main/sandbox/server';
import { underGoal, type BenchSuite, type Figure } from './harness';
import { apiTokenClient } from '../support/api-token-client';

/** Requests per window the sandbox allows in this run; the sandbox's window is one minute. */
const LIMIT = 10;
const WINDOW_MS = 60_000;

/**
 * A burst of 3N reads against an org that allows N a window: the client should pace itself so
 * that no 429 reaches the caller, and finish in about three windows' worth of the limit.
 */
async function burst(): Promise<Figure[]> {
  const org = await createSandboxOrg({ rateLimit: { perMinute: LIMIT } });
  try {
    const okta = apiTokenClient({
      clientId: 'bench',
      orgUrl: org.url,
      apiToken: org.apiToken,
    });
    const started = performance.now();
    const results = await Promise.allSettled(
      Array.from({ length: 3 * LIMIT }, () => okta.listUsers({ limit: 1 }).firstPage()),
    );
    const elapsed = performance.now() - started;
    const surfaced = results.filter((r) => r.status === 'rejected').length;
    const stats = okta.stats();
    const windowsTouched = Math.floor(elapsed / WINDOW_MS) + 1;
    const share = (100 * stats.requests) / (LIMIT * windowsTouched);
    const windows = elapsed / WINDOW_MS;
    return [
      underGoal(`burst of ${3 * LIMIT} reads at ${LIMIT}/min: windows taken`, windows, 'windows', 3),
      {
        name: `share of the rate limit used (${stats.requests} requests in ${windowsTouched} windows)`,
        value: share,
        unit: '%',
        goal: '>= 90 %',
        met: share >= 90,
      },
      {
        name: '429s received from the org',
        value: stats.rateLimited,
        unit: 'count',
        goal: '= 0',
        met: stats.rateLimited === 0,
      },
      { name: 'errors surfaced to the caller', value: surfaced, unit: 'count', goal: '= 0', met: surfaced === 0 },
    ];
  } finally {
    await org.close();
  }
}

export default { name: 'okta: rate-limit pacing', run: burst } satisfies BenchSuite;
