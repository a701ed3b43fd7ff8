import type { Locator, Page } from '@playwright/test';
import { DirectoryPickerControl } from './directory-picker';

/** The "Assign users" step screen: group and people pickers, a role per choice, the preview count, the apply's progress. */
export class AssignStepPage {
  constructor(private readonly page: Page) {}

  root(): Locator {
    return this.page.locator('[data-step-screen="assign"]');
  }

  groups(): DirectoryPickerControl {
    return new DirectoryPickerControl(this.root().locator('[data-picker="groups"]'));
  }

  people(): DirectoryPickerControl {
    return new DirectoryPickerControl(this.root().locator('[data-picker="users"]'));
  }

  /** Picks a group with the keyboard and, when the app has roles, chooses its role by value. */
  async addGroup(query: string, name: string, role?: string): Promise<void> {
    await this.groups().pick(query, name);
    if (role) await this.setRole(name, role);
  }

  async addPerson(query: string, name: string, role?: string): Promise<void> {
    await this.people().pick(query, name);
    if (role) await this.setRole(name, role);
  }

  async setRole(name: string, role: string): Promise<void> {
    await this.root().getByLabel(`Role for ${name}`).selectOption(role);
  }

  chosen(name: string): Locator {
    return this.root().locator(`[data-chosen="${name}"]`);
  }

  async remove(name: string): Promise<void> {
    await this.root()
      .getByRole('button', { name: `Remove ${name}` })
      .click();
  }

  /** The preview line; its `data-preview-people` attribute holds the distinct count. */
  preview(): Locator {
    return this.root().locator('[data-preview-people]');
  }

  async save(): Promise<void> {
    await this.root().getByRole('button', { name: 'Save choices' }).click();
  }

  /** The progress bar shown while Apply runs (a `<progress>` with max = total, value = done). */
  progress(): Locator {
    return this.root().locator('[data-apply-progress] progress');
  }

  roleErrors(): Locator {
    return this.root().locator('.field-error');
  }
}
