import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { courierAppVerified } from './support/courier-app';
import { call, practiceOrgOf, startBrowserApp, type BrowserApp } from './support/own-practice-org';

const shots = join(resolve(import.meta.dirname, '..', '..'), 'test-results', 'screenshots');

async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(shots, { recursive: true });
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
}

let dataDir: string;
let running: BrowserApp | undefined;
test.beforeEach(async () => {
  dataDir = join(await mkdtemp(join(tmpdir(), 'okta-onboard-drift-e2e-')), 'data');
});
test.afterEach(async () => {
  await running?.stop();
  running = undefined;
  await rm(resolve(dataDir, '..'), { recursive: true, force: true });
});

interface AppBody {
  settings: { signOn: { attributeStatements: { name: string; values: string[] }[] } };
  [key: string]: unknown;
}

test('the Audit button names an attribute statement changed in Okta since verification; after review it is accepted, and Audit all clients shows every integration', async ({
  page,
}) => {
  const app = (running = await startBrowserApp(dataDir));
  await courierAppVerified(page, app, 'Acme');

  const bar = page.getByTestId('verify-bar');
  await bar.getByRole('button', { name: 'Audit', exact: true }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('heading', { level: 2 })).toHaveText('Drift audit: Courier');
  await expect(dialog.getByTestId('drift-report')).toBeVisible({ timeout: 60_000 });
  await expect(dialog.getByRole('heading', { level: 3 })).toHaveText('Acme / Courier: No drift');
  await expect(dialog.getByText('As last verified: Courier app.')).toBeVisible();

  // Behind the app's back: the "id" attribute statement now sends the login.
  const org = await practiceOrgOf(app, dataDir, 'Acme');
  const [integration] = await call<{ facts: { appId?: string } }[]>(app, 'integrations.list', {});
  const appId = integration!.facts.appId!;
  const current = (await org.api<AppBody>('GET', `/api/v1/apps/${appId}`)).body;
  const statements = current.settings.signOn.attributeStatements.map((s) =>
    s.name === 'id' ? { ...s, values: ['user.login'] } : s,
  );
  const put = await org.api('PUT', `/api/v1/apps/${appId}`, {
    ...current,
    settings: { ...current.settings, signOn: { ...current.settings.signOn, attributeStatements: statements } },
  });
  expect(put.status).toBe(200);

  await dialog.getByRole('button', { name: 'Audit again' }).click();
  await expect(dialog.getByRole('heading', { level: 3 })).toHaveText('Acme / Courier: Drift found', {
    timeout: 60_000,
  });
  const step = dialog.locator('[data-step="app"]');
  await expect(step.getByTestId('drift-change')).toHaveText([
    'Attribute statement "id" now maps user.login (was user.id)',
  ]);
  await expect(step).toContainText('Fails: Attribute statement "id": Differs from the plan');
  await screenshot(page, 'drift-01-audit-names-change');

  // Accepting needs the review ticked first, and says what it covers.
  const accept = dialog.getByRole('button', { name: 'Accept the current state as verified' });
  await expect(accept).toBeDisabled();
  await dialog.getByLabel('I reviewed these changes; they are wanted').check();
  await accept.click();
  await expect(
    dialog.getByText('Accepted as the verified state of Courier: app. Recorded in the audit log.'),
  ).toBeVisible();
  await dialog.getByRole('button', { name: 'Audit again' }).click();
  // The change is no longer drift; the check still fails until the wizard's setting or Okta changes.
  await expect(dialog.locator('[data-step="app"]')).toContainText('Failing a check', { timeout: 60_000 });
  await expect(dialog.getByTestId('drift-change')).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Close' }).click();

  await page.getByRole('combobox', { name: 'Integration', exact: true }).selectOption({ label: 'Overview' });
  await page.getByRole('button', { name: 'Audit all clients' }).click();
  await expect(dialog.getByRole('heading', { level: 2 })).toHaveText("Drift audit: every client's integrations");
  await expect(dialog.getByRole('heading', { level: 3 })).toHaveText('Acme / Courier: Drift found', {
    timeout: 60_000,
  });
  await screenshot(page, 'drift-02-audit-all-clients');
  await dialog.getByRole('button', { name: 'Close' }).click();

  await page.locator('.integration-list li', { hasText: 'Courier' }).getByRole('button', { name: 'Audit log' }).click();
  await expect(dialog.locator('tbody tr').first()).toContainText('drift.accept');
});
