import type { Locator, Page } from '@playwright/test';

/** "Sign in to Okta": the three sign-in methods and what the credentials may do. */
export class ConnectDialog {
  constructor(private readonly page: Page) {}

  root(): Locator {
    return this.page.getByRole('dialog');
  }

  /** Opens it from the header (it also opens by itself right after a real org is added). */
  async open(): Promise<void> {
    await this.page.getByRole('button', { name: /Sign in to Okta|Okta connection/ }).click();
  }

  async close(): Promise<void> {
    await this.root().getByRole('button', { name: 'Close' }).click();
  }

  async useApiToken(token: string): Promise<void> {
    await this.root().getByLabel('API token', { exact: false }).first().check();
    await this.root().getByLabel('API token', { exact: true }).fill(token);
    await this.root().getByRole('button', { name: 'Check and save' }).click();
  }

  /** Starts the admin sign-in; the sign-in page opens in a new tab (browser mode). */
  async startAdminSignIn(clientId: string): Promise<Page> {
    await this.root()
      .getByRole('radio', { name: /Admin sign-in/ })
      .check();
    await this.root().getByLabel('Client ID').fill(clientId);
    const popup = this.page.waitForEvent('popup');
    await this.root().getByRole('button', { name: 'Sign in', exact: true }).click();
    return popup;
  }

  /** Chooses the service app and shows the public JWK the wizard generated; returns it. */
  async showServiceAppKey(): Promise<string> {
    await this.root()
      .getByRole('radio', { name: /Service app/ })
      .check();
    await this.root().getByRole('button', { name: 'Show the public key to paste into Okta' }).click();
    return (await this.root().getByLabel('Public key (JWK)').textContent()) ?? '';
  }

  async useServiceApp(clientId: string): Promise<void> {
    await this.root().getByLabel('Client ID').fill(clientId);
    await this.root().getByRole('button', { name: 'Check and save' }).click();
  }

  signedInAs(): Locator {
    return this.root().locator('.connection-status p').first();
  }

  verdict(step: string): Locator {
    return this.root().locator(`[data-verdict="${step}"]`);
  }

  error(): Locator {
    return this.root().locator('.field-error');
  }
}
