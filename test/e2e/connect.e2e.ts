import { SANDBOX_PASSWORD } from '../../src-main/sandbox/oauth/sign-in';
import { SEED_NATIVE_CLIENT_ID, SEED_SERVICE_CLIENT_ID } from '../../src-main/sandbox/oauth/clients';
import { expect, test } from './fixtures';
import { ConnectDialog } from './pages/connect-dialog';
import { WelcomePage } from './pages/welcome-page';
import { sandbox } from './support/walk';

test('a real org: an API token is checked at once, and the dialog says whose it is and what it may do', async ({
  page,
  browserMode,
}) => {
  await page.goto(browserMode.url);
  await new WelcomePage(page).addRealOrgClient('Acme', browserMode.sandbox.url);
  const connect = new ConnectDialog(page);
  await expect(connect.root()).toBeVisible();
  await connect.useApiToken('00this-is-not-a-valid-token-at-all-000000');
  await expect(connect.error()).toContainText('Security > API > Tokens');
  await browserMode.screenshot(page, 'connect-01-bad-token');
  await connect.useApiToken(browserMode.sandbox.apiToken);
  await expect(connect.signedInAs()).toContainText(`Signed in as`);
  await expect(connect.signedInAs()).toContainText(browserMode.sandbox.adminLogin);
  await expect(connect.verdict('app')).toContainText('✓ yes');
  await expect(page.getByText(browserMode.sandbox.apiToken)).toHaveCount(0);
  await browserMode.screenshot(page, 'connect-02-signed-in');
});

test('a real org: the admin signs in with OAuth + PKCE in the browser and comes back signed in', async ({
  page,
  browserMode,
}) => {
  await page.goto(browserMode.url);
  await new WelcomePage(page).addRealOrgClient('Acme', browserMode.sandbox.url);
  const connect = new ConnectDialog(page);
  await expect(connect.root()).toBeVisible();
  const signInTab = await connect.startAdminSignIn(SEED_NATIVE_CLIENT_ID);
  await signInTab.locator('#okta-signin-username').fill(browserMode.sandbox.adminLogin);
  await signInTab.locator('#okta-signin-password').fill(SANDBOX_PASSWORD);
  await signInTab.locator('#okta-signin-submit').click();
  await expect(signInTab.getByText(/close this (tab|window)/i)).toBeVisible();
  await expect(connect.signedInAs()).toContainText('with an admin sign-in');
  await expect(connect.verdict('assign')).toContainText('✓ yes');
  await browserMode.screenshot(page, 'connect-03-admin-signed-in');
});

test('a real org: a service app signs in with the key pair the wizard made (private_key_jwt, DPoP)', async ({
  page,
  browserMode,
}) => {
  await page.goto(browserMode.url);
  await new WelcomePage(page).addRealOrgClient('Acme', browserMode.sandbox.url);
  const connect = new ConnectDialog(page);
  await expect(connect.root()).toBeVisible();
  const jwk = JSON.parse(await connect.showServiceAppKey()) as Record<string, unknown>;
  expect(Object.keys(jwk).sort()).toEqual(['alg', 'e', 'kid', 'kty', 'n', 'use']);
  // The admin's part in Okta: paste the public key into the service app.
  await sandbox(browserMode, 'POST', `/sandbox/v1/oauth/clients/${SEED_SERVICE_CLIENT_ID}/keys`, jwk);
  await connect.useServiceApp(SEED_SERVICE_CLIENT_ID);
  await expect(connect.signedInAs()).toContainText('with a service app');
  await expect(connect.verdict('role')).toContainText('✓ yes');
  await browserMode.screenshot(page, 'connect-04-service-app');
});
