import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { AppStepPage } from './pages/app-step';
import { VendorPickerPage } from './pages/vendor-picker-page';
import { WelcomePage } from './pages/welcome-page';
import { courierAppVerified } from './support/courier-app';
import { WizardPage } from './pages/wizard-page';
import { call, practiceOrgOf, startBrowserApp, type BrowserApp } from './support/own-practice-org';

const shots = join(resolve(import.meta.dirname, '..', '..'), 'test-results', 'screenshots');

async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(shots, { recursive: true });
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
}

let dataDir: string;
let running: BrowserApp | undefined;
test.beforeEach(async () => {
  dataDir = join(await mkdtemp(join(tmpdir(), 'okta-onboard-status-e2e-')), 'data');
});
test.afterEach(async () => {
  await running?.stop();
  running = undefined;
  await rm(resolve(dataDir, '..'), { recursive: true, force: true });
});

async function start(): Promise<BrowserApp> {
  running = await startBrowserApp(dataDir);
  return running;
}

async function openStep(page: Page, stepId: string, title: string): Promise<void> {
  const wizard = new WizardPage(page);
  await wizard.rail().locator(`[data-step="${stepId}"]`).click();
  await wizard.waitForCurrent(title);
}

test("after a restart the practice org still holds the app; changed behind the app's back, Verify all shows the steps no longer verified, with the time", async ({
  page,
}) => {
  let app = await start();
  const wizard = await courierAppVerified(page, app, 'Acme');
  await openStep(page, 'metadata', 'Metadata URL');
  await wizard.button('Check Okta').click();
  await expect(wizard.stepStatus('metadata')).toHaveAttribute('data-status', 'verified');
  await expect(page.getByTestId('status-line')).toHaveText(/^Verified just now \(.+\d{2}:\d{2}:\d{2}.*\)$/);
  await expect(page.getByTestId('status-line').locator('time')).toHaveAttribute('title', /\d{2}:\d{2}:\d{2}/);
  await screenshot(page, 'status-01-verified-with-time');

  await app.stop();
  app = await start();
  await page.goto(app.url);
  await page.getByRole('combobox', { name: 'Client', exact: true }).selectOption({ label: 'Acme (practice)' });
  await expect(page.locator('.integration-card')).toContainText('2 of 8 required verified, 2 optional to do');
  await expect(page.getByTestId('integration-when')).toHaveText(/^Last verified .+ ago|just now/);
  await page.locator('.integration-card', { hasText: 'Courier' }).click();
  // Opening the integration re-reads it from the practice org, which kept its state in the data folder.
  await expect(page.getByTestId('verify-bar')).toHaveText(
    /Re-checked 2 steps against Okta just now \(.+\): 2 verified\.Verify all/,
  );
  await expect(wizard.stepStatus('app')).toHaveAttribute('data-status', 'verified');
  await screenshot(page, 'status-02-after-restart-reverified');

  // Behind the app's back: the app is deactivated and deleted through the org's own API.
  const org = await practiceOrgOf(app, dataDir, 'Acme');
  const [integration] = await call<{ facts: { appId?: string } }[]>(app, 'integrations.list', {});
  const appId = integration!.facts.appId!;
  expect((await org.api('POST', `/api/v1/apps/${appId}/lifecycle/deactivate`)).status).toBe(200);
  expect((await org.api('DELETE', `/api/v1/apps/${appId}`)).status).toBe(204);

  await page.getByTestId('verify-bar').getByRole('button', { name: 'Verify all' }).click();
  await expect(page.getByTestId('verify-bar')).toHaveText(
    /Re-checked 2 steps against Okta just now \(.+\): 0 verified, 2 not verified\./,
  );
  await expect(wizard.stepStatus('metadata')).toHaveAttribute('data-status', 'failed');
  await expect(page.getByTestId('status-line')).toHaveText(
    /^Check failed just now \(.+\)\. Last verified .+ \(.+\)\.$/,
  );
  await expect(page.locator('#checks-title')).toHaveText(/^Checks from the last run at .+: not current$/);
  await expect(page.locator('.checks')).toHaveAttribute('data-stale', 'true');
  await expect(page.getByTestId('changes-unknown')).toContainText('what this step would change is not known');
  await expect(page.getByRole('alert')).toContainText('is no longer in Okta');
  await screenshot(page, 'status-03-changed-org-stale-checks');

  await openStep(page, 'app', 'Courier app');
  await expect(wizard.stepStatus('app')).not.toHaveAttribute('data-status', 'verified');
  await expect(page.getByTestId('status-line')).toHaveText(/^Last checked against Okta just now \(.+\)$/);
  await expect(wizard.changes()).toContainText('Create');
  await screenshot(page, 'status-04-changed-org-app-to-create');
});

test("two practice clients get two separate orgs: the second client's Courier app is planned, not adopted from the first", async ({
  page,
}) => {
  const app = await start();
  await courierAppVerified(page, app, 'Acme');
  await page.getByRole('button', { name: 'New client' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Client name').fill('Globex');
  await dialog.getByLabel('Practice org (built-in sandbox)').check();
  await dialog.getByRole('button', { name: 'Add client' }).click();
  await new VendorPickerPage(page).start('Courier');
  const wizard = new WizardPage(page);
  await wizard.button('Check Okta').click();
  const appStep = new AppStepPage(page);
  await appStep.fillVendorUrls({
    ssoAcsUrl: 'https://courier.example.com/saml/acs',
    audience: 'https://courier.example.com/saml/metadata',
  });
  await appStep.save();
  await expect(wizard.changes()).toContainText('Create');
  await expect(wizard.stepStatus('app')).toHaveAttribute('data-status', 'planned');
  await screenshot(page, 'status-05-second-practice-client-own-org');
  const clients = await call<{ name: string; orgUrl: string }[]>(app, 'clients.list', {});
  expect(new Set(clients.map((c) => c.orgUrl)).size).toBe(2);
});

test('the audit log, rename, reset of the practice org and delete, each saying what it changes', async ({ page }) => {
  const app = await start();
  await courierAppVerified(page, app, 'Acme');
  await page.getByRole('combobox', { name: 'Integration', exact: true }).selectOption({ label: 'Overview' });

  await page.locator('.integration-list li', { hasText: 'Courier' }).getByRole('button', { name: 'Audit log' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('heading')).toHaveText('Audit log: Courier');
  const row = dialog.locator('tbody tr').first();
  await expect(row).toContainText('app.create');
  await expect(row).toContainText('app "Courier"');
  await expect(row).toContainText('admin@acme.example (API token)');
  await expect(row).toContainText('Succeeded');
  await expect(row.locator('td').nth(1)).toHaveText('app');
  await screenshot(page, 'status-06-audit-log');
  await dialog.getByRole('button', { name: 'Close' }).click();

  await page.locator('.integration-list li', { hasText: 'Courier' }).getByRole('button', { name: 'Rename' }).click();
  await dialog.getByLabel('Integration name').fill('Courier US');
  await dialog.getByRole('button', { name: 'Rename' }).click();
  await expect(page.locator('.integration-card')).toContainText('Courier US');

  await page.getByRole('button', { name: 'Rename client' }).click();
  await dialog.getByLabel('Client name').fill('Acme Corp');
  await dialog.getByRole('button', { name: 'Rename' }).click();
  await expect(page.locator('#overview-title')).toHaveText('Acme Corp');

  await page.getByRole('button', { name: 'Reset practice org' }).click();
  await expect(dialog).toContainText(
    'This deletes everything in the practice org of Acme Corp: every app, assignment, app attribute and provisioning setting in it',
  );
  await screenshot(page, 'status-07-reset-practice-org-confirm');
  await dialog.getByRole('button', { name: 'Reset practice org' }).click();
  await expect(page.getByText('The practice org of Acme Corp was reset to its sample users and groups.')).toBeVisible();
  await page.getByRole('button', { name: 'Verify all' }).click();
  await expect(page.locator('.integration-card')).toContainText('0 of 8 required verified, 2 optional to do, 1 failed');
  await expect(page.getByTestId('integration-when')).toHaveText('Not verified yet');

  await page.locator('.integration-list li', { hasText: 'Courier US' }).getByRole('button', { name: 'Delete' }).click();
  await expect(dialog).toContainText('Nothing in Okta is changed or deleted.');
  await screenshot(page, 'status-08-delete-integration-confirm');
  await dialog.getByRole('button', { name: 'Delete Courier US' }).click();
  await expect(page.getByRole('heading', { name: 'Which vendor are you connecting to Acme Corp?' })).toBeVisible();

  await page.getByRole('button', { name: 'Delete client' }).click();
  await expect(dialog).toContainText('Its practice org on this computer is deleted too');
  await dialog.getByRole('button', { name: 'Delete Acme Corp' }).click();
  await expect(new WelcomePage(page).heading()).toBeVisible();
  expect(await call<unknown[]>(app, 'clients.list', {})).toEqual([]);
});
