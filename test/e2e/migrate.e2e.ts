import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { courierExport, type VendorExport } from '../support/migrate-export';
import { expect, test, type BrowserMode } from './fixtures';
import { MigrateStepPage } from './pages/migrate-step';
import { bridge, openStep, sandbox, startPracticeIntegration } from './support/walk';

interface OktaUser {
  id: string;
  status: string;
  profile: { login: string };
}

// Okta's Enterprise limits with the default 50% token share: the direct route's app assignments sit
// in a bucket of 50 a minute, so the run lasts long enough to pause, and the route minutes are real.
test.use({ sandboxArgs: ['--plan', 'enterprise'] });

async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).include('[data-step-screen="migrate"]').analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** The Courier app and its role attribute, made through the channels the other steps' screens use. */
async function courierAppWithRoles(mode: BrowserMode): Promise<{ appId: string }> {
  const [integration] = await bridge<Array<{ id: string }>>(mode, 'integrations.list', {});
  const integrationId = integration!.id;
  await bridge(mode, 'steps.saveInput', {
    integrationId,
    stepId: 'app',
    input: { ssoAcsUrl: 'https://courier.example.com/saml/acs', audience: 'https://courier.example.com/sp' },
  });
  await bridge(mode, 'steps.apply', { integrationId, stepId: 'app' });
  const role = await bridge<{ status: string }>(mode, 'steps.apply', { integrationId, stepId: 'role' });
  expect(role.status).toBe('verified');
  const got = await bridge<{ facts: { appId?: string } }>(mode, 'integrations.get', { integrationId });
  return { appId: got.facts.appId! };
}

/** Suspends one person and assigns another before the match, so both classes show up. */
async function prepareOrg(mode: BrowserMode, appId: string): Promise<{ vendor: VendorExport; users: OktaUser[] }> {
  const users = await sandbox<OktaUser[]>(mode, 'GET', '/api/v1/users?limit=200');
  const vendor = courierExport(
    users
      .filter((u) => !['admin@acme.example', 'readonly.admin@acme.example'].includes(u.profile.login))
      .map((u) => ({ login: u.profile.login })),
  );
  const byLogin = (login: string) => users.find((u) => u.profile.login === login)!;
  await sandbox(mode, 'POST', `/api/v1/users/${byLogin(vendor.suspend).id}/lifecycle/suspend`);
  await sandbox(mode, 'POST', `/api/v1/apps/${appId}/users`, {
    id: byLogin(vendor.preAssign).id,
    scope: 'USER',
    profile: { role: 'ANALYST' },
  });
  return { vendor, users };
}

test('Courier: import a team export through the screen, review and decide, migrate with pause and resume, and see each row’s result', async ({
  page,
  browserMode,
}) => {
  test.setTimeout(8 * 60_000);
  const wizard = await startPracticeIntegration(page, browserMode, 'Courier');
  await expect(wizard.stepHeading()).toHaveText('Courier app');
  const { appId } = await courierAppWithRoles(browserMode);
  const { vendor, users } = await prepareOrg(browserMode, appId);
  await openStep(page, 'migrate', 'Migrate existing users');
  const migrate = new MigrateStepPage(page);
  await expect(migrate.root().locator('[data-migrate-state="none"]')).toBeVisible();
  await expect(migrate.root()).toContainText('Remove the migrated people from the team in Courier');
  expect(await axeViolations(page)).toEqual([]);

  // Import: the file goes to main in parts; main reads it and guesses the columns.
  await migrate.chooseFile('courier-team.csv', vendor.bytes);
  await expect(migrate.root().locator('[data-preview-rows]')).toHaveAttribute('data-preview-rows', String(vendor.rows));
  await expect(migrate.root()).toContainText(`${vendor.rows} rows, 4 columns, separated by semicolons, UTF-8`);
  await expect(migrate.mapping('Email')).toHaveValue('Email');
  await expect(migrate.mapping('Username or second email')).toHaveValue('Username');
  await expect(migrate.mapping('Role')).toHaveValue('Role');
  // Editable: leave the name out, then put it back.
  await migrate.mapping('Name').selectOption('');
  await expect(migrate.root().locator('.mapped-as')).toHaveCount(3);
  await migrate.mapping('Name').selectOption('Name');
  await expect(migrate.root().locator('.mapped-as')).toHaveCount(4);
  await browserMode.screenshot(page, 'migrate-01-preview');
  expect(await axeViolations(page)).toEqual([]);
  await migrate.button(`Import ${vendor.rows} rows and match them`).click();

  // Review: the counts per class are exactly the export's awkward cases.
  await expect(migrate.root().locator('[data-migrate-state="matched"]')).toBeVisible({ timeout: 60_000 });
  for (const [classId, rows] of Object.entries(vendor.counts))
    await expect(migrate.classButton(classId), classId).toHaveAttribute('data-rows', String(rows));
  await expect(migrate.root().locator('[data-unknown-roles]')).toHaveAttribute('data-unknown-roles', '2');
  await expect(migrate.caption()).toHaveText(`Rows 1–50 of ${vendor.rows}`);
  await browserMode.screenshot(page, 'migrate-02-review');
  expect(await axeViolations(page)).toEqual([]);

  // A filter: only the rows not in Okta, a page at a time.
  await migrate.classButton('not-in-okta').click();
  await expect(migrate.caption()).toHaveText(`Rows 1–50 of ${vendor.counts['not-in-okta']}`);
  await migrate.button('Next 50').click();
  await expect(migrate.caption()).toHaveText(`Rows 51–100 of ${vendor.counts['not-in-okta']}`);
  await migrate.search('new.hire.00');
  await expect(migrate.caption()).toHaveText('Rows 1–10 of 10');

  // Decisions: three newcomers created in Okta one by one, the rest dropped in bulk.
  const created = vendor.newcomerRows.slice(0, 3);
  for (const row of created) {
    await migrate.decisionFor(row).selectOption('create');
    await expect(migrate.decisionFor(row)).toHaveValue('create');
  }
  const rest = vendor.counts['not-in-okta']! - 3;
  await migrate.button(`Drop all ${rest} undecided`).click();
  await expect(migrate.root().locator('[data-not-in-okta]')).toContainText(`3 to create, ${rest} dropped, 0 undecided`);
  await migrate.search('');
  await migrate.classButton('not-in-okta').click();
  await expect(migrate.caption()).toHaveText(`Rows 1–50 of ${vendor.rows}`);

  // Route: both routes' minutes at the limits read; the direct route is chosen here on purpose.
  const work = vendor.counts['to-assign']! + 3;
  await expect(migrate.root().locator('[data-work]')).toHaveAttribute('data-work', String(work));
  await expect(migrate.root().locator('[data-route-minutes="direct"]')).toContainText('about');
  await expect(migrate.root().locator('[data-route-minutes="group"]')).toContainText('about');
  await expect(migrate.root().locator('[data-route="group"] .sooner')).toBeVisible();
  await migrate.root().locator('[data-route="direct"] input').click();
  await expect(migrate.root().locator('[data-route="direct"] input')).toBeChecked();
  await expect(migrate.root().locator('[data-route-chosen]')).toHaveAttribute('data-route-chosen', 'direct');
  await expect(migrate.root().locator('[data-route-chosen]')).toContainText('Chosen by the admin');

  // Run, pause, resume.
  await migrate.button(`Migrate ${work} people`).click();
  await expect(migrate.progress()).toBeVisible();
  await expect(migrate.progressMessage()).toContainText(/Assigning: \d+ of/, { timeout: 120_000 });
  await migrate.button('Pause').click();
  await expect(migrate.progressMessage()).toContainText(/Paused after \d+ of \d+/, { timeout: 120_000 });
  await expect(migrate.button('Resume')).toBeVisible();
  const writesWhilePaused = await browserMode.sandbox.writeCount();
  await browserMode.screenshot(page, 'migrate-03-paused');
  expect(await axeViolations(page)).toEqual([]);
  expect(await browserMode.sandbox.writeCount(), 'no write while paused').toBe(writesWhilePaused);
  await migrate.button('Resume').click();
  await expect(migrate.button('Pause')).toBeVisible();
  await expect(wizard.stepStatus('migrate')).toHaveAttribute('data-status', 'verified', { timeout: 6 * 60_000 });

  // Results: per row in the table and in the export, and in Okta.
  await expect(migrate.root().locator('[data-results-done]')).toHaveText(`${work} done`);
  await expect(migrate.root().locator('[data-results-failed]')).toHaveText('0 failed');
  await migrate.root().getByLabel('Result', { exact: true }).selectOption('done');
  await expect(migrate.caption()).toHaveText(`Rows 1–50 of ${work}`);
  const first = vendor.toAssign[0]!;
  await migrate.search(first.login);
  await expect(migrate.row(first.row)).toHaveAttribute('data-result', 'done');
  await expect(migrate.row(first.row)).toContainText(`Done: ${first.email} assigned with role ${first.role}`);
  await migrate.search('');
  await migrate.root().getByLabel('Result', { exact: true }).selectOption('any');
  const download = page.waitForEvent('download');
  await migrate.button(`Download these ${vendor.rows} rows as CSV`).click();
  const csv = await readFile(await (await download).path(), 'utf8');
  const records = parse(csv.replace(/^\uFEFF/, ''), { columns: true }) as Record<string, string>[];
  expect(records).toHaveLength(vendor.rows);
  const byRow = new Map(records.map((r) => [Number(r.Row), r]));
  for (const person of vendor.toAssign)
    expect({
      row: person.row,
      result: byRow.get(person.row)?.Result,
      detail: byRow.get(person.row)?.['Result detail'],
    }).toEqual({
      row: person.row,
      result: 'done',
      detail: `${person.email} assigned with role ${person.role}`,
    });
  for (const row of created) expect(byRow.get(row)).toMatchObject({ Decision: 'create', Result: 'done' });
  expect(records.filter((r) => r.Result === 'done')).toHaveLength(work);
  const appUsers = await sandbox<Array<{ id: string; profile: { role?: string } }>>(
    browserMode,
    'GET',
    `/api/v1/apps/${appId}/users?limit=500`,
  );
  const loginOf = new Map(users.map((u) => [u.id, u.profile.login]));
  const roles = new Map(appUsers.map((u) => [loginOf.get(u.id), u.profile.role]));
  for (const person of vendor.toAssign) expect(roles.get(person.login), person.login).toBe(person.role);
  expect(appUsers).toHaveLength(work + 1);
  await expect(migrate.root()).toContainText('re-invite them through Okta');
  await browserMode.screenshot(page, 'migrate-04-result');
  expect(await axeViolations(page)).toEqual([]);
});
