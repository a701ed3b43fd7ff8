import { SANDBOX_PASSWORD } from '../../src-main/sandbox/oauth/sign-in';
import { expect, test } from './fixtures';
import { finishCatalogAdd, startPracticeIntegration } from './support/walk';
import { AppStepPage } from './pages/app-step';
import { MetadataStepPage } from './pages/metadata-step';
import { SlugStepPage } from './pages/slug-step';

test('Millie: slug, the catalog app added in the console and finished by the wizard, then its metadata', async ({
  page,
  browserMode,
}) => {
  const wizard = await startPracticeIntegration(page, browserMode, 'Millie');
  await expect(wizard.stepHeading()).toHaveText('Company slug');

  const slug = new SlugStepPage(page);
  await slug.enterSlug('Acme Corp');
  await expect(slug.slugError()).toContainText('This is not a company slug');
  await slug.enterSlug('acme-corp');
  await expect(slug.appSlug()).toContainText('No Millie app in Okta yet');
  await browserMode.screenshot(page, 'millie-app-01-slug');

  await wizard
    .rail()
    .getByRole('button', { name: /Millie app/ })
    .click();
  await wizard.waitForCurrent('Millie app');
  await wizard.button('Check Okta').click();
  const app = new AppStepPage(page);
  await expect(app.catalogLink()).toBeVisible();
  expect(await app.catalogLinkUrl()).toBe(`${browserMode.sandbox.url}/admin/app/millie/instance/_new_/`);
  await browserMode.screenshot(page, 'millie-app-02-catalog-guide');

  // The admin's part, in the tab the link opens: sign in, type the slug into Slug Name, click Done.
  const consoleTab = await app.openCatalog();
  await consoleTab.getByLabel('Username').fill(browserMode.sandbox.adminLogin);
  await consoleTab.getByLabel('Password').fill(SANDBOX_PASSWORD);
  await consoleTab.getByRole('button', { name: 'Sign In' }).click();
  await consoleTab.getByLabel('Slug Name').fill('acme');
  const appId = await finishCatalogAdd(consoleTab);
  await consoleTab.close();

  await wizard.button('Check Okta').click();
  await expect(app.oktaApp()).toHaveAttribute('data-okta-app', appId);
  await expect(app.settingRow('slug')).toContainText('✗ differs');
  await browserMode.screenshot(page, 'millie-app-03-found');
  await wizard.button('Apply 1 change').click();
  await expect(wizard.stepStatus('app')).toHaveAttribute('data-status', 'verified');
  await expect(app.settingRow('slug')).toContainText('✓ same');
  const writes = await browserMode.sandbox.writeCount();
  await wizard.button('Verify').click();
  await expect(wizard.check('setting:slug')).toHaveClass(/check-pass/);
  expect(await browserMode.sandbox.writeCount()).toBe(writes);
  await browserMode.screenshot(page, 'millie-app-04-verified');

  await wizard
    .rail()
    .getByRole('button', { name: /Metadata & certificate/ })
    .click();
  await wizard.waitForCurrent('Metadata & certificate');
  await wizard.button('Check Okta').click();
  const metadata = new MetadataStepPage(page);
  await expect(wizard.stepStatus('metadata')).toHaveAttribute('data-status', 'verified');
  expect(await metadata.value('metadata-url')).toMatch(
    new RegExp(`^${browserMode.sandbox.url}/app/exk\\w+/sso/saml/metadata$`),
  );
  expect(await metadata.value('issuer')).toMatch(/^http:\/\/www\.okta\.com\/exk\w+$/);
  await expect(metadata.certificateField('Key')).toHaveText('RSA 2048 bits');
  const download = await metadata.downloadCertificate();
  expect(download.suggestedFilename()).toBe('Millie-okta-certificate.pem');
  await metadata.checkPastedXml('<!DOCTYPE x [<!ENTITY e "x">]><x/>');
  await expect(metadata.checkerError()).toHaveAttribute('data-metadata-error', 'METADATA_DOCTYPE');
  await metadata.checkUrl(await metadata.value('metadata-url'));
  await expect(metadata.checkerReport()).toHaveAttribute('data-metadata-report', await metadata.value('issuer'));
  await browserMode.screenshot(page, 'millie-app-05-metadata');
});
