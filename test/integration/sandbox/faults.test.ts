import { describe, expect, it } from 'vitest';
import { api, startSandbox } from '../../support/sandbox';

type Json = Record<string, unknown>;

/** A fixed sequence of "random" draws, so a share of 0.5 hits exactly where the test says. */
function draws(...values: number[]): () => number {
  let i = 0;
  return () => values[i++ % values.length] ?? 0;
}

describe('fault injection', () => {
  it('answers a share of requests 500 E0000009', async () => {
    const org = await startSandbox({ faults: { serverErrorRate: 0.5, random: draws(0.9, 0.1) } });
    const first = await api<Json>(org, 'GET', '/api/v1/apps');
    const second = await api<Json>(org, 'GET', '/api/v1/apps');
    expect(first.status).toBe(200);
    expect([second.status, second.body.errorCode]).toEqual([500, 'E0000009']);
    expect(org.requestLog().map((e) => e.fault)).toEqual([undefined, 'server-error']);
  });

  it('answers a share of requests 429 E0000047 with rate-limit headers', async () => {
    const org = await startSandbox({ faults: { rateLimitRate: 1 } });
    const answer = await api<Json>(org, 'GET', '/api/v1/users');
    expect([answer.status, answer.body.errorCode]).toEqual([429, 'E0000047']);
    expect(answer.headers.get('x-rate-limit-reset')).toMatch(/^\d+$/);
  });

  it('drops the connection without an answer', async () => {
    const org = await startSandbox({ faults: { dropRate: 1 } });
    await expect(
      fetch(`${org.url}/api/v1/apps`, { headers: { authorization: `SSWS ${org.apiToken}` } }),
    ).rejects.toThrow();
    expect(org.requestLog()[0]?.fault).toBe('drop');
  });

  it('delays answers by the configured latency', async () => {
    const org = await startSandbox({ faults: { latencyMs: [20, 40], random: draws(0.5) } });
    expect((await api(org, 'GET', '/api/v1/apps')).status).toBe(200);
    expect(org.requestLog()[0]?.delayMs).toBe(30);
  });

  it('limits faults to the given methods and paths, and can be switched off', async () => {
    const org = await startSandbox({ faults: { serverErrorRate: 1, methods: ['POST'], paths: ['/api/v1/apps'] } });
    expect((await api(org, 'GET', '/api/v1/apps')).status).toBe(200);
    expect(
      (
        await api(org, 'POST', '/api/v1/users', {
          body: { profile: { firstName: 'A', lastName: 'B', email: 'ab@acme.example', login: 'ab@acme.example' } },
        })
      ).status,
    ).toBe(200);
    expect((await api(org, 'POST', '/api/v1/apps', { body: {} })).status).toBe(500);
    org.setFaults(undefined);
    expect((await api<Json>(org, 'POST', '/api/v1/apps', { body: {} })).body.errorCode).toBe('E0000001');
  });
});
