import type { Locator, Page } from '@playwright/test';
import { DirectoryPickerControl } from './directory-picker';

/** The "Role attribute" step screen: the attribute planned vs in Okta, the group → role table, users needing a role. */
export class RoleStepPage {
  constructor(private readonly page: Page) {}

  root(): Locator {
    return this.page.locator('[data-step-screen="role"]');
  }

  /** A row of the attribute table: `title`, `type`, `description`, `externalName`, `externalNamespace`, `required`, `oneOf`. */
  attributeRow(field: string): Locator {
    return this.root().locator(`[data-role-field="${field}"]`);
  }

  planned(field: string): Locator {
    return this.attributeRow(field).locator('td').nth(0);
  }

  inOkta(field: string): Locator {
    return this.attributeRow(field).locator('td').nth(1);
  }

  /** Custom SAML only: replaces the editable role values, then saves them. */
  async setValues(values: { title: string; value: string }[], required = false): Promise<void> {
    const form = this.root().getByRole('form', { name: 'Role values' });
    const rows = form.locator('tbody tr');
    while ((await rows.count()) < values.length) await form.getByRole('button', { name: 'Add a role' }).click();
    for (const [i, v] of values.entries()) {
      await form.getByLabel(`Role ${i + 1} display name`).fill(v.title);
      await form.getByLabel(`Role ${i + 1} value`).fill(v.value);
    }
    const box = form.getByLabel('Attribute required');
    if ((await box.isChecked()) !== required) await box.click();
    await form.getByRole('button', { name: 'Save roles' }).click();
  }

  groupPicker(): DirectoryPickerControl {
    return new DirectoryPickerControl(this.root().locator('[data-picker="groups"]'));
  }

  /** Adds a group to the table (keyboard pick) and chooses its role by value, e.g. `DEVELOPER`. */
  async mapGroup(query: string, groupName: string, role: string): Promise<void> {
    await this.groupPicker().pick(query, groupName);
    await this.root().getByLabel(`Role for ${groupName}`).selectOption(role);
  }

  groupRow(groupName: string): Locator {
    return this.root().locator(`[data-group-role="${groupName}"]`);
  }

  async saveGroupRoles(): Promise<void> {
    await this.root().getByRole('button', { name: 'Save group roles' }).click();
  }

  usersNeedingRole(): Locator {
    return this.root().locator('[data-user-needing-role]');
  }

  async setUserRole(userName: string, role: string): Promise<void> {
    await this.root().getByLabel(`Role for ${userName}`).selectOption(role);
  }

  /** The one-click fix: one role for every user listed, then saved. */
  async giveEveryone(role: string): Promise<void> {
    await this.root().getByLabel('Role for everyone listed').selectOption(role);
    await this.root().getByRole('button', { name: 'Give everyone this role' }).click();
    await this.saveUserRoles();
  }

  async saveUserRoles(): Promise<void> {
    await this.root().getByRole('button', { name: 'Save roles for these users' }).click();
  }

  fieldErrors(): Locator {
    return this.root().locator('.field-error');
  }
}
