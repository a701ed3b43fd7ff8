import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { parse as parseYaml } from 'yaml';
import { SANDBOX_PASSWORD } from '../../src-main/sandbox/oauth/sign-in';
import { AppStepPage } from './pages/app-step';
import { RegisterStepPage } from './pages/register-step';
import { TestLoginStepPage } from './pages/test-login-step';
import { VendorPickerPage } from './pages/vendor-picker-page';
import { WelcomePage } from './pages/welcome-page';
import { WizardPage } from './pages/wizard-page';
import { call, startBrowserApp, type BrowserApp } from './support/own-practice-org';
import { assignOnePerson, openStep } from './support/walk';

const shots = join(resolve(import.meta.dirname, '..', '..'), 'test-results', 'screenshots');
const TEST_USER = 'ava.adams@acme.example';

async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(shots, { recursive: true });
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
}

let dir: string;
let running: BrowserApp | undefined;
test.beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'okta-onboard-plans-e2e-'));
});
test.afterEach(async () => {
  await running?.stop();
  running = undefined;
  await rm(dir, { recursive: true, force: true });
});

async function addPracticeClient(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'New client' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Client name', { exact: true }).fill(name);
  await dialog.getByLabel('Practice org (built-in sandbox)').check();
  await dialog.getByRole('button', { name: 'Add client' }).click();
  await expect(page.getByRole('heading', { name: `Which vendor are you connecting to ${name}?` })).toBeVisible();
}

/** Every required step of the imported integration, through its screens, on the client's own practice org. */
async function setUpFromPlan(page: Page, wizard: WizardPage): Promise<void> {
  await expect(wizard.stepHeading()).toHaveText('SAML app');
  await wizard.button('Check Okta').click();
  // The plan's settings are the screen's: nothing to type, only the Okta app to create.
  await expect(wizard.changes()).toContainText('Attribute statement "uid"');
  await wizard.button(/^Apply \d+ changes?$/).click();
  await expect(wizard.stepStatus('app')).toHaveAttribute('data-status', 'verified', { timeout: 90_000 });

  await openStep(page, 'metadata', 'Metadata & certificate');
  await wizard.button('Check Okta').click();
  await expect(wizard.stepStatus('metadata')).toHaveAttribute('data-status', 'verified');

  await openStep(page, 'register', 'Send to vendor');
  const register = new RegisterStepPage(page);
  await register.fill({ companyName: 'Client Co', supportEmail: 'support@hr.vendor.example.com' });
  await register.prepareEmail();
  await register.markSent('email');
  await register.markConfirmed();
  await expect(wizard.stepStatus('register')).toHaveAttribute('data-status', 'applied');

  await assignOnePerson(page, 'ava', 'Ava Adams');

  await openStep(page, 'test-login', 'Test login');
  const login = new TestLoginStepPage(page);
  await login.setUser(TEST_USER);
  await login.signInWithPassword('idp', SANDBOX_PASSWORD);
  await expect(login.verdict('idp')).toHaveText('passed');
  await expect(login.check('idp', 'attribute:uid')).toHaveAttribute('data-status', 'pass');
  await expect(wizard.stepStatus('test-login')).toHaveAttribute('data-status', 'verified');
}

test('one integration saved as a plan file and applied to two clients: two integrations set up and verified on their own orgs', async ({
  page,
}) => {
  test.setTimeout(600_000);
  running = await startBrowserApp(join(dir, 'data'));
  const app = running;
  await page.goto(app.url);

  // The consultant's first client: a custom SAML app with its attribute statements, made and verified.
  await new WelcomePage(page).addPracticeClient('Acme');
  await new VendorPickerPage(page).start('Custom SAML 2.0');
  const wizard = new WizardPage(page);
  const appStep = new AppStepPage(page);
  await wizard.button('Check Okta').click();
  await appStep.fillLabel('Vendor HR');
  await appStep.fillVendorUrls({
    ssoAcsUrl: 'https://hr.vendor.example.com/saml/acs',
    audience: 'https://hr.vendor.example.com/saml',
  });
  await appStep.setAttribute(1, { name: 'mail', nameFormat: 'basic', value: 'user.email' });
  await appStep.setAttribute(2, { name: 'uid', value: 'user.id' });
  await appStep.save();
  await wizard.button(/^Apply \d+ changes?$/).click();
  await expect(wizard.stepStatus('app')).toHaveAttribute('data-status', 'verified', { timeout: 90_000 });
  await openStep(page, 'test-login', 'Test login');
  await new TestLoginStepPage(page).setUser(TEST_USER, ['idp']);

  // Save as plan file, from the overview card.
  await page.getByRole('combobox', { name: 'Integration' }).selectOption({ label: 'Custom SAML 2.0' });
  await page.getByRole('combobox', { name: 'Integration' }).selectOption('');
  const card = page.getByRole('group', { name: 'Custom SAML 2.0 actions' });
  const downloading = page.waitForEvent('download');
  await card.getByRole('button', { name: 'Save as plan file' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('custom-saml-2-0.plan.yaml');
  const planPath = join(dir, download.suggestedFilename());
  await download.saveAs(planPath);
  const planText = await readFile(planPath, 'utf8');
  const plan = parseYaml(planText) as { vendor: string; steps: Record<string, Record<string, unknown>> };
  expect(plan.vendor).toBe('custom-saml');
  expect(plan.steps.app).toMatchObject({ label: 'Vendor HR', ssoAcsUrl: 'https://hr.vendor.example.com/saml/acs' });
  // The test user is a person of Acme's org: never in a plan; the login modes are settings and are kept.
  expect(plan.steps['test-login']).toEqual({ modes: ['idp'] });
  await screenshot(page, 'plans-01-saved');

  for (const [index, name] of ['Globex', 'Initech'].entries()) {
    await addPracticeClient(page, name);
    await page.getByRole('button', { name: 'Import plan file' }).click();
    const dialog = page.getByRole('dialog', { name: `Import a plan file for ${name}` });
    if (index === 0) {
      // A broken copy first: the error names the path in the file, next to the file field, and nothing is made.
      const broken = join(dir, 'broken.plan.yaml');
      await writeFile(broken, planText.replace('https://hr.vendor.example.com/saml/acs', 'not a url'));
      await dialog.getByLabel('Plan file', { exact: true }).setInputFiles(broken);
      await dialog.getByRole('button', { name: 'Create integration' }).click();
      await expect(dialog.locator('.field-invalid .field-error')).toHaveText(
        /^broken\.plan\.yaml: steps\.app\.ssoAcsUrl: /,
      );
      await screenshot(page, 'plans-02-broken-plan-refused');
      expect(await call<unknown[]>(app, 'integrations.list', {})).toHaveLength(1);
    }
    await dialog.getByLabel('Plan file', { exact: true }).setInputFiles(planPath);
    await dialog.getByRole('button', { name: 'Create integration' }).click();
    await expect(dialog).toBeHidden();
    await setUpFromPlan(page, wizard);
    await screenshot(page, `plans-0${index + 3}-${name.toLowerCase()}-verified`);
  }

  // Two integrations from one plan, each verified now on its own client's org.
  const clients = await call<{ id: string; name: string; orgUrl: string }[]>(app, 'clients.list', {});
  expect(new Set(clients.map((c) => c.orgUrl)).size).toBe(3);
  for (const name of ['Globex', 'Initech']) {
    const client = clients.find((c) => c.name === name)!;
    const [integration] = await call<
      { id: string; label: string; facts: { appId?: string }; steps: Record<string, { status: string }> }[]
    >(app, 'integrations.list', { clientId: client.id });
    const result = await call<{ results: { stepId: string; status: string }[] }>(app, 'integrations.verifyAll', {
      integrationId: integration!.id,
    });
    const wanted = ['app', 'metadata', 'register', 'assign', 'test-login'];
    expect({ name, results: result.results.filter((r) => wanted.includes(r.stepId)) }).toEqual({
      name,
      results: [
        { stepId: 'app', status: 'verified' },
        { stepId: 'metadata', status: 'verified' },
        // What the admin sent the vendor is reported by them: the app cannot read the vendor's side.
        { stepId: 'register', status: 'applied' },
        { stepId: 'assign', status: 'verified' },
        { stepId: 'test-login', status: 'verified' },
      ],
    });
  }
  await page.getByRole('combobox', { name: 'Integration' }).selectOption('');
  await expect(page.getByTestId('integration-progress')).toContainText('verified');
  await screenshot(page, 'plans-05-overview');
});

test('copy an integration to another client, and export a client then import it with its SCIM token entered again', async ({
  page,
}) => {
  test.setTimeout(300_000);
  running = await startBrowserApp(join(dir, 'data'));
  const app = running;
  await page.goto(app.url);
  await new WelcomePage(page).addPracticeClient('Acme');
  await new VendorPickerPage(page).start('Custom SAML 2.0');
  const wizard = new WizardPage(page);
  const appStep = new AppStepPage(page);
  await wizard.button('Check Okta').click();
  await appStep.fillVendorUrls({ ssoAcsUrl: 'https://hr.vendor.example.com/saml/acs', audience: 'urn:vendor:hr' });
  await appStep.save();
  const [acme] = await call<{ id: string }[]>(app, 'clients.list', {});
  const [source] = await call<{ id: string }[]>(app, 'integrations.list', { clientId: acme!.id });
  // The SCIM token is a secret: kept for Acme, never in a copy or an export.
  await call(app, 'steps.saveInput', {
    integrationId: source!.id,
    stepId: 'scim',
    input: { baseUrl: 'https://hr.vendor.example.com/scim/v2', token: 'acme-scim-token-1234' },
  });
  await addPracticeClient(page, 'Globex');
  await page.getByRole('combobox', { name: 'Client' }).selectOption({ label: 'Acme (practice)' });

  const card = page.getByRole('group', { name: 'Custom SAML 2.0 actions' });
  await card.getByRole('button', { name: 'Copy to another client' }).click();
  const copy = page.getByRole('dialog', { name: 'Copy Custom SAML 2.0 to another client' });
  await copy.getByLabel('Client', { exact: true }).selectOption({ label: 'Globex' });
  await copy.getByLabel('Name of the copy').fill('HR app');
  await copy.getByRole('button', { name: 'Copy' }).click();
  await expect(copy).toBeHidden();
  await expect(page.getByRole('combobox', { name: 'Client' })).toHaveValue(/.+/);
  await expect(wizard.stepHeading()).toHaveText('SAML app');
  await wizard.button('Check Okta').click();
  await expect(wizard.changes()).toContainText('Create');
  await screenshot(page, 'plans-06-copied');

  await page.getByRole('combobox', { name: 'Client' }).selectOption({ label: 'Acme (practice)' });
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export client' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('acme.client.yaml');
  const exported = join(dir, download.suggestedFilename());
  await download.saveAs(exported);
  expect(await readFile(exported, 'utf8')).not.toContain('acme-scim-token-1234');

  await page.getByRole('button', { name: 'Import client' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import a client' });
  await dialog.getByLabel('Client file', { exact: true }).setInputFiles(exported);
  await expect(dialog.getByLabel('What the import makes')).toContainText('Integrations: Custom SAML 2.0.');
  await dialog.getByRole('button', { name: 'Import client' }).click();
  await expect(dialog.locator('.field-invalid .field-error')).toHaveText('A client named "Acme" already exists.');
  await dialog.getByLabel('Client name', { exact: true }).fill('Acme (restored)');
  await dialog.getByLabel('Custom SAML 2.0: SCIM check: SCIM token').fill('restored-token-5678');
  await screenshot(page, 'plans-07-import-client');
  await dialog.getByRole('button', { name: 'Import client' }).click();
  await expect(dialog.getByRole('status', { name: 'Client imported' })).toContainText(
    'Created Acme (restored) with 1 integration (Custom SAML 2.0).',
  );
  await dialog.getByRole('button', { name: 'Open Acme (restored)' }).click();
  const clients = await call<{ id: string; name: string }[]>(app, 'clients.list', {});
  const restored = clients.find((c) => c.name === 'Acme (restored)')!;
  const [integration] = await call<{ id: string }[]>(app, 'integrations.list', { clientId: restored.id });
  const scim = await call<{ secretsSet: string[]; input: Record<string, unknown> }>(app, 'steps.view', {
    integrationId: integration!.id,
    stepId: 'scim',
  });
  expect(scim.secretsSet).toEqual(['token']);
  expect(scim.input).toMatchObject({ baseUrl: 'https://hr.vendor.example.com/scim/v2' });
  const globex = clients.find((c) => c.name === 'Globex')!;
  const [copied] = await call<{ id: string; label: string }[]>(app, 'integrations.list', { clientId: globex.id });
  expect(copied?.label).toBe('HR app');
  const copiedScim = await call<{ secretsSet: string[] }>(app, 'steps.view', {
    integrationId: copied!.id,
    stepId: 'scim',
  });
  expect(copiedScim.secretsSet).toEqual([]);
});
