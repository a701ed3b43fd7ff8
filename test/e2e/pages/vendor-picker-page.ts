import type { Page } from '@playwright/test';

/** "Which vendor are you connecting?": the vendor cards. */
export class VendorPickerPage {
  constructor(private readonly page: Page) {}

  async start(vendorName: string): Promise<void> {
    await this.page.locator('.vendor-card', { hasText: vendorName }).click();
    await this.page.getByRole('button', { name: 'Start integration' }).click();
  }
}
