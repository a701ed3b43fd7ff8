import { join } from 'node:path';
import { expect, test } from './fixtures';
import { ConnectDialog } from './pages/connect-dialog';
import { WelcomePage } from './pages/welcome-page';
import { openStep, startPracticeIntegration } from './support/walk';

/** Browser mode keeps secrets in a plain file: the screen says so where they are typed, not in a tooltip. */
test.describe('browser mode says where secrets go, next to the fields that take them', () => {
  test('the sign-in dialog, for the API token, the admin sign-in and the service app key', async ({
    page,
    browserMode,
  }) => {
    await page.goto(browserMode.url);
    await new WelcomePage(page).addRealOrgClient('Acme', 'https://acme.okta.com');
    const dialog = new ConnectDialog(page).root();
    const note = dialog.locator('[data-secret-storage-note]');
    const expected = `Not kept in a keychain. Secrets are stored unencrypted in ${join(browserMode.dataDir, 'secrets.json')}, readable only by your user account (mode 0600). Use the desktop app to keep them in the OS keychain.`;
    await expect(note).toHaveText(expected);
    // Right after the token field, before the button that stores it.
    const tokenBox = await dialog.getByLabel('API token', { exact: true }).boundingBox();
    const noteBox = await note.boundingBox();
    const saveBox = await dialog.getByRole('button', { name: 'Check and save' }).boundingBox();
    expect(tokenBox!.y).toBeLessThan(noteBox!.y);
    expect(noteBox!.y).toBeLessThan(saveBox!.y);
    await browserMode.screenshot(page, 'secret-note-01-sign-in-dialog');
    await dialog.getByRole('radio', { name: /Admin sign-in/ }).check();
    await expect(note).toHaveText(expected);
    await dialog.getByRole('radio', { name: /Service app/ }).check();
    await expect(note).toHaveText(expected);
  });

  test('the SCIM bearer token field', async ({ page, browserMode }) => {
    await startPracticeIntegration(page, browserMode, 'Courier');
    await openStep(page, 'scim', 'SCIM check');
    const screen = page.locator('[data-step-screen="scim"]');
    await expect(screen.locator('[data-secret-storage-note]')).toContainText(
      `Secrets are stored unencrypted in ${join(browserMode.dataDir, 'secrets.json')}`,
    );
    await browserMode.screenshot(page, 'secret-note-02-scim-token');
  });
});
