import { describe, expect, it } from 'vitest';
import { ScimInputSchema, type PreflightRecord, type ScimObserved } from '../../../src-main/api/step-scim';
import type { PreflightReport } from '../../../src-main/scim/preflight';
import { planScim, RUN_PREFLIGHT, scimChecks } from '../../../src-main/steps/scim';
import {
  checkId,
  exchangesEvidence,
  preflightChecks,
  recordPreflight,
  sameToken,
  tokenDigest,
} from '../../../src-main/steps/scim-report';

const BASE = 'https://api.courier.example/scim/v2';
const TOKEN = 'courier-scim-token-9d2e';

const exchange = {
  method: 'GET',
  url: `${BASE}/Users?startIndex=1&count=2`,
  requestHeaders: { Accept: 'application/scim+json', Authorization: 'Bearer ••••' },
  status: 200,
  responseHeaders: { 'content-type': 'application/scim+json' },
  responseBody: { schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'], totalResults: 0 },
  durationMs: 12.5,
};

function record(statuses: Array<PreflightRecord['checks'][number]['status']>, leftActive = false): PreflightRecord {
  return {
    baseUrl: BASE,
    startedAt: '2026-11-24T10:00:00.000Z',
    checks: statuses.map((status, i) => ({
      name: ['Service provider configuration', 'Connection test', 'Clean-up'][i] ?? `Check ${i}`,
      status,
      detail: `detail ${i}`,
      exchanges: i === 1 ? [exchange] : [],
    })),
    testUser: { userName: 'okta-onboard-preflight-0a1b2c3d@example.com', id: 'u1', leftActive },
    tokenDigest: tokenDigest(TOKEN),
  };
}

const input = ScimInputSchema.parse({ baseUrl: BASE, token: TOKEN, testUserName: '' });

describe('scim input', () => {
  it('normalises the base URL and names the field at fault', () => {
    expect(ScimInputSchema.parse({ baseUrl: ' https://api.courier.example/scim/v2/ ', token: 't' }).baseUrl).toBe(BASE);
    const users = ScimInputSchema.safeParse({ baseUrl: `${BASE}/Users`, token: 't' });
    expect(users.error?.issues[0]).toMatchObject({
      path: ['baseUrl'],
      message: `"${BASE}/Users" ends in /Users; Okta adds /Users itself, so enter ${BASE}`,
    });
    const http = ScimInputSchema.safeParse({ baseUrl: 'http://api.courier.example/scim', token: 't' });
    expect(http.error?.issues[0]?.message).toMatch(/^"http:\/\/api\.courier\.example\/scim" must use https/);
    expect(ScimInputSchema.parse({ baseUrl: 'http://127.0.0.1:4000/scim/v2', token: 't' }).baseUrl).toBe(
      'http://127.0.0.1:4000/scim/v2',
    );
    expect(ScimInputSchema.safeParse({ baseUrl: BASE, token: '  ' }).error?.issues[0]?.path).toEqual(['token']);
  });
});

describe('scim plan', () => {
  it('plans one send change while no preflight has run', () => {
    const observed: ScimObserved = { baseUrl: BASE, current: false };
    expect(planScim(input, observed)).toEqual([
      {
        id: RUN_PREFLIGHT,
        kind: 'send',
        target: `SCIM endpoint ${BASE}`,
        summary: `Run the SCIM preflight against ${BASE} (creates and then deactivates test user okta-onboard-preflight-<random>@example.com, deleting it where the vendor allows)`,
        details: [
          { field: 'SCIM base URL', to: BASE },
          { field: 'Test user', to: 'okta-onboard-preflight-<random>@example.com' },
          {
            field: 'Calls, as Okta makes them',
            to: 'GET /ServiceProviderConfig, GET /Users, POST /Users, GET /Users/{id}, PUT /Users/{id}, PATCH /Users/{id}, then deactivate and DELETE the test user',
          },
        ],
      },
    ]);
  });

  it('plans nothing once a passing preflight is recorded for this URL and token', () => {
    expect(planScim(input, { baseUrl: BASE, report: record(['pass', 'warning', 'pass']), current: true })).toEqual([]);
  });

  it('plans a re-run after a failed preflight, naming what failed', () => {
    const changes = planScim(
      { ...input, testUserName: 'okta.check@acme.example' },
      { baseUrl: BASE, report: record(['pass', 'fail', 'skipped']), current: true },
    );
    expect(changes).toHaveLength(1);
    expect(changes[0]?.summary).toContain('test user okta.check@acme.example');
    expect(changes[0]?.details.at(-1)).toEqual({ field: 'Last run', from: 'failed: Connection test', to: 'run again' });
  });

  it('plans a re-run when the recorded preflight is for another URL or token', () => {
    expect(planScim(input, { baseUrl: BASE, report: record(['pass', 'pass', 'pass']), current: false })).toHaveLength(
      1,
    );
  });

  it('counts a test user left active as a failure', () => {
    expect(
      planScim(input, { baseUrl: BASE, report: record(['pass', 'pass', 'fail'], true), current: true }),
    ).toHaveLength(1);
  });
});

describe('preflight → checks', () => {
  it('maps pass, warning, fail and skipped, with the exchanges as evidence', () => {
    const checks = preflightChecks(record(['pass', 'fail', 'skipped']));
    expect(checks.map((c) => [c.id, c.status])).toEqual([
      ['scim-service-provider-configuration', 'pass'],
      ['scim-connection-test', 'fail'],
      ['scim-clean-up', 'warn'],
    ]);
    expect(checks[1]?.evidence).toBe(
      [
        `> GET ${BASE}/Users?startIndex=1&count=2`,
        '> Accept: application/scim+json',
        '> Authorization: Bearer ••••',
        '< HTTP 200 (12.5 ms)',
        '< content-type: application/scim+json',
        '< {"schemas":["urn:ietf:params:scim:api:messages:2.0:ListResponse"],"totalResults":0}',
      ].join('\n'),
    );
    expect(checks[0]).not.toHaveProperty('evidence');
    expect(preflightChecks(record(['warning'])).map((c) => c.status)).toEqual(['warn']);
  });

  it('shows a call that got no answer', () => {
    expect(
      exchangesEvidence([
        {
          ...exchange,
          status: 0,
          responseHeaders: {},
          responseBody: undefined,
          durationMs: 15000,
          error: 'No answer within 15000 ms (timeout).',
        },
      ]),
    ).toBe(
      `> GET ${BASE}/Users?startIndex=1&count=2\n> Accept: application/scim+json\n> Authorization: Bearer ••••\n< no answer after 15000 ms: No answer within 15000 ms (timeout).`,
    );
  });

  it('names why there is nothing to show', () => {
    expect(scimChecks({ baseUrl: BASE, current: false })).toEqual([
      {
        id: 'scim-preflight-run',
        label: 'SCIM preflight',
        status: 'fail',
        detail: `The preflight has not run against ${BASE} yet. Apply to run it.`,
      },
    ]);
    expect(scimChecks({ baseUrl: BASE, report: record(['pass']), current: false })[0]?.detail).toBe(
      `The last preflight does not count for ${BASE}: the bearer token changed. Apply to run it again.`,
    );
    expect(scimChecks({ baseUrl: `${BASE}x`, report: record(['pass']), current: false })[0]?.detail).toBe(
      `The last preflight does not count for ${BASE}x: it ran against ${BASE}. Apply to run it again.`,
    );
  });

  it('makes stable ids from check names', () => {
    expect(checkId('Deactivate (PUT active:false)')).toBe('scim-deactivate-put-active-false');
  });
});

describe('token digest', () => {
  it('tells the same token from another without keeping it', () => {
    const digest = tokenDigest(TOKEN);
    expect(JSON.stringify(digest)).not.toContain(TOKEN);
    expect(sameToken(digest, TOKEN)).toBe(true);
    expect(sameToken(digest, ` ${TOKEN} `)).toBe(true);
    expect(sameToken(digest, 'another-token')).toBe(false);
  });

  it('scrubs a token the vendor echoed back from the recorded report', () => {
    const report: PreflightReport = {
      baseUrl: BASE,
      startedAt: '2026-11-24T10:00:00.000Z',
      checks: [
        {
          name: 'Connection test',
          status: 'fail',
          detail: 'HTTP 401',
          exchanges: [{ ...exchange, status: 401, responseBody: { detail: `token ${TOKEN} is unknown` } }],
        },
      ],
      testUser: { userName: 'x@example.com', leftActive: false },
    };
    const kept = recordPreflight(report, TOKEN);
    expect(JSON.stringify(kept)).not.toContain(TOKEN);
    expect(kept.checks[0]?.exchanges[0]?.responseBody).toEqual({ detail: 'token •••• is unknown' });
  });
});
