import type { BrowserContext, Page } from '@playwright/test';
import { startScimServer, type ScimmyTestServer } from '../support/scim-server';
import { expect, test, type BrowserMode } from './fixtures';
import { courierAppThroughChannels } from './support/courier-app';
import { ProvisioningStepPage } from './pages/provisioning-step';
import { ScimStepPage } from './pages/scim-step';
import { openStep, signInToConsole } from './support/walk';

const TOKEN = 'courier-scim-token-proof-e2e-91c2';
const TEST_USER = 'ben.haddad@acme.example';
const WAIT_SECONDS = 15;

let scim: ScimmyTestServer;
test.beforeEach(async () => {
  scim = await startScimServer({ token: TOKEN });
});
test.afterEach(async () => {
  await scim.close();
});

/** The Provisioning tab in the (practice) Admin Console, in a second tab, saved as an admin would. */
async function setConsole(
  context: BrowserContext,
  url: string,
  browserMode: BrowserMode,
  settings: { token: string; deactivateUsers: boolean },
): Promise<void> {
  const tab = await context.newPage();
  await tab.goto(url);
  // The console keeps its session: only the first visit asks to sign in.
  const form = tab.getByLabel('Provisioning: SCIM');
  await expect(form.or(tab.getByLabel('Username'))).toBeVisible();
  if (!(await form.isVisible())) await signInToConsole(tab, browserMode);
  await tab.getByLabel('Provisioning: SCIM').check();
  await tab.getByLabel('SCIM connector base URL').fill(scim.baseUrl);
  await tab.getByLabel('Unique identifier field for users').fill('userName');
  await tab.getByLabel('Push New Users').check();
  await tab.getByLabel('Push Profile Updates').check();
  await tab.getByLabel('Authorization: Bearer').fill(settings.token);
  await tab.getByLabel('Create Users').check();
  await tab.getByLabel('Update User Attributes').check();
  await tab.getByLabel('Deactivate Users').setChecked(settings.deactivateUsers);
  await tab.getByRole('button', { name: 'Save' }).click();
  await expect(tab.getByRole('status')).toHaveText('Provisioning settings saved.');
  await tab.close();
}

/** Courier with its app made and its SCIM endpoint checked, on the Provisioning step with a test user saved. */
async function onProvisioning(page: Page, browserMode: BrowserMode): Promise<ProvisioningStepPage> {
  const wizard = await courierAppThroughChannels(page, browserMode);

  await openStep(page, 'scim', 'SCIM check');
  const scimStep = new ScimStepPage(page);
  await scimStep.fill({ baseUrl: scim.baseUrl, token: TOKEN });
  await scimStep.save();
  await expect(scimStep.tokenStored()).toBeVisible();
  await scimStep.runPreflight();
  await expect(wizard.stepStatus('scim')).toHaveAttribute('data-status', 'verified');

  await openStep(page, 'provisioning', 'Provisioning');
  const provisioning = new ProvisioningStepPage(page);
  await provisioning.chooseTestUser(TEST_USER, { waitSeconds: WAIT_SECONDS });
  return provisioning;
}

test('the provisioning proof: refused at once naming the setting that is off; while it runs, the time and the wait left, every other action disabled', async ({
  page,
  context,
  browserMode,
}) => {
  const provisioning = await onProvisioning(page, browserMode);
  const screen = page.locator('[data-step-screen="provisioning"]');
  const toolbar = page.getByRole('toolbar', { name: 'Step actions' });
  const pushed = () => scim.users().filter((u) => !u.userName.startsWith('okta-onboard-preflight-'));

  // Deactivate Users is off in the console: the test cannot pass, so it is not offered.
  await setConsole(context, await provisioning.consoleUrl(), browserMode, { token: TOKEN, deactivateUsers: false });
  await toolbar.getByRole('button', { name: 'Check Okta' }).click();
  const blocked = screen.getByTestId('e2e-blocked');
  await expect(blocked).toHaveText(
    'The end-to-end test cannot pass until Deactivate Users is enabled on the Provisioning tab > To App, so it does not start: Okta would not push or deactivate the test user, and the test could only wait out its time. Enable it there, save, then press Check Okta.',
  );
  await expect(screen.getByRole('button', { name: "I've saved it — test end to end" })).toBeDisabled();
  await expect(page.getByRole('complementary', { name: 'What will change' })).toContainText(
    'Deactivate Users is enabled on the Provisioning tab > To App',
  );
  await browserMode.screenshot(page, 'provisioning-proof-01-refused-setting-off');

  // Applied anyway (the frame's Apply): refused at once, with nothing assigned or pushed.
  const writesBefore = await browserMode.sandbox.writeCount();
  const started = Date.now();
  await toolbar.getByRole('button', { name: /^Apply \d+ changes?$/ }).click();
  const refusal = page.locator('.toast');
  await expect(refusal.locator('.toast-message')).toHaveText(
    'The end-to-end test did not start: Deactivate Users is switched off for Courier in Okta, so Okta would not deactivate the test user at the vendor, and the end-to-end test could only wait out its time and fail.',
  );
  await expect(refusal.locator('.toast-hint')).toHaveText(
    "Open Courier's Provisioning tab with the link above > To App > Edit, enable Deactivate Users, Save, then press Check Okta and run the test again.",
  );
  expect(Date.now() - started).toBeLessThan(WAIT_SECONDS * 1000);
  expect(await browserMode.sandbox.writeCount()).toBe(writesBefore);
  expect(pushed()).toEqual([]);
  await browserMode.screenshot(page, 'provisioning-proof-02-apply-refused-at-once');

  // Deactivate Users on; the vendor is slow to answer Okta's create, so the proof waits for the
  // test user, and the screen says for how long and how much of the wait is left.
  await setConsole(context, await provisioning.consoleUrl(), browserMode, { token: TOKEN, deactivateUsers: true });
  await toolbar.getByRole('button', { name: 'Check Okta' }).click();
  await expect(blocked).toHaveCount(0);
  // The refusal no longer holds once Okta reads fine, so it is not left beside the running test.
  await expect(refusal).toHaveCount(0);
  const slowVendor = scim.holdCreates();
  await provisioning.testEndToEnd();
  const progress = screen.getByTestId('e2e-progress');
  const waiting = new RegExp(
    `^Running for (\\d+) s\\. Waiting for ${TEST_USER.replace(/\./g, '\\.')} to arrive at the vendor: (\\d+) s so far, up to (\\d+) s left of the ${WAIT_SECONDS} s wait \\(test running (\\d+) s\\)\\.$`,
  );
  await expect(progress).toHaveText(waiting);
  const secondsRunning = async () => Number(waiting.exec((await progress.textContent()) ?? '')?.[1] ?? -1);
  await expect.poll(secondsRunning, { timeout: WAIT_SECONDS * 1000 }).toBeGreaterThanOrEqual(2);
  const [, , soFar, left] = waiting.exec((await progress.textContent()) ?? '') ?? [];
  expect(Number(soFar) + Number(left)).toBeGreaterThanOrEqual(WAIT_SECONDS - 1);
  expect(Number(soFar) + Number(left)).toBeLessThanOrEqual(WAIT_SECONDS + 1);

  // Nothing else on the step can be started while it runs.
  await expect(screen.getByRole('button', { name: 'Testing…' })).toBeDisabled();
  await expect(screen.getByRole('button', { name: 'Save', exact: true })).toBeDisabled();
  const copies = await screen.getByRole('button', { name: /^Copy / }).all();
  expect(copies.length).toBeGreaterThan(0);
  for (const copy of copies) await expect(copy).toBeDisabled();
  await expect(toolbar.getByRole('button', { name: 'Check Okta' })).toBeDisabled();
  await expect(toolbar.getByRole('button', { name: 'Applying…' })).toBeDisabled();
  await expect(toolbar.getByRole('button', { name: 'Verify' })).toBeDisabled();
  await browserMode.screenshot(page, 'provisioning-proof-03-running-elapsed-and-left');

  slowVendor.release();
  await expect(provisioning.result()).toContainText('Passed', { timeout: (WAIT_SECONDS + 60) * 1000 });
  await expect(page.locator('[data-testid="e2e-progress"]')).toHaveCount(0);
  await expect(toolbar.getByRole('button', { name: 'Check Okta' })).toBeEnabled();
  await expect(screen.getByRole('button', { name: 'Save', exact: true })).toBeEnabled();
  expect(pushed()).toEqual([expect.objectContaining({ userName: TEST_USER, active: false })]);
  await browserMode.screenshot(page, 'provisioning-proof-04-passed');
});
