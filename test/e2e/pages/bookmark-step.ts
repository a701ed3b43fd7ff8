import type { Locator, Page } from '@playwright/test';

/** The "Bookmark app" step screen: name and URL, the bookmark in Okta, and the groups it shares with the main app. */
export class BookmarkStepPage {
  constructor(private readonly page: Page) {}

  root(): Locator {
    return this.page.locator('[data-step-screen="bookmark"]');
  }

  /** Fills the URL (and the name when given) and saves. */
  async fill(url: string, label?: string): Promise<void> {
    if (label !== undefined) await this.root().getByLabel('App name').fill(label);
    await this.root().getByLabel('Bookmark URL').fill(url);
    await this.root().getByRole('form', { name: 'Bookmark app' }).getByRole('button', { name: 'Save' }).click();
  }

  urlError(): Locator {
    return this.root().locator('.field-error');
  }

  /** `absent` before the bookmark exists, `present` after. */
  state(): Locator {
    return this.root().locator('[data-bookmark-state]');
  }

  /** The bookmark as Okta has it: row `Name`, `URL`, `Status` or `App id`. */
  oktaValue(row: 'Name' | 'URL' | 'Status' | 'App id'): Locator {
    return this.root()
      .getByRole('table', { name: 'Bookmark app in Okta' })
      .getByRole('row', { name: new RegExp(`^${row}`) })
      .locator('td');
  }

  groupRow(groupName: string): Locator {
    return this.root().locator(`[data-bookmark-group="${groupName}"]`);
  }
}
