import { describe, expect, it } from 'vitest';
import { RatePacer } from '../../../src-main/okta/rate-pacer';
import { instantClock } from '../../support/instant-clock';
import { RequestPolicy } from '../../../src-main/okta/request-policy';

type Answer = number | { status: number; headers?: Record<string, string> } | 'drop';

/** A fetch that plays back answers in order and records what was sent. */
function scriptedFetch(answers: Answer[]) {
  const sent: Array<{ method: string; authorization: string | undefined }> = [];
  const impl = (async (_url: string | URL | Request, init?: RequestInit) => {
    const headers = new Headers(init?.headers);
    sent.push({ method: init?.method ?? 'GET', authorization: headers.get('authorization') ?? undefined });
    const next = answers.shift() ?? 200;
    if (next === 'drop') throw new TypeError('fetch failed', { cause: { code: 'ECONNRESET' } });
    const { status, headers: extra } = typeof next === 'number' ? { status: next, headers: {} } : next;
    return new Response(status === 204 ? null : '{}', { status, headers: extra });
  }) as typeof fetch;
  return { impl, sent };
}

function policy(answers: Answer[]) {
  const clock = instantClock(5_000_000);
  const fetcher = scriptedFetch(answers);
  const p = new RequestPolicy({
    orgUrl: 'https://acme.okta.com',
    authorizer: { headersFor: async () => ({ Authorization: 'SSWS planted' }) },
    pacer: new RatePacer(clock),
    clock,
    fetchImpl: fetcher.impl,
  });
  return { p, clock, sent: fetcher.sent };
}

describe('RequestPolicy', () => {
  it('retries a GET after a 5xx and a dropped connection, then returns the answer', async () => {
    const { p, sent } = policy([503, 'drop', 200]);
    const response = await p.fetch({ url: 'https://acme.okta.com/api/v1/users', method: 'GET' });
    expect(response.status).toBe(200);
    expect(sent.map((s) => s.method)).toEqual(['GET', 'GET', 'GET']);
    expect(p.stats()).toEqual({ requests: 3, retries: 2, rateLimited: 0, throttledMs: 0, failed: 0 });
  });

  it('never re-sends a POST whose answer was a 5xx', async () => {
    const { p, sent } = policy([500, 200]);
    const response = await p.fetch({ url: 'https://acme.okta.com/api/v1/apps', method: 'POST', body: '{}' });
    expect(response.status).toBe(500);
    expect(sent).toHaveLength(1);
  });

  it('never re-sends a POST whose connection dropped', async () => {
    const { p, sent } = policy(['drop', 200]);
    await expect(p.fetch({ url: 'https://acme.okta.com/api/v1/apps', method: 'POST', body: '{}' })).rejects.toThrow(
      'fetch failed',
    );
    expect(sent).toHaveLength(1);
  });

  it('waits out a 429 until its reset and then re-sends, even a POST', async () => {
    const resetS = Math.floor(5_000_000 / 1000) + 20;
    const { p, clock, sent } = policy([
      {
        status: 429,
        headers: { 'x-rate-limit-limit': '50', 'x-rate-limit-remaining': '0', 'x-rate-limit-reset': String(resetS) },
      },
      200,
    ]);
    const response = await p.fetch({ url: 'https://acme.okta.com/api/v1/apps', method: 'POST', body: '{}' });
    expect(response.status).toBe(200);
    expect(sent).toHaveLength(2);
    expect(clock.slept[0]).toBeGreaterThanOrEqual(20_050);
    expect(p.stats().rateLimited).toBe(1);
  });

  it('sets the authorizer headers on every attempt and reports progress events', async () => {
    const { p, sent } = policy([502, 200]);
    const events: string[] = [];
    p.subscribe((e) => events.push(`${e.kind}:${e.status ?? '-'}`));
    await p.fetch({ url: 'https://acme.okta.com/api/v1/groups', method: 'GET' });
    expect(sent.map((s) => s.authorization)).toEqual(['SSWS planted', 'SSWS planted']);
    expect(events).toEqual(['retry:502', 'response:200']);
  });

  it('gives up after the attempt limit and hands back the last answer', async () => {
    const { p, sent } = policy([500, 500, 500, 500, 500, 500, 500]);
    const response = await p.fetch({ url: 'https://acme.okta.com/api/v1/users', method: 'GET' });
    expect(response.status).toBe(500);
    expect(sent).toHaveLength(6);
    expect(p.stats().failed).toBe(1);
  });
});

describe('RequestPolicy and 429s', () => {
  const minuteFrom = (nowMs: number) => String(Math.floor(nowMs / 1000) + 60);

  it("waits for the reset when a 429 comes with Remaining above 0 (the token's share is spent), and does not give up", async () => {
    const reset = minuteFrom(5_000_000);
    const share429 = {
      status: 429,
      headers: { 'x-rate-limit-limit': '100', 'x-rate-limit-remaining': '50', 'x-rate-limit-reset': reset },
    };
    // Eight 429s in a row: more than the attempt limit, and still a wait, not a failure.
    const { p, clock, sent } = policy([...Array<Answer>(8).fill(share429), 200]);
    const response = await p.fetch({ url: 'https://acme.okta.com/api/v1/apps/0oa1/users', method: 'POST', body: '{}' });
    expect(response.status).toBe(200);
    expect(sent).toHaveLength(9);
    expect(clock.slept[0]).toBeGreaterThanOrEqual(60_000);
    expect(p.stats()).toMatchObject({ rateLimited: 8, failed: 0 });
  });

  it('hands the 429 back only after waiting out many windows in all', async () => {
    const { p, sent } = (() => {
      const clock = instantClock(5_000_000);
      const answers: Answer[] = Array.from({ length: 40 }, () => ({
        status: 429,
        headers: {
          'x-rate-limit-limit': '100',
          'x-rate-limit-remaining': '0',
          'x-rate-limit-reset': minuteFrom(clock.now()),
        },
      }));
      // Each answer names a reset a minute after it is sent.
      const fetcher = scriptedFetch(answers);
      const impl = (async (url: string | URL | Request, init?: RequestInit) => {
        const next = answers[0];
        if (next && typeof next === 'object')
          next.headers = { ...next.headers, 'x-rate-limit-reset': minuteFrom(clock.now()) };
        return fetcher.impl(url, init);
      }) as typeof fetch;
      const p = new RequestPolicy({
        orgUrl: 'https://acme.okta.com',
        authorizer: { headersFor: async () => ({ Authorization: 'SSWS planted' }) },
        pacer: new RatePacer(clock),
        clock,
        fetchImpl: impl,
        maxRateLimitWaitMs: 5 * 60_000,
      });
      return { p, sent: fetcher.sent };
    })();
    const response = await p.fetch({ url: 'https://acme.okta.com/api/v1/users', method: 'GET' });
    expect(response.status).toBe(429);
    expect(sent).toHaveLength(6);
  });
});

describe('RatePacer learns the token share from a 429 with room left', () => {
  it('paces later windows to the share, so they run without 429s', async () => {
    const clock = instantClock(5_000_000);
    const pacer = new RatePacer(clock);
    const path = '/api/v1/apps/0oa1/users';
    const reset = Math.floor(clock.now() / 1000) + 60;
    await pacer.acquire(path);
    pacer.settle(path, { limit: 100, remaining: 99, reset, serverDate: undefined });
    expect(pacer.exhausted(path, { limit: 100, remaining: 50, reset, serverDate: undefined })).toBeGreaterThanOrEqual(
      60_000,
    );
    expect(pacer.shareOf(path)).toBe(50);
    // The next window: the headers say 100 again, but only 50 may leave before the pacer holds.
    clock.sleep(61_000);
    const sleepsBefore = clock.slept.length;
    let sent = 0;
    while (clock.slept.length === sleepsBefore) {
      await pacer.acquire(path);
      if (clock.slept.length !== sleepsBefore) break;
      sent += 1;
      pacer.settle(path, { limit: 100, remaining: 100 - sent, reset: reset + 61, serverDate: undefined });
    }
    expect(sent).toBe(50);
  });
});
