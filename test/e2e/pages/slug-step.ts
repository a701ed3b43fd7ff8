import type { Locator, Page } from '@playwright/test';

/** The "Company slug" step (Millie): the slug field and what the app's Slug Name holds. */
export class SlugStepPage {
  constructor(private readonly page: Page) {}

  private screen(): Locator {
    return this.page.locator('[data-step-screen="slug"]');
  }

  async enterSlug(slug: string): Promise<void> {
    await this.screen().getByRole('textbox', { name: 'Company Slug', exact: true }).fill(slug);
    await this.screen().getByRole('button', { name: 'Save' }).click();
  }

  /** The message main gave for the slug field, when it refused it. */
  slugError(): Locator {
    return this.screen().locator('.field-invalid .field-error');
  }

  /** "No Millie app in Okta yet…" or "The app … has Slug Name …". */
  appSlug(): Locator {
    return this.screen().locator('[data-app-slug]');
  }

  async copySlug(): Promise<void> {
    await this.screen().getByRole('button', { name: 'Copy the company slug' }).click();
  }
}
