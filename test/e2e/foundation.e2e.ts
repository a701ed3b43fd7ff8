import { expect, test } from './fixtures';
import { ConnectDialog } from './pages/connect-dialog';
import { VendorPickerPage } from './pages/vendor-picker-page';
import { WelcomePage } from './pages/welcome-page';
import { WizardPage } from './pages/wizard-page';

test('adds a client, picks a vendor, walks the rail by keyboard, and keeps progress across a reload', async ({
  page,
  browserMode,
}) => {
  await page.goto(browserMode.url);
  const welcome = new WelcomePage(page);
  await expect(welcome.heading()).toBeVisible();
  await browserMode.screenshot(page, 'foundation-01-welcome');

  await welcome.addRealOrgClient('Acme Corp', 'acme.okta.com');
  await expect(welcome.orgUrlError()).toHaveText(
    '"acme.okta.com" is not a URL; an Okta org URL looks like https://acme.okta.com (or https://acme.oktapreview.com, https://acme.okta-emea.com, or a custom domain over https)',
  );
  await browserMode.screenshot(page, 'foundation-02-bad-org-url');

  await page.getByLabel('Org URL').fill('https://acme.okta.com');
  await page.getByRole('button', { name: 'Add client' }).click();
  // A real org asks for a sign-in next; this test is about the frame, so it closes that dialog.
  const connect = new ConnectDialog(page);
  await expect(connect.root()).toContainText('Okta connection for https://acme.okta.com');
  await connect.close();
  await expect(page.getByRole('heading', { name: 'Which vendor are you connecting to Acme Corp?' })).toBeVisible();
  await browserMode.screenshot(page, 'foundation-03-vendor-picker');

  await new VendorPickerPage(page).start('Courier');
  const wizard = new WizardPage(page);
  await expect(wizard.stepHeading()).toHaveText('Courier app');
  await expect(wizard.currentRailStep()).toContainText('Courier app');
  await browserMode.screenshot(page, 'foundation-04-wizard-first-step');

  await wizard.focusRail();
  await wizard.press('ArrowDown');
  await wizard.waitForCurrent('Metadata URL');
  await wizard.press('ArrowDown');
  await wizard.waitForCurrent('Send to Courier');
  await wizard.press('End');
  await wizard.waitForCurrent('Test login');
  await wizard.press('ArrowUp');
  await wizard.waitForCurrent('Migrate existing users');
  await expect(wizard.currentRailStep()).toBeFocused();
  await browserMode.screenshot(page, 'foundation-05-wizard-keyboard');

  await page.reload();
  await expect(wizard.stepHeading()).toHaveText('Migrate existing users');
  await expect(wizard.currentRailStep()).toContainText('Migrate existing users');
  await expect(page.getByRole('combobox', { name: 'Client' })).toHaveValue(/^cli_/);
  await browserMode.screenshot(page, 'foundation-06-after-reload');

  // The theme follows the OS: the same screen with a dark colour scheme.
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect
    .poll(() => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor))
    .toBe('rgb(18, 21, 27)');
  await browserMode.screenshot(page, 'foundation-07-dark');
});

test('a page opened without the bridge token says how to get in', async ({ page, browserMode }) => {
  await page.goto(browserMode.origin);
  await expect(page.getByRole('alert')).toContainText('Open the URL that "npm run start:browser" printed');
});
