import type { Locator, Page } from '@playwright/test';

/** The wizard: step rail, step screen, "what will change". */
export class WizardPage {
  constructor(private readonly page: Page) {}

  rail(): Locator {
    return this.page.getByRole('navigation', { name: /steps$/ });
  }

  railStep(title: string): Locator {
    return this.rail().locator('button.rail-step', { has: this.page.locator('.rail-title', { hasText: title }) });
  }

  currentRailStep(): Locator {
    return this.rail().locator('[aria-current="step"]');
  }

  stepHeading(): Locator {
    return this.page.locator('#step-title');
  }

  stepScreen(): Locator {
    return this.page.locator('[data-step-screen]');
  }

  changes(): Locator {
    return this.page.getByRole('complementary', { name: 'What will change' });
  }

  async focusRail(): Promise<void> {
    await this.currentRailStep().focus();
  }

  async press(key: string): Promise<void> {
    await this.page.keyboard.press(key);
  }

  /** Waits until main has recorded `title` as the current step (the rail follows main). */
  async waitForCurrent(title: string): Promise<void> {
    await this.page.waitForFunction((t) => document.querySelector('#step-title')?.textContent === t, title);
  }

  stepStatus(stepId: string): Locator {
    return this.rail().locator(`[data-step="${stepId}"] [data-status]`);
  }

  button(name: string | RegExp): Locator {
    return this.stepScreen().getByRole('button', { name });
  }

  check(id: string): Locator {
    return this.stepScreen().locator(`[data-check="${id}"]`);
  }
}
