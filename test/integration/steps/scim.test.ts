import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ScimObservedSchema } from '../../../src-main/api/step-scim';
import { CheckName } from '../../../src-main/scim/preflight';
import { checkId } from '../../../src-main/steps/scim-report';
import { scimServerPool } from '../../support/scim-server-pool';
import { stepHarness } from '../../support/step-harness';

const TOKEN = 'courier-scim-token-7c41a9';
const { good, broken } = scimServerPool(TOKEN);

const statusOf = (checks: { id: string; status: string }[], name: string) =>
  checks.find((c) => c.id === checkId(name))?.status;

describe('scim step against a real SCIM 2.0 server', () => {
  it('plans the preflight, runs it on apply, records it, learns the base URL, and a second apply makes no call', async () => {
    const server = await good();
    const h = await stepHarness('courier');
    const planned = await h.save('scim', { baseUrl: server.baseUrl, token: TOKEN, testUserName: '' });
    expect(planned.status).toBe('planned');
    expect(planned.changes.map((c) => [c.id, c.kind])).toEqual([['scim-preflight', 'send']]);
    expect(planned.changes[0]?.summary).toMatch(
      /^Run the SCIM preflight against http:\/\/127\.0\.0\.1:\d+\/scim\/v2 \(creates and then deactivates test user/,
    );
    expect(planned.secretsSet).toEqual(['token']);
    expect(planned.input).not.toHaveProperty('token');
    expect(server.requests).toEqual([]);

    const applied = await h.apply('scim');
    expect(applied.status).toBe('verified');
    expect(applied.changes).toEqual([]);
    expect(applied.checks.map((c) => [c.label, c.status])).toEqual(
      Object.values(CheckName).map((name) => [name, 'pass']),
    );
    expect(applied.checks.find((c) => c.id === checkId(CheckName.createUser))?.evidence).toMatch(
      /^> POST http:\/\/127\.0\.0\.1:\d+\/scim\/v2\/Users\n[\s\S]*> Authorization: Bearer ••••\n[\s\S]*< HTTP 201/,
    );
    expect(server.users()).toEqual([]);
    expect((await h.current()).facts.scimBaseUrl).toBe(server.baseUrl);
    const observed = ScimObservedSchema.parse(applied.observed);
    expect(observed).toMatchObject({
      baseUrl: server.baseUrl,
      current: true,
      report: { baseUrl: server.baseUrl, testUser: { leftActive: false } },
    });

    const calls = server.requests.length;
    const again = await h.apply('scim');
    expect(again.status).toBe('verified');
    expect((await h.inspect('scim')).status).toBe('verified');
    expect(server.requests.length).toBe(calls);

    const onDisk = await readFile(join(h.dataDir, 'workspace.json'), 'utf8');
    expect(onDisk).toContain(server.baseUrl);
    expect(onDisk).not.toContain(TOKEN);
    expect(JSON.stringify(again)).not.toContain(TOKEN);
  });

  it('plans the preflight again when the token changes', async () => {
    const server = await good();
    const h = await stepHarness('courier');
    await h.save('scim', { baseUrl: server.baseUrl, token: TOKEN });
    expect((await h.apply('scim')).status).toBe('verified');
    const replanned = await h.save('scim', { token: 'a-rotated-token' });
    expect((await h.current()).facts.scimBaseUrl).toBe(server.baseUrl);
    expect(replanned.status).toBe('planned');
    expect(replanned.changes.map((c) => c.id)).toEqual(['scim-preflight']);
    const verified = await h.verify('scim');
    expect(verified.checks).toEqual([
      expect.objectContaining({
        id: 'scim-preflight-run',
        status: 'fail',
        detail: `The last preflight does not count for ${server.baseUrl}: the bearer token changed. Apply to run it again.`,
      }),
    ]);
    const refused = await h.apply('scim');
    expect(refused.status).toBe('failed');
    expect((await h.current()).facts.scimBaseUrl).toBeUndefined();
  });

  it('fails the right check for a wrong token (401) and keeps the preflight planned', async () => {
    const server = await good();
    const h = await stepHarness('courier');
    await h.save('scim', { baseUrl: server.baseUrl, token: 'not-the-token' });
    const view = await h.apply('scim');
    expect(view.status).toBe('failed');
    expect(view.changes.map((c) => c.id)).toEqual(['scim-preflight']);
    expect(view.checks.find((c) => c.id === checkId(CheckName.serviceProviderConfig))).toMatchObject({
      status: 'fail',
      detail: expect.stringMatching(/^Token refused: the vendor answered HTTP 401/),
    });
    expect(statusOf(view.checks, CheckName.createUser)).toBe('warn');
    expect(server.requests.map((r) => r.method)).toEqual(['GET']);
    expect((await h.current()).facts.scimBaseUrl).toBeUndefined();
    expect(JSON.stringify(view)).not.toContain('not-the-token');
  });

  it('fails the lookup checks against a server without filter support', async () => {
    const server = await broken('no-filter');
    const h = await stepHarness('courier');
    await h.save('scim', { baseUrl: server.baseUrl, token: TOKEN });
    const view = await h.apply('scim');
    expect(view.status).toBe('failed');
    expect(view.checks.find((c) => c.id === checkId(CheckName.lookupBeforeCreate))).toMatchObject({
      status: 'fail',
      detail: expect.stringMatching(/^Filter problem: /),
    });
  });

  it('fails the connection test against a server that answers 500', async () => {
    const server = await broken('server-error');
    const h = await stepHarness('courier');
    await h.save('scim', { baseUrl: server.baseUrl, token: TOKEN });
    const view = await h.apply('scim');
    expect(view.checks.find((c) => c.id === checkId(CheckName.connectionTest))).toMatchObject({
      status: 'fail',
      detail: expect.stringMatching(/^Server error: the vendor answered HTTP 500/),
    });
    expect(server.requests.every((r) => r.method === 'GET')).toBe(true);
  });

  it('fails the connection test against JSON that is not SCIM', async () => {
    const server = await broken('not-scim-json');
    const h = await stepHarness('courier');
    await h.save('scim', { baseUrl: server.baseUrl, token: TOKEN });
    const view = await h.apply('scim');
    expect(view.checks.find((c) => c.id === checkId(CheckName.connectionTest))).toMatchObject({
      status: 'fail',
      detail: expect.stringMatching(/^JSON that is not a SCIM ListResponse/),
    });
  });

  it('names a timeout against a server that never answers', { timeout: 45_000 }, async () => {
    const server = await broken('slow');
    const h = await stepHarness('courier');
    await h.save('scim', { baseUrl: server.baseUrl, token: TOKEN });
    const view = await h.apply('scim');
    expect(view.checks.find((c) => c.id === checkId(CheckName.serviceProviderConfig))).toMatchObject({
      status: 'fail',
      detail: 'No answer within 15000 ms (timeout).',
    });
    expect(view.checks.find((c) => c.id === checkId(CheckName.connectionTest))).toMatchObject({
      status: 'warn',
      detail: 'Skipped: the vendor could not be reached.',
    });
    expect(server.requests).toHaveLength(1);
  });

  it('names the field for a bad base URL and blocks until a token is stored', async () => {
    const h = await stepHarness('courier');
    await expect(
      h.save('scim', { baseUrl: 'https://api.courier.example/scim/v2/Users', token: TOKEN }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT', field: 'baseUrl' });
    const view = await h.inspect('scim');
    expect(view.status).toBe('needs-input');
    expect(view.blockers.map((b) => [b.label, b.message])).toEqual([
      [
        'SCIM base URL',
        'Enter the SCIM connector base URL the vendor gave you; a SCIM connector base URL looks like https://api.vendor.example/scim/v2 (the part before /Users)',
      ],
      ['SCIM token', 'Paste the SCIM bearer token the vendor issued; Okta sends it as "Authorization: Bearer <token>"'],
    ]);
  });
});
