import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { courierAppThroughChannels } from './support/courier-app';
import { VendorPickerPage } from './pages/vendor-picker-page';
import { openStep } from './support/walk';

const MESSAGE = 'The app has no "role" attribute yet; Courier needs a role for everyone assigned.';
const HINT = 'Finish the "Role attribute" step first, then come back.';

/**
 * A real failure from main: Courier's Assign step read before the role attribute exists. Check
 * Okta answers with an error that names no field, so it is shown as a toast.
 */
async function raiseToast(page: Page): Promise<Locator> {
  await page.getByRole('toolbar', { name: 'Step actions' }).getByRole('button', { name: 'Check Okta' }).click();
  const toast = page.locator('.toast');
  await expect(toast).toHaveCount(1);
  return toast;
}

function overlaps(a: { x: number; y: number; width: number; height: number }, b: typeof a): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

test('toasts expire, stay with the screen that raised them, and never cover a control', async ({
  page,
  browserMode,
}) => {
  // The page's clock is the test's: time is paused, so "after 11.9 s" is exactly that, on any machine.
  await page.clock.install();
  await courierAppThroughChannels(page, browserMode);
  await openStep(page, 'assign', 'Assign users');
  await page.clock.pauseAt(new Date(Date.now() + 60_000));

  const toast = await raiseToast(page);
  await expect(toast).toHaveAttribute('role', 'alert');
  await expect(toast.locator('.toast-message')).toHaveText(MESSAGE);
  await expect(toast.locator('.toast-hint')).toHaveText(HINT);
  await browserMode.screenshot(page, 'toasts-01-error-above-the-step');

  // Never over a control: no button, field or link on the page shares a pixel with the toast, and
  // the point in the middle of "Save choices" is that button, not something on top of it.
  const toastBox = (await toast.boundingBox())!;
  const controls = page.locator('main').locator('button, input, select, textarea, a[href]');
  const boxes = await controls.evaluateAll((elements) =>
    elements
      .map((e) => {
        const r = e.getBoundingClientRect();
        return {
          what: `${e.tagName.toLowerCase()} "${(e.textContent ?? '').trim() || e.getAttribute('aria-label') || ''}"`,
          x: r.x + window.scrollX,
          y: r.y + window.scrollY,
          width: r.width,
          height: r.height,
        };
      })
      .filter((b) => b.width > 0 && b.height > 0),
  );
  expect(boxes.length).toBeGreaterThan(5);
  const pageToast = { ...toastBox, y: toastBox.y + (await page.evaluate(() => window.scrollY)) };
  expect(boxes.filter((b) => overlaps(b, pageToast)).map((b) => b.what)).toEqual([]);
  const save = page.getByRole('button', { name: /^(Save choices|Choices saved)$/ });
  await save.scrollIntoViewIfNeeded();
  const saveBox = (await save.boundingBox())!;
  expect(overlaps(saveBox, (await toast.boundingBox())!)).toBe(false);
  expect(
    await page.evaluate(
      ({ x, y }) => {
        const hit = document.elementFromPoint(x, y);
        return hit?.closest('button')?.textContent ?? hit?.tagName;
      },
      { x: saveBox.x + saveBox.width / 2, y: saveBox.y + saveBox.height / 2 },
    ),
  ).toMatch(/^(Save choices|Choices saved)$/);

  // Errors expire after 12 s.
  await page.clock.runFor(11_900);
  await expect(toast).toHaveCount(1);
  await page.clock.runFor(200);
  await expect(toast).toHaveCount(0);
  await expect(page.locator('[data-toasts]')).toHaveAttribute('data-toasts', '0');

  // Pointed at, it waits; once the pointer leaves, it gets its 12 s again.
  await raiseToast(page);
  await toast.hover();
  await page.clock.runFor(30_000);
  await expect(toast).toHaveCount(1);
  await page.mouse.move(0, 0);
  await page.clock.runFor(11_900);
  await expect(toast).toHaveCount(1);
  await page.clock.runFor(200);
  await expect(toast).toHaveCount(0);

  // It belongs to the step that raised it: another step does not show it, and coming back it is gone.
  await raiseToast(page);
  await openStep(page, 'app', 'Courier app');
  await expect(toast).toHaveCount(0);
  await openStep(page, 'assign', 'Assign users');
  await expect(toast).toHaveCount(0);

  // Nor does it follow the admin to another vendor's integration, or back.
  await raiseToast(page);
  await page.getByRole('button', { name: 'New integration' }).click();
  await new VendorPickerPage(page).start('Millie');
  await expect(page.locator('#step-title')).toHaveText('Company slug');
  await expect(toast).toHaveCount(0);
  await expect(page.getByText(MESSAGE)).toHaveCount(0);
  await browserMode.screenshot(page, 'toasts-02-not-on-another-vendor');
  await page.getByRole('combobox', { name: 'Integration', exact: true }).selectOption({ label: 'Courier' });
  await expect(page.locator('#step-title')).toHaveText('Assign users');
  await expect(toast).toHaveCount(0);
  await page.clock.resume();
});
