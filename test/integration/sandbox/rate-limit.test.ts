import { describe, expect, it } from 'vitest';
import { api, startSandbox } from '../../support/sandbox';

type Json = Record<string, unknown>;

describe('Management API rate limit', () => {
  it('counts down X-Rate-Limit-Remaining within one minute window and names its end', async () => {
    const org = await startSandbox({ rateLimit: { perMinute: 5 } });
    const first = await api(org, 'GET', '/api/v1/apps');
    const second = await api(org, 'GET', '/api/v1/users/me');
    expect(first.headers.get('x-rate-limit-limit')).toBe('5');
    expect([first.headers.get('x-rate-limit-remaining'), second.headers.get('x-rate-limit-remaining')]).toEqual([
      '4',
      '3',
    ]);
    const reset = Number(first.headers.get('x-rate-limit-reset'));
    expect(Number.isInteger(reset)).toBe(true);
    expect(reset).toBe(Number(second.headers.get('x-rate-limit-reset')));
    expect(reset * 1000).toBeGreaterThan(Date.now());
  });

  it('answers 429 E0000047 once the limit is spent, with Remaining 0', async () => {
    const org = await startSandbox({ rateLimit: { perMinute: 3 } });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i += 1) statuses.push((await api(org, 'GET', '/api/v1/groups')).status);
    const limited = await api<Json>(org, 'GET', '/api/v1/groups');
    expect(statuses).toEqual([200, 200, 200]);
    expect([limited.status, limited.body.errorCode, limited.body.errorSummary]).toEqual([
      429,
      'E0000047',
      'API call exceeded rate limit due to too many requests.',
    ]);
    expect(limited.headers.get('x-rate-limit-remaining')).toBe('0');
  });

  it('starts a fresh window when the limit is reconfigured', async () => {
    const org = await startSandbox({ rateLimit: { perMinute: 1 } });
    await api(org, 'GET', '/api/v1/apps');
    expect((await api(org, 'GET', '/api/v1/apps')).status).toBe(429);
    org.setRateLimit({ perMinute: 10 });
    const after = await api(org, 'GET', '/api/v1/apps');
    expect([after.status, after.headers.get('x-rate-limit-remaining')]).toEqual([200, '9']);
  });

  it('leaves public endpoints (metadata, OAuth) outside the API budget', async () => {
    const org = await startSandbox({ rateLimit: { perMinute: 1 } });
    const missing = await api(org, 'GET', '/app/exknothing/sso/saml/metadata', { token: null });
    expect([missing.status, missing.headers.get('x-rate-limit-limit')]).toEqual([404, null]);
    expect((await api(org, 'GET', '/api/v1/apps')).status).toBe(200);
  });
});
