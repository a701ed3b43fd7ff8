import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { DirectoryPickerControl } from './pages/directory-picker';
import { courierAppVerified } from './support/courier-app';
import { call, startBrowserApp, type BrowserApp } from './support/own-practice-org';

let dataDir: string;
let app: BrowserApp | undefined;
test.beforeEach(async () => {
  dataDir = join(await mkdtemp(join(tmpdir(), 'okta-onboard-calm-ux-e2e-')), 'data');
  app = await startBrowserApp(dataDir);
});
test.afterEach(async () => {
  await app?.stop();
  app = undefined;
  await rm(resolve(dataDir, '..'), { recursive: true, force: true });
});

test('an optional step is skipped, shown as Skipped, counted apart in the overview, and un-skipped', async ({
  page,
}) => {
  const wizard = await courierAppVerified(page, app!, 'Acme');
  await wizard.railStep('Bookmark').click();
  await wizard.waitForCurrent('Bookmark app');
  await wizard.button('Skip this optional step').click();
  await expect(wizard.stepStatus('bookmark')).toHaveAttribute('data-status', 'skipped');
  await expect(wizard.stepStatus('bookmark')).toHaveText(/Skipped/);
  await expect(page.locator('[data-skipped]')).toContainText('You skipped this optional step on');
  await expect(wizard.stepStatus('app')).toHaveAttribute('data-status', 'verified');

  await page.getByRole('combobox', { name: 'Client', exact: true }).selectOption({ label: 'Acme (practice)' });
  await expect(page.getByTestId('integration-progress')).toHaveText(
    /^\d of 8 required verified, 1 skipped, 1 optional to do$/,
  );

  await page.locator('.integration-card', { hasText: 'Courier' }).click();
  await wizard.waitForCurrent('Bookmark app');
  await wizard.button('Un-skip this step').click();
  await expect(wizard.stepStatus('bookmark')).not.toHaveAttribute('data-status', 'skipped');
  await expect(wizard.button('Skip this optional step')).toBeVisible();
});

test('a second integration of one vendor is named in the dialog; a taken or empty name is refused next to the field', async ({
  page,
}) => {
  await courierAppVerified(page, app!, 'Acme');
  await page.getByRole('button', { name: 'New integration' }).click();
  const dialog = page.getByRole('dialog');
  const label = dialog.getByRole('textbox', { name: 'Name of this integration' });
  await dialog
    .locator('.vendor-card', { has: page.locator('.vendor-name').getByText('Courier', { exact: true }) })
    .click();
  await expect(label).toHaveValue('Courier');
  await dialog.getByRole('button', { name: 'Start integration' }).click();
  await expect(dialog.locator('.field-invalid .field-error')).toHaveText(
    'This client already has an integration named "Courier".',
  );
  await expect(label).toHaveAttribute('aria-invalid', 'true');

  await label.fill('   ');
  await dialog.getByRole('button', { name: 'Start integration' }).click();
  await expect(dialog.locator('.field-invalid .field-error')).toHaveText('Enter a name, e.g. "Mixpanel (EU)"');

  await label.fill('Courier EU');
  await expect(dialog.locator('.field-error')).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Start integration' }).click();
  await expect(dialog).toHaveCount(0);
  const labels = (await call<{ label: string }[]>(app!, 'integrations.list', {})).map((i) => i.label);
  expect(labels.sort()).toEqual(['Courier', 'Courier EU']);
});

test('the test-login user is picked from the people assigned to the app, and can still be typed', async ({ page }) => {
  const wizard = await courierAppVerified(page, app!, 'Acme');
  const clients = await call<{ id: string; orgUrl: string }[]>(app!, 'clients.list', {});
  const client = clients[0]!;
  const { apiToken } = (
    JSON.parse(await readFile(join(dataDir, 'practice-orgs', `${client.id}.json`), 'utf8')) as {
      identities: { apiToken: string };
    }
  ).identities;
  const okta = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${client.orgUrl}${path}`, {
      method,
      headers: {
        accept: 'application/json',
        'content-type': 'application/json',
        authorization: `SSWS ${apiToken}`,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    expect(response.status).toBe(200);
    return (await response.json()) as T;
  };
  const integration = (await call<{ facts: { appId?: string } }[]>(app!, 'integrations.list', {}))[0]!;
  const users = await okta<{ id: string; profile: { login: string; firstName: string; lastName: string } }[]>(
    'GET',
    '/api/v1/users?limit=200',
  );
  const [assigned, outsider] = [users[0]!, users[1]!];
  await okta('POST', `/api/v1/apps/${integration.facts.appId}/users`, { id: assigned.id });

  await wizard.railStep('Test login').click();
  await wizard.waitForCurrent('Test login');
  const picker = new DirectoryPickerControl(page.locator('[data-picker="app-users"]'));
  await picker.type(outsider.profile.login);
  await expect(picker.status()).toHaveText(/^0 matches/);
  const name = `${assigned.profile.firstName} ${assigned.profile.lastName}`;
  await picker.pick(assigned.profile.login, name);
  const field = page.getByRole('textbox', { name: 'Test user' });
  await expect(field).toHaveValue(assigned.profile.login);
  await field.fill('someone.else@acme.example');
  await expect(field).toHaveValue('someone.else@acme.example');
});
