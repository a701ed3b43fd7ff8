import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { call, startBrowserApp, type BrowserApp } from './support/own-practice-org';

const shots = join(resolve(import.meta.dirname, '..', '..'), 'test-results', 'screenshots');

// The longest names the app accepts (80 characters each) and an org URL of a real-world length.
const LONG_CLIENT = 'Northwind Traders International Holdings, EMEA Shared Services and Procurement';
const LONG_ORG = 'https://northwind-traders-international-holdings-emea-shared-services.okta.com';
const LONG_INTEGRATION = 'Courier for the EMEA procurement and shared-services teams (production tenant)';

let dataDir: string;
let app: BrowserApp | undefined;
test.beforeEach(async () => {
  dataDir = join(await mkdtemp(join(tmpdir(), 'okta-onboard-layout-e2e-')), 'data');
  app = await startBrowserApp(dataDir);
});
test.afterEach(async () => {
  await app?.stop();
  app = undefined;
  await rm(resolve(dataDir, '..'), { recursive: true, force: true });
});

interface Misfit {
  what: string;
  problem: string;
}

/**
 * Every visible piece of `root` that wraps onto a second line, is cut without an ellipsis, or
 * reaches past the window: what a crowded header looks like, measured instead of eyeballed.
 */
async function misfits(page: Page, root: string): Promise<Misfit[]> {
  return page.evaluate((selector) => {
    const found: { what: string; problem: string }[] = [];
    const container = document.querySelector(selector);
    if (!container) return [{ what: selector, problem: 'missing' }];
    const name = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(' ').join('.')}` : ''} "${(el.textContent ?? '').trim().slice(0, 40)}"`;
    for (const el of Array.from(container.querySelectorAll<HTMLElement>('button, select, a, label, span, strong'))) {
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0) continue;
      const style = getComputedStyle(el);
      // Hidden from sight but kept for screen readers (clipped to nothing) is not on screen to fit.
      if (style.visibility === 'hidden' || style.clipPath.startsWith('inset(50%')) continue;
      if (rect.left < 0 || rect.right > window.innerWidth + 0.5)
        found.push({ what: name(el), problem: `outside the window (${rect.left}..${rect.right})` });
      // One line of text: a button, select or label that wraps grows to two lines of its font.
      const lineHeight = parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.5;
      const vertical = parseFloat(style.paddingTop) + parseFloat(style.paddingBottom);
      const borders = parseFloat(style.borderTopWidth) + parseFloat(style.borderBottomWidth);
      if (rect.height - vertical - borders > lineHeight * 1.5)
        found.push({ what: name(el), problem: `wraps (${rect.height}px tall, line ${lineHeight}px)` });
      // Cut text is only allowed where it ends in an ellipsis and the whole text is on hover.
      if (el.scrollWidth > el.clientWidth + 1 && el.tagName !== 'SELECT') {
        if (style.textOverflow !== 'ellipsis') found.push({ what: name(el), problem: 'text cut without an ellipsis' });
        else if (!el.title) found.push({ what: name(el), problem: 'cut with no title showing the whole' });
      }
    }
    if (document.documentElement.scrollWidth > document.documentElement.clientWidth)
      found.push({ what: 'page', problem: `scrolls sideways (${document.documentElement.scrollWidth}px)` });
    return found;
  }, root);
}

async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(shots, { recursive: true });
  await page.screenshot({
    path: join(shots, `${name}.png`),
    clip: { x: 0, y: 0, width: page.viewportSize()!.width, height: 140 },
  });
}

test('the header fits at 1920, 1360, 1280 and 1024 px with the longest client, org URL and integration names; cut names end in … and show whole on hover', async ({
  page,
}) => {
  const client = await call<{ id: string }>(app!, 'clients.add', { kind: 'org', name: LONG_CLIENT, orgUrl: LONG_ORG });
  await call(app!, 'clients.add', { kind: 'sandbox', name: 'Acme' });
  const integration = await call<{ id: string }>(app!, 'integrations.add', {
    clientId: client.id,
    vendorId: 'courier',
    label: LONG_INTEGRATION,
  });
  await page.goto(app!.url);
  const header = page.locator('.app-header');
  await page.getByRole('combobox', { name: 'Client', exact: true }).selectOption(client.id);
  await expect(page.getByRole('heading', { name: LONG_CLIENT })).toBeVisible();

  for (const width of [1920, 1360, 1280, 1024]) {
    await page.setViewportSize({ width, height: 800 });
    // The overview of the client, then one integration open: the two headers an admin sees most.
    await page.getByRole('combobox', { name: 'Integration', exact: true }).selectOption('');
    await expect(page.getByRole('heading', { name: LONG_CLIENT })).toBeVisible();
    expect(await misfits(page, '.app-header'), `overview at ${width} px`).toEqual([]);
    await page.getByRole('combobox', { name: 'Integration', exact: true }).selectOption(integration.id);
    await expect(page.locator('#step-title')).toBeVisible();
    expect(await misfits(page, '.app-header'), `integration at ${width} px`).toEqual([]);
    await screenshot(page, `layout-header-${width}`);

    // One row at desktop widths; at 1024 px the header may take a second row, never a third.
    const box = (await header.boundingBox())!;
    expect(box.height, `header height at ${width} px`).toBeLessThanOrEqual(width >= 1280 ? 64 : 110);

    // Whatever is cut says the whole on hover, and every control is still there to click.
    await expect(header.locator('.org-url')).toHaveAttribute(
      'title',
      new RegExp(`${LONG_ORG.replace(/[./]/g, '\\$&')}`),
    );
    await expect(page.getByRole('combobox', { name: 'Client', exact: true })).toHaveAttribute('title', LONG_CLIENT);
    await expect(page.getByRole('combobox', { name: 'Integration', exact: true })).toHaveAttribute(
      'title',
      LONG_INTEGRATION,
    );
    for (const name of [
      'Find client…',
      'Okta connection',
      'Sign in to Okta',
      'New client',
      'Import client',
      'New integration',
    ]) {
      const button = header.getByRole('button', { name, exact: true });
      if ((await button.count()) === 0) continue;
      await expect(button, `${name} at ${width} px`).toBeVisible();
    }
  }
});

/**
 * The dialog's main button sits below everything else in it and at its right edge, as in every
 * dialog of the app (Dialog.tsx's `.actions` row), not beside a list it happens to follow.
 */
async function expectActionAtBottomRight(page: Page, what: string, button: string): Promise<void> {
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('button', { name: button, exact: true })).toBeVisible();
  const layout = await dialog.evaluate((el, name) => {
    const target = Array.from(el.querySelectorAll('button')).find((b) => b.textContent?.trim() === name)!;
    const box = target.getBoundingClientRect();
    const style = getComputedStyle(el);
    const contentRight =
      el.getBoundingClientRect().right - parseFloat(style.paddingRight) - parseFloat(style.borderRightWidth);
    // Everything else the dialog shows (fields, lists, the preview), apart from its title bar.
    const above = Array.from(el.querySelectorAll('fieldset, label, input, select, textarea, iframe, ul, table, p'))
      .filter((other) => !other.closest('.dialog-header') && !other.contains(target))
      .map((other) => other.getBoundingClientRect())
      .filter((r) => r.height > 0);
    return {
      right: box.right,
      contentRight,
      top: box.top,
      lowestOther: Math.max(...above.map((r) => r.bottom)),
      width: box.width,
      dialogWidth: el.getBoundingClientRect().width,
    };
  }, button);
  expect(Math.abs(layout.right - layout.contentRight), `${what}: "${button}" at the right edge`).toBeLessThanOrEqual(2);
  expect(layout.top, `${what}: "${button}" below the rest`).toBeGreaterThanOrEqual(layout.lowestOther);
  expect(layout.width, `${what}: "${button}" sized to its words`).toBeLessThan(layout.dialogWidth / 2);
}

test("every dialog's main button is under its content at the bottom right, the export report's under its format list", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1360, height: 900 });
  const client = await call<{ id: string }>(app!, 'clients.add', { kind: 'sandbox', name: 'Acme' });
  await call(app!, 'clients.add', { kind: 'sandbox', name: 'Globex' });
  await call(app!, 'integrations.add', { clientId: client.id, vendorId: 'courier' });
  await page.goto(app!.url);
  await page.getByRole('combobox', { name: 'Client', exact: true }).selectOption(client.id);
  const card = page.getByRole('group', { name: 'Courier actions' });
  const overview = page.locator('.overview-actions');
  const dialog = page.getByRole('dialog');
  const close = () => dialog.getByRole('button', { name: 'Close' }).click();

  await card.getByRole('button', { name: 'Export' }).click();
  await expect(dialog.getByTestId('report-preview')).toBeVisible({ timeout: 60_000 });
  await expectActionAtBottomRight(page, 'Export report', 'Export HTML');
  await dialog.getByRole('radio', { name: /^Markdown/ }).check();
  await expectActionAtBottomRight(page, 'Export report', 'Export Markdown');
  await mkdir(shots, { recursive: true });
  await page.screenshot({ path: join(shots, 'layout-export-dialog.png') });
  await close();

  await card.getByRole('button', { name: 'Audit', exact: true }).click();
  await expect(dialog.getByTestId('drift-report')).toBeVisible({ timeout: 60_000 });
  await expectActionAtBottomRight(page, 'Drift audit', 'Audit again');
  await close();

  const dialogs: [opener: Locator, what: string, button: string][] = [
    [page.locator('.header-actions').getByRole('button', { name: 'New client' }), 'New client', 'Add client'],
    [page.locator('.header-actions').getByRole('button', { name: 'Import client' }), 'Import client', 'Import client'],
    [
      page.locator('.header-actions').getByRole('button', { name: 'New integration' }),
      'New integration',
      'Start integration',
    ],
    [overview.getByRole('button', { name: 'Import plan file' }), 'Import plan file', 'Create integration'],
    [overview.getByRole('button', { name: 'Rename client' }), 'Rename client', 'Rename'],
    [overview.getByRole('button', { name: 'Reset practice org' }), 'Reset practice org', 'Reset practice org'],
    [overview.getByRole('button', { name: 'Delete client' }), 'Delete client', 'Delete Acme'],
    [card.getByRole('button', { name: 'Rename' }), 'Rename integration', 'Rename'],
    [card.getByRole('button', { name: 'Copy to another client' }), 'Copy to another client', 'Copy'],
    [card.getByRole('button', { name: 'Delete' }), 'Delete integration', 'Delete Courier'],
  ];
  for (const [opener, what, button] of dialogs) {
    await opener.click();
    await expect(dialog).toBeVisible();
    await expectActionAtBottomRight(page, what, button);
    await close();
    await expect(dialog).toHaveCount(0);
  }
});
