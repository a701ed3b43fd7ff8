import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { scimAccount, startGatedScimVendor } from '../support/gated-scim-vendor';
import { expect, test } from './fixtures';
import { MigrateStepPage } from './pages/migrate-step';
import { bridge, openStep, sandbox, startPracticeIntegration } from './support/walk';

const TOKEN = 'courier-scim-token-e2e-migrate-sources';

async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).include('[data-step-screen="migrate"]').analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test("Courier over SCIM: the read's progress from totalResults, cancel mid-read, then unknown roles mapped on screen", async ({
  page,
  browserMode,
}) => {
  test.setTimeout(5 * 60_000);
  const wizard = await startPracticeIntegration(page, browserMode, 'Courier');
  await expect(wizard.stepHeading()).toHaveText('Courier app');
  const [integration] = await bridge<Array<{ id: string }>>(browserMode, 'integrations.list', {});
  const integrationId = integration!.id;
  await bridge(browserMode, 'steps.saveInput', {
    integrationId,
    stepId: 'app',
    input: { ssoAcsUrl: 'https://courier.example.com/saml/acs', audience: 'https://courier.example.com/sp' },
  });
  await bridge(browserMode, 'steps.apply', { integrationId, stepId: 'app' });
  await bridge(browserMode, 'steps.apply', { integrationId, stepId: 'role' });

  // Courier's accounts: six of the org's people (two developers, three "Owner", one "Intern"; roles
  // Courier's enum does not have) and 250 people Okta does not know: three pages of 100.
  const users = await sandbox<Array<{ profile: { login: string } }>>(browserMode, 'GET', '/api/v1/users?limit=200');
  const known = users
    .map((u) => u.profile.login)
    .filter((l) => !['admin@acme.example', 'readonly.admin@acme.example'].includes(l))
    .sort()
    .slice(0, 6);
  const roles = ['DEVELOPER', 'DEVELOPER', 'Owner', 'Owner', 'Owner', 'Intern'];
  const accounts = [
    ...known.map((login, i) => scimAccount(login, roles[i]!)),
    ...Array.from({ length: 250 }, (_, i) => scimAccount(`newcomer.${i + 1}@acme.example`, 'DEVELOPER')),
  ];
  const vendor = await startGatedScimVendor({ token: TOKEN, users: accounts });
  try {
    await bridge(browserMode, 'steps.saveInput', {
      integrationId,
      stepId: 'scim',
      input: { baseUrl: vendor.baseUrl, token: TOKEN },
    });
    await openStep(page, 'migrate', 'Migrate existing users');
    const migrate = new MigrateStepPage(page);
    await expect(migrate.root().locator('[data-migrate-state="none"]')).toBeVisible();

    // The read, held at its second page: 100 of the vendor's 256 on screen, then cancelled.
    vendor.hold(101);
    await migrate.button('Read from Courier over SCIM').click();
    const status = migrate.root().locator('.migrate-scim-progress');
    await expect(status).toContainText('Read 100 of 256 accounts from Courier', { timeout: 30_000 });
    await expect(status.locator('progress')).toHaveAttribute('max', '256');
    await expect(status.locator('progress')).toHaveAttribute('value', '100');
    expect(await axeViolations(page)).toEqual([]);
    await migrate.button('Cancel the read').click();
    await expect(status).toContainText('Cancelling after the page in flight (100 read)');
    vendor.release(101);
    await expect(migrate.root().locator('[data-import-error]')).toContainText(
      "The read of the vendor's accounts was cancelled after 100 of 256. Nothing was imported; an earlier import is kept.",
    );
    expect(vendor.queries).toEqual(['?startIndex=1&count=100', '?startIndex=101&count=100']);
    await expect(status).toHaveCount(0);
    await expect(migrate.root().locator('[data-migrate-state="none"]')).toBeVisible();

    // Read again to the end; the match shows the two unknown roles with their people.
    await migrate.button('Read from Courier over SCIM').click();
    await expect(migrate.root().locator('[data-migrate-state="matched"]')).toBeVisible({ timeout: 60_000 });
    await expect(migrate.classButton('to-assign')).toHaveAttribute('data-rows', '2');
    await expect(migrate.classButton('unknown-role')).toHaveAttribute('data-rows', '4');
    const mapping = migrate.root().locator('.migrate-role-mapping');
    await expect(mapping).toHaveAttribute('data-unknown-roles', '4');
    await expect(mapping.locator('[data-vendor-role="Owner"] [data-role-rows]')).toHaveText('3');
    await expect(mapping.locator('[data-vendor-role="Intern"] [data-role-rows]')).toHaveText('1');
    expect(await axeViolations(page)).toEqual([]);

    // Map "Owner" to Admin and leave the intern out: the match follows at once.
    await mapping.getByLabel('“Owner”').selectOption({ label: 'Admin (ADMINISTRATOR)' });
    await expect(migrate.classButton('to-assign')).toHaveAttribute('data-rows', '5', { timeout: 30_000 });
    await expect(mapping).toHaveAttribute('data-unknown-roles', '1');
    await mapping.getByLabel('“Intern”').selectOption({ label: 'Leave these people out' });
    await expect(mapping).toHaveAttribute('data-unknown-roles', '0', { timeout: 30_000 });
    await expect(mapping.getByLabel('“Owner”')).toHaveValue('ADMINISTRATOR');
    await expect(migrate.classButton('unknown-role')).toHaveAttribute('data-rows', '1');
    await migrate.search(known[5]!);
    await expect(migrate.rows()).toHaveCount(1);
    await expect(migrate.rows().first()).toContainText(
      'left out: you chose not to migrate people with the role "Intern".',
    );
    await migrate.search(known[2]!);
    await expect(migrate.rows().first()).toContainText('ADMINISTRATOR');
    expect(await axeViolations(page)).toEqual([]);
  } finally {
    await vendor.close();
  }
});
