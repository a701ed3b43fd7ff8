import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../../src-main/sandbox/rate-limit';
import { bucketFor } from '../../../src-main/sandbox/rate-limits-okta';

const t0 = 1_700_000_000_500;

describe('per-minute rate limiter', () => {
  it('allows the limit per window, then refuses until the window ends', () => {
    const limiter = new RateLimiter({ perMinute: 2 });
    const take = (ms: number) => limiter.take('GET', '/api/v1/apps', 'SSWS a', ms);
    const decisions = [take(t0), take(t0 + 1), take(t0 + 2)];
    expect(decisions.map((d) => [d.allowed, d.headers['x-rate-limit-remaining']])).toEqual([
      [true, '1'],
      [true, '0'],
      [false, '0'],
    ]);
    expect(decisions[0]?.headers['x-rate-limit-reset']).toBe('1700000061');
    expect(take(1_700_000_061_000).allowed).toBe(true);
  });
});

describe("Okta's buckets", () => {
  it.each([
    ['GET', '/api/v1/apps', 'apps'],
    ['POST', '/api/v1/apps/0oa1/users', 'apps'],
    ['GET', '/api/v1/apps/0oa1/users?limit=500', 'apps'],
    ['PUT', '/api/v1/apps/0oa1/groups/00g1', 'apps'],
    ['GET', '/api/v1/apps/0oa1', 'app-by-id'],
    ['POST', '/api/v1/groups', 'groups'],
    ['GET', '/api/v1/groups/00g1', 'group-by-id'],
    ['PUT', '/api/v1/groups/00g1/users/00u1', 'other'],
    ['GET', '/api/v1/users', 'users'],
    ['GET', '/api/v1/users/00u1', 'user-by-id-get'],
    ['DELETE', '/api/v1/users/00u1', 'user-by-id-write'],
    ['POST', '/api/v1/users/00u1/lifecycle/activate', 'other'],
    ['GET', '/api/v1/logs', 'logs'],
    ['GET', '/api/v1/meta/schemas/apps/0oa1/default', 'other'],
  ])('%s %s counts against %s', (method, path, bucket) => {
    expect(bucketFor(method, path)).toBe(bucket);
  });

  it('gives one API token 50% of an Enterprise bucket and says so in the headers', () => {
    const limiter = new RateLimiter({ plan: 'enterprise' });
    const answers = Array.from({ length: 51 }, (_, i) => {
      const d = limiter.take('POST', '/api/v1/apps/0oa1/users', 'SSWS a', t0 + i);
      d.done();
      return d;
    });
    expect(answers.filter((d) => d.allowed)).toHaveLength(50);
    expect(answers[0]?.headers).toMatchObject({ 'x-rate-limit-limit': '50', 'x-rate-limit-remaining': '49' });
    expect(answers[50]).toMatchObject({ allowed: false, headers: { 'x-rate-limit-remaining': '0' } });
    // Another token still has its own half; group membership is another, larger bucket.
    expect(limiter.take('POST', '/api/v1/apps/0oa1/users', 'SSWS b', t0 + 60).allowed).toBe(true);
    expect(limiter.take('PUT', '/api/v1/groups/00g1/users/00u1', 'SSWS a', t0 + 61).headers['x-rate-limit-limit']).toBe(
      '300',
    );
  });

  it("reports the org's bucket when set to, so a token's 429 shows Remaining above 0 as real orgs can", () => {
    const limiter = new RateLimiter({ plan: 'enterprise', headersReport: 'org' });
    for (let i = 0; i < 50; i++) limiter.take('GET', '/api/v1/apps', 'SSWS a', t0 + i).done();
    const refused = limiter.take('GET', '/api/v1/apps', 'SSWS a', t0 + 50);
    expect(refused).toMatchObject({
      allowed: false,
      headers: { 'x-rate-limit-limit': '100', 'x-rate-limit-remaining': '50' },
    });
  });

  it('takes the share the admin set, and the Integrator Free plan limits', () => {
    const full = new RateLimiter({ plan: 'workforce', tokenSharePercent: 100 });
    expect(full.take('PUT', '/api/v1/groups/00g1/users/00u1', 'SSWS a', t0).headers['x-rate-limit-limit']).toBe('1200');
    const free = new RateLimiter({ plan: 'integrator-free' });
    expect(free.take('GET', '/api/v1/apps', 'SSWS a', t0).headers['x-rate-limit-limit']).toBe('10');
  });

  it("refuses a request over the plan's concurrency limit with the concurrent values in the headers", () => {
    const limiter = new RateLimiter({ plan: 'integrator-free', tokenSharePercent: 100 });
    const open = Array.from({ length: 15 }, (_, i) => limiter.take('GET', '/api/v1/users/00u1', 'SSWS a', t0 + i));
    expect(open.every((d) => d.allowed)).toBe(true);
    const refused = limiter.take('GET', '/api/v1/users/00u1', 'SSWS a', t0 + 20);
    expect(refused).toMatchObject({
      allowed: false,
      concurrency: true,
      headers: { 'x-rate-limit-limit': '15', 'x-rate-limit-remaining': '0', 'x-rate-limit-reset': '1700000001' },
    });
    open[0]?.done();
    expect(limiter.take('GET', '/api/v1/users/00u1', 'SSWS a', t0 + 21).allowed).toBe(true);
  });
});
