import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { WizardPage } from './pages/wizard-page';
import { courierAppVerified } from './support/courier-app';
import { startBrowserApp, type BrowserApp } from './support/own-practice-org';

const shots = join(resolve(import.meta.dirname, '..', '..'), 'test-results', 'screenshots');

async function screenshot(page: Page, name: string, fullPage = true): Promise<void> {
  await mkdir(shots, { recursive: true });
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage });
}

let dataDir: string;
let running: BrowserApp | undefined;
test.beforeEach(async () => {
  dataDir = join(await mkdtemp(join(tmpdir(), 'okta-onboard-export-e2e-')), 'data');
});
test.afterEach(async () => {
  await running?.stop();
  running = undefined;
  await rm(resolve(dataDir, '..'), { recursive: true, force: true });
});

/** A practice client with a Courier integration whose app and metadata steps are verified. */
async function courierSetUp(page: Page, app: BrowserApp): Promise<WizardPage> {
  const wizard = await courierAppVerified(page, app, 'Acme');
  await wizard.rail().locator('[data-step="metadata"]').click();
  await wizard.waitForCurrent('Metadata URL');
  await wizard.button('Check Okta').click();
  await expect(wizard.stepStatus('metadata')).toHaveAttribute('data-status', 'verified');
  return wizard;
}

/** axe in Chromium over the report as a file opened on its own, in light and dark. */
async function axeViolations(browser: Browser, html: string, colorScheme: 'light' | 'dark') {
  // The report's CSP forbids every script; axe's own script is let in by the test only.
  const context = await browser.newContext({ bypassCSP: true, colorScheme });
  const page = await context.newPage();
  await page.setContent(html);
  const result = await new AxeBuilder({ page }).analyze();
  await context.close();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('Export: the report is previewed in a sandboxed frame, saved as Markdown and HTML, and the HTML passes axe in light and dark', async ({
  page,
  browser,
}) => {
  running = await startBrowserApp(dataDir);
  await courierSetUp(page, running);
  await page.getByTestId('verify-bar').getByRole('button', { name: 'Export' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export the Courier report' });
  await expect(dialog).toBeVisible();
  const frame = page.frameLocator('[data-testid="report-preview"]');
  await expect(frame.locator('h1')).toHaveText(/^Courier single sign-on for Acme/, { timeout: 60_000 });
  // Styled: the renderer's CSP lets the report's stylesheet in by its hash.
  await expect(frame.locator('h1')).toHaveCSS('font-size', '25.6px');
  await expect(page.getByTestId('report-preview')).toHaveAttribute('sandbox', '');
  await expect(frame.getByRole('heading', { name: 'Checks' })).toBeVisible();
  await screenshot(page, 'report-export-preview', false);

  await dialog.getByRole('radio', { name: /^Markdown/ }).check();
  const mdDownload = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export Markdown' }).click();
  const md = await mdDownload;
  expect(md.suggestedFilename()).toMatch(/^okta-acme(-practice)?-courier-\d{4}-\d{2}-\d{2}\.md$/);
  const mdText = await readFile((await md.path())!, 'utf8');
  expect(mdText).toMatch(/^# Courier single sign-on for Acme/);
  await expect(dialog.getByRole('status').last()).toHaveText(`Downloaded ${md.suggestedFilename()}.`);

  await dialog.getByRole('radio', { name: /^HTML/ }).check();
  const htmlDownload = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export HTML' }).click();
  const html = await readFile((await (await htmlDownload).path())!, 'utf8');
  expect(await axeViolations(browser, html, 'light')).toEqual([]);
  expect(await axeViolations(browser, html, 'dark')).toEqual([]);
});

test('Export portfolio from the overview: every integration with its state, downloaded as JSON', async ({ page }) => {
  running = await startBrowserApp(dataDir);
  await courierSetUp(page, running);
  await page.getByRole('combobox', { name: 'Integration' }).selectOption({ label: 'Overview' });
  await page.getByRole('button', { name: 'Export portfolio' }).click();
  const dialog = page.getByRole('dialog', { name: "Export the report of every client's integrations" });
  const frame = page.frameLocator('[data-testid="report-preview"]');
  await expect(frame.locator('h1')).toHaveText('Okta integrations across clients', { timeout: 60_000 });
  await expect(frame.locator('tbody tr').first()).toContainText('Acme');
  await expect(dialog.getByRole('radio', { name: /^Terraform/ })).toHaveCount(0);
  await dialog.getByRole('radio', { name: /^JSON/ }).check();
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export JSON' }).click();
  const json = JSON.parse(await readFile((await (await download).path())!, 'utf8')) as {
    kind: string;
    integrations: { integration: { label: string }; state: string }[];
  };
  expect(json.kind).toBe('okta-onboard-portfolio-report');
  expect(json.integrations).toEqual([
    expect.objectContaining({ integration: expect.objectContaining({ label: 'Courier' }) }),
  ]);
  await screenshot(page, 'report-portfolio-preview', false);
});
