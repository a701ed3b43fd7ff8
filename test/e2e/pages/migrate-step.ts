import type { Locator, Page } from '@playwright/test';

/** The "Migrate existing users" screen: import, review table, route and run, follow-up. */
export class MigrateStepPage {
  constructor(private readonly page: Page) {}

  root(): Locator {
    return this.page.locator('[data-step-screen="migrate"]');
  }

  async chooseFile(name: string, bytes: Uint8Array): Promise<void> {
    await this.root()
      .getByLabel(/user export \(CSV or TSV\)/)
      .setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(bytes) });
  }

  mapping(label: string): Locator {
    return this.root().locator('.migrate-mapping').getByLabel(label, { exact: true });
  }

  classButton(classId: string): Locator {
    return this.root().locator(`[data-class-count="${classId}"]`);
  }

  caption(): Locator {
    return this.root().locator('.migrate-table caption');
  }

  rows(): Locator {
    return this.root().locator('[data-review-row]');
  }

  row(rowNumber: number): Locator {
    return this.root().locator(`[data-review-row="${rowNumber}"]`);
  }

  async search(text: string): Promise<void> {
    await this.root().getByLabel('Search rows').fill(text);
  }

  decisionFor(rowNumber: number): Locator {
    return this.root().getByLabel(new RegExp(`^Decision for row ${rowNumber} `));
  }

  progress(): Locator {
    return this.root().locator('[data-apply-progress]');
  }

  progressMessage(): Locator {
    return this.root().locator('[data-progress-message]');
  }

  button(name: string | RegExp): Locator {
    return this.root().getByRole('button', { name });
  }
}
