import type { Page } from '@playwright/test';

/** The first screen: no client yet. */
export class WelcomePage {
  constructor(private readonly page: Page) {}

  heading() {
    return this.page.getByRole('heading', { name: 'Connect a vendor to Okta, step by step' });
  }

  async addRealOrgClient(name: string, orgUrl: string): Promise<void> {
    await this.page.getByLabel('Client name').fill(name);
    await this.page.getByLabel('A real Okta org').check();
    await this.page.getByLabel('Org URL').fill(orgUrl);
    await this.page.getByRole('button', { name: 'Add client' }).click();
  }

  async addPracticeClient(name: string): Promise<void> {
    await this.page.getByLabel('Client name').fill(name);
    await this.page.getByLabel('Practice org (built-in sandbox)').check();
    await this.page.getByRole('button', { name: 'Add client' }).click();
  }

  orgUrlError() {
    return this.page.locator('.field-error');
  }
}
