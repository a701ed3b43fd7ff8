import type { Locator, Page } from '@playwright/test';

type Mode = 'idp' | 'sp';
const MODE_LABEL: Record<Mode, string> = { idp: 'IdP-initiated', sp: 'SP-initiated' };

/** The "Test login" step: the test user, the capture ways, and every check of each result. */
export class TestLoginStepPage {
  constructor(private readonly page: Page) {}

  private screen(): Locator {
    return this.page.locator('[data-step-screen="test-login"]');
  }

  /** Enters the test user (and, when given, exactly which logins to test) and saves. */
  async setUser(login: string, modes?: Mode[]): Promise<void> {
    await this.screen().getByRole('textbox', { name: 'Test user' }).fill(login);
    for (const mode of modes ? (['idp', 'sp'] as const) : []) {
      await this.screen()
        .getByRole('checkbox', { name: MODE_LABEL[mode] })
        .setChecked(modes?.includes(mode) ?? true);
    }
    await this.screen().getByRole('button', { name: 'Save', exact: true }).click();
  }

  userError(): Locator {
    return this.screen().locator('.field-invalid .field-error');
  }

  /** Types the test user's password (the harness supplies it, as an admin would) and runs the sign-in; then wait on `verdict(mode)`. */
  async signInWithPassword(mode: Mode, password: string): Promise<void> {
    await this.screen().getByLabel("Test user's Okta password").fill(password);
    await this.screen()
      .getByRole('button', { name: `Run ${MODE_LABEL[mode]} test` })
      .click();
  }

  /** The error shown next to the password field (Okta's refusal of a wrong password). */
  passwordError(): Locator {
    return this.screen().getByRole('form', { name: "Sign in with the test user's password" }).locator('.field-error');
  }

  /** Desktop app only (absent in browser mode). */
  windowButton(mode: Mode): Locator {
    return this.screen().getByRole('button', { name: `Open sign-in window (${MODE_LABEL[mode]})` });
  }

  /** Submits a SAMLResponse as a SAML tracer shows it (value or form body). */
  async paste(samlResponse: string, mode: Mode, requestId?: string): Promise<void> {
    await this.screen()
      .getByLabel('SAMLResponse from a SAML tracer (the value, or the whole form body)')
      .fill(samlResponse);
    await this.screen().getByLabel('Pasted login').selectOption(mode);
    if (requestId !== undefined) await this.screen().getByLabel('AuthnRequest ID (optional)').fill(requestId);
    await this.screen().getByRole('button', { name: 'Check pasted response' }).click();
  }

  /** "… is not assigned …" warning, shown when the test user has no assignment. */
  notAssigned(): Locator {
    return this.screen().locator('[data-not-assigned]');
  }

  result(mode: Mode): Locator {
    return this.screen().locator(`[data-login-result="${mode}"]`);
  }

  /** "passed" or "failed". */
  verdict(mode: Mode): Locator {
    return this.result(mode).locator('[data-verdict]');
  }

  /** One check of a result (`signature`, `issuer`, `name-id`, `attribute:email`, `in-response-to`, …), `data-status` pass | warn | fail. */
  check(mode: Mode, name: string): Locator {
    return this.result(mode).locator(`[data-login-check="${name}"]`);
  }

  checks(mode: Mode): Locator {
    return this.result(mode).locator('[data-login-check]');
  }

  /** Opens the decoded assertion of a result and returns its pretty-printed XML. */
  async assertion(mode: Mode): Promise<string> {
    await this.result(mode).getByText('Decoded assertion').click();
    return (await this.result(mode).locator('.login-assertion pre').textContent()) ?? '';
  }
}
