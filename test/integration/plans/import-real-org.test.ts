import { createServer, type Server } from 'node:http';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../src-main/errors';
import type { SandboxOrg } from '../../../src-main/sandbox/server';
import { createServices, type Services } from '../../../src-main/services/bootstrap';
import { FileSecretStore } from '../../../src-main/workspace/secrets';
import { startSandbox } from '../../support/sandbox';
import { makeTempDir } from '../../support/temp-dir';

const TOKEN = '00PLANTED-import-token-0123456789abcdefXY';
const SCIM_TOKEN = 'PLANTED-scim-bearer-for-import-77aa';

/** A client file for a real org (known only by its URL, as any customer's org is) with one integration. */
function clientFile(url: string, name = 'Hooli'): { fileName: string; text: string } {
  return {
    fileName: `${name.toLowerCase()}.client.yaml`,
    text: [
      'kind: okta-onboard-client',
      'version: 1',
      `name: ${name}`,
      `org: { kind: okta, url: "${url}", signIn: api-token }`,
      'integrations:',
      '  - vendor: custom-saml',
      '    label: Hooli SSO',
      '    steps:',
      '      app: { mode: custom, label: Hooli SSO, ssoAcsUrl: "https://vendor.example/acs", audience: "https://vendor.example/sp" }',
      '      scim: { baseUrl: "https://vendor.example/scim/v2" }',
      '    secretsLeftOut: [{ stepId: scim, field: token }]',
    ].join('\n'),
  };
}

async function refusal(call: Promise<unknown>): Promise<{ code: string; field: string | undefined; message: string }> {
  try {
    await call;
  } catch (error) {
    if (error instanceof AppError) return { code: error.code, field: error.field, message: error.message };
    throw error;
  }
  throw new Error('expected a refusal');
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

describe('importing a client for a real org asks for its Okta credentials and is usable at once', () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  let org: SandboxOrg;
  let services: Services;
  let webSite: Server;
  let webSiteUrl: string;

  beforeAll(async () => {
    temp = await makeTempDir();
    // The practice org's server, reached only by its URL as a "real" org: the app is told nothing else.
    org = await startSandbox({ apiToken: TOKEN });
    services = await createServices({ mode: 'browser', dataDir: join(temp.dir, 'data') });
    // Some other web site: answers every path with an HTML page.
    webSite = createServer((_req, res) => {
      res.writeHead(404, { 'Content-Type': 'text/html' });
      res.end('<html><body>Not here</body></html>');
    });
    await new Promise<void>((resolve) => webSite.listen(0, '127.0.0.1', resolve));
    const address = webSite.address();
    webSiteUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  }, 60_000);

  afterAll(async () => {
    await new Promise((resolve) => webSite.close(resolve));
    await services.close();
    await temp.remove();
  });

  it('refuses, naming the field, and makes nothing: a token Okta refuses, a URL that is no Okta org, an org that does not answer', async () => {
    const h = services.handlers;
    const wrongToken = await refusal(
      h.plans.importClient({
        file: clientFile(org.url),
        token: '00WRONG-token-00000000000000000000000000',
        secrets: [],
      }),
    );
    expect(wrongToken).toMatchObject({ code: 'OKTA_TOKEN_INVALID', field: 'token' });
    expect(wrongToken.message).toMatch(
      new RegExp(
        `^Okta \\(${org.url.replace(/\./g, '\\.')}\\) refused this API token: it is invalid, expired, revoked, or from another org`,
      ),
    );

    const notOkta = await refusal(h.plans.importClient({ file: clientFile(webSiteUrl), token: TOKEN, secrets: [] }));
    expect(notOkta).toEqual({
      code: 'NOT_AN_OKTA_ORG',
      field: 'orgUrl',
      message: `${webSiteUrl} is not an Okta org: it answers HTTP 404 where every Okta org publishes /.well-known/okta-organization.`,
    });

    // The URL typed in the dialog wins over the file's: here a closed port.
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const closedUrl = `http://127.0.0.1:${(closed.address() as { port: number }).port}`;
    await new Promise((resolve) => closed.close(resolve));
    const silent = await refusal(
      h.plans.importClient({ file: clientFile(org.url), orgUrl: closedUrl, token: TOKEN, secrets: [] }),
    );
    expect(silent).toMatchObject({ code: 'OKTA_UNREACHABLE', field: 'orgUrl' });
    expect(silent.message).toBe(`Could not reach the org: ${closedUrl} did not answer (ECONNREFUSED).`);

    const badUrl = await refusal(
      h.plans.importClient({
        file: clientFile(org.url),
        orgUrl: 'https://hooli-admin.okta.com',
        token: TOKEN,
        secrets: [],
      }),
    );
    expect(badUrl).toMatchObject({ code: 'INVALID_ARGUMENT', field: 'orgUrl' });
    expect(badUrl.message).toMatch(/is the Admin Console host/);

    expect(await h.clients.list({})).toEqual([]);
  });

  it('with the token: the client is signed in, its secrets are in its secret store, and its steps run against the org right away', async () => {
    const h = services.handlers;
    const imported = await h.plans.importClient({
      file: clientFile(org.url),
      token: ` SSWS ${TOKEN} `,
      secrets: [{ integration: 0, stepId: 'scim', field: 'token', value: SCIM_TOKEN }],
    });
    expect(imported.client).toMatchObject({
      name: 'Hooli',
      orgUrl: org.url,
      sandbox: false,
      auth: { method: 'api-token' },
    });
    expect(imported.toDo).toEqual([]);
    expect(imported.signedInAs).toContain(org.adminLogin);
    expect(JSON.stringify(imported)).not.toContain(TOKEN);

    const status = await h.okta.status({ clientId: imported.client.id });
    expect(status).toMatchObject({ state: 'signed-in', caller: { login: org.adminLogin, authMethod: 'api-token' } });
    const secrets = new FileSecretStore(join(temp.dir, 'data'));
    expect(await secrets.get(imported.client.id, 'api-token')).toBe(TOKEN);
    const integration = imported.integrations[0]!;
    expect(await secrets.get(imported.client.id, `${integration.id}:scim:token`)).toBe(SCIM_TOKEN);

    const applied = await h.steps.apply({ integrationId: integration.id, stepId: 'app' });
    expect(applied.status).toBe('verified');
    const apps = (await (
      await fetch(`${org.url}/api/v1/apps?q=Hooli`, {
        headers: { Authorization: `SSWS ${TOKEN}`, Accept: 'application/json' },
      })
    ).json()) as { label: string }[];
    expect(apps.map((a) => a.label)).toEqual(['Hooli SSO']);

    // Exported again: the org, the sign-in method and the secret's name; never the token or the SCIM token.
    const exported = await h.plans.exportClient({ clientId: imported.client.id });
    expect(exported.text).toContain(`url: ${org.url}`);
    expect(exported.text).toContain('signIn: api-token');
    expect(exported.text).not.toContain(TOKEN);
    expect(exported.text).not.toContain(SCIM_TOKEN);
    // Nowhere in the data folder but the secret store's own file.
    for (const file of await filesUnder(join(temp.dir, 'data'))) {
      if (file.includes('secrets')) continue;
      const text = await readFile(file, 'utf8');
      expect(text.includes(TOKEN) || text.includes(SCIM_TOKEN), file).toBe(false);
    }
  }, 120_000);

  it('without a token: made signed out, and the result says to sign in (service app or admin sign-in come after the import)', async () => {
    const imported = await services.handlers.plans.importClient({
      file: clientFile(org.url, 'Pied Piper'),
      secrets: [],
    });
    expect(imported.client.auth).toEqual({ method: 'none' });
    expect(imported.signedInAs).toBeUndefined();
    expect(imported.toDo).toEqual([
      `Sign in to Pied Piper's Okta org (${org.url}): the export was made with an API token; credentials are never exported.`,
      'Hooli SSO: enter the SCIM token again on its "SCIM check" step (secrets are never exported).',
    ]);
  });
});
