import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SEED_SERVICE_CLIENT_ID } from '../../src-main/sandbox/oauth/clients';
import { expect, test, type BrowserMode } from './fixtures';
import { bridge, sandbox } from './support/walk';

const SCIM_TOKEN = 'hooli-scim-bearer-5d1e9a';

let dir: string;
test.beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'okta-onboard-import-e2e-'));
});
test.afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A client file as "Export client" writes it for a real org (here the practice org's server, known only by its URL). */
async function clientFile(mode: BrowserMode, name: string, signIn: string): Promise<string> {
  const file = join(dir, `${name.toLowerCase().replace(/\W+/g, '-')}.client.yaml`);
  await writeFile(
    file,
    [
      '# okta-onboard client export (schema: docs/schemas/client-file.schema.json): settings only; no credentials, tokens or keys',
      'kind: okta-onboard-client',
      'version: 1',
      `name: ${name}`,
      `org: { kind: okta, url: "${mode.sandbox.url}", signIn: ${signIn} }`,
      'integrations:',
      '  - vendor: custom-saml',
      `    label: ${name} SSO`,
      '    steps:',
      `      app: { mode: custom, label: ${name} SSO, ssoAcsUrl: "https://vendor.example/acs", audience: "https://vendor.example/sp" }`,
      '      scim: { baseUrl: "https://vendor.example/scim/v2" }',
      '    secretsLeftOut: [{ stepId: scim, field: token }]',
      '',
    ].join('\n'),
  );
  return file;
}

test('importing a client for a real org asks for its API token, says what is wrong next to the field, and the client is signed in and usable at once', async ({
  page,
  browserMode,
}) => {
  test.setTimeout(180_000);
  const file = await clientFile(browserMode, 'Hooli', 'api-token');
  await page.goto(browserMode.url);
  await page.getByRole('button', { name: 'Import client' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import a client' });
  await dialog.getByLabel('Client file', { exact: true }).setInputFiles(file);
  await expect(dialog.getByLabel('What the import makes')).toHaveText(
    `A client for the Okta org ${browserMode.sandbox.url}. Integrations: Hooli SSO.`,
  );
  const orgUrl = dialog.getByLabel('Org URL', { exact: true });
  const token = dialog.getByLabel('API token', { exact: true });
  await expect(orgUrl).toHaveValue(browserMode.sandbox.url);
  await expect(dialog.getByRole('radio', { name: /^API token, now/ })).toBeChecked();
  await expect(
    dialog.getByRole('group', { name: /Sign in with \(the export was made with an API token\)/ }),
  ).toBeVisible();
  const errorOf = (field: 'Org URL' | 'API token') =>
    dialog.locator('.field', { has: page.getByLabel(field, { exact: true }) }).locator('.field-error');

  // No token: said under the token field, nothing sent.
  await dialog.getByRole('button', { name: 'Import client' }).click();
  await expect(errorOf('API token')).toHaveText(
    'Paste an API token of this org, or choose "Service app or admin sign-in" to sign in after the import.',
  );

  // A token Okta refuses.
  await token.fill('00this-is-not-a-valid-token-at-all-000000');
  await dialog.getByRole('button', { name: 'Import client' }).click();
  await expect(errorOf('API token')).toContainText(
    `Okta (${browserMode.sandbox.url}) refused this API token: it is invalid, expired, revoked, or from another org`,
  );
  await expect(errorOf('API token')).toContainText('Security > API > Tokens');
  await expect(token).toHaveAttribute('aria-invalid', 'true');

  // A URL that answers but is no Okta org (the app's own page server).
  await orgUrl.fill(browserMode.origin);
  await token.fill(browserMode.sandbox.apiToken);
  await dialog.getByRole('button', { name: 'Import client' }).click();
  await expect(errorOf('Org URL')).toContainText(`${browserMode.origin} is not an Okta org:`);
  await expect(errorOf('API token')).toHaveCount(0);
  await browserMode.screenshot(page, 'import-client-01-not-okta');
  expect(await bridge<unknown[]>(browserMode, 'clients.list', {})).toEqual([]);

  await orgUrl.fill(browserMode.sandbox.url);
  await dialog.getByLabel('Hooli SSO: SCIM check: SCIM token').fill(SCIM_TOKEN);
  await dialog.getByRole('button', { name: 'Import client' }).click();
  const result = dialog.getByRole('status', { name: 'Client imported' });
  await expect(result).toContainText('Created Hooli with 1 integration (Hooli SSO).');
  await expect(result).toContainText(
    `Signed in to ${browserMode.sandbox.url} as ${await adminName(browserMode)} (${browserMode.sandbox.adminLogin}) with an API token.`,
  );
  await expect(result.locator('.to-do')).toHaveCount(0);
  await browserMode.screenshot(page, 'import-client-02-signed-in');
  await expect(page.getByText(browserMode.sandbox.apiToken)).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Open Hooli' }).click();

  // Usable right away: signed in, and a step runs against the org.
  await expect(page.getByRole('button', { name: 'Okta connection' })).toBeVisible();
  const [client] = await bridge<{ id: string; auth: { method: string } }[]>(browserMode, 'clients.list', {});
  expect(client?.auth.method).toBe('api-token');
  const [integration] = await bridge<{ id: string }[]>(browserMode, 'integrations.list', { clientId: client!.id });
  const scim = await bridge<{ secretsSet: string[] }>(browserMode, 'steps.view', {
    integrationId: integration!.id,
    stepId: 'scim',
  });
  expect(scim.secretsSet).toEqual(['token']);
  const applied = await bridge<{ status: string }>(browserMode, 'steps.apply', {
    integrationId: integration!.id,
    stepId: 'app',
  });
  expect(applied.status).toBe('verified');
});

/** The practice org's Super Admin as Okta names them (`profile.firstName lastName`). */
async function adminName(mode: BrowserMode): Promise<string> {
  const me = await sandbox<{ profile: { firstName: string; lastName: string } }>(mode, 'GET', '/api/v1/users/me');
  return `${me.profile.firstName} ${me.profile.lastName}`;
}

test('a client exported with a service app: signed in right after the import, with the key pair made for it here', async ({
  page,
  browserMode,
}) => {
  test.setTimeout(180_000);
  const file = await clientFile(browserMode, 'Initech', 'service-app');
  await page.goto(browserMode.url);
  await page.getByRole('button', { name: 'Import client' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import a client' });
  await dialog.getByLabel('Client file', { exact: true }).setInputFiles(file);
  await expect(dialog.getByRole('radio', { name: /^Service app or admin sign-in/ })).toBeChecked();
  await expect(dialog.getByLabel('API token', { exact: true })).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Import client' }).click();
  const result = dialog.getByRole('status', { name: 'Client imported' });
  await expect(result.locator('.to-do')).toContainText(
    `Sign in to Initech's Okta org (${browserMode.sandbox.url}): the export was made with a service app; credentials are never exported.`,
  );
  const connect = dialog.getByRole('region', { name: `Okta connection for ${browserMode.sandbox.url}` });
  await expect(connect.getByRole('radio', { name: /Service app/ })).toBeChecked();
  await connect.getByRole('button', { name: 'Show the public key to paste into Okta' }).click();
  const jwk = JSON.parse((await connect.getByLabel('Public key (JWK)').textContent()) ?? '') as Record<string, unknown>;
  // The admin's part in Okta: paste the public key into the service app.
  await sandbox(browserMode, 'POST', `/sandbox/v1/oauth/clients/${SEED_SERVICE_CLIENT_ID}/keys`, jwk);
  await connect.getByLabel('Client ID').fill(SEED_SERVICE_CLIENT_ID);
  await connect.getByRole('button', { name: 'Check and save' }).click();
  await expect(connect.locator('.connection-status p').first()).toContainText('with a service app');
  await browserMode.screenshot(page, 'import-client-03-service-app');
  await dialog.getByRole('button', { name: 'Open Initech' }).click();
  await expect(page.getByRole('button', { name: 'Okta connection' })).toBeVisible();
});
