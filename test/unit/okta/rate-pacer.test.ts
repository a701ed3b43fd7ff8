import { describe, expect, it } from 'vitest';
import { bucketOf, RatePacer } from '../../../src-main/okta/rate-pacer';
import { instantClock } from '../../support/instant-clock';

const headers = (limit: number, remaining: number, resetS: number) => ({
  limit,
  remaining,
  reset: resetS,
  serverDate: undefined,
});

describe('bucketOf', () => {
  it("follows Okta's documented buckets: app by id apart from its assignments, members apart from groups", () => {
    expect(bucketOf('/api/v1/users/00u1/roles')).toBe('/api/v1');
    expect(bucketOf('/api/v1/users?limit=5')).toBe('/api/v1/users');
    expect(bucketOf('/api/v1/users/me')).toBe('/api/v1/users/me');
    expect(bucketOf('/api/v1/apps/0oa1/users')).toBe('/api/v1/apps*');
    expect(bucketOf('/api/v1/apps/0oa1', 'PUT')).toBe('/api/v1/apps/{id}');
    expect(bucketOf('/api/v1/groups/00g1/users/00u1', 'PUT')).toBe('/api/v1');
    expect(bucketOf('/api/v1/users/00u1', 'GET')).toBe('/api/v1/users/{idOrLogin} GET');
    expect(bucketOf('/api/v1/users/00u1', 'POST')).toBe('/api/v1/users/{id}');
  });
});

describe('RatePacer', () => {
  it('holds later requests until the first answer says how much room there is', async () => {
    const pacer = new RatePacer(instantClock());
    await pacer.acquire('/api/v1/users');
    let second = false;
    const pending = pacer.acquire('/api/v1/users').then(() => {
      second = true;
    });
    await Promise.resolve();
    expect(second).toBe(false);
    pacer.settle('/api/v1/users', headers(10, 9, 1060));
    await pending;
    expect(second).toBe(true);
  });

  it('spends the remaining budget, then waits for the reset before sending more', async () => {
    const clock = instantClock(1_000_000);
    const pacer = new RatePacer(clock);
    await pacer.acquire('/api/v1/groups');
    pacer.settle('/api/v1/groups', headers(3, 2, 1060));
    await pacer.acquire('/api/v1/groups');
    await pacer.acquire('/api/v1/groups');
    expect(clock.slept).toEqual([]);
    const third = pacer.acquire('/api/v1/groups');
    await third;
    expect(clock.slept).toEqual([1_060_000 + 50 - 1_000_000]);
  });

  it('counts requests still in flight against what the headers report', async () => {
    const clock = instantClock(1_000_000);
    const pacer = new RatePacer(clock);
    await pacer.acquire('/api/v1/apps');
    pacer.settle('/api/v1/apps', headers(5, 4, 1060));
    for (let i = 0; i < 4; i += 1) await pacer.acquire('/api/v1/apps');
    // The first of the four answers: Okta says 3 left, but three more are already on their way.
    pacer.settle('/api/v1/apps', headers(5, 3, 1060));
    await pacer.acquire('/api/v1/apps');
    expect(clock.slept).toHaveLength(1);
  });

  it('treats an endpoint without rate-limit headers as unpaced', async () => {
    const clock = instantClock();
    const pacer = new RatePacer(clock);
    await pacer.acquire('/api/v1/meta');
    pacer.settle('/api/v1/meta', { limit: undefined, remaining: undefined, reset: undefined, serverDate: undefined });
    for (let i = 0; i < 100; i += 1) await pacer.acquire('/api/v1/meta');
    expect(clock.slept).toEqual([]);
  });

  it('after a 429 sends nothing more to the bucket until its reset', async () => {
    const clock = instantClock(1_000_000);
    const pacer = new RatePacer(clock);
    await pacer.acquire('/api/v1/users');
    const wait = pacer.exhausted('/api/v1/users', headers(100, 0, 1030));
    expect(wait).toBe(30_050);
    await pacer.acquire('/api/v1/users');
    expect(clock.slept).toEqual([30_050]);
  });

  it('gives a dropped request back so the next one can probe', async () => {
    const pacer = new RatePacer(instantClock());
    await pacer.acquire('/api/v1/users');
    const next = pacer.acquire('/api/v1/users');
    pacer.release('/api/v1/users');
    await expect(next).resolves.toBe(0);
  });
});
