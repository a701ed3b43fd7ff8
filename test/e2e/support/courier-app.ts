import { expect, type Page } from '@playwright/test';
import { AppStepPage } from '../pages/app-step';
import { VendorPickerPage } from '../pages/vendor-picker-page';
import { WelcomePage } from '../pages/welcome-page';
import { WizardPage } from '../pages/wizard-page';
import type { BrowserMode } from '../fixtures';
import type { BrowserApp } from './own-practice-org';
import { bridge, startPracticeIntegration } from './walk';

/** The first client, a practice one, with a Courier integration whose app step is applied and verified. */
export async function courierAppVerified(page: Page, app: BrowserApp, client: string): Promise<WizardPage> {
  await page.goto(app.url);
  const welcome = new WelcomePage(page);
  await expect(welcome.heading()).toBeVisible();
  await welcome.addPracticeClient(client);
  await new VendorPickerPage(page).start('Courier');
  const wizard = new WizardPage(page);
  await expect(wizard.stepHeading()).toHaveText('Courier app');
  await wizard.button('Check Okta').click();
  const appStep = new AppStepPage(page);
  await appStep.fillVendorUrls({
    ssoAcsUrl: 'https://courier.example.com/saml/acs',
    audience: 'https://courier.example.com/saml/metadata',
  });
  await appStep.save();
  await wizard.button(/^Apply \d+ changes?$/).click();
  await expect(wizard.stepStatus('app')).toHaveAttribute('data-status', 'verified');
  return wizard;
}

/** Courier's app made through the channels its screen uses, for tests about the steps after it. */
export async function courierAppThroughChannels(page: Page, browserMode: BrowserMode): Promise<WizardPage> {
  const wizard = await startPracticeIntegration(page, browserMode, 'Courier');
  await expect(wizard.stepHeading()).toHaveText('Courier app');
  const [integration] = await bridge<Array<{ id: string }>>(browserMode, 'integrations.list', {});
  const appRef = { integrationId: integration!.id, stepId: 'app' };
  await bridge(browserMode, 'steps.saveInput', {
    ...appRef,
    input: {
      mode: 'custom',
      label: 'Courier',
      ssoAcsUrl: 'https://courier.example.com/saml/acs',
      audience: 'https://courier.example.com/saml/metadata',
    },
  });
  await bridge(browserMode, 'steps.apply', appRef);
  return wizard;
}
