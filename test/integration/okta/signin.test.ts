import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectOrg } from '../../../src-main/okta/connect';
import { scopesFor, stepsAllowed } from '../../../src-main/okta/permissions';
import { OAUTH_TOKENS_SECRET, storedTokensSchema } from '../../../src-main/okta/signin/oauth-session';
import { serviceAppPublicKey, signInAdmin, signOutAdmin } from '../../../src-main/okta/signin/flows';
import { SEED_NATIVE_CLIENT_ID, SEED_SERVICE_CLIENT_ID } from '../../../src-main/sandbox/oauth/clients';
import { SANDBOX_PASSWORD } from '../../../src-main/sandbox/oauth/sign-in';
import { AuditLog } from '../../../src-main/workspace/audit-log';
import { FileSecretStore } from '../../../src-main/workspace/secrets';
import { api, startSandbox } from '../../support/sandbox';

type Org = Awaited<ReturnType<typeof startSandbox>>;

describe('signing in to the sandbox org', () => {
  let org: Org;
  let dataDir: string;
  let secrets: FileSecretStore;
  let audit: AuditLog;
  let browser: Browser;

  beforeAll(async () => {
    org = await startSandbox();
    dataDir = await mkdtemp(join(tmpdir(), 'okta-signin-'));
    secrets = new FileSecretStore(dataDir);
    audit = new AuditLog(dataDir);
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--headless',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  });
  afterAll(async () => {
    await browser.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  /** Plays the admin in the system browser: signs in on the org's page, then reads our tab. */
  async function adminInBrowser(url: string): Promise<string> {
    const page = await browser.newPage();
    try {
      await page.goto(url);
      await page.fill('#okta-signin-username', org.adminLogin);
      await page.fill('#okta-signin-password', SANDBOX_PASSWORD);
      await Promise.all([page.waitForURL(/127\.0\.0\.1:\d+\/callback/), page.click('#okta-signin-submit')]);
      return (await page.textContent('body')) ?? '';
    } finally {
      await page.close();
    }
  }

  it('signs an admin in with authorization code + PKCE, refreshes the token, and revokes it at sign-out', async () => {
    const scopes = scopesFor();
    let tabText = '';
    const identity = await signInAdmin('cli_pkce', secrets, {
      orgUrl: org.url,
      oauthClientId: SEED_NATIVE_CLIENT_ID,
      scopes,
      openExternal: async (url) => {
        expect(new URL(url).searchParams.get('redirect_uri')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/);
        tabText = await adminInBrowser(url);
      },
    });
    expect(tabText).toContain('You can close this tab');
    expect(identity).toMatchObject({ authMethod: 'oauth-pkce', login: org.adminLogin, rolesUnreadable: undefined });
    expect(identity.roles.map((r) => r.type)).toEqual(['SUPER_ADMIN']);
    expect(identity.scopes).toEqual(expect.arrayContaining(scopes));

    const stored = storedTokensSchema.parse(JSON.parse((await secrets.get('cli_pkce', OAUTH_TOKENS_SECRET)) ?? '{}'));
    expect(stored.refreshToken).toBeDefined();
    // Pretend the hour has passed: the next call must refresh first.
    await secrets.set('cli_pkce', OAUTH_TOKENS_SECRET, JSON.stringify({ ...stored, expiresAt: Date.now() }));
    const okta = await connectOrg({
      clientId: 'cli_pkce',
      orgUrl: org.url,
      auth: { method: 'oauth-pkce', oauthClientId: SEED_NATIVE_CLIENT_ID, scopes },
      secrets,
      audit: audit.append,
    });
    const users = await okta.listUsers({ limit: 20 }).all();
    expect(users).toHaveLength(org.state.users.size);
    const refreshed = storedTokensSchema.parse(
      JSON.parse((await secrets.get('cli_pkce', OAUTH_TOKENS_SECRET)) ?? '{}'),
    );
    expect(refreshed.accessToken).not.toBe(stored.accessToken);
    expect(refreshed.expiresAt).toBeGreaterThan(Date.now() + 3_000_000);

    await signOutAdmin('cli_pkce', org.url, secrets);
    expect(await secrets.get('cli_pkce', OAUTH_TOKENS_SECRET)).toBeUndefined();
    expect((await api(org, 'GET', '/api/v1/users/me', { token: `Bearer ${refreshed.accessToken}` })).status).toBe(401);
  });

  it('signs a service app in with private_key_jwt, answering the DPoP nonce challenge', async () => {
    const jwk = await serviceAppPublicKey('cli_svc', secrets);
    expect(await serviceAppPublicKey('cli_svc', secrets)).toEqual(jwk);
    // What the admin does in the Admin Console: paste the public key into the service app.
    expect(
      (await api(org, 'POST', `/sandbox/v1/oauth/clients/${SEED_SERVICE_CLIENT_ID}/keys`, { body: jwk })).status,
    ).toBe(200);

    const scopes = scopesFor();
    const okta = await connectOrg({
      clientId: 'cli_svc',
      orgUrl: org.url,
      auth: { method: 'service-app', oauthClientId: SEED_SERVICE_CLIENT_ID, keyId: jwk.kid, scopes },
      secrets,
      audit: audit.append,
    });
    const identity = await okta.whoAmI();
    expect(identity).toMatchObject({ authMethod: 'service-app', displayName: `service app ${SEED_SERVICE_CLIENT_ID}` });
    expect(identity.scopes).toEqual(expect.arrayContaining(scopes));
    const groups = await okta.listGroups({ limit: 2 }).all();
    expect(groups).toHaveLength(org.state.groups.size);
    const grants = [...org.state.accessTokens.values()].filter((g) => g.clientId === SEED_SERVICE_CLIENT_ID);
    expect(grants.map((g) => g.tokenType)).toEqual(['DPoP']);
    // Plain first; "DPoP proof missing" -> a proof; "use_dpop_nonce" -> a proof with Okta's nonce.
    expect(
      org
        .requestLog()
        .filter((r) => r.path === '/oauth2/v1/token')
        .map((r) => r.status)
        .slice(-3),
    ).toEqual([400, 400, 200]);
  });

  it("names the scope an admin's token lacks, both ahead of time and when Okta refuses", async () => {
    const scopes = ['okta.users.read.self', 'okta.roles.read', 'okta.apps.read', 'okta.users.read'];
    await signInAdmin('cli_narrow', secrets, {
      orgUrl: org.url,
      oauthClientId: SEED_NATIVE_CLIENT_ID,
      scopes,
      openExternal: async (url) => void (await adminInBrowser(url)),
    });
    const okta = await connectOrg({
      clientId: 'cli_narrow',
      orgUrl: org.url,
      auth: { method: 'oauth-pkce', oauthClientId: SEED_NATIVE_CLIENT_ID, scopes },
      secrets,
      audit: audit.append,
    });
    const verdicts = stepsAllowed(await okta.whoAmI());
    expect(verdicts.find((v) => v.step === 'metadata')?.allowed).toBe(true);
    expect(verdicts.find((v) => v.step === 'assign')?.missingScopes).toEqual(['okta.apps.manage', 'okta.groups.read']);
    await expect(okta.listGroups().firstPage()).rejects.toMatchObject({
      code: 'OKTA_SCOPE_MISSING',
      message: expect.stringMatching(
        /^Okta refused to list groups: the access token does not carry the scope okta\.groups\.read\. \(Okta request ID [\w-]{27}\)$/,
      ),
    });
  });

  it('signs in with an API token stored in the secret store', async () => {
    await secrets.set('cli_ssws', 'api-token', org.apiToken);
    const okta = await connectOrg({
      clientId: 'cli_ssws',
      orgUrl: org.url,
      auth: { method: 'api-token' },
      secrets,
      audit: audit.append,
    });
    expect((await okta.whoAmI()).login).toBe(org.adminLogin);
  });
});
