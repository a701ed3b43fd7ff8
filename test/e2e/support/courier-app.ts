import { expect, type Page } from '@playwright/test';
import { AppStepPage } from '../pages/app-step';
import { VendorPickerPage } from '../pages/vendor-picker-page';
import { WelcomePage } from '../pages/welcome-page';
import { WizardPage } from '../pages/wizard-page';
import type { BrowserApp } from './own-practice-org';

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
