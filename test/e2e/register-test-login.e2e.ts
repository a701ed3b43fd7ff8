import { SANDBOX_PASSWORD } from '../../src-main/sandbox/oauth/sign-in';
import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures';
import { bridge, openStep, sandbox, startPracticeIntegration } from './support/walk';
import { DomainsStepPage } from './pages/domains-step';
import { RegisterStepPage } from './pages/register-step';
import { TestLoginStepPage } from './pages/test-login-step';

const TEST_USER = 'ava.adams@acme.example';

test('Mixpanel: claimed domains, values pasted into Mixpanel, then IdP- and SP-initiated test logins', async ({
  page,
  browserMode,
}) => {
  const wizard = await startPracticeIntegration(page, browserMode, 'Mixpanel');
  await expect(wizard.stepHeading()).toHaveText('Mixpanel app');

  // The app and metadata steps run through the channels their screens use; this test is about the steps after them.
  const [integration] = await bridge<Array<{ id: string }>>(browserMode, 'integrations.list', {});
  const integrationId = integration!.id;
  await bridge(browserMode, 'steps.saveInput', {
    integrationId,
    stepId: 'app',
    input: { mode: 'custom', label: 'Mixpanel' },
  });
  await bridge(browserMode, 'steps.apply', { integrationId, stepId: 'app' });
  await bridge(browserMode, 'steps.verify', { integrationId, stepId: 'metadata' });

  await openStep(page, 'domains', 'Claimed domains');
  const domains = new DomainsStepPage(page);
  await wizard.button('Check Okta').click();
  await expect(domains.suggestionCount('acme.example')).toHaveText('42');
  await expect(domains.suggestionCount('gmail.com')).toHaveText('3');
  await domains.addSuggestion('acme.example');
  await domains.addDomain('Labs.Acme.Example, gmail.com');
  await domains.save();
  await expect(domains.consumerWarning()).toContainText('gmail.com: consumer mail.');
  await expect(domains.chip('acme.example')).toContainText('42 users');
  await expect(domains.coverage()).toHaveText(
    '51 of 53 Okta users sign in with an address in your domains; 2 do not (e.g. mia.novak@outlook.com, tbyrne@outlook.com).',
  );
  await expect(wizard.stepStatus('domains')).toHaveAttribute('data-status', 'verified');
  await browserMode.screenshot(page, 'register-01-domains');

  await openStep(page, 'register', 'Enable SSO in Mixpanel');
  const register = new RegisterStepPage(page);
  await wizard.button('Check Okta').click();
  const facts = (
    await bridge<{ facts: { idpIssuer: string; idpSsoUrl: string; appId: string } }>(browserMode, 'integrations.get', {
      integrationId,
    })
  ).facts;
  await expect(register.value('idpIssuer')).toHaveText(facts.idpIssuer);
  await expect(register.value('ssoUrl')).toHaveText(facts.idpSsoUrl);
  await expect(wizard.changes()).toContainText('Paste 3 values into Mixpanel > Organization Settings > SSO');
  const pem = await register.downloadCertificate();
  expect(pem.suggestedFilename()).toBe('okta-signing-certificate.pem');
  expect(await readFile(await pem.path(), 'utf8')).toMatch(/^-----BEGIN CERTIFICATE-----\n/);
  await register.markSent('copied');
  await expect(register.sent()).toContainText(/^Reported by you: sent .* via copied into the vendor\.$/);
  await expect(wizard.stepStatus('register')).toHaveAttribute('data-status', 'applied');
  await register.markConfirmed();
  await expect(register.confirmed()).toContainText('Reported by you: Mixpanel confirmed');
  // The admin's marks alone never verify it: the vendor's side waits for the SP-initiated login.
  await expect(wizard.stepStatus('register')).toHaveAttribute('data-status', 'applied');
  await expect(wizard.changes()).toContainText(
    'Prove Mixpanel has the values: in the "Test login" step, sign in SP-initiated through Mixpanel\'s login page',
  );
  await browserMode.screenshot(page, 'register-02-confirmed');

  await openStep(page, 'test-login', 'Test login');
  const login = new TestLoginStepPage(page);
  await login.setUser(TEST_USER);
  await expect(login.notAssigned()).toContainText(`${TEST_USER} is not assigned`);
  const user = await sandbox<{ id: string }>(browserMode, 'GET', `/api/v1/users/${TEST_USER}`);
  await sandbox(browserMode, 'POST', `/api/v1/apps/${facts.appId}/users`, { id: user.id, scope: 'USER' });
  await wizard.button('Check Okta').click();
  await expect(login.notAssigned()).toHaveCount(0);

  // A wrong password: Okta's own answer (E0000004), next to the field, and nothing recorded.
  await login.signInWithPassword('idp', 'not-the-password');
  await expect(login.passwordError()).toContainText(`Okta refused the sign-in of ${TEST_USER}: Authentication failed`);
  await expect(login.result('idp')).toHaveCount(0);
  await login.signInWithPassword('idp', SANDBOX_PASSWORD);
  await expect(login.verdict('idp')).toHaveText('passed');
  await expect(login.passwordError()).toHaveCount(0);
  await expect(login.check('idp', 'signature')).toHaveAttribute('data-status', 'pass');
  await expect(login.check('idp', 'attribute:email')).toContainText(`"email" is ${TEST_USER}.`);
  await login.signInWithPassword('sp', SANDBOX_PASSWORD);
  await expect(login.verdict('sp')).toHaveText('passed');
  await expect(login.check('sp', 'in-response-to')).toHaveAttribute('data-status', 'pass');
  expect(await login.assertion('sp')).toContain(`>${TEST_USER}</saml2:NameID>`);
  await expect(wizard.stepStatus('test-login')).toHaveAttribute('data-status', 'verified');
  await expect(login.windowButton('idp')).toHaveCount(0);
  await browserMode.screenshot(page, 'register-03-test-login');

  await openStep(page, 'register', 'Enable SSO in Mixpanel');
  await wizard.button('Check Okta').click();
  // A practice-org SP login starts with the app's own AuthnRequest, never at Mixpanel: still unproven.
  await expect(register.vendorSide()).toContainText('Not checked yet: an SP-initiated sign-in through Mixpanel');
  await expect(wizard.changes()).toContainText('Prove Mixpanel has the values');
});

test('Courier: the email to support with the metadata attached as an .eml, sent, then confirmed', async ({
  page,
  browserMode,
}) => {
  const wizard = await startPracticeIntegration(page, browserMode, 'Courier');
  await expect(wizard.stepHeading()).toHaveText('Courier app');
  const [integration] = await bridge<Array<{ id: string }>>(browserMode, 'integrations.list', {});
  const integrationId = integration!.id;
  await bridge(browserMode, 'steps.saveInput', {
    integrationId,
    stepId: 'app',
    input: {
      mode: 'custom',
      label: 'Courier',
      ssoAcsUrl: 'https://courier.example.com/saml/acs',
      audience: 'https://courier.example.com/saml/metadata',
    },
  });
  await bridge(browserMode, 'steps.apply', { integrationId, stepId: 'app' });
  await bridge(browserMode, 'steps.verify', { integrationId, stepId: 'metadata' });

  await openStep(page, 'register', 'Send to Courier');
  const register = new RegisterStepPage(page);
  await register.fill({ companyName: 'Acme Corp', supportEmail: 'not an address' });
  await expect(register.fieldError()).toHaveText(
    '"not an address" is not an email address; an email address looks like support@vendor.com',
  );
  await register.fill({ supportEmail: 'support@courier.example' });
  const facts = (await bridge<{ facts: { metadataUrl: string } }>(browserMode, 'integrations.get', { integrationId }))
    .facts;
  await expect(register.value('metadataUrl')).toHaveText(facts.metadataUrl);
  await expect(wizard.changes()).toContainText('Email Metadata URL to Courier support, then mark it as sent.');

  await register.prepareEmail();
  await expect(register.emailSubject()).toHaveText('Okta SAML metadata for Acme Corp');
  await expect(register.emailBody()).toContainText(`Metadata URL: ${facts.metadataUrl}`);
  await expect(register.mailtoLink()).toHaveAttribute(
    'href',
    /^mailto:support@courier\.example\?subject=Okta%20SAML%20metadata%20for%20Acme%20Corp&body=/,
  );
  const eml = await register.downloadEml();
  expect(eml.suggestedFilename()).toBe('courier-sso-registration.eml');
  const message = await readFile(await eml.path(), 'utf8');
  expect(message).toContain('To: support@courier.example\r\n');
  expect(message).toContain('Content-Disposition: attachment; filename="okta-idp-metadata.xml"');
  await browserMode.screenshot(page, 'register-04-courier-email');

  await register.markSent('eml');
  await expect(register.sent()).toContainText(/^Reported by you: sent .* via \.eml file\.$/);
  await expect(wizard.stepStatus('register')).toHaveAttribute('data-status', 'applied');
  await expect(wizard.changes()).toContainText('Wait for Courier to confirm, then mark it confirmed.');
  await register.markConfirmed();
  await expect(register.confirmed()).toContainText('Reported by you: Courier confirmed');
  await expect(register.vendorSide()).toHaveText(
    "The app cannot check Courier's side (no SP-initiated login it can start): it stays reported by you.",
  );
  await expect(wizard.stepStatus('register')).toHaveAttribute('data-status', 'applied');
  await expect(wizard.changes()).toContainText("The app cannot check Courier's side");
});
