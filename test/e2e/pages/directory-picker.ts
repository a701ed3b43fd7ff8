import { expect, type Locator } from '@playwright/test';

/** A type-ahead picker on a step screen (`DirectoryPicker`), driven with the keyboard as an admin would. */
export class DirectoryPickerControl {
  constructor(private readonly root: Locator) {}

  input(): Locator {
    return this.root.getByRole('combobox');
  }

  options(): Locator {
    return this.root.getByRole('option');
  }

  /** The "N matches" line under the box. */
  status(): Locator {
    return this.root.locator('.field-hint');
  }

  async type(query: string): Promise<void> {
    await this.input().fill(query);
  }

  /** Types `query`, moves to the option whose name is `name` with the arrow keys, and presses Enter. */
  async pick(query: string, name: string): Promise<void> {
    await this.type(query);
    const option = this.options().filter({
      has: this.root.page().locator('.picker-name', { hasText: new RegExp(`^${escape(name)}$`) }),
    });
    await expect(option).toHaveCount(1);
    // Moves from whichever option is highlighted now: the pointer resting where the list opens
    // highlights the option under it, as it would for an admin's mouse.
    await expect(async () => {
      const names = await this.options().locator('.picker-name').allTextContents();
      const selected = await this.options().evaluateAll((els) =>
        els.findIndex((el) => el.getAttribute('aria-selected') === 'true'),
      );
      const target = names.indexOf(name);
      const key = target > selected ? 'ArrowDown' : 'ArrowUp';
      for (let i = 0; i < Math.abs(target - selected); i += 1) await this.input().press(key);
      await expect(option).toHaveAttribute('aria-selected', 'true', { timeout: 2_000 });
    }).toPass();
    await this.input().press('Enter');
    await expect(this.input()).toHaveValue('');
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
