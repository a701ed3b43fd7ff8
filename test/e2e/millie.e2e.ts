import { SANDBOX_PASSWORD } from '../../src-main/sandbox/oauth/sign-in';
import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures';
import { AppStepPage } from './pages/app-step';
import { DomainsStepPage } from './pages/domains-step';
import { MetadataStepPage } from './pages/metadata-step';
import { RegisterStepPage } from './pages/register-step';
import { SlugStepPage } from './pages/slug-step';
import { TestLoginStepPage } from './pages/test-login-step';
import {
  assignOnePerson,
  expectAllVerifiedAndSecondApplyWritesNothing,
  openStep,
  finishCatalogAdd,
  signInToConsole,
  startPracticeIntegration,
} from './support/walk';

const TEST_USER = 'ava.adams@acme.example';

test('Millie, the whole guide through the screens: slug, catalog app, metadata, domains, email to support, assignment, test logins', async ({
  page,
  browserMode,
}) => {
  const wizard = await startPracticeIntegration(page, browserMode, 'Millie');

  const slug = new SlugStepPage(page);
  await slug.enterSlug('acme-corp');
  await browserMode.screenshot(page, 'millie-01-slug');

  await openStep(page, 'app', 'Millie app');
  await wizard.button('Check Okta').click();
  const app = new AppStepPage(page);
  const consoleTab = await app.openCatalog();
  await signInToConsole(consoleTab, browserMode);
  await consoleTab.getByLabel('Slug Name').fill('acme-corp');
  await finishCatalogAdd(consoleTab);
  await consoleTab.close();
  await wizard.button('Check Okta').click();
  await expect(app.settingRow('slug')).toContainText('✓ same');
  await expect(wizard.stepStatus('app')).toHaveAttribute('data-status', 'verified');
  await browserMode.screenshot(page, 'millie-02-app');

  await openStep(page, 'slug', 'Company slug');
  await wizard.button('Check Okta').click();
  await expect(wizard.stepStatus('slug')).toHaveAttribute('data-status', 'verified');

  await openStep(page, 'metadata', 'Metadata & certificate');
  await wizard.button('Check Okta').click();
  const metadata = new MetadataStepPage(page);
  await expect(wizard.stepStatus('metadata')).toHaveAttribute('data-status', 'verified');
  const metadataUrl = await metadata.value('metadata-url');
  await browserMode.screenshot(page, 'millie-03-metadata');

  await openStep(page, 'domains', 'Email domains');
  const domains = new DomainsStepPage(page);
  await wizard.button('Check Okta').click();
  await domains.addSuggestion('acme.example');
  await domains.addDomain('gmail.com');
  await domains.save();
  await expect(domains.domainsError()).toContainText('gmail.com');
  await browserMode.screenshot(page, 'millie-04-domains-gmail-refused');
  await domains.remove('gmail.com');
  await domains.save();
  await expect(domains.chip('acme.example')).toContainText('42 users');
  await expect(wizard.stepStatus('domains')).toHaveAttribute('data-status', 'verified');

  await openStep(page, 'register', 'Send to Millie');
  const register = new RegisterStepPage(page);
  await register.fill({ companyName: 'Acme Corp', supportEmail: 'support@millie.example' });
  await expect(register.value('metadataUrl')).toHaveText(metadataUrl);
  await expect(register.value('emailDomains')).toHaveText('acme.example');
  await register.prepareEmail();
  const eml = await readFile(await (await register.downloadEml()).path(), 'utf8');
  expect(eml).toContain('To: support@millie.example\r\n');
  await register.markSent('eml');
  await register.markConfirmed();
  await expect(wizard.stepStatus('register')).toHaveAttribute('data-status', 'applied');
  await expect(register.sent()).toContainText('Reported by you: sent ');
  await expect(register.confirmed()).toContainText('Reported by you: Millie confirmed ');
  await expect(register.vendorSide()).toHaveText(
    "The app cannot check Millie's side (no SP-initiated login it can start): it stays reported by you.",
  );
  await browserMode.screenshot(page, 'millie-05-register');

  await assignOnePerson(page, 'ava', 'Ava Adams');
  await browserMode.screenshot(page, 'millie-06-assign');

  await openStep(page, 'test-login', 'Test login');
  const login = new TestLoginStepPage(page);
  await login.setUser(TEST_USER);
  await login.signInWithPassword('idp', SANDBOX_PASSWORD);
  await expect(login.verdict('idp')).toHaveText('passed');
  await login.signInWithPassword('sp', SANDBOX_PASSWORD);
  await expect(login.verdict('sp')).toHaveText('passed');
  await expect(login.check('idp', 'name-id')).toHaveAttribute('data-status', 'pass');
  await expect(wizard.stepStatus('test-login')).toHaveAttribute('data-status', 'verified');
  await browserMode.screenshot(page, 'millie-07-test-login');

  await expectAllVerifiedAndSecondApplyWritesNothing(
    page,
    browserMode,
    ['slug', 'app', 'metadata', 'domains', 'register', 'assign', 'test-login'],
    ['register'],
  );
});
