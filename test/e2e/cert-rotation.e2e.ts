import { generateKeyPairSync, X509Certificate } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { SANDBOX_PASSWORD } from '../../src-main/sandbox/oauth/sign-in';
import { startTestCa } from '../support/test-ca';
import { expect, test, type BrowserMode } from './fixtures';
import { bridge, sandbox, startPracticeIntegration } from './support/walk';

const TEST_USER = 'ava.adams@acme.example';

/** A Mixpanel app in the practice org with the test user assigned and chosen; the setup runs through the channels. */
async function mixpanelReadyToRotate(page: Page, browserMode: BrowserMode) {
  const wizard = await startPracticeIntegration(page, browserMode, 'Mixpanel');
  await expect(wizard.stepHeading()).toHaveText('Mixpanel app');
  const [integration] = await bridge<Array<{ id: string }>>(browserMode, 'integrations.list', {});
  const integrationId = integration!.id;
  await bridge(browserMode, 'steps.saveInput', {
    integrationId,
    stepId: 'app',
    input: { mode: 'custom', label: 'Mixpanel' },
  });
  await bridge(browserMode, 'steps.apply', { integrationId, stepId: 'app' });
  await bridge(browserMode, 'steps.verify', { integrationId, stepId: 'metadata' });
  const { appId } = (await bridge<{ facts: { appId: string } }>(browserMode, 'integrations.get', { integrationId }))
    .facts;
  const user = await sandbox<{ id: string }>(browserMode, 'GET', `/api/v1/users/${TEST_USER}`);
  await sandbox(browserMode, 'POST', `/api/v1/apps/${appId}/users`, { id: user.id, scope: 'USER' });
  await bridge(browserMode, 'steps.saveInput', {
    integrationId,
    stepId: 'test-login',
    input: { userLogin: TEST_USER },
  });
  const signingKid = async () =>
    (await sandbox<{ credentials: { signing: { kid: string } } }>(browserMode, 'GET', `/api/v1/apps/${appId}`))
      .credentials.signing.kid;
  return { integrationId, appId, signingKid };
}

test('rotating the signing certificate: generate, register, switch, test login on the new key, confirm; then the overview of all clients', async ({
  page,
  browserMode,
}) => {
  test.setTimeout(240_000);
  // The setup steps run through the channels their screens use; this test is about the rotation.
  const { appId, signingKid } = await mixpanelReadyToRotate(page, browserMode);
  const oldKid = await signingKid();

  await page.reload();
  const bar = page.getByRole('region', { name: 'Signing certificate' });
  await expect(bar.getByTestId('cert-line')).toContainText(
    /^Valid until .* \(3,6\d\d days left\)\. \(read from Okta just now/,
    {
      timeout: 30_000,
    },
  );
  await expect(bar.locator('.cert-badge')).toHaveText('Valid');
  await browserMode.screenshot(page, 'cert-01-health');

  await bar.getByRole('button', { name: 'Rotate certificate' }).click();
  const dialog = page.getByRole('dialog', { name: /Rotate the signing certificate/ });
  await dialog.getByLabel('New certificate valid for (years, 2 to 10)').fill('3');
  await dialog.getByRole('button', { name: 'Start rotation' }).click();
  await dialog.getByRole('button', { name: 'Generate the new key in Okta' }).click();
  await expect(dialog.getByLabel('New certificate', { exact: true })).toBeVisible({ timeout: 60_000 });
  await expect(dialog.getByRole('button', { name: 'Download IdP metadata (XML)' })).toBeVisible({ timeout: 30_000 });
  expect(await signingKid()).toBe(oldKid);
  const xml = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: 'Download IdP metadata (XML)' }).click(),
  ]).then(([d]) => d.suggestedFilename());
  expect(xml).toBe('okta-idp-metadata.xml');
  await browserMode.screenshot(page, 'cert-02-register');
  await dialog.getByRole('button', { name: 'Mark as copied into Mixpanel' }).click();

  await expect(
    dialog.getByText(/^Reported by you: the new certificate was copied to Mixpanel .* \(not checked\)\.$/),
  ).toBeVisible();
  await dialog.getByRole('button', { name: 'Switch the app to the new key' }).click();
  await expect(dialog.getByRole('button', { name: 'Sign in with the password' })).toBeVisible();
  const newKid = await signingKid();
  expect(newKid).not.toBe(oldKid);

  await dialog.getByLabel(/Test user's Okta password/).fill(SANDBOX_PASSWORD);
  await dialog.getByRole('button', { name: 'Sign in with the password' }).click();
  const result = dialog.getByLabel('Test login result');
  await expect(result).toContainText(`Test login passed as ${TEST_USER}`, { timeout: 60_000 });
  await expect(result.locator('.check-fail')).toHaveCount(0);
  await expect(dialog.getByText(`The old key (${oldKid}) is kept until you confirm`)).toBeVisible();
  const keys = await sandbox<{ kid: string }[]>(browserMode, 'GET', `/api/v1/apps/${appId}/credentials/keys`);
  expect(keys.map((k) => k.kid)).toEqual([oldKid, newKid]);
  await browserMode.screenshot(page, 'cert-03-tested');

  await dialog.getByRole('button', { name: 'Confirm and retire the old key' }).click();
  await expect(dialog.getByRole('button', { name: 'Start rotation' })).toBeVisible();
  await expect(dialog.getByText(/^Last rotation finished/)).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(bar.getByRole('button', { name: 'Rotate certificate' })).toBeVisible();

  // Every client at a glance: the client menu's "All clients", and the search beside it.
  await page.getByRole('combobox', { name: 'Client', exact: true }).selectOption({ label: 'All clients' });
  const overview = page.getByRole('table', { name: 'Integrations of every client' });
  await expect(overview.getByRole('row')).toHaveCount(2);
  await page.getByRole('button', { name: 'Check all certificates' }).click();
  const row = overview.locator('tr[data-integration="Mixpanel"]');
  await expect(row).toContainText(/Valid until .* \(1,09\d days left\)\./, { timeout: 30_000 });
  await expect(row.locator('.cert-badge')).toHaveText('Valid');
  await expect(page.getByRole('button', { name: 'Check all certificates' })).toBeEnabled();
  await browserMode.screenshot(page, 'cert-04-all-clients');

  await page.getByRole('button', { name: 'Find client…' }).click();
  const search = page.getByRole('combobox', { name: 'Search clients by name or org URL' });
  await search.fill('acm');
  await expect(page.getByRole('listbox', { name: 'Clients' }).getByRole('option')).toHaveCount(1);
  await search.press('Enter');
  await expect(page.getByRole('combobox', { name: 'Client', exact: true })).toHaveValue(/^cli_/);
  await browserMode.screenshot(page, 'cert-05-client-found');
});

/** axe over the open dialog only (the page behind it is other specs' business). */
async function dialogViolations(page: Page) {
  const result = await new AxeBuilder({ page }).include('dialog[open]').analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** The PEM body of a CSR file as base64 DER, which the test CA signs (as an admin's CA would). */
const csrBase64Of = (pem: string) => pem.replace(/-----[A-Z ]+-----|\s/g, '');

async function openRotation(page: Page) {
  const bar = page.getByRole('region', { name: 'Signing certificate' });
  await bar.getByRole('button', { name: /^(Rotate certificate|Continue rotation: .*)$/ }).click();
  return page.getByRole('dialog', { name: /Rotate the signing certificate/ });
}

/** Starts a rotation and asks Okta for a CSR through the form; returns the CSR file as downloaded. */
async function requestCsr(page: Page, dialog: ReturnType<Page['getByRole']>, commonName: string) {
  await dialog.getByLabel('Use a certificate from your CA (CSR)').check();
  await dialog.getByLabel('Common name (CN)').fill(commonName);
  await dialog.getByRole('button', { name: 'Ask Okta for the CSR' }).click();
  await expect(dialog.getByLabel('CSR (PEM)', { exact: true })).toBeVisible({ timeout: 60_000 });
  const download = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: 'Download CSR (.csr)' }).click(),
  ]).then(([d]) => d);
  return { name: download.suggestedFilename(), pem: await readFile((await download.path())!, 'utf8') };
}

test('rotating with a certificate from the admin’s CA: CSR with checked fields, download, resume after a restart, wrong certificates refused next to the field, DER upload, then register, switch, test login on the new key, confirm', async ({
  page,
  browserMode,
}) => {
  test.setTimeout(300_000);
  const { integrationId, appId, signingKid } = await mixpanelReadyToRotate(page, browserMode);
  const oldKid = await signingKid();
  const csrsInOkta = async () =>
    (await sandbox<{ id: string }[]>(browserMode, 'GET', `/api/v1/apps/${appId}/credentials/csrs`)).map((c) => c.id);
  const keysInOkta = async () =>
    (await sandbox<{ kid: string }[]>(browserMode, 'GET', `/api/v1/apps/${appId}/credentials/keys`)).map((k) => k.kid);
  await page.reload();
  let dialog = await openRotation(page);
  await dialog.getByRole('button', { name: 'Start rotation' }).click();

  // The choice, and the subject's rules next to each field before Okta is asked.
  await expect(dialog.getByRole('group', { name: 'How is the new key made?' })).toBeVisible();
  await dialog.getByLabel('Use a certificate from your CA (CSR)').check();
  const form = dialog.getByRole('form', { name: 'Certificate signing request' });
  await expect(form.getByLabel('Common name (CN)')).toHaveValue('Mixpanel SAML signing');
  await expect(form.getByLabel('Organization (O)')).toHaveValue('Acme');
  await form.getByLabel('Common name (CN)').fill('');
  await form.getByLabel('Country (C)').fill('u1');
  await form.getByLabel('DNS names (subject alternative names)').fill('sso.acme.example, not a host');
  await form.getByRole('button', { name: 'Ask Okta for the CSR' }).click();
  await expect(form.getByRole('alert')).toHaveText([
    'commonName: the CSR needs a common name (the name the certificate is issued to). Enter the name your CA expects, for example your company domain or the app name.',
    'countryName: "U1" is not a two-letter country code. Use the ISO 3166 code in capitals, for example US or DE, or leave it empty.',
    'dnsNames: "not" is not a DNS name (letters, digits and hyphens in dot-separated parts, such as sso.acme.example). Enter host names one a line (or separated by commas), or leave the field empty.',
  ]);
  await expect(form.getByLabel('Common name (CN)')).toHaveAttribute('aria-invalid', 'true');
  expect(await dialogViolations(page)).toEqual([]);
  expect(await csrsInOkta()).toEqual([]);
  await form.getByLabel('Country (C)').fill('us');
  await form.getByLabel('DNS names (subject alternative names)').fill('sso.acme.example');
  await form.getByLabel('Organization (O)').fill('Acme Corp');
  const csrFile = await requestCsr(page, dialog, 'sso.acme.example');
  const [csrId] = await csrsInOkta();
  expect(csrFile.name).toBe(`okta-mixpanel-${csrId}.csr`);
  expect(csrFile.pem).toMatch(
    /^-----BEGIN CERTIFICATE REQUEST-----\n[A-Za-z0-9+/=\n]+-----END CERTIFICATE REQUEST-----\n$/,
  );
  const facts = dialog.getByLabel('Certificate signing request');
  await expect(facts).toContainText('CN=sso.acme.example, O=Acme Corp, C=US');
  await expect(facts).toContainText('RSA 2048-bit (the private key stays in Okta)');
  await expect(dialog.getByLabel('CSR (PEM)', { exact: true })).toHaveText(csrFile.pem.trimEnd());
  const pemName = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: 'Download CSR (.pem)' }).click(),
  ]).then(([d]) => d.suggestedFilename());
  expect(pemName).toBe(`okta-mixpanel-${csrId}.pem`);
  await expect(dialog.getByRole('button', { name: 'Copy CSR (PEM)' })).toBeVisible();
  expect(await signingKid()).toBe(oldKid);
  // Only public data crossed to the renderer: the CSR and certificates, never the key Okta keeps.
  const view = JSON.stringify(await bridge(browserMode, 'certs.view', { integrationId }));
  expect(view).toContain(csrId);
  expect(view).not.toMatch(/PRIVATE KEY|privateKey/);
  expect(await dialogViolations(page)).toEqual([]);
  await facts.scrollIntoViewIfNeeded();
  await browserMode.screenshot(page, 'cert-06-csr');

  // The CA takes a while: the app is quit and started again; the open CSR is shown again.
  await dialog.getByRole('button', { name: 'Close' }).click();
  await browserMode.restart();
  await page.goto(browserMode.url);
  // The app starts on every client's integrations; the rotation under way puts this one on top.
  const overview = page.getByRole('table', { name: 'Integrations of every client' });
  await expect(overview.getByRole('row', { name: /Acme · Mixpanel/ })).toContainText('Rotation in progress');
  await overview.getByRole('button', { name: 'Acme · Mixpanel' }).click();
  await expect(
    page.getByRole('button', { name: 'Continue rotation: upload the certificate your CA signed' }),
  ).toBeVisible({ timeout: 30_000 });
  dialog = await openRotation(page);
  await expect(dialog.getByLabel('CSR (PEM)', { exact: true })).toHaveText(csrFile.pem.trimEnd());

  const upload = dialog.getByRole('group', { name: 'Certificate your CA issued' });
  const publish = upload.getByRole('button', { name: 'Publish the certificate to Okta' });
  const ca = startTestCa();
  await upload.getByLabel('Or paste the certificate (PEM)').fill('hello');
  await publish.click();
  await expect(upload.getByRole('alert')).toHaveText(
    'certificate: this is not a certificate (PEM text starts with -----BEGIN CERTIFICATE-----; a DER file is binary X.509). Upload the certificate your CA issued for this CSR: a .pem, .crt, .cer or .der file, or its PEM text.',
  );
  const otherKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({
    format: 'pem',
    type: 'spki',
  });
  await upload.getByLabel('Choose the file (.pem, .crt, .cer or .der)').setInputFiles({
    name: 'wrong.pem',
    mimeType: 'application/x-pem-file',
    buffer: Buffer.from(ca.sign(csrBase64Of(csrFile.pem), { publicKeyPem: otherKey.toString() })),
  });
  await expect(upload.getByText('Chosen: wrong.pem (PEM text,')).toBeVisible();
  await publish.click();
  await expect(upload.getByRole('alert')).toHaveText(
    "certificate: this certificate's public key is not the one in the CSR, so Okta could not sign with it. Have the CA sign the CSR downloaded from this rotation (not an earlier one), then upload what it returns.",
  );
  await upload.getByLabel('Or paste the certificate (PEM)').fill(ca.sign(csrBase64Of(csrFile.pem), { validDays: -1 }));
  await publish.click();
  await expect(upload.getByRole('alert')).toContainText(/^certificate: it expired on \d{4}-\d\d-\d\d \d\d:\d\d UTC\./);
  expect([await csrsInOkta(), await keysInOkta()]).toEqual([[csrId], [oldKid]]);
  expect(await dialogViolations(page)).toEqual([]);
  await browserMode.screenshot(page, 'cert-07-csr-wrong-certificate');

  // The CA's answer as a binary DER file (.cer).
  const signed = new X509Certificate(ca.sign(csrBase64Of(csrFile.pem)));
  await upload.getByLabel('Choose the file (.pem, .crt, .cer or .der)').setInputFiles({
    name: 'signed.cer',
    mimeType: 'application/pkix-cert',
    buffer: signed.raw,
  });
  await expect(upload.getByText(/^Chosen: signed\.cer \(binary \(DER\), [\d,]+ bytes\)$/)).toBeVisible();
  await publish.click();
  const fresh = dialog.getByLabel('New certificate', { exact: true });
  await expect(fresh).toBeVisible({ timeout: 60_000 });
  await expect(fresh).toContainText(signed.fingerprint256);
  const keys = await keysInOkta();
  const newKid = keys.find((k) => k !== oldKid);
  expect([keys.length, await csrsInOkta(), await signingKid()]).toEqual([2, [], oldKid]);

  // From here the rotation is the generate path's.
  await expect(dialog.getByRole('button', { name: 'Mark as copied into Mixpanel' })).toBeVisible({ timeout: 30_000 });
  await dialog.getByRole('button', { name: 'Mark as copied into Mixpanel' }).click();
  await dialog.getByRole('button', { name: 'Switch the app to the new key' }).click();
  await expect(dialog.getByRole('button', { name: 'Sign in with the password' })).toBeVisible();
  expect(await signingKid()).toBe(newKid);
  await dialog.getByLabel(/Test user's Okta password/).fill(SANDBOX_PASSWORD);
  await dialog.getByRole('button', { name: 'Sign in with the password' }).click();
  const result = dialog.getByLabel('Test login result');
  await expect(result).toContainText(`Test login passed as ${TEST_USER}`, { timeout: 60_000 });
  await expect(result.locator('.check-fail')).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Confirm and retire the old key' }).click();
  await expect(dialog.getByText(/^Last rotation finished/)).toBeVisible();
  const key = await sandbox<{ x5c: string[] }>(browserMode, 'GET', `/api/v1/apps/${appId}/credentials/keys/${newKid}`);
  expect(new X509Certificate(Buffer.from(key.x5c[0] ?? '', 'base64')).fingerprint256).toBe(signed.fingerprint256);
});

test('a CSR Okta no longer has is said next to the certificate; discarding and cancelling revoke the CSR in Okta', async ({
  page,
  browserMode,
}) => {
  test.setTimeout(240_000);
  const { appId } = await mixpanelReadyToRotate(page, browserMode);
  const csrsInOkta = async () =>
    (await sandbox<{ id: string }[]>(browserMode, 'GET', `/api/v1/apps/${appId}/credentials/csrs`)).map((c) => c.id);
  await page.reload();
  const dialog = await openRotation(page);
  await dialog.getByRole('button', { name: 'Start rotation' }).click();
  const first = await requestCsr(page, dialog, 'sso.acme.example');
  const [firstId] = await csrsInOkta();

  // Revoked in the Admin Console meanwhile: Okta's answer, in words, with the next action.
  const revoked = await fetch(`${browserMode.sandbox.url}/api/v1/apps/${appId}/credentials/csrs/${firstId}`, {
    method: 'DELETE',
    headers: { Authorization: `SSWS ${browserMode.sandbox.apiToken}` },
  });
  expect(revoked.status).toBe(204);
  const upload = dialog.getByRole('group', { name: 'Certificate your CA issued' });
  await upload.getByLabel('Or paste the certificate (PEM)').fill(startTestCa().sign(csrBase64Of(first.pem)));
  await upload.getByRole('button', { name: 'Publish the certificate to Okta' }).click();
  await expect(upload.getByRole('alert')).toHaveText(
    `certificate: Okta no longer has CSR ${firstId} (it was revoked or used in the Admin Console), so there is nothing to publish this certificate for. Discard this CSR and request a new one, then have your CA sign the new CSR.`,
  );
  await dialog.getByRole('button', { name: 'Discard this CSR and request a new one' }).click();
  await dialog
    .getByRole('group', { name: 'Discard the CSR' })
    .getByRole('button', { name: 'Discard and revoke the CSR' })
    .click();
  await expect(dialog.getByRole('group', { name: 'How is the new key made?' })).toBeVisible();

  await requestCsr(page, dialog, 'second.acme.example');
  const [secondId] = await csrsInOkta();
  expect(secondId).not.toBe(firstId);
  await dialog.getByRole('button', { name: 'Cancel the rotation' }).click();
  const confirm = dialog.getByRole('group', { name: 'Cancel the rotation' });
  await expect(confirm).toContainText(`Cancelling revokes CSR ${secondId} in Okta`);
  await confirm.getByRole('button', { name: 'Cancel the rotation and revoke the CSR' }).click();
  await expect(dialog.getByText(/^Last rotation cancelled/)).toBeVisible();
  expect(await csrsInOkta()).toEqual([]);
});
