import type { Page, Route } from '@playwright/test';
import { expect, test } from './fixtures';
import { openStep, startPracticeIntegration } from './support/walk';
import { AppStepPage } from './pages/app-step';
import { SlugStepPage } from './pages/slug-step';

/** A reply the renderer cannot parse, as a proxy's error page or a cut-off body would be. */
const brokenReply = (route: Route) =>
  route.fulfill({ status: 502, contentType: 'text/html', body: '<html><body>Bad gateway</body></html>' });

const BROKEN = "The wizard's local server answered HTTP 502 with something that is not a reply.";

/** Millie with its slug saved, on the app step: Check Okta there reads the org. */
async function onMillieApp(page: Page, browserMode: Parameters<typeof startPracticeIntegration>[1]) {
  await startPracticeIntegration(page, browserMode, 'Millie');
  const slug = new SlugStepPage(page);
  await slug.enterSlug('acme-corp');
  await expect(slug.appSlug()).toContainText('No Millie app in Okta yet');
  return openStep(page, 'app', 'Millie app');
}

async function stepButtons(page: Page) {
  const bar = page.getByRole('toolbar', { name: 'Step actions' });
  return {
    check: bar.getByRole('button', { name: 'Check Okta' }),
    verify: bar.getByRole('button', { name: 'Verify' }),
  };
}

test.describe('every failure reaches the screen with a next action', () => {
  test('a step that cannot be read says so and offers to try again, instead of a blank step', async ({
    page,
    browserMode,
  }) => {
    const wizard = await startPracticeIntegration(page, browserMode, 'Millie');
    await expect(wizard.stepHeading()).toHaveText('Company slug');
    await page.route('**/api/steps.view', brokenReply);
    await wizard.rail().locator('[data-step="app"]').click();
    await wizard.waitForCurrent('Millie app');
    const failure = page.locator('[data-view-failure]');
    await expect(failure).toContainText(`This step could not be read: ${BROKEN}`);
    await expect(failure).toContainText('look at the terminal where "okta-onboard browser" runs');
    await browserMode.screenshot(page, 'failures-01-step-view-failed');

    await page.unroute('**/api/steps.view');
    await failure.getByRole('button', { name: 'Try again' }).click();
    await expect(failure).toHaveCount(0);
    await expect(wizard.stepScreen().getByRole('button', { name: 'Check Okta' })).toBeEnabled();
  });

  test('a call whose reply is broken shows the message and gives the buttons back', async ({ page, browserMode }) => {
    await onMillieApp(page, browserMode);
    const { check, verify } = await stepButtons(page);
    await page.route('**/api/steps.inspect', brokenReply);
    await check.click();
    await expect(page.getByText(BROKEN)).toBeVisible();
    await expect(check).toBeEnabled();
    await expect(check).toHaveText('Check Okta');
    await browserMode.screenshot(page, 'failures-02-broken-reply');

    await page.unroute('**/api/steps.inspect');
    await check.click();
    await expect(new AppStepPage(page).catalogLink()).toBeVisible();
    await expect(verify).toBeEnabled();
  });

  test('the practice org gone: Check Okta says it did not answer and what to do, and can be run again', async ({
    page,
    browserMode,
  }) => {
    await onMillieApp(page, browserMode);
    const { check } = await stepButtons(page);
    await browserMode.sandbox.stop();
    await check.click();
    await expect(page.getByText(`${browserMode.sandbox.url} did not answer`).first()).toBeVisible({ timeout: 60_000 });
    await expect(page.getByText('Check the org URL').first()).toBeVisible();
    await expect(check).toBeEnabled();
    await browserMode.screenshot(page, 'failures-03-practice-org-gone');
  });
});
