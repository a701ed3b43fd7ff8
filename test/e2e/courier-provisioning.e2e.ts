import { SANDBOX_PASSWORD } from '../../src-main/sandbox/oauth/sign-in';
import { startScimServer, type ScimTestServer } from '../support/scim-server';
import { expect, test, type BrowserMode } from './fixtures';
import { AppStepPage } from './pages/app-step';
import { AssignStepPage } from './pages/assign-step';
import { ProvisioningStepPage } from './pages/provisioning-step';
import { ScimStepPage } from './pages/scim-step';
import { VendorPickerPage } from './pages/vendor-picker-page';
import { WelcomePage } from './pages/welcome-page';
import { WizardPage } from './pages/wizard-page';

const TOKEN = 'courier-scim-token-e2e-5b7d';

let scim: ScimTestServer;
test.beforeEach(async () => {
  scim = await startScimServer({ token: TOKEN });
});
test.afterEach(async () => {
  await scim.close();
});

async function sandboxGet<T>(mode: BrowserMode, path: string): Promise<T> {
  const response = await fetch(`${mode.sandbox.url}${path}`, { headers: { Authorization: `SSWS ${mode.sandbox.apiToken}`, Accept: 'application/json' } });
  return (await response.json()) as T;
}

test('Courier: SCIM check, provisioning switched on in the console, and a test user pushed with its role', async ({ page, context, browserMode }) => {
  await page.goto(browserMode.url);
  await new WelcomePage(page).addPracticeClient('Acme (practice)');
  await new VendorPickerPage(page).start('Courier');
  const wizard = new WizardPage(page);
  await expect(wizard.stepHeading()).toHaveText('Courier app');

  const app = new AppStepPage(page);
  await wizard.button('Check Okta').click();
  await app.fillVendorUrls({ ssoAcsUrl: 'https://courier.example.com/saml/acs', audience: 'https://courier.example.com/saml/metadata' });
  await app.save();
  await wizard.button(/^Apply \d+ changes?$/).click();
  await expect(wizard.stepStatus('app')).toHaveAttribute('data-status', 'verified');

  await page.locator('[data-step="scim"]').click();
  await wizard.waitForCurrent('SCIM check');
  const scimStep = new ScimStepPage(page);
  await scimStep.fill({ baseUrl: scim.baseUrl, token: TOKEN });
  await scimStep.save();
  await expect(scimStep.tokenStored()).toBeVisible();
  await expect(scimStep.tokenInput()).toHaveValue('');
  await scimStep.runPreflight();
  await expect(scimStep.preflightCheck('Create user')).toContainText('Passed');
  await expect(await scimStep.exchanges('Create user')).toContainText(['POST']);
  await expect(page.getByText(TOKEN)).toHaveCount(0);
  await expect(wizard.stepStatus('scim')).toHaveAttribute('data-status', 'verified');
  await browserMode.screenshot(page, 'courier-provisioning-01-scim');

  await page.locator('[data-step="role"]').click();
  await wizard.waitForCurrent('Role attribute');
  await wizard.button('Check Okta').click();
  await wizard.button(/^Apply \d+ changes?$/).click();
  await expect(wizard.stepStatus('role')).toHaveAttribute('data-status', /verified|applied/);

  const users = await sandboxGet<Array<{ id: string; status: string; profile: { login: string; email: string; firstName: string; lastName: string } }>>(browserMode, '/api/v1/users?limit=50');
  // Alex Admin (the org's admin) is assigned in the assign step below; the end-to-end test uses someone else.
  const ann = users.find((u) => u.status === 'ACTIVE' && u.profile.login !== browserMode.sandbox.adminLogin)!;

  await page.locator('[data-step="provisioning"]').click();
  await wizard.waitForCurrent('Provisioning');
  const provisioning = new ProvisioningStepPage(page);
  await provisioning.chooseTestUser(ann.profile.login, { role: 'ANALYST', waitSeconds: 60 });
  await expect(provisioning.consoleValue('SCIM connector base URL')).toHaveText(scim.baseUrl);
  await expect(provisioning.consoleValue('Unique identifier field for users')).toHaveText('userName');
  await expect(provisioning.consoleValue('Authentication Mode')).toHaveText('HTTP Header');
  await expect(provisioning.pasteTokenYourself()).toContainText('Paste the SCIM bearer token Courier Support gave you');
  await browserMode.screenshot(page, 'courier-provisioning-02-console-values');

  // The admin, in a second tab: the app's Provisioning tab in the (sandbox) Admin Console.
  const adminTab = await context.newPage();
  await adminTab.goto(await provisioning.consoleUrl());
  await adminTab.getByLabel('Username').fill(browserMode.sandbox.adminLogin);
  await adminTab.getByLabel('Password').fill(SANDBOX_PASSWORD);
  await adminTab.getByRole('button', { name: /sign in/i }).click();
  await adminTab.getByLabel('Provisioning: SCIM').check();
  await adminTab.getByLabel('SCIM connector base URL').fill(scim.baseUrl);
  await adminTab.getByLabel('Unique identifier field for users').fill('userName');
  await adminTab.getByLabel('Push New Users').check();
  await adminTab.getByLabel('Push Profile Updates').check();
  await adminTab.getByLabel('Authorization: Bearer').fill(TOKEN);
  await adminTab.getByLabel('Create Users').check();
  await adminTab.getByLabel('Update User Attributes').check();
  await adminTab.getByLabel('Deactivate Users').check();
  await adminTab.getByRole('button', { name: 'Save' }).click();
  await expect(adminTab.getByRole('status')).toHaveText('Provisioning settings saved.');
  await adminTab.close();

  await provisioning.testEndToEnd();
  await expect(provisioning.result()).toContainText('Passed', { timeout: 60_000 });
  await expect(wizard.check('provisioning-e2e-attributes')).toContainText('role = "ANALYST"');
  await expect(wizard.stepStatus('provisioning')).toHaveAttribute('data-status', 'verified');
  await expect(wizard.button('Tested end to end')).toBeDisabled();
  await browserMode.screenshot(page, 'courier-provisioning-03-verified');

  expect(scim.users().filter((u) => !u.userName.startsWith('okta-onboard-preflight-'))).toEqual([
    expect.objectContaining({ userName: ann.profile.login, externalId: ann.id, role: 'ANALYST', active: false, name: expect.objectContaining({ givenName: ann.profile.firstName, familyName: ann.profile.lastName }) }),
  ]);

  // With provisioning on, a real assignment reaches Courier with its role.
  await page.locator('[data-step="assign"]').click();
  await wizard.waitForCurrent('Assign users');
  await wizard.button('Check Okta').click();
  const assign = new AssignStepPage(page);
  await assign.addPerson('alex', 'Alex Admin', 'ADMINISTRATOR');
  await assign.save();
  await wizard.button(/^Apply \d+ changes?$/).click();
  await expect(wizard.stepStatus('assign')).toHaveAttribute('data-status', 'verified');
  const alex = users.find((u) => u.profile.login === browserMode.sandbox.adminLogin)!;
  await expect.poll(() => scim.users().find((u) => u.userName === alex.profile.login), { timeout: 30_000 })
    .toEqual(expect.objectContaining({ externalId: alex.id, role: 'ADMINISTRATOR', active: true }));
  await browserMode.screenshot(page, 'courier-provisioning-04-assigned-user-pushed');
});
