import { describe, expect, it } from 'vitest';
import { RatePacer, type PacerClock } from '../../../src-main/okta/rate-pacer';
import { RequestPolicy } from '../../../src-main/okta/request-policy';

function instantClock(): PacerClock & { slept: number[] } {
  let now = 5_000_000;
  const slept: number[] = [];
  return {
    slept,
    now: () => now,
    sleep: async (ms) => {
      slept.push(ms);
      now += ms;
    },
  };
}

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
  const clock = instantClock();
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
