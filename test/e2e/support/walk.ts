import type { Page } from '@playwright/test';
import { SANDBOX_PASSWORD } from '../../../src-main/sandbox/oauth/sign-in';
import { expect, type BrowserMode } from '../fixtures';
import { VendorPickerPage } from '../pages/vendor-picker-page';
import { WelcomePage } from '../pages/welcome-page';
import { AssignStepPage } from '../pages/assign-step';
import { WizardPage } from '../pages/wizard-page';
import { call } from './own-practice-org';

/** One channel call over the browser-mode bridge (the e2e specs' name for it). */
export const bridge = call;

/** One Management API call to the practice sandbox with its admin token, as a test's own check. */
export async function sandbox<T>(mode: BrowserMode, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${mode.sandbox.url}${path}`, {
    method,
    headers: {
      Authorization: `SSWS ${mode.sandbox.apiToken}`,
      Accept: 'application/json',
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return (await response.json()) as T;
}

/** Opens a step from the rail with the mouse and waits until main has recorded it as current. */
export async function openStep(page: Page, stepId: string, title: string): Promise<WizardPage> {
  const wizard = new WizardPage(page);
  await wizard.rail().locator(`[data-step="${stepId}"]`).click();
  await wizard.waitForCurrent(title);
  return wizard;
}

/** Opens the app, adds a practice-org client and starts the vendor's integration on its first step. */
export async function startPracticeIntegration(page: Page, mode: BrowserMode, vendorName: string): Promise<WizardPage> {
  await page.goto(mode.url);
  await new WelcomePage(page).addPracticeClient('Acme');
  await new VendorPickerPage(page).start(vendorName);
  return new WizardPage(page);
}

/** The assign step, through its screen: pick one person by a search, save, apply, and wait for verified. */
export async function assignOnePerson(page: Page, query: string, name: string): Promise<void> {
  const wizard = await openStep(page, 'assign', 'Assign users');
  await wizard.button('Check Okta').click();
  const assign = new AssignStepPage(page);
  await assign.addPerson(query, name);
  await assign.save();
  await wizard.button(/^Apply \d+ changes?$/).click();
  await expect(wizard.stepStatus('assign')).toHaveAttribute('data-status', 'verified');
}

/** Signs in to the sandbox's admin console in a tab the wizard's deep link opened. */
export async function signInToConsole(tab: Page, mode: BrowserMode): Promise<void> {
  await tab.getByLabel('Username').fill(mode.sandbox.adminLogin);
  await tab.getByLabel('Password').fill(SANDBOX_PASSWORD);
  await tab.getByRole('button', { name: /sign in/i }).click();
}

/**
 * Clicks the console's "Done" on "Add {App}" and waits for the new app's page, returning its id.
 * Done makes the SAML app's signing key (a 2048-bit RSA key the practice org generates on its one
 * thread), which on a loaded machine took longer than an ordinary 15 s expect and once failed the
 * Millie walk; so this waits, up to 90 s, for the outcome itself (the app page, or the form's error
 * list) and says which it got.
 */
export async function finishCatalogAdd(tab: Page): Promise<string> {
  await tab.getByRole('button', { name: 'Done' }).click();
  const outcome = tab.locator('#app-id, #errors');
  await expect(outcome, 'the console answers Done with the new app or its errors').toBeVisible({ timeout: 90_000 });
  await expect(tab.locator('#errors'), 'the console refused the new app').toHaveCount(0);
  const appId = (await tab.locator('#app-id').textContent()) ?? '';
  expect(appId, 'the new app page shows an Okta app id').toMatch(/^0oa/);
  return appId;
}

/**
 * The end of every vendor walk: each step of the integration is verified, the screen offers
 * nothing to apply, and applying every step again makes no write at the sandbox org. Steps in
 * `reportedOnly` rest on what the admin reported at the vendor and nothing can prove: they stay
 * "applied" with only "You do" changes, and a second apply writes nothing either.
 */
export async function expectAllVerifiedAndSecondApplyWritesNothing(
  page: Page,
  mode: BrowserMode,
  stepIds: string[],
  reportedOnly: string[] = [],
): Promise<void> {
  const wizard = new WizardPage(page);
  for (const stepId of stepIds)
    await expect(wizard.stepStatus(stepId), stepId).toHaveAttribute(
      'data-status',
      reportedOnly.includes(stepId) ? 'applied' : 'verified',
    );
  const [integration] = await bridge<Array<{ id: string; steps: Record<string, { status: string }> }>>(
    mode,
    'integrations.list',
    {},
  );
  expect(
    Object.entries(integration!.steps)
      // Migrating existing users is optional (an org may have none): a walk of the guide leaves it
      // untouched; migrate.e2e.ts walks its screen.
      .filter(([id, s]) => !(id === 'migrate' && (s.status === 'not-started' || s.status === 'needs-input')))
      .filter(([id, s]) => s.status !== (reportedOnly.includes(id) ? 'applied' : 'verified'))
      .map(([id]) => id),
  ).toEqual([]);
  const before = await mode.sandbox.writeCount();
  for (const stepId of stepIds) {
    const view = await bridge<{ status: string; changes: Array<{ kind: string }> }>(mode, 'steps.apply', {
      integrationId: integration!.id,
      stepId,
    });
    if (reportedOnly.includes(stepId))
      expect({ stepId, status: view.status, kinds: view.changes.map((c) => c.kind) }).toEqual({
        stepId,
        status: 'applied',
        kinds: ['manual'],
      });
    else
      expect({ stepId, status: view.status, changes: view.changes }).toEqual({
        stepId,
        status: 'verified',
        changes: [],
      });
  }
  expect(await mode.sandbox.writeCount()).toBe(before);
}
