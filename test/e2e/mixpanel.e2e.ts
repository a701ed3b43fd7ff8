import { SANDBOX_PASSWORD } from '../../src-main/sandbox/oauth/sign-in';
import { startScimServer, type ScimTestServer } from '../support/scim-server';
import { expect, test } from './fixtures';
import { AppStepPage } from './pages/app-step';
import { DomainsStepPage } from './pages/domains-step';
import { MetadataStepPage } from './pages/metadata-step';
import { ProvisioningStepPage } from './pages/provisioning-step';
import { RegisterStepPage } from './pages/register-step';
import { ScimStepPage } from './pages/scim-step';
import { TestLoginStepPage } from './pages/test-login-step';
import {
  assignOnePerson,
  expectAllVerifiedAndSecondApplyWritesNothing,
  openStep,
  finishCatalogAdd,
  signInToConsole,
  startPracticeIntegration,
} from './support/walk';

const TOKEN = 'mixpanel-scim-oauth-token-e2e-91c2';
const TEST_USER = 'ben.haddad@acme.example';

let scim: ScimTestServer;
test.beforeEach(async () => {
  scim = await startScimServer({ token: TOKEN });
});
test.afterEach(async () => {
  await scim.close();
});

test('Mixpanel, the whole guide through the screens: catalog app, certificate and issuer, claimed domains, pasted values, SCIM through the API, test logins', async ({
  page,
  browserMode,
}) => {
  const wizard = await startPracticeIntegration(page, browserMode, 'Mixpanel');
  await expect(wizard.stepHeading()).toHaveText('Mixpanel app');

  const app = new AppStepPage(page);
  await wizard.button('Check Okta').click();
  await app.chooseMode('catalog');
  await app.save();
  const consoleTab = await app.openCatalog();
  await signInToConsole(consoleTab, browserMode);
  await finishCatalogAdd(consoleTab);
  await consoleTab.close();
  await wizard.button('Check Okta').click();
  await expect(wizard.stepStatus('app')).toHaveAttribute('data-status', 'verified');
  await browserMode.screenshot(page, 'mixpanel-01-app');

  await openStep(page, 'metadata', 'Certificate & issuer');
  await wizard.button('Check Okta').click();
  await expect(wizard.stepStatus('metadata')).toHaveAttribute('data-status', 'verified');
  const issuer = await new MetadataStepPage(page).value('issuer');
  await browserMode.screenshot(page, 'mixpanel-02-metadata');

  await openStep(page, 'domains', 'Claimed domains');
  const domains = new DomainsStepPage(page);
  await wizard.button('Check Okta').click();
  await domains.addSuggestion('acme.example');
  await domains.save();
  await expect(wizard.stepStatus('domains')).toHaveAttribute('data-status', 'verified');

  await openStep(page, 'register', 'Enable SSO in Mixpanel');
  const register = new RegisterStepPage(page);
  await wizard.button('Check Okta').click();
  await expect(register.value('idpIssuer')).toHaveText(issuer);
  await register.markSent('copied');
  await register.markConfirmed();
  await expect(wizard.stepStatus('register')).toHaveAttribute('data-status', 'applied');
  await expect(register.sent()).toContainText('Reported by you: sent ');
  await expect(register.confirmed()).toContainText('Reported by you: Mixpanel confirmed ');
  await expect(register.vendorSide()).toHaveText(
    'Not checked yet: an SP-initiated sign-in through Mixpanel\'s login page (step "Test login", sign-in window) proves Mixpanel has these values.',
  );
  await browserMode.screenshot(page, 'mixpanel-03-register');

  await openStep(page, 'scim', 'SCIM check');
  const scimStep = new ScimStepPage(page);
  // Where the token comes from is Mixpanel's word, not "Mixpanel Support".
  await expect(scimStep.tokenInput()).toHaveAccessibleDescription(
    'Paste the SCIM OAuth token an organization admin generates in Mixpanel\'s organization settings, "Access Security" tab. Kept in the secret store; Okta sends it as "Authorization: Bearer <token>".',
  );
  await scimStep.fill({ baseUrl: scim.baseUrl, token: TOKEN });
  await scimStep.save();
  await scimStep.runPreflight();
  await expect(wizard.stepStatus('scim')).toHaveAttribute('data-status', 'verified');

  // Mixpanel's catalog app takes its provisioning connection and features through Okta's API.
  await openStep(page, 'provisioning', 'Provisioning');
  const provisioning = new ProvisioningStepPage(page);
  await provisioning.chooseTestUser('chloe.okafor@acme.example', { waitSeconds: 60 });
  // One apply sets the connection and the features, then proves them with the test user.
  await wizard.button('Apply 3 changes').click();
  await expect(provisioning.result()).toContainText('Passed', { timeout: 60_000 });
  await expect(provisioning.apiReadBack()).toContainText('ENABLED');
  await expect(wizard.stepStatus('provisioning')).toHaveAttribute('data-status', 'verified');
  await browserMode.screenshot(page, 'mixpanel-04-provisioning-api');

  await assignOnePerson(page, 'ben.haddad', 'Ben Haddad');
  await expect.poll(() => scim.users().find((u) => u.userName === TEST_USER)?.active, { timeout: 30_000 }).toBe(true);

  await openStep(page, 'test-login', 'Test login');
  const login = new TestLoginStepPage(page);
  await login.setUser(TEST_USER);
  await login.signInWithPassword('idp', SANDBOX_PASSWORD);
  await expect(login.verdict('idp')).toHaveText('passed');
  await expect(login.check('idp', 'attribute:email')).toContainText(`"email" is ${TEST_USER}.`);
  await login.signInWithPassword('sp', SANDBOX_PASSWORD);
  await expect(login.verdict('sp')).toHaveText('passed');
  await expect(wizard.stepStatus('test-login')).toHaveAttribute('data-status', 'verified');
  await browserMode.screenshot(page, 'mixpanel-05-test-login');

  // The practice org's SP login is the app's own AuthnRequest, not Mixpanel's login page: Mixpanel's
  // side stays reported by the admin.
  await openStep(page, 'register', 'Enable SSO in Mixpanel');
  await wizard.button(/^Verify$/).click();
  await expect(register.vendorSide()).toHaveText(
    'Not checked yet: an SP-initiated sign-in through Mixpanel\'s login page (step "Test login", sign-in window) proves Mixpanel has these values.',
  );
  await expect(register.confirmed()).toContainText('Reported by you: Mixpanel confirmed ');
  await expect(wizard.stepStatus('register')).toHaveAttribute('data-status', 'applied');

  await expectAllVerifiedAndSecondApplyWritesNothing(
    page,
    browserMode,
    ['app', 'metadata', 'domains', 'register', 'scim', 'provisioning', 'assign', 'test-login'],
    ['register'],
  );
});
