import { SANDBOX_PASSWORD } from '../../src-main/sandbox/oauth/sign-in';
import { expect, test } from './fixtures';
import { AppStepPage } from './pages/app-step';
import { TestLoginStepPage } from './pages/test-login-step';
import { AssignStepPage } from './pages/assign-step';
import { SlugStepPage } from './pages/slug-step';
import { assignOnePerson, finishCatalogAdd, openStep, signInToConsole, startPracticeIntegration } from './support/walk';

const TEST_USER = 'ava.adams@acme.example';

test('Custom SAML: a misspelt attribute is flagged at the field and fails the test login; URN audience and group statements are accepted', async ({
  page,
  browserMode,
}) => {
  const wizard = await startPracticeIntegration(page, browserMode, 'Custom SAML 2.0');
  await expect(wizard.stepHeading()).toHaveText('SAML app');
  const app = new AppStepPage(page);

  // Untouched: one calm line in words, no schema text, no internal names.
  await wizard.button('Check Okta').click();
  const needs = page.locator('[data-needs-input]');
  await expect(needs).toHaveText(
    'To continue, fill in Single Sign-On URL, Audience URI (SP Entity ID) above and save.',
  );
  await expect(page.locator('[data-step-screen="app"]')).not.toContainText('ssoAcsUrl');
  await expect(page.locator('[data-step-screen="app"]')).not.toContainText('Invalid input');
  await browserMode.screenshot(page, 'checks-01-untouched-step');

  // After Save the field says what is wrong, next to it.
  await app.save();
  await expect(app.fieldError('Single Sign-On URL')).toHaveText(
    'Enter the Single Sign-On URL from the vendor: an https URL with a real host name and no #fragment, e.g. https://sso.vendor.example.com/saml/acs',
  );
  await browserMode.screenshot(page, 'checks-02-field-error-after-save');

  await app.fillLabel('Amazon AWS');
  await app.fillVendorUrls({ ssoAcsUrl: 'https://signin.aws.amazon.com/saml', audience: 'urn:amazon:webservices' });
  await app.setAttribute(2, { name: 'firstName', nameFormat: 'unspecified', value: 'user.fristName' });
  await page.getByLabel('Attribute 2 name', { exact: true }).click();
  await app.save();
  const warning = page.locator('[data-attribute-row="1"] [data-expression-message]');
  await expect(warning).toHaveText(
    "user.fristName is not an attribute of this org's Okta user profile, so Okta sends nothing for it; did you mean user.firstName?",
  );
  await expect(warning).toHaveAttribute('data-expression-message', 'warning');

  await page.getByRole('button', { name: 'Add group attribute' }).click();
  await page.getByLabel('Group attribute 1 filter', { exact: true }).selectOption('STARTS_WITH');
  await page.getByLabel('Group attribute 1 filter value', { exact: true }).fill('Eng');
  await app.save();
  await expect(wizard.changes()).toContainText('Group attribute statement "groups"');
  await expect(wizard.changes()).toContainText('urn:amazon:webservices');
  await browserMode.screenshot(page, 'checks-03-typo-urn-group-statement');
  await wizard.button(/^Apply \d+ changes?$/).click();
  await expect(wizard.check('attribute-expressions')).toContainText('user.fristName');

  await openStep(page, 'metadata', 'Metadata & certificate');
  await wizard.button('Check Okta').click();
  await expect(wizard.stepStatus('metadata')).toHaveAttribute('data-status', 'verified');
  await assignOnePerson(page, 'ava', 'Ava Adams');

  await openStep(page, 'test-login', 'Test login');
  const login = new TestLoginStepPage(page);
  await login.setUser(TEST_USER);
  await login.signInWithPassword('idp', SANDBOX_PASSWORD);
  await expect(login.verdict('idp')).toHaveText('failed');
  await expect(login.check('idp', 'attribute:email')).toHaveAttribute('data-status', 'pass');
  const missing = login.check('idp', 'attribute:firstName');
  await expect(missing).toHaveAttribute('data-status', 'fail');
  await expect(missing).toContainText(
    'The assertion has no attribute "firstName", although the app has the statement firstName = user.fristName. Likely cause: user.fristName is not an attribute',
  );
  await browserMode.screenshot(page, 'checks-04-typo-fails-test-login');
});

test('Millie: a gmail user is warned about as picked, flagged once assigned, and fails the test login', async ({
  page,
  browserMode,
}) => {
  const wizard = await startPracticeIntegration(page, browserMode, 'Millie');
  await new SlugStepPage(page).enterSlug('acme-corp');
  await openStep(page, 'app', 'Millie app');
  await wizard.button('Check Okta').click();
  const consoleTab = await new AppStepPage(page).openCatalog();
  await signInToConsole(consoleTab, browserMode);
  await consoleTab.getByLabel('Slug Name').fill('acme-corp');
  await finishCatalogAdd(consoleTab);
  await consoleTab.close();
  await wizard.button('Check Okta').click();
  await expect(wizard.stepStatus('app')).toHaveAttribute('data-status', 'verified');
  await openStep(page, 'metadata', 'Metadata & certificate');
  await wizard.button('Check Okta').click();
  await expect(wizard.stepStatus('metadata')).toHaveAttribute('data-status', 'verified');

  await openStep(page, 'assign', 'Assign users');
  // The pick may come before Okta's answer (an admin types while Check Okta runs): the warning
  // must show once the answer is in, not only when the answer came first. Hold the answer back
  // until the person is picked, so this order is tested every time.
  let releaseInspect: () => void = () => undefined;
  const picked = new Promise<void>((resolve) => (releaseInspect = resolve));
  await page.route(
    '**/api/steps.inspect',
    async (route) => {
      const answer = await route.fetch();
      await picked;
      await route.fulfill({ response: answer });
    },
    { times: 1 },
  );
  await wizard.button('Check Okta').click();
  const assign = new AssignStepPage(page);
  await assign.addPerson('noor', 'Noor Aziz');
  await expect(page.locator('[data-address-warning="Noor Aziz"]')).toHaveCount(0);
  releaseInspect();
  const why =
    'noor.aziz@gmail.com is a gmail.com address: Millie uses the email domain to find the company and its IdP, so consumer mail such as gmail.com can never be used with Millie SSO.';
  await expect(page.locator('[data-address-warning="Noor Aziz"]')).toHaveText(why);
  await browserMode.screenshot(page, 'checks-05-gmail-warned-on-pick');
  await assign.save();
  await expect(wizard.changes()).toContainText(`Assign Noor Aziz directly (warning: ${why})`);
  await wizard.button(/^Apply \d+ changes?$/).click();
  await expect(page.locator('[data-address-flagged]')).toContainText(
    '1 person assigned cannot sign in to Millie with SSO:',
  );
  await expect(wizard.check('vendor-addresses')).toContainText(why);
  await browserMode.screenshot(page, 'checks-06-gmail-flagged-after');

  await openStep(page, 'test-login', 'Test login');
  const login = new TestLoginStepPage(page);
  await login.setUser('noor.aziz@gmail.com');
  await expect(wizard.changes()).toContainText(`Choose another test user: ${why}`);
  await wizard.button('Verify').click();
  await expect(wizard.check('test-user-address')).toContainText(why);
  await expect(wizard.check('test-user-address')).toHaveClass(/check-fail/);
  await browserMode.screenshot(page, 'checks-07-gmail-test-login-fails');
});
