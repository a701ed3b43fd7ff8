import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_NATIVE_CLIENT_ID, SEED_SERVICE_CLIENT_ID } from '../../../src-main/sandbox/oauth/clients';
import { SANDBOX_PASSWORD } from '../../../src-main/sandbox/oauth/sign-in';
import { createSandboxOrg, type SandboxOrg } from '../../../src-main/sandbox/server';
import { clientAssertion, decodePayload, dpopProof, newRsaKey, pkcePair, type ClientKey } from './proofs';

let org: SandboxOrg;
const redirectUri = 'http://127.0.0.1:53682/callback';

beforeAll(async () => {
  org = await createSandboxOrg();
});
afterAll(async () => {
  await org.close();
});

function form(fields: Record<string, string>): RequestInit {
  return {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  };
}

async function token(
  fields: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: Record<string, unknown>; headers: Headers }> {
  const init = form(fields);
  const res = await fetch(`${org.url}/oauth2/v1/token`, {
    ...init,
    headers: { ...(init.headers as Record<string, string>), ...headers },
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown>, headers: res.headers };
}

/** Drives the authorize page as a browser would: GET shows the form, POST signs in and redirects. */
async function signIn(scope: string, challenge: string, password = SANDBOX_PASSWORD): Promise<URL | string> {
  const params = {
    client_id: SEED_NATIVE_CLIENT_ID,
    redirect_uri: redirectUri,
    response_type: 'code',
    scope,
    state: 'st-1',
    nonce: 'n-1',
    code_challenge: challenge,
    code_challenge_method: 'S256',
  };
  const page = await fetch(`${org.url}/oauth2/v1/authorize?${new URLSearchParams(params).toString()}`);
  const html = await page.text();
  expect(page.status).toBe(200);
  expect(html).toContain('name="password"');
  const posted = await fetch(`${org.url}/oauth2/v1/authorize`, {
    ...form({ ...params, username: org.adminLogin, password }),
    redirect: 'manual',
  });
  if (posted.status !== 302) return posted.text();
  return new URL(posted.headers.get('location') ?? '');
}

describe('org authorization server discovery', () => {
  it('advertises S256 PKCE and the org URL as issuer', async () => {
    const doc = (await (await fetch(`${org.url}/.well-known/openid-configuration`)).json()) as Record<string, unknown>;
    expect(doc.issuer).toBe(org.url);
    expect(doc.code_challenge_methods_supported).toEqual(['S256']);
    expect(doc.token_endpoint).toBe(`${org.url}/oauth2/v1/token`);
    const as = (await (await fetch(`${org.url}/.well-known/oauth-authorization-server`)).json()) as Record<
      string,
      unknown
    >;
    expect(as.jwks_uri).toBe(`${org.url}/oauth2/v1/keys`);
  });
});

describe('authorization code with PKCE (native app)', () => {
  it('signs in, exchanges the code once, refreshes and revokes', async () => {
    const { verifier, challenge } = pkcePair();
    const back = await signIn('openid profile offline_access okta.apps.read okta.users.read.self', challenge);
    if (typeof back === 'string') throw new Error(back);
    expect(back.origin + back.pathname).toBe(redirectUri);
    expect(back.searchParams.get('state')).toBe('st-1');
    const code = back.searchParams.get('code') ?? '';

    const tokens = await token({
      grant_type: 'authorization_code',
      client_id: SEED_NATIVE_CLIENT_ID,
      code,
      code_verifier: verifier,
      redirect_uri: redirectUri,
    });
    expect(tokens.status).toBe(200);
    expect(tokens.body).toMatchObject({
      token_type: 'Bearer',
      expires_in: 3600,
      scope: 'openid profile offline_access okta.apps.read okta.users.read.self',
    });
    const claims = decodePayload(String(tokens.body.access_token));
    expect(claims).toMatchObject({
      iss: org.url,
      aud: org.url,
      cid: SEED_NATIVE_CLIENT_ID,
      uid: org.adminUserId,
      scp: ['openid', 'profile', 'offline_access', 'okta.apps.read', 'okta.users.read.self'],
    });
    expect(decodePayload(String(tokens.body.id_token))).toMatchObject({
      aud: SEED_NATIVE_CLIENT_ID,
      sub: org.adminUserId,
      nonce: 'n-1',
    });

    const apps = await fetch(`${org.url}/api/v1/apps`, {
      headers: { authorization: `Bearer ${String(tokens.body.access_token)}` },
    });
    expect(apps.status).toBe(200);
    const userinfo = await fetch(`${org.url}/oauth2/v1/userinfo`, {
      headers: { authorization: `Bearer ${String(tokens.body.access_token)}` },
    });
    expect(await userinfo.json()).toMatchObject({ sub: org.adminUserId, preferred_username: org.adminLogin });

    const replay = await token({
      grant_type: 'authorization_code',
      client_id: SEED_NATIVE_CLIENT_ID,
      code,
      code_verifier: verifier,
      redirect_uri: redirectUri,
    });
    expect(replay).toMatchObject({
      status: 400,
      body: { error: 'invalid_grant', error_description: 'The authorization code is invalid or has expired.' },
    });

    const refreshed = await token({
      grant_type: 'refresh_token',
      client_id: SEED_NATIVE_CLIENT_ID,
      refresh_token: String(tokens.body.refresh_token),
    });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.access_token).not.toBe(tokens.body.access_token);

    const revoke = await fetch(
      `${org.url}/oauth2/v1/revoke`,
      form({ client_id: SEED_NATIVE_CLIENT_ID, token: String(refreshed.body.access_token) }),
    );
    expect(revoke.status).toBe(200);
    const afterRevoke = await fetch(`${org.url}/api/v1/apps`, {
      headers: { authorization: `Bearer ${String(refreshed.body.access_token)}` },
    });
    expect(afterRevoke.status).toBe(401);
    expect(afterRevoke.headers.get('www-authenticate')).toContain('error="invalid_token"');

    await fetch(
      `${org.url}/oauth2/v1/revoke`,
      form({ client_id: SEED_NATIVE_CLIENT_ID, token: String(tokens.body.refresh_token) }),
    );
    const refreshAfterRevoke = await token({
      grant_type: 'refresh_token',
      client_id: SEED_NATIVE_CLIENT_ID,
      refresh_token: String(tokens.body.refresh_token),
    });
    expect(refreshAfterRevoke).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
  });

  it('refuses a wrong code_verifier', async () => {
    const { challenge } = pkcePair();
    const back = await signIn('openid okta.apps.read', challenge);
    if (typeof back === 'string') throw new Error(back);
    const res = await token({
      grant_type: 'authorization_code',
      client_id: SEED_NATIVE_CLIENT_ID,
      code: back.searchParams.get('code') ?? '',
      code_verifier: pkcePair().verifier,
      redirect_uri: redirectUri,
    });
    expect(res).toMatchObject({
      status: 400,
      body: { error: 'invalid_grant', error_description: 'PKCE verification failed.' },
    });
  });

  it('shows the sign-in page again on a wrong password', async () => {
    const back = await signIn('openid', pkcePair().challenge, 'wrong-password');
    expect(typeof back === 'string' && back.includes('Unable to sign in')).toBe(true);
  });

  it('enforces scopes on API calls with an empty 403 and WWW-Authenticate', async () => {
    const { verifier, challenge } = pkcePair();
    const back = await signIn('okta.apps.read', challenge);
    if (typeof back === 'string') throw new Error(back);
    const tokens = await token({
      grant_type: 'authorization_code',
      client_id: SEED_NATIVE_CLIENT_ID,
      code: back.searchParams.get('code') ?? '',
      code_verifier: verifier,
      redirect_uri: redirectUri,
    });
    const res = await fetch(`${org.url}/api/v1/groups`, {
      headers: { authorization: `Bearer ${String(tokens.body.access_token)}` },
    });
    expect(res.status).toBe(403);
    expect(await res.text()).toBe('');
    expect(res.headers.get('www-authenticate')).toBe(
      `Bearer authorization_uri="${org.url}/oauth2/v1/authorize", realm="${org.url}", scope="okta.groups.read", error="insufficient_scope", error_description="The access token provided does not contain the required scopes.", resource="/api/v1/groups"`,
    );
  });

  it('rejects a redirect URI that is not loopback or registered', async () => {
    const params = {
      client_id: SEED_NATIVE_CLIENT_ID,
      redirect_uri: 'https://evil.example/callback',
      response_type: 'code',
      scope: 'openid',
      code_challenge: pkcePair().challenge,
      code_challenge_method: 'S256',
    };
    const res = await fetch(`${org.url}/oauth2/v1/authorize?${new URLSearchParams(params).toString()}`);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain(
      'The &#39;redirect_uri&#39; parameter must be a Login redirect URI in the client app settings.',
    );
  });
});

describe('API service app: private_key_jwt and DPoP', () => {
  let key: ClientKey;
  const tokenUrl = (): string => `${org.url}/oauth2/v1/token`;

  beforeAll(async () => {
    key = newRsaKey('wizard-key-1');
    const res = await fetch(`${org.url}/sandbox/v1/oauth/clients/${SEED_SERVICE_CLIENT_ID}/keys`, {
      method: 'POST',
      headers: { authorization: `SSWS ${org.apiToken}`, 'content-type': 'application/json' },
      body: JSON.stringify(key.publicJwk),
    });
    expect(res.status).toBe(200);
  });

  const credentials = (scope: string): Record<string, string> => ({
    grant_type: 'client_credentials',
    scope,
    client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
    client_assertion: clientAssertion(key, SEED_SERVICE_CLIENT_ID, tokenUrl()),
  });

  it('does the nonce dance and calls the API with a DPoP-bound token', async () => {
    const missing = await token(credentials('okta.apps.read'));
    expect(missing).toMatchObject({
      status: 400,
      body: { error: 'invalid_dpop_proof', error_description: 'The DPoP proof JWT header is missing.' },
    });

    const first = await token(credentials('okta.apps.read'), { dpop: dpopProof(key, 'POST', tokenUrl()) });
    expect(first).toMatchObject({
      status: 400,
      body: { error: 'use_dpop_nonce', error_description: 'Authorization server requires nonce in DPoP proof.' },
    });
    const nonce = first.headers.get('dpop-nonce') ?? '';
    expect(nonce).not.toBe('');

    const second = await token(credentials('okta.apps.read'), { dpop: dpopProof(key, 'POST', tokenUrl(), { nonce }) });
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ token_type: 'DPoP', expires_in: 3600, scope: 'okta.apps.read' });
    const accessToken = String(second.body.access_token);
    expect(decodePayload(accessToken)).toMatchObject({
      sub: SEED_SERVICE_CLIENT_ID,
      cid: SEED_SERVICE_CLIENT_ID,
      scp: ['okta.apps.read'],
    });

    const appsUrl = `${org.url}/api/v1/apps`;
    const ok = await fetch(appsUrl, {
      headers: { authorization: `DPoP ${accessToken}`, dpop: dpopProof(key, 'GET', appsUrl, { accessToken }) },
    });
    expect(ok.status).toBe(200);

    const noProof = await fetch(appsUrl, { headers: { authorization: `DPoP ${accessToken}` } });
    expect(noProof.status).toBe(401);
    expect(noProof.headers.get('www-authenticate')).toContain('error="invalid_dpop_proof"');

    const wrongHtu = await fetch(appsUrl, {
      headers: {
        authorization: `DPoP ${accessToken}`,
        dpop: dpopProof(key, 'GET', `${org.url}/api/v1/users`, { accessToken }),
      },
    });
    expect(wrongHtu.status).toBe(401);
    expect(wrongHtu.headers.get('www-authenticate')).toContain(
      `error_description="'htu' claim in the DPoP proof JWT is invalid."`,
    );

    const groupsUrl = `${org.url}/api/v1/groups`;
    const noScope = await fetch(groupsUrl, {
      headers: { authorization: `DPoP ${accessToken}`, dpop: dpopProof(key, 'GET', groupsUrl, { accessToken }) },
    });
    expect(noScope.status).toBe(403);
    expect(noScope.headers.get('www-authenticate')).toMatch(
      /^DPoP algs="RS256 RS384 RS512 ES256 ES384 ES512", .*scope="okta.groups.read", error="insufficient_scope"/,
    );
  });

  it('answers consent_required for scopes the app was not granted', async () => {
    const oauth = (await import('../../../src-main/sandbox/oauth/index')).oauthStateOf(org.state);
    const client = oauth.clients.get(SEED_SERVICE_CLIENT_ID);
    if (client === undefined) throw new Error('seed service app missing');
    const granted = client.grantedScopes;
    client.grantedScopes = ['okta.apps.read'];
    try {
      const res = await token(credentials('okta.groups.manage'), {
        dpop: dpopProof(key, 'POST', tokenUrl(), { nonce: oauth.dpopNonces.current() }),
      });
      expect(res).toMatchObject({
        status: 400,
        body: { error: 'consent_required', error_description: 'You are not allowed any of the requested scopes.' },
      });
    } finally {
      client.grantedScopes = granted;
    }
  });

  it('rejects an assertion signed by an unregistered key or living longer than an hour', async () => {
    const stranger = newRsaKey('wizard-key-1');
    const bad = await token({
      ...credentials('okta.apps.read'),
      client_assertion: clientAssertion(stranger, SEED_SERVICE_CLIENT_ID, tokenUrl()),
    });
    expect(bad).toMatchObject({
      status: 401,
      body: { error: 'invalid_client', error_description: 'The client_assertion signature is invalid.' },
    });
    const long = await token({
      ...credentials('okta.apps.read'),
      client_assertion: clientAssertion(key, SEED_SERVICE_CLIENT_ID, tokenUrl(), 7200),
    });
    expect(long).toMatchObject({
      status: 401,
      body: {
        error: 'invalid_client',
        error_description: 'The client_assertion token has an expiration too far into the future.',
      },
    });
  });
});
