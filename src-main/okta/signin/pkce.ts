import { OktaAuth, type SimpleStorage } from '@okta/okta-auth-js';
import { AppError } from '../../errors';
import { listenForRedirect } from './loopback';
import { tokensFrom, type StoredTokens } from './oauth-session';

/**
 * okta-auth-js keeps tokens and transactions in browser storage; in Node it falls back to a
 * 'memory' storage and warns. We give it this map: tokens live in our SecretStore instead.
 */
export class MapStorage implements SimpleStorage {
  private readonly values = new Map<string, string>();
  getItem(key: string): string | null {
    return this.values.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.values.set(key, value);
  }
  removeItem(key: string): void {
    this.values.delete(key);
  }
}

export interface PkceSignInOptions {
  orgUrl: string;
  oauthClientId: string;
  scopes: string[];
  /** Opens the system browser (Electron's shell.openExternal, or a test's headless browser). */
  openExternal(url: string): Promise<void>;
  timeoutMs?: number;
}

/**
 * Admin sign-in with the authorization code flow + PKCE against the org authorization server
 * (issuer = the org URL, the only one that mints okta.* scopes), redirecting to a one-shot
 * loopback listener (RFC 8252). okta-auth-js makes the PKCE parameters and exchanges the code;
 * it has no authorize-URL builder for Node, so we build that from its parameters.
 */
export async function signInWithPkce(options: PkceSignInOptions): Promise<StoredTokens> {
  // offline_access brings a refresh token, so a long wizard run never makes the admin sign in again.
  const scopes = [...new Set([...options.scopes, 'offline_access'])];
  const storage = new MapStorage();
  const auth = new OktaAuth({
    issuer: options.orgUrl,
    clientId: options.oauthClientId,
    scopes,
    pkce: true,
    tokenManager: { storage, autoRenew: false, autoRemove: false },
    storageManager: { token: { storageProvider: storage }, transaction: { storageProvider: storage } },
  });
  let params;
  try {
    params = await auth.token.prepareTokenParams({ scopes });
  } catch (error) {
    throw new AppError(
      'OKTA_SIGNIN_SETUP',
      `Could not start the sign-in with ${options.orgUrl}: ${error instanceof Error ? error.message : String(error)}.`,
      'Check the org URL (https://<your-org>.okta.com); it must serve /.well-known/openid-configuration.',
    );
  }
  const { codeVerifier, codeChallenge, state, nonce } = params;
  if (!codeVerifier || !codeChallenge || !state) {
    throw new AppError(
      'OKTA_SIGNIN_SETUP',
      'okta-auth-js did not produce PKCE parameters.',
      'This is a bug in okta-onboard; please report it.',
    );
  }
  const listener = await listenForRedirect(state, options.timeoutMs ?? 300_000);
  try {
    const authorize = new URL(`${options.orgUrl}/oauth2/v1/authorize`);
    const query = {
      client_id: options.oauthClientId,
      response_type: 'code',
      scope: scopes.join(' '),
      redirect_uri: listener.redirectUri,
      state,
      nonce: nonce ?? '',
      code_challenge: codeChallenge,
      code_challenge_method: 'S256',
    };
    for (const [key, value] of Object.entries(query)) if (value !== '') authorize.searchParams.set(key, value);
    await options.openExternal(authorize.href);
    const { code } = await listener.result;
    const requestedAt = Date.now();
    let exchanged;
    try {
      exchanged = await auth.token.exchangeCodeForTokens({
        authorizationCode: code,
        codeVerifier,
        redirectUri: listener.redirectUri,
        clientId: options.oauthClientId,
        scopes,
      });
    } catch (error) {
      const summary = (error as { errorSummary?: unknown }).errorSummary;
      throw new AppError(
        'OKTA_SIGNIN_EXCHANGE',
        `Okta did not exchange the sign-in code for tokens: ${typeof summary === 'string' ? summary : 'unknown error'}.`,
        "Check that the wizard's OAuth app is a Native app with PKCE and the Authorization Code grant, then sign in again.",
      );
    }
    const access = exchanged.tokens.accessToken;
    if (!access)
      throw new AppError(
        'OKTA_SIGNIN_EXCHANGE',
        'Okta answered the sign-in without an access token.',
        'Sign in again.',
      );
    const refresh = exchanged.tokens.refreshToken?.refreshToken;
    return tokensFrom(
      {
        access_token: access.accessToken,
        token_type: access.tokenType,
        expires_in: Math.max(0, access.expiresAt - Math.floor(requestedAt / 1000)),
        scope: access.scopes.join(' '),
        ...(refresh ? { refresh_token: refresh } : {}),
      },
      options.oauthClientId,
      scopes,
      requestedAt,
    );
  } finally {
    listener.close();
  }
}
