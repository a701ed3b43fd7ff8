import { SANDBOX_PASSWORD } from '../../src-main/sandbox/oauth/sign-in';
import { expect, test } from './fixtures';
import { bridge, sandbox, startPracticeIntegration } from './support/walk';

const TEST_USER = 'ava.adams@acme.example';

test('rotating the signing certificate: generate, register, switch, test login on the new key, confirm; then the overview of all clients', async ({
  page,
  browserMode,
}) => {
  test.setTimeout(240_000);
  const wizard = await startPracticeIntegration(page, browserMode, 'Mixpanel');
  await expect(wizard.stepHeading()).toHaveText('Mixpanel app');

  // The setup steps run through the channels their screens use; this test is about the rotation.
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
