import type { Page } from '@playwright/test';

/** "Which vendor are you connecting?": the vendor cards. */
export class VendorPickerPage {
  constructor(private readonly page: Page) {}

  async start(vendorName: string): Promise<void> {
    await this.page
      .locator('.vendor-card', { has: this.page.locator('.vendor-name').getByText(vendorName, { exact: true }) })
      .click();
    await this.page.getByRole('button', { name: 'Start integration' }).click();
  }
}
