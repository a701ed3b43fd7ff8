import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiTokenClient } from '../../support/api-token-client';

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
}

describe('following Link headers', () => {
  const elsewhereHits: string[] = [];
  const elsewhere = createServer((req, res) => {
    elsewhereHits.push(req.headers.authorization ?? '');
    res.writeHead(200, { 'content-type': 'application/json' }).end('[]');
  });
  let elsewhereUrl = '';
  const org = createServer((_req, res) => {
    res.writeHead(200, {
      'content-type': 'application/json',
      link: `<${elsewhereUrl}/api/v1/users?after=x>; rel="next"`,
    });
    res.end(JSON.stringify([{ id: '00u1', status: 'ACTIVE', profile: { login: 'a@acme.example' } }]));
  });
  let orgUrl = '';

  beforeAll(async () => {
    elsewhereUrl = await listen(elsewhere);
    orgUrl = await listen(org);
  });
  afterAll(async () => {
    await Promise.all([elsewhere, org].map((s) => new Promise((resolve) => s.close(resolve))));
  });

  it('refuses a next page on another origin and never sends it the token', async () => {
    const okta = apiTokenClient({
      orgUrl: orgUrl,
      apiToken: '00secretsecretsecretsecret',
    });
    await expect(okta.listUsers().all()).rejects.toMatchObject({ code: 'OKTA_FOREIGN_LINK' });
    expect(elsewhereHits).toEqual([]);
  });
});
