import { OktaAuth } from '@okta/okta-auth-js';
import { MapStorage } from '../../../src-main/okta/signin/pkce';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SEED_NATIVE_CLIENT_ID } from '../../../src-main/sandbox/oauth/clients';
import { SANDBOX_PASSWORD } from '../../../src-main/sandbox/oauth/sign-in';
import { createSandboxOrg, type SandboxOrg } from '../../../src-main/sandbox/server';

let org: SandboxOrg;
beforeAll(async () => {
  org = await createSandboxOrg();
});
afterAll(async () => {
  await org.close();
});

it('lets @okta/okta-auth-js prepare PKCE, and exchange the code for verified tokens', async () => {
  const scopes = ['openid', 'profile', 'offline_access', 'okta.apps.read'];
  const storage = new MapStorage();
  const auth = new OktaAuth({
    issuer: org.url,
    clientId: SEED_NATIVE_CLIENT_ID,
    scopes,
    pkce: true,
    tokenManager: { storage, autoRenew: false, autoRemove: false },
    storageManager: { token: { storageProvider: storage }, transaction: { storageProvider: storage } },
  });
  const params = await auth.token.prepareTokenParams({ scopes });
  const redirectUri = 'http://127.0.0.1:41999/callback';
  const query = {
    client_id: SEED_NATIVE_CLIENT_ID,
    response_type: 'code',
    scope: scopes.join(' '),
    redirect_uri: redirectUri,
    state: params.state ?? '',
    nonce: params.nonce ?? '',
    code_challenge: params.codeChallenge ?? '',
    code_challenge_method: 'S256',
  };
  const signedIn = await fetch(`${org.url}/oauth2/v1/authorize`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ ...query, username: org.adminLogin, password: SANDBOX_PASSWORD }).toString(),
  });
  expect(signedIn.status).toBe(302);
  const code = new URL(signedIn.headers.get('location') ?? '').searchParams.get('code') ?? '';

  const { tokens } = await auth.token.exchangeCodeForTokens({
    authorizationCode: code,
    codeVerifier: params.codeVerifier ?? '',
    redirectUri,
    clientId: SEED_NATIVE_CLIENT_ID,
    scopes,
  });
  expect(tokens.accessToken?.scopes).toEqual(scopes);
  expect(tokens.accessToken?.tokenType).toBe('Bearer');
  expect(tokens.idToken?.claims.sub).toBe(org.adminUserId);
  expect(tokens.refreshToken?.refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
});
