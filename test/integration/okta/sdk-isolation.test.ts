import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RatePacer } from '../../../src-main/okta/rate-pacer';
import { RequestPolicy } from '../../../src-main/okta/request-policy';
import { createSdkClient } from '../../../src-main/okta/sdk-client';

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

interface Loader {
  config: { client: Record<string, unknown> };
  applyYamlFile(path: string): void;
  applyEnvVars(): void;
}

describe('the Okta SDK is isolated from okta.yaml files and OKTA_* variables', () => {
  let dir: string;
  let server: Server;
  let orgUrl: string;
  const seen: IncomingHttpHeaders[] = [];
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
      seen.push(req.headers);
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
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

  it('the planted files and variables are ones the SDK loader would read', () => {
    const { ConfigLoader } = createRequire(import.meta.url)('@okta/okta-sdk-nodejs/src/config-loader.js') as {
      ConfigLoader: new () => Loader;
    };
    const loader = new ConfigLoader();
    loader.applyYamlFile(join(dir, 'home', '.okta', 'okta.yaml'));
    expect(loader.config.client.token).toBe('home-yaml-token');
    loader.applyEnvVars();
    expect(loader.config.client.token).toBe('planted-env-token');
  });

  it('builds a client that uses only what we pass and sends only our Authorization', async () => {
    const policy = new RequestPolicy({
      orgUrl,
      authorizer: { headersFor: async () => ({ Authorization: 'SSWS ours' }) },
      pacer: new RatePacer(),
    });
    const client = createSdkClient(orgUrl, policy);
    expect(client.baseUrl).toBe(orgUrl);
    expect(client.authorizationMode).toBe('SSWS');
    expect(client.clientId).toBeUndefined();
    expect(client.privateKey).toBeUndefined();
    expect(client.oauth).toBeUndefined();
    const response = (await client.http.http(`${orgUrl}/api/v1/users/me`)) as unknown as Response;
    expect(response.status).toBe(200);
    expect(seen).toHaveLength(1);
    expect(seen[0]?.authorization).toBe('SSWS ours');
    expect(seen[0]?.['user-agent']).not.toMatch(/planted|yaml/);
    expect(seen[0]?.['user-agent']).toMatch(/^@okta\/okta-sdk-nodejs\/8\.1\.0 /);
  });
});
