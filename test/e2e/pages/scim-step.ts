import type { Locator, Page } from '@playwright/test';

/** The "SCIM check" screen: endpoint, secret token, optional test userName, the preflight's results. */
export class ScimStepPage {
  constructor(private readonly page: Page) {}

  private screen(): Locator {
    return this.page.locator('[data-step-screen="scim"]');
  }

  async fill(input: { baseUrl: string; token?: string; testUserName?: string }): Promise<void> {
    await this.screen().getByLabel('SCIM connector base URL').fill(input.baseUrl);
    if (input.token !== undefined) await this.screen().getByLabel('Bearer token').fill(input.token);
    if (input.testUserName !== undefined)
      await this.screen().getByLabel('Test userName (optional)').fill(input.testUserName);
  }

  async save(): Promise<void> {
    await this.screen().getByRole('button', { name: 'Save', exact: true }).click();
  }

  /** Shown once main holds the token; the value itself never reaches the page. */
  tokenStored(): Locator {
    return this.screen().getByTestId('token-stored');
  }

  tokenInput(): Locator {
    return this.screen().getByLabel('Bearer token');
  }

  fieldError(): Locator {
    return this.screen().locator('.field-error');
  }

  /** Runs the planned preflight (the frame's Apply button). */
  async runPreflight(): Promise<void> {
    await this.screen()
      .getByRole('button', { name: /^Apply 1 change$/ })
      .click();
  }

  /** One preflight check by its name (e.g. "Create user"), with its status text. */
  preflightCheck(name: string): Locator {
    return this.screen().locator(`[data-preflight-check="${name}"]`);
  }

  /** Opens a check's HTTP exchanges and returns their list. */
  async exchanges(name: string): Promise<Locator> {
    const check = this.preflightCheck(name);
    await check.locator('summary').click();
    return check.locator('.scim-exchange');
  }
}
