import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../../src-main/sandbox/rate-limit';

describe('per-minute rate limiter', () => {
  it('allows the limit per window, then refuses until the window ends', () => {
    const limiter = new RateLimiter({ perMinute: 2 });
    const t0 = 1_700_000_000_500;
    const decisions = [limiter.take(t0), limiter.take(t0 + 1), limiter.take(t0 + 2)];
    expect(decisions.map((d) => [d.allowed, d.headers['x-rate-limit-remaining']])).toEqual([
      [true, '1'],
      [true, '0'],
      [false, '0'],
    ]);
    expect(decisions[0]?.headers['x-rate-limit-reset']).toBe('1700000061');
    expect(limiter.take(1_700_000_061_000).allowed).toBe(true);
  });
});
