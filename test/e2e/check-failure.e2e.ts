import { expect, test, type BrowserMode } from './fixtures';
import { courierAppThroughChannels } from './support/courier-app';
import { bridge, openStep } from './support/walk';
import type { WizardPage } from './pages/wizard-page';
import type { Page } from '@playwright/test';

/** The Courier app made and its step checked on screen: "Verified just now" in the header and the rail. */
async function appVerifiedOnScreen(page: Page, browserMode: BrowserMode): Promise<WizardPage> {
  const wizard = await courierAppThroughChannels(page, browserMode);
  await wizard.button('Check Okta').click();
  await expect(wizard.stepStatus('app')).toHaveAttribute('data-status', 'verified');
  await expect(page.locator('.step-status .status')).toHaveText(/Verified$/);
  return wizard;
}

/** A Check Okta that fails: waits for the answer (the button back), never for a reload or a re-open. */
async function checkOktaAndWait(page: Page, wizard: WizardPage): Promise<void> {
  await wizard.button('Check Okta').click();
  await expect(wizard.button('Checking…')).toHaveCount(0, { timeout: 60_000 });
  await expect(page.locator('.toast-error').first()).toBeVisible();
}

test('Okta gone after a verified check: Check Okta at once says "Could not check" with when and the last verification, in the header, the rail and the overview', async ({
  page,
  browserMode,
}) => {
  const wizard = await appVerifiedOnScreen(page, browserMode);

  await browserMode.sandbox.stop();
  await checkOktaAndWait(page, wizard);
  // Without opening the step again: the badge and status line are the failed check's, not the last success's.
  await expect(page.locator('.step-status .status')).toHaveText(/Could not check$/, { timeout: 5_000 });
  await expect(page.getByTestId('status-line')).toHaveText(
    /^Could not check: Okta did not answer just now \(.+\)\. Last verified just now \(.+\)\.$/,
    { timeout: 5_000 },
  );
  await expect(wizard.stepStatus('app')).toHaveText(/Could not check$/, { timeout: 5_000 });
  await expect(wizard.rail().locator('[data-step="app"]')).toHaveAttribute(
    'title',
    /^Could not check \(Okta did not answer\) at .+; last read back at .+$/,
  );
  await expect(page.locator('.checks')).toHaveAttribute('data-stale', 'true');
  await browserMode.screenshot(page, 'check-failure-01-could-not-check');

  await page.getByRole('combobox', { name: 'Integration', exact: true }).selectOption('');
  await expect(page.getByTestId('integration-progress')).toHaveText(
    /^0 of 8 required verified, 2 optional to do, 1 could not be checked$/,
  );
});

test('the app deleted in Okta after its metadata step was verified: Check Okta at once says Failed, when, and when it was last verified', async ({
  page,
  browserMode,
}) => {
  await appVerifiedOnScreen(page, browserMode);
  const wizard = await openStep(page, 'metadata', 'Metadata URL');
  await wizard.button('Check Okta').click();
  await expect(wizard.stepStatus('metadata')).toHaveAttribute('data-status', 'verified');

  // Behind the wizard's back, through the org's own API: the app is deactivated and deleted.
  const [integration] = await bridge<{ facts: { appId?: string } }[]>(browserMode, 'integrations.list', {});
  const appId = integration!.facts.appId!;
  const headers = { Authorization: `SSWS ${browserMode.sandbox.apiToken}`, Accept: 'application/json' };
  const appUrl = `${browserMode.sandbox.url}/api/v1/apps/${appId}`;
  expect((await fetch(`${appUrl}/lifecycle/deactivate`, { method: 'POST', headers })).status).toBe(200);
  expect((await fetch(appUrl, { method: 'DELETE', headers })).status).toBe(204);

  await checkOktaAndWait(page, wizard);
  await expect(page.locator('.step-status .status')).toHaveText(/Failed$/, { timeout: 5_000 });
  await expect(wizard.stepStatus('metadata')).toHaveAttribute('data-status', 'failed', { timeout: 5_000 });
  await expect(page.getByTestId('status-line')).toHaveText(
    /^Check failed just now \(.+\)\. Last verified just now \(.+\)\.$/,
    { timeout: 5_000 },
  );
  await expect(page.locator('.step .inline-error')).toContainText(`The app ${appId} is no longer in Okta.`);

  await page.getByRole('combobox', { name: 'Integration', exact: true }).selectOption('');
  await expect(page.getByTestId('integration-progress')).toHaveText(/, 1 failed$/);
});
