import { SANDBOX_PASSWORD } from '../../src-main/sandbox/oauth/sign-in';
import { expect, test } from './fixtures';
import { AppStepPage } from './pages/app-step';
import { TestLoginStepPage } from './pages/test-login-step';
import { assignOnePerson, openStep, startPracticeIntegration } from './support/walk';

const TEST_USER = 'ava.adams@acme.example';

test('Custom SAML: the admin writes the attribute statements, Okta sends exactly them, and the test login checks each', async ({
  page,
  browserMode,
}) => {
  const wizard = await startPracticeIntegration(page, browserMode, 'Custom SAML 2.0');
  await expect(wizard.stepHeading()).toHaveText('SAML app');

  const app = new AppStepPage(page);
  await wizard.button('Check Okta').click();
  await app.fillLabel('Acme HR');
  await app.fillVendorUrls({
    ssoAcsUrl: 'https://hr.vendor.example.com/saml/acs',
    audience: 'https://hr.vendor.example.com/saml',
  });
  await app.setAttribute(1, { name: 'mail', nameFormat: 'basic', value: 'email' });
  await app.save();
  await expect(app.attributeError(1)).toHaveText(
    '"email" alone is not a value Okta knows; for a profile attribute write user.email, for text put it in quotes',
  );
  await app.setAttribute(1, { value: 'user.email' });
  await app.setAttribute(2, { name: 'uid', value: 'user.id' });
  await app.save();
  await expect(wizard.changes()).toContainText('Attribute statement "uid"');
  await browserMode.screenshot(page, 'custom-saml-01-attributes');
  await wizard.button(/^Apply \d+ changes?$/).click();
  await expect(wizard.stepStatus('app')).toHaveAttribute('data-status', 'verified');
  await expect(wizard.check('setting:attribute:mail')).toHaveClass(/check-pass/);

  await openStep(page, 'metadata', 'Metadata & certificate');
  await wizard.button('Check Okta').click();
  await expect(wizard.stepStatus('metadata')).toHaveAttribute('data-status', 'verified');

  await assignOnePerson(page, 'ava', 'Ava Adams');

  await openStep(page, 'test-login', 'Test login');
  const login = new TestLoginStepPage(page);
  await login.setUser(TEST_USER);
  await login.signInWithPassword('idp', SANDBOX_PASSWORD);
  await expect(login.verdict('idp')).toHaveText('passed');
  await expect(login.check('idp', 'attribute:mail')).toHaveAttribute('data-status', 'pass');
  await expect(login.check('idp', 'attribute:uid')).toHaveAttribute('data-status', 'pass');
  await browserMode.screenshot(page, 'custom-saml-02-test-login');
});
