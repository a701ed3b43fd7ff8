import type { Locator, Page } from '@playwright/test';

/** The app step: catalog/custom choice, the vendor's URLs, the catalog deep link, planned vs Okta settings. */
export class AppStepPage {
  constructor(private readonly page: Page) {}

  private screen(): Locator {
    return this.page.locator('[data-step-screen="app"]');
  }

  /** Mixpanel only: appears after the first Check Okta. */
  async chooseMode(mode: 'catalog' | 'custom'): Promise<void> {
    await this.screen()
      .getByRole('radio', { name: mode === 'catalog' ? /From the Okta catalog/ : /Custom SAML 2.0 app/ })
      .check();
  }

  async fillLabel(label: string): Promise<void> {
    await this.screen().getByRole('textbox', { name: 'App label', exact: true }).fill(label);
  }

  /** Courier: the values Courier Support sends. */
  async fillVendorUrls(values: { ssoAcsUrl?: string; audience?: string }): Promise<void> {
    if (values.ssoAcsUrl !== undefined)
      await this.screen().getByRole('textbox', { name: 'Single Sign-On URL', exact: true }).fill(values.ssoAcsUrl);
    if (values.audience !== undefined)
      await this.screen()
        .getByRole('textbox', { name: 'Audience URI (SP Entity ID)', exact: true })
        .fill(values.audience);
  }

  async save(): Promise<void> {
    await this.screen().getByRole('button', { name: 'Save' }).click();
  }

  /** The message under the field main refused ("App label", "Single Sign-On URL", …). */
  fieldError(label: string): Locator {
    return this.screen()
      .locator('.field', { has: this.page.getByRole('textbox', { name: label, exact: true }) })
      .locator('.field-error');
  }

  /** "Open the Okta catalog": the deep link to the catalog app's Add page. */
  catalogLink(): Locator {
    return this.screen().getByRole('link', { name: 'Open the Okta catalog' });
  }

  async catalogLinkUrl(): Promise<string> {
    return (await this.catalogLink().getAttribute('href')) ?? '';
  }

  /** Opens the Add page in a new tab (as the admin's click does) and returns that tab. */
  async openCatalog(): Promise<Page> {
    const [tab] = await Promise.all([this.page.context().waitForEvent('page'), this.catalogLink().click()]);
    await tab.waitForLoadState();
    return tab;
  }

  /** The app as Okta has it (absent until it exists). */
  oktaApp(): Locator {
    return this.screen().locator('[data-okta-app]');
  }

  async appId(): Promise<string> {
    return (await this.oktaApp().getAttribute('data-okta-app')) ?? '';
  }

  /** One row of the planned-vs-Okta table: `label`, `ssoAcsUrl`, `attribute:id`, `slug`, … */
  settingRow(key: string): Locator {
    return this.screen().locator(`[data-setting="${key}"]`);
  }

  differingSettings(): Locator {
    return this.screen().locator('tr.saml-differs');
  }

  /** Custom SAML: one attribute statement row (1-based), filled in; the row is added when missing. */
  async setAttribute(
    row: number,
    values: { name?: string; nameFormat?: 'unspecified' | 'uri' | 'basic'; value?: string },
  ): Promise<void> {
    const table = this.screen().getByRole('table', { name: 'Attribute statements' });
    while ((await table.locator('tbody tr').count()) < row)
      await this.screen().getByRole('button', { name: 'Add attribute' }).click();
    if (values.name !== undefined)
      await this.screen().getByLabel(`Attribute ${row} name`, { exact: true }).fill(values.name);
    if (values.nameFormat !== undefined)
      await this.screen().getByLabel(`Attribute ${row} name format`).selectOption(values.nameFormat);
    if (values.value !== undefined) await this.screen().getByLabel(`Attribute ${row} value`).fill(values.value);
  }

  attributeError(row: number): Locator {
    return this.screen().locator(`[data-attribute-row="${row - 1}"] .field-error`);
  }
}
