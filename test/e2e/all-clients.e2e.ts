import type { Page } from '@playwright/test';
import { startTestCa } from '../support/test-ca';
import { expect, test, type BrowserMode } from './fixtures';
import { bridge, sandbox } from './support/walk';

interface Made {
  clientId: string;
  integrationId: string;
  appId: string;
}

/** A practice client with one custom SAML integration whose app is made and verified in Okta. */
async function clientWithApp(mode: BrowserMode, name: string, label: string): Promise<Made> {
  const client = await bridge<{ id: string }>(mode, 'clients.add', { kind: 'sandbox', name });
  const integration = await bridge<{ id: string }>(mode, 'integrations.add', {
    clientId: client.id,
    vendorId: 'custom-saml',
    label,
  });
  const slug = label.toLowerCase().replace(/\W+/g, '-');
  await bridge(mode, 'steps.saveInput', {
    integrationId: integration.id,
    stepId: 'app',
    input: { mode: 'custom', label, ssoAcsUrl: `https://${slug}.example/acs`, audience: `https://${slug}.example/sp` },
  });
  const applied = await bridge<{ status: string }>(mode, 'steps.apply', {
    integrationId: integration.id,
    stepId: 'app',
  });
  expect(applied.status, `${name}: app step`).toBe('verified');
  const { appId } = (
    await bridge<{ facts: { appId: string } }>(mode, 'integrations.get', { integrationId: integration.id })
  ).facts;
  return { clientId: client.id, integrationId: integration.id, appId };
}

/**
 * What an admin does with their own CA in Okta: a CSR for the app, signed for `days`, published,
 * and the app switched to the new key, so the certificate Okta signs with ends in `days`.
 */
async function signWithCertificateFor(mode: BrowserMode, appId: string, days: number): Promise<void> {
  const csr = await sandbox<{ id: string; csr: string }>(mode, 'POST', `/api/v1/apps/${appId}/credentials/csrs`, {
    subject: { commonName: 'sso.acme.example' },
  });
  const pem = startTestCa().sign(csr.csr, { validDays: days });
  const published = await fetch(
    `${mode.sandbox.url}/api/v1/apps/${appId}/credentials/csrs/${csr.id}/lifecycle/publish`,
    {
      method: 'POST',
      headers: { Authorization: `SSWS ${mode.sandbox.apiToken}`, 'Content-Type': 'application/x-pem-file' },
      body: pem,
    },
  );
  expect(published.status, await published.clone().text()).toBe(201);
  const { kid } = (await published.json()) as { kid: string };
  const app = await sandbox<Record<string, unknown> & { credentials: { signing: Record<string, unknown> } }>(
    mode,
    'GET',
    `/api/v1/apps/${appId}`,
  );
  app.credentials.signing.kid = kid;
  const updated = await sandbox<{ credentials: { signing: { kid: string } } }>(
    mode,
    'PUT',
    `/api/v1/apps/${appId}`,
    app,
  );
  expect(updated.credentials.signing.kid).toBe(kid);
}

/** The overview's rows, top to bottom, as "client · integration". */
async function rowOrder(page: Page): Promise<string[]> {
  const rows = page.getByRole('table', { name: 'Integrations of every client' }).locator('tbody tr');
  return rows.evaluateAll((trs) =>
    trs.map((tr) => `${tr.getAttribute('data-client')} · ${tr.getAttribute('data-integration')}`),
  );
}

/** Nothing sticks out sideways: no horizontal scroll, every cell of the table inside the window. */
async function expectNoOverflow(page: Page, width: number): Promise<void> {
  await page.setViewportSize({ width, height: 900 });
  const widths = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
    cellsOut: Array.from(document.querySelectorAll('.all-clients th, .all-clients td, .app-header *'))
      .filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
      .map((el) => `${el.tagName.toLowerCase()}: ${(el.textContent ?? '').slice(0, 40)}`),
  }));
  expect(widths, `at ${width} px`).toEqual({ scroll: widths.client, client: widths.client, cellsOut: [] });
}

test('all clients at a glance: attention on top, then the soonest expiry; the switcher finds a client by part of its name, by keyboard', async ({
  page,
  browserMode,
}) => {
  test.setTimeout(300_000);
  // Made in an order and with names that sort differently from the order the overview must show.
  const globex = await clientWithApp(browserMode, 'Globex Corporation', 'Globex CRM');
  const northwind = await clientWithApp(browserMode, 'Northwind Traders', 'Northwind Chat');
  const umbrella = await clientWithApp(browserMode, 'Umbrella Health', 'Umbrella Wiki');
  const initech = await clientWithApp(browserMode, 'Initech', 'Initech Payroll');

  // Globex: someone deactivated its app in Okta; the next check fails.
  await sandbox(browserMode, 'POST', `/api/v1/apps/${globex.appId}/lifecycle/deactivate`);
  const checked = await bridge<{ status: string; checks: { id: string; status: string }[] }>(
    browserMode,
    'steps.verify',
    {
      integrationId: globex.integrationId,
      stepId: 'app',
    },
  );
  expect(checked.checks.find((c) => c.id === 'app-active')?.status).toBe('fail');
  // Initech signs with a certificate that ends in 20 days; Umbrella's ends in 400 (fine, but sooner
  // than Northwind's and Globex's ten years).
  await signWithCertificateFor(browserMode, initech.appId, 20);
  await signWithCertificateFor(browserMode, umbrella.appId, 400);
  expect(northwind.appId).toMatch(/^0oa/);

  await page.setViewportSize({ width: 1360, height: 900 });
  await page.goto(browserMode.url);
  await page.getByRole('combobox', { name: 'Client', exact: true }).selectOption({ label: 'All clients' });
  const overview = page.getByRole('table', { name: 'Integrations of every client' });
  await expect(overview.locator('tbody tr')).toHaveCount(4);
  await page.getByRole('button', { name: 'Check all certificates' }).click();
  await expect(page.getByRole('button', { name: 'Check all certificates' })).toBeEnabled({ timeout: 60_000 });
  const row = (client: string) => overview.locator(`tr[data-client="${client}"]`);
  await expect(row('Initech').locator('.cert-badge')).toHaveText('Expires within 30 days', { timeout: 30_000 });
  await expect(row('Initech')).toContainText(/Expires in (19|20) days/);
  await expect(row('Umbrella Health')).toContainText(/Valid until .* \((399|400) days left\)/);
  await expect(row('Northwind Traders')).toContainText(/Valid until .* \(3,65\d days left\)/);
  await expect(row('Globex Corporation').getByRole('list', { name: 'Needs attention' })).toHaveText('1 failing check');
  await expect(row('Globex Corporation')).toContainText('SAML app: The app is active');

  expect(await rowOrder(page)).toEqual([
    'Initech · Initech Payroll',
    'Globex Corporation · Globex CRM',
    'Umbrella Health · Umbrella Wiki',
    'Northwind Traders · Northwind Chat',
  ]);
  await expect(page.getByRole('status').filter({ hasText: 'integrations;' })).toHaveText(
    '4 integrations; 2 need attention.',
  );
  await expect(row('Initech')).toHaveClass('needs-attention');
  await expect(row('Globex Corporation')).toHaveClass('needs-attention');
  await expect(row('Umbrella Health')).not.toHaveClass('needs-attention');
  await expectNoOverflow(page, 1360);
  await browserMode.screenshot(page, 'all-clients-1360');
  await expectNoOverflow(page, 1024);
  await browserMode.screenshot(page, 'all-clients-1024');

  // The switcher: part of a name finds the client; arrows move, Enter switches.
  await page.getByRole('button', { name: 'Find client…' }).click();
  const search = page.getByRole('combobox', { name: 'Search clients by name or org URL' });
  await expect(search).toBeFocused();
  const options = page.getByRole('listbox', { name: 'Clients' }).getByRole('option');
  await search.pressSequentially('n');
  await expect(options).toHaveText([/^Globex Corporation/, /^Northwind Traders/, /^Initech/]);
  await expect(options.nth(0)).toHaveAttribute('aria-selected', 'true');
  await search.press('ArrowDown');
  await search.press('ArrowDown');
  await search.press('ArrowDown');
  await expect(options.nth(2)).toHaveAttribute('aria-selected', 'true');
  await search.press('ArrowUp');
  await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
  await expect(search).toHaveAttribute('aria-activedescendant', (await options.nth(1).getAttribute('id')) ?? '');
  await search.press('Enter');
  await expect(page.getByRole('combobox', { name: 'Client', exact: true })).toHaveValue(northwind.clientId);
  await expect(page.getByRole('listbox', { name: 'Clients' })).toHaveCount(0);

  await page.getByRole('button', { name: 'Find client…' }).click();
  await search.pressSequentially('ITEC');
  await expect(options).toHaveText([/^Initech/]);
  await search.press('Enter');
  await expect(page.getByRole('combobox', { name: 'Client', exact: true })).toHaveValue(initech.clientId);
  await expect(page.getByRole('combobox', { name: 'Integration', exact: true })).toContainText('Initech Payroll');

  // Escape closes the search and gives the keyboard back to the button that opened it.
  await page.getByRole('button', { name: 'Find client…' }).click();
  await search.pressSequentially('zzz');
  await expect(page.getByRole('listbox', { name: 'Clients' })).toContainText('No client matches "zzz".');
  await search.press('Escape');
  await expect(search).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Find client…' })).toBeFocused();
});
