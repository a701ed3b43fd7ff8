import { SANDBOX_PASSWORD } from '../../src-main/sandbox/oauth/sign-in';
import { readFile } from 'node:fs/promises';
import { startScimServer, type ScimTestServer } from '../support/scim-server';
import { expect, test } from './fixtures';
import { AppStepPage } from './pages/app-step';
import { AssignStepPage } from './pages/assign-step';
import { BookmarkStepPage } from './pages/bookmark-step';
import { MetadataStepPage } from './pages/metadata-step';
import { ProvisioningStepPage } from './pages/provisioning-step';
import { RegisterStepPage } from './pages/register-step';
import { RoleStepPage } from './pages/role-step';
import { ScimStepPage } from './pages/scim-step';
import { TestLoginStepPage } from './pages/test-login-step';
import {
  expectAllVerifiedAndSecondApplyWritesNothing,
  openStep,
  sandbox,
  signInToConsole,
  startPracticeIntegration,
} from './support/walk';

const TOKEN = 'courier-scim-token-e2e-5b7d';
const PROVISIONING_TEST_USER = 'ben.haddad@acme.example';

let scim: ScimTestServer;
test.beforeEach(async () => {
  scim = await startScimServer({ token: TOKEN });
});
test.afterEach(async () => {
  await scim.close();
});

test('Courier, from an empty org to a user provisioned with its role: app, metadata, support email, SCIM, role, provisioning, bookmark, assignments, test login', async ({
  page,
  context,
  browserMode,
}) => {
  const wizard = await startPracticeIntegration(page, browserMode, 'Courier');
  await expect(wizard.stepHeading()).toHaveText('Courier app');

  const app = new AppStepPage(page);
  await wizard.button('Check Okta').click();
  await app.fillVendorUrls({
    ssoAcsUrl: 'https://courier.example.com/saml/acs#x',
    audience: 'https://courier.example.com/saml/metadata',
  });
  await app.save();
  await expect(app.fieldError('Single Sign-On URL')).toContainText('#');
  await app.fillVendorUrls({ ssoAcsUrl: 'https://courier.example.com/saml/acs' });
  await app.save();
  // The screenshot (in the README) is of the plan, so it waits for it, not for the click.
  await expect(wizard.stepStatus('app')).toHaveAttribute('data-status', 'planned');
  await expect(wizard.button(/^Apply \d+ changes?$/)).toBeEnabled();
  await browserMode.screenshot(page, 'courier-01-app-planned');
  await wizard.button(/^Apply \d+ changes?$/).click();
  await expect(wizard.stepStatus('app')).toHaveAttribute('data-status', 'verified');
  await expect(wizard.check('setting:attribute:id')).toHaveClass(/check-pass/);
  await browserMode.screenshot(page, 'courier-02-app-verified');

  await openStep(page, 'metadata', 'Metadata URL');
  await wizard.button('Check Okta').click();
  await expect(wizard.stepStatus('metadata')).toHaveAttribute('data-status', 'verified');
  const metadataUrl = await new MetadataStepPage(page).value('metadata-url');

  await openStep(page, 'register', 'Send to Courier');
  const register = new RegisterStepPage(page);
  await register.fill({ companyName: 'Acme Corp', supportEmail: 'support@courier.example' });
  await expect(register.value('metadataUrl')).toHaveText(metadataUrl);
  await register.prepareEmail();
  expect(await readFile(await (await register.downloadEml()).path(), 'utf8')).toContain(
    'Content-Disposition: attachment; filename="okta-idp-metadata.xml"',
  );
  await register.markSent('eml');
  await register.markConfirmed();
  await expect(wizard.stepStatus('register')).toHaveAttribute('data-status', 'applied');
  await expect(register.sent()).toContainText('Reported by you: sent ');
  await expect(register.confirmed()).toContainText('Reported by you: Courier confirmed ');
  await expect(register.vendorSide()).toHaveText(
    "The app cannot check Courier's side (no SP-initiated login it can start): it stays reported by you.",
  );
  await browserMode.screenshot(page, 'courier-03-register');

  await openStep(page, 'scim', 'SCIM check');
  const scimStep = new ScimStepPage(page);
  await scimStep.fill({ baseUrl: scim.baseUrl, token: TOKEN });
  await scimStep.save();
  await expect(scimStep.tokenStored()).toBeVisible();
  await expect(scimStep.tokenInput()).toHaveValue('');
  await scimStep.runPreflight();
  await expect(scimStep.preflightCheck('Create user')).toContainText('Passed');
  await expect(page.getByText(TOKEN)).toHaveCount(0);
  await expect(wizard.stepStatus('scim')).toHaveAttribute('data-status', 'verified');
  await browserMode.screenshot(page, 'courier-04-scim');

  await openStep(page, 'role', 'Role attribute');
  await wizard.button('Check Okta').click();
  const role = new RoleStepPage(page);
  await role.mapGroup('Engin', 'Engineering', 'DEVELOPER');
  await role.saveGroupRoles();
  await wizard.button(/^Apply \d+ changes?$/).click();
  await expect(wizard.stepStatus('role')).toHaveAttribute('data-status', 'verified');
  await expect(role.inOkta('oneOf')).toContainText('ADMINISTRATOR');
  await browserMode.screenshot(page, 'courier-05-role');

  await openStep(page, 'provisioning', 'Provisioning');
  const provisioning = new ProvisioningStepPage(page);
  await provisioning.chooseTestUser(PROVISIONING_TEST_USER, { role: 'ANALYST', waitSeconds: 60 });
  await expect(provisioning.consoleValue('SCIM connector base URL')).toHaveText(scim.baseUrl);
  await expect(provisioning.consoleValue('Unique identifier field for users')).toHaveText('userName');
  await expect(provisioning.consoleValue('Authentication Mode')).toHaveText('HTTP Header');
  await expect(provisioning.pasteTokenYourself()).toContainText('Paste the SCIM bearer token Courier Support gave you');
  await browserMode.screenshot(page, 'courier-06-provisioning-console-values');

  // The admin, in a second tab: the app's Provisioning tab in the (sandbox) Admin Console.
  const adminTab = await context.newPage();
  await adminTab.goto(await provisioning.consoleUrl());
  await signInToConsole(adminTab, browserMode);
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
  await browserMode.screenshot(page, 'courier-07-provisioning-verified');
  const ben = (
    await sandbox<Array<{ id: string; profile: { firstName: string; lastName: string } }>>(
      browserMode,
      'GET',
      `/api/v1/users?search=${encodeURIComponent(`profile.login eq "${PROVISIONING_TEST_USER}"`)}`,
    )
  )[0]!;
  expect(scim.users().filter((u) => !u.userName.startsWith('okta-onboard-preflight-'))).toEqual([
    expect.objectContaining({
      userName: PROVISIONING_TEST_USER,
      externalId: ben.id,
      role: 'ANALYST',
      active: false,
      name: expect.objectContaining({ givenName: ben.profile.firstName, familyName: ben.profile.lastName }),
    }),
  ]);

  await openStep(page, 'bookmark', 'Bookmark app');
  const bookmark = new BookmarkStepPage(page);
  await bookmark.fill('http://courier.example.com/login');
  await expect(bookmark.urlError()).toContainText('https');
  await bookmark.fill('https://app.courier.example.com/login');
  await wizard.button(/^Apply \d+ changes?$/).click();
  await expect(wizard.stepStatus('bookmark')).toHaveAttribute('data-status', 'verified');
  await expect(bookmark.groupRow('Engineering')).toBeVisible();
  await browserMode.screenshot(page, 'courier-08-bookmark');

  // With provisioning on, a real assignment reaches Courier with its role.
  await openStep(page, 'assign', 'Assign users');
  await wizard.button('Check Okta').click();
  const assign = new AssignStepPage(page);
  await assign.addPerson('alex', 'Alex Admin', 'ADMINISTRATOR');
  await assign.save();
  await browserMode.screenshot(page, 'courier-09-assign-preview');
  await wizard.button(/^Apply \d+ changes?$/).click();
  await expect(wizard.stepStatus('assign')).toHaveAttribute('data-status', 'verified');
  const alex = await sandbox<{ id: string }>(browserMode, 'GET', `/api/v1/users/${browserMode.sandbox.adminLogin}`);
  await expect
    .poll(() => scim.users().find((u) => u.userName === browserMode.sandbox.adminLogin), { timeout: 30_000 })
    .toEqual(expect.objectContaining({ externalId: alex.id, role: 'ADMINISTRATOR', active: true }));

  await openStep(page, 'test-login', 'Test login');
  const login = new TestLoginStepPage(page);
  await login.setUser(browserMode.sandbox.adminLogin);
  await login.signInWithPassword('idp', SANDBOX_PASSWORD);
  await expect(login.verdict('idp')).toHaveText('passed');
  await expect(login.check('idp', 'attribute:id')).toHaveAttribute('data-status', 'pass');
  await expect(
    login.check('idp', 'attribute:http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress'),
  ).toHaveAttribute('data-status', 'pass');
  await login.signInWithPassword('sp', SANDBOX_PASSWORD);
  await expect(login.verdict('sp')).toHaveText('passed');
  await expect(wizard.stepStatus('test-login')).toHaveAttribute('data-status', 'verified');
  await browserMode.screenshot(page, 'courier-10-test-login');

  await expectAllVerifiedAndSecondApplyWritesNothing(
    page,
    browserMode,
    ['app', 'metadata', 'register', 'scim', 'role', 'provisioning', 'bookmark', 'assign', 'test-login'],
    ['register'],
  );
});
