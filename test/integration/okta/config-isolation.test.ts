import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { Client } from '@okta/okta-sdk-nodejs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiTokenClient } from '../../support/api-token-client';

const PLANTED = {
  OKTA_CLIENT_ORGURL: 'http://127.0.0.1:9/planted-org',
  OKTA_CLIENT_TOKEN: 'planted-env-token',
  OKTA_CLIENT_AUTHORIZATIONMODE: 'PrivateKey',
  OKTA_CLIENT_CLIENTID: 'planted-client-id',
  OKTA_CLIENT_SCOPES: 'okta.users.manage',
  OKTA_CLIENT_PRIVATEKEY: 'planted-private-key',
  OKTA_CLIENT_USERAGENT: 'planted-agent',
};
const yaml = (tag: string) =>
  `okta:\n  client:\n    orgUrl: http://127.0.0.1:9/${tag}\n    token: ${tag}-token\n    userAgent: ${tag}-agent\n    clientId: ${tag}-client\n`;

describe('the Management API client ignores okta.yaml files and OKTA_* variables', () => {
  let dir: string;
  let server: Server;
  let orgUrl: string;
  const seen: Array<{ url: string; headers: IncomingHttpHeaders }> = [];
  const saved = { home: process.env.HOME, cwd: process.cwd() };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'okta-isolation-'));
    await mkdir(join(dir, 'home', '.okta'), { recursive: true });
    await mkdir(join(dir, 'cwd'));
    await writeFile(join(dir, 'home', '.okta', 'okta.yaml'), yaml('home-yaml'));
    await writeFile(join(dir, 'cwd', 'okta.yaml'), yaml('cwd-yaml'));
    process.env.HOME = join(dir, 'home');
    process.chdir(join(dir, 'cwd'));
    Object.assign(process.env, PLANTED);
    server = createServer((req, res) => {
      seen.push({ url: req.url ?? '', headers: req.headers });
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ id: '00u1', status: 'ACTIVE', profile: { login: 'ann@acme.example' } }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    orgUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });

  afterAll(async () => {
    for (const key of Object.keys(PLANTED)) delete process.env[key];
    process.env.HOME = saved.home;
    process.chdir(saved.cwd);
    await new Promise((resolve) => server.close(resolve));
    await rm(dir, { recursive: true, force: true });
  });

  it('the planted file and variables are ones the Okta SDK would have merged into its config', () => {
    const sdk = new Client();
    expect(sdk.baseUrl).toBe('http://127.0.0.1:9/planted-org');
    expect(sdk.authorizationMode).toBe('PrivateKey');
    expect(sdk.clientId).toBe('planted-client-id');
    delete process.env.OKTA_CLIENT_ORGURL;
    try {
      expect(new Client().baseUrl).toBe('http://127.0.0.1:9/cwd-yaml');
    } finally {
      process.env.OKTA_CLIENT_ORGURL = PLANTED.OKTA_CLIENT_ORGURL;
    }
  });

  it('calls only the org it was given, with only our Authorization and User-Agent', async () => {
    const client = apiTokenClient({
      orgUrl: orgUrl,
      apiToken: 'ours-0123456789abcdefghij',
    });
    const user = await client.getUser('ann@acme.example');
    expect(user?.profile.login).toBe('ann@acme.example');
    expect(seen).toHaveLength(1);
    expect(seen[0]?.url).toBe('/api/v1/users/ann%40acme.example');
    expect(seen[0]?.headers.authorization).toBe('SSWS ours-0123456789abcdefghij');
    expect(seen[0]?.headers['user-agent']).toBe(`okta-onboarding-wizard node/${process.versions.node}`);
    expect(JSON.stringify(seen[0]?.headers)).not.toMatch(/planted|yaml/);
  });

  it('the client code never loads the Okta SDK, so nothing reads its config files', () => {
    const sources = readdirSync(join(saved.cwd, 'src-main'), { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.tsx?$/.test(f))
      .filter((f) => readFileSync(join(saved.cwd, 'src-main', f), 'utf8').includes('@okta/okta-sdk-nodejs'));
    expect(sources).toEqual([]);
  });
});
