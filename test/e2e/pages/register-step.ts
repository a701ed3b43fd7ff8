import type { Download, Locator, Page } from '@playwright/test';

/** The register step: per-vendor values with copy buttons, the email panel, the API post, and the sent / confirmed record. */
export class RegisterStepPage {
  constructor(private readonly page: Page) {}

  private screen(): Locator {
    return this.page.locator('[data-step-screen="register"]');
  }

  /** Fills the fields this vendor's channel shows (only those given) and saves. */
  async fill(values: {
    channel?: 'Email to support' | 'Paste into the vendor' | 'Registration API';
    companyName?: string;
    supportEmail?: string;
    apiEndpoint?: string;
  }): Promise<void> {
    if (values.channel) await this.screen().getByLabel(values.channel).check();
    if (values.companyName !== undefined) await this.screen().getByLabel('Company name').fill(values.companyName);
    if (values.supportEmail !== undefined) await this.screen().getByLabel('Support address').fill(values.supportEmail);
    if (values.apiEndpoint !== undefined)
      await this.screen().getByLabel('Registration API URL').fill(values.apiEndpoint);
    await this.screen().getByRole('button', { name: 'Save', exact: true }).click();
  }

  fieldError(): Locator {
    return this.screen().locator('.field-invalid .field-error');
  }

  /** A value the vendor asks for (`data-value` = metadataUrl | companyName | emailDomains | certificatePem | ssoUrl | idpIssuer). */
  value(key: string): Locator {
    return this.screen().locator(`[data-value="${key}"] code`);
  }

  async copy(label: string): Promise<void> {
    await this.screen()
      .getByRole('button', { name: `Copy ${label}` })
      .click();
  }

  async downloadCertificate(): Promise<Download> {
    const download = this.page.waitForEvent('download');
    await this.screen().getByRole('button', { name: 'Download .pem' }).click();
    return download;
  }

  /** Email vendors: builds the email and the .eml in main, then shows the preview. */
  async prepareEmail(): Promise<void> {
    await this.screen().getByRole('button', { name: 'Prepare email' }).click();
    await this.screen().locator('[data-email-preview]').waitFor();
  }

  emailSubject(): Locator {
    return this.screen().locator('[data-email-subject]');
  }

  emailBody(): Locator {
    return this.screen().locator('[data-email-body]');
  }

  mailtoLink(): Locator {
    return this.screen().getByRole('link', { name: 'Open in mail app' });
  }

  async downloadEml(): Promise<Download> {
    const download = this.page.waitForEvent('download');
    await this.screen().getByRole('button', { name: 'Download .eml (metadata attached)' }).click();
    return download;
  }

  async sendToApi(): Promise<void> {
    await this.screen().getByRole('button', { name: 'Send to API' }).click();
  }

  /** Records how it was sent ('email' | 'eml' | 'copied') with the time. */
  async markSent(via: 'email' | 'eml' | 'copied'): Promise<void> {
    await this.screen().getByLabel('How it was sent').selectOption(via);
    // The button says what is recorded: values copied into the vendor are not "sent".
    await this.screen()
      .getByRole('button', { name: via === 'copied' ? 'Mark as copied' : 'Mark as sent' })
      .click();
  }

  async markConfirmed(): Promise<void> {
    await this.screen().getByRole('button', { name: 'Mark confirmed' }).click();
  }

  /** "Not sent yet." or "Sent <time> via <how>." */
  sent(): Locator {
    return this.screen().locator('[data-sent]');
  }

  confirmed(): Locator {
    return this.screen().locator('[data-confirmed]');
  }

  /** Whether the vendor's side is proven by a test login, not yet, or cannot be. */
  vendorSide(): Locator {
    return this.screen().locator('[data-vendor-side]');
  }
}
