import type { Download, Locator, Page } from '@playwright/test';

/** The metadata step: what Okta publishes, the certificate, and "Check any IdP's metadata". */
export class MetadataStepPage {
  constructor(private readonly page: Page) {}

  private screen(): Locator {
    return this.page.locator('[data-step-screen="metadata"]');
  }

  /** The shown value of `metadata-url`, `issuer` or `sso-url`. */
  async value(id: 'metadata-url' | 'issuer' | 'sso-url'): Promise<string> {
    return (await this.screen().locator(`[data-value="${id}"] code`).first().textContent()) ?? '';
  }

  async copy(
    label: 'Metadata URL' | 'Identity Provider Issuer' | 'Identity Provider SSO URL (Redirect Login URL)',
  ): Promise<void> {
    await this.screen()
      .getByRole('button', { name: `Copy ${label}` })
      .click();
  }

  /** One row of the app's certificate ("Subject", "SHA-256 fingerprint", "Valid until", …). */
  certificateField(label: string): Locator {
    return this.screen().locator('.saml-certificate').first().locator('.copy-row', { hasText: label }).locator('dd');
  }

  async downloadCertificate(): Promise<Download> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.screen().getByRole('button', { name: 'Download certificate (PEM)' }).first().click(),
    ]);
    return download;
  }

  findings(): Locator {
    return this.screen().locator('[data-finding]');
  }

  async checkPastedXml(xml: string): Promise<void> {
    await this.screen().getByRole('radio', { name: 'Pasted XML' }).check();
    await this.screen().getByRole('textbox', { name: 'Metadata XML', exact: true }).fill(xml);
    await this.screen().getByRole('button', { name: 'Check metadata' }).click();
  }

  async checkFile(path: string): Promise<void> {
    await this.screen().getByRole('radio', { name: 'A file' }).check();
    await this.screen().getByLabel('Metadata file').setInputFiles(path);
    await this.screen().getByRole('button', { name: 'Check metadata' }).click();
  }

  async checkUrl(url: string): Promise<void> {
    await this.screen().getByRole('radio', { name: 'A URL' }).check();
    await this.screen().getByRole('textbox', { name: 'Metadata URL', exact: true }).fill(url);
    await this.screen().getByRole('button', { name: 'Check metadata' }).click();
  }

  /** The refusal of the last check (`data-metadata-error` holds its code). */
  checkerError(): Locator {
    return this.screen().locator('[data-metadata-error]');
  }

  /** The report of the last check (`data-metadata-report` holds the entity ID). */
  checkerReport(): Locator {
    return this.screen().locator('[data-metadata-report]');
  }
}
