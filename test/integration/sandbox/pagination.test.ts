import { beforeAll, describe, expect, it } from 'vitest';
import type { SandboxOrg } from '../../../src-main/sandbox/server';
import { api, bookmarkAppBody, startSandbox } from '../../support/sandbox';

type Json = Record<string, unknown>;

let org: SandboxOrg;

function nextLink(link: string | null): string | undefined {
  return /<([^>]+)>;\s*rel="next"/.exec(link ?? '')?.[1];
}

/** Follows `rel="next"` from `path` and returns every page's ids. */
async function walk(path: string): Promise<string[][]> {
  const pages: string[][] = [];
  let url: string | undefined = path;
  while (url) {
    const page: Awaited<ReturnType<typeof api<Json[]>>> = await api<Json[]>(org, 'GET', url);
    expect(page.status).toBe(200);
    pages.push(page.body.map((item) => String(item.id)));
    url = nextLink(page.headers.get('link'));
  }
  return pages;
}

beforeAll(async () => {
  org = await startSandbox();
});

describe('Link-header pagination', () => {
  it('walks every user in pages of 7, each user once, with a self link on every page', async () => {
    const pages = await walk('/api/v1/users?limit=7');
    const total = org.state.users.size;
    expect(pages.map((p) => p.length)).toEqual([
      ...Array(Math.floor(total / 7)).fill(7),
      ...(total % 7 ? [total % 7] : []),
    ]);
    const ids = pages.flat();
    expect(new Set(ids).size).toBe(total);
    expect(ids).toEqual([...org.state.users.keys()]);
  });

  it('gives absolute next URLs carrying an after cursor and the limit, and none on the last page', async () => {
    const first = await api<Json[]>(org, 'GET', '/api/v1/groups?limit=3');
    const next = nextLink(first.headers.get('link'));
    expect(next).toBe(`${org.url}/api/v1/groups?limit=3&after=${String(first.body[2]?.id)}`);
    expect(first.headers.get('link')).toContain(`<${org.url}/api/v1/groups?limit=3>; rel="self"`);
    const all = await api<Json[]>(org, 'GET', '/api/v1/groups');
    expect(nextLink(all.headers.get('link'))).toBeUndefined();
  });

  it('keeps the query of a filtered listing on the next page', async () => {
    for (let i = 0; i < 5; i += 1) await api(org, 'POST', '/api/v1/apps', { body: bookmarkAppBody(`Paged ${i}`) });
    const pages = await walk('/api/v1/apps?filter=name%20eq%20%22bookmark%22&limit=2');
    expect(pages.map((p) => p.length)).toEqual([2, 2, 1]);
  });

  it('clamps a limit above the maximum to the maximum (200 users)', async () => {
    const big = await startSandbox({ seed: { generate: { users: 450, groups: 3 } } });
    const page = await api<Json[]>(big, 'GET', '/api/v1/users?limit=1000');
    expect(page.body).toHaveLength(200);
    expect(nextLink(page.headers.get('link'))).toContain('limit=200');
  });

  it('answers a non-numeric limit with E0000001', async () => {
    const answer = await api<Json>(org, 'GET', '/api/v1/users?limit=ten');
    expect([answer.status, answer.body.errorCode, answer.body.errorSummary]).toEqual([
      400,
      'E0000001',
      'Api validation failed: limit',
    ]);
  });
});
