import type { Locator, Page } from '@playwright/test';

/** The "Provisioning" screen: API read-back or console values with copy buttons, and the end-to-end test. */
export class ProvisioningStepPage {
  constructor(private readonly page: Page) {}

  private screen(): Locator {
    return this.page.locator('[data-step-screen="provisioning"]');
  }

  async chooseTestUser(login: string, options: { role?: string; waitSeconds?: number } = {}): Promise<void> {
    await this.screen().getByLabel('Test user (Okta login)').fill(login);
    if (options.waitSeconds !== undefined)
      await this.screen().getByLabel('Wait for Okta (seconds)').fill(String(options.waitSeconds));
    await this.save();
    if (options.role === undefined) return;
    // The role picker appears once main has read the app's role attribute (after the first save).
    await this.screen().getByLabel('Role for the test user').selectOption(options.role);
    await this.save();
  }

  async save(): Promise<void> {
    const saved = this.page.waitForResponse((r) => r.url().endsWith('/api/steps.saveInput'));
    await this.screen().getByRole('button', { name: 'Save', exact: true }).click();
    await saved;
  }

  /** The deep link to the app's Provisioning tab (console path). */
  consoleLink(): Locator {
    return this.screen().getByTestId('console-link');
  }

  async consoleUrl(): Promise<string> {
    return (await this.consoleLink().getAttribute('href')) ?? '';
  }

  /** The value shown for a console field, e.g. "SCIM connector base URL". */
  consoleValue(field: string): Locator {
    return this.screen()
      .locator('.copy-table tr', { has: this.page.getByRole('rowheader', { name: field, exact: true }) })
      .locator('code');
  }

  copyButton(field: string): Locator {
    return this.screen().getByRole('button', { name: `Copy ${field}` });
  }

  /** Desktop app: copies the token in main. */
  copyTokenButton(): Locator {
    return this.screen().getByRole('button', { name: 'Copy the SCIM bearer token' });
  }

  /** Browser mode: no clipboard in main, so the screen says to paste the vendor's token. */
  pasteTokenYourself(): Locator {
    return this.screen().getByTestId('token-paste-yourself');
  }

  /** API path: what Okta has now. */
  apiReadBack(): Locator {
    return this.screen().getByRole('table', { name: 'What Okta has now' });
  }

  /** "I've saved it — test end to end" (console) or "Apply and test end to end" (API); "Tested end to end" once passed. */
  async testEndToEnd(): Promise<void> {
    await this.screen()
      .getByRole('button', { name: /test end to end$/ })
      .click();
  }

  result(): Locator {
    return this.screen().getByTestId('e2e-result');
  }

  fieldError(): Locator {
    return this.screen().locator('.field-error');
  }
}
