import { describe, expect, it } from 'vitest';
import { api, samlAppBody, startSandbox } from '../../support/sandbox';

type Json = Record<string, unknown>;

describe('write counting', () => {
  it('counts mutating API calls only, so an idempotent second apply shows zero writes', async () => {
    const org = await startSandbox();
    // An "apply" that looks first and writes only what is missing.
    const apply = async (): Promise<void> => {
      const found = await api<Json[]>(org, 'GET', `/api/v1/apps?q=${encodeURIComponent('Idempotent')}`);
      const app =
        found.body[0] ?? (await api<Json>(org, 'POST', '/api/v1/apps', { body: samlAppBody('Idempotent') })).body;
      const groups = await api<Json[]>(org, 'GET', `/api/v1/apps/${String(app.id)}/groups`);
      if (groups.body.length === 0) {
        const engineering = (await api<Json[]>(org, 'GET', '/api/v1/groups?q=Engineering')).body[0];
        await api(org, 'PUT', `/api/v1/apps/${String(app.id)}/groups/${String(engineering?.id)}`, { body: {} });
      }
    };
    await apply();
    expect(org.writeCount()).toBe(2);
    await apply();
    expect(org.writeCount()).toBe(2);
    expect(
      org
        .requestLog()
        .filter((e) => e.mutating)
        .map((e) => `${e.method} ${e.path.split('/').slice(0, 5).join('/')}`),
    ).toEqual([
      'POST /api/v1/apps',
      `PUT /api/v1/apps/${String(
        org
          .requestLog()
          .find((e) => e.method === 'PUT')
          ?.path.split('/')[4],
      )}`,
    ]);
  });

  it('counts a write that Okta refused too (it reached the API) but not one refused before auth', async () => {
    const org = await startSandbox();
    await api(org, 'POST', '/api/v1/apps', { body: { label: 'x', signOnMode: 'NOPE' } });
    await api(org, 'POST', '/api/v1/apps', { body: samlAppBody('No token'), token: null });
    expect(org.writeCount()).toBe(1);
  });

  it('tells an admin caller in another process the write count, and no one else', async () => {
    const org = await startSandbox();
    await api(org, 'POST', '/api/v1/apps', { body: samlAppBody('Counted') });
    expect((await api<{ writeCount: number }>(org, 'GET', '/sandbox/v1/stats')).body).toEqual({ writeCount: 1 });
    expect((await api(org, 'GET', '/sandbox/v1/stats', { token: null })).status).toBe(403);
  });
});
