import type { Locator, Page } from '@playwright/test';

/** The "Email domains" step: chips the admin edits, suggestions from Okta with counts, consumer-mail warnings. */
export class DomainsStepPage {
  constructor(private readonly page: Page) {}

  private screen(): Locator {
    return this.page.locator('[data-step-screen="domains"]');
  }

  /** Types one domain (or several, comma-separated) and adds it to the list; nothing is saved yet. */
  async addDomain(domain: string): Promise<void> {
    await this.screen().getByLabel('Add a domain').fill(domain);
    await this.screen().getByRole('button', { name: 'Add', exact: true }).click();
  }

  /** Adds a suggested login domain from the "Login domains in Okta" table. */
  async addSuggestion(display: string): Promise<void> {
    await this.screen()
      .getByRole('button', { name: `Add ${display}`, exact: true })
      .click();
  }

  async remove(domain: string): Promise<void> {
    await this.screen()
      .getByRole('button', { name: `Remove ${domain}` })
      .click();
  }

  /** Saves the list; main validates it (the field error or the inspected view follows). */
  async save(): Promise<void> {
    await this.screen().getByRole('button', { name: 'Save domains' }).click();
  }

  /** One chip per listed domain, `data-domain` as typed; its text shows the user count once inspected. */
  chip(domain: string): Locator {
    return this.screen().locator(`[data-domain="${domain}"]`);
  }

  /** A row of the suggestions table (`data-suggestion` = ASCII domain): domain, users, Add button. */
  suggestion(domain: string): Locator {
    return this.screen().locator(`[data-suggestion="${domain}"]`);
  }

  suggestionCount(domain: string): Locator {
    return this.suggestion(domain).locator('.domain-count');
  }

  /** Main's refusal of the list (a bad, duplicate or refused consumer domain). */
  domainsError(): Locator {
    return this.screen().locator('[data-domains-error]');
  }

  /** Shown where the vendor flags (not refuses) consumer mail that is listed. */
  consumerWarning(): Locator {
    return this.screen().locator('[data-consumer-warning]');
  }

  /** "N of M Okta users sign in with an address in your domains…". */
  coverage(): Locator {
    return this.screen().locator('[data-coverage]');
  }
}
