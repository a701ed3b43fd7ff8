import { randomBytes } from 'node:crypto';
import { authenticateClient } from './client-auth';
import { OIDC_SCOPES, type OAuthClientRecord } from './clients';
import { checkDpopProof } from './dpop';
import { OAuthError, invalidGrant, invalidRequest } from './oauth-error';
import { ACCESS_TOKEN_TTL_S, REFRESH_TOKEN_TTL_MS, newOpaqueToken, type OAuthState } from './oauth-state';
import { verifyPkce } from './pkce';

/** What the org authorization server needs to know about a user to put them in a token. */
export interface OAuthUser {
  id: string;
  login: string;
  email: string;
  firstName: string;
  lastName: string;
  active: boolean;
}

export interface TokenRequest {
  issuer: string;
  form: URLSearchParams;
  /** The `DPoP` request header, if any. */
  dpop: string | undefined;
  findUser(id: string): OAuthUser | undefined;
  /** Called for each minted access token so the API accepts it (`state.accessTokens`). */
  onAccessToken(token: string, grant: IssuedAccessToken): void;
}

export interface IssuedAccessToken {
  /** The user, or for client_credentials the service app's client id (which carries its admin roles). */
  userId: string;
  clientId: string;
  scopes: string[];
  expiresAt: number;
  tokenType: 'Bearer' | 'DPoP';
}

export interface TokenResponse {
  token_type: 'Bearer' | 'DPoP';
  expires_in: number;
  access_token: string;
  scope: string;
  refresh_token?: string;
  id_token?: string;
}

interface Grant {
  client: OAuthClientRecord;
  user: OAuthUser | undefined;
  scopes: string[];
  nonce?: string | undefined;
  refreshToken?: string;
}

/** POST /oauth2/v1/token: authorization_code (PKCE), refresh_token and client_credentials (private_key_jwt). */
export async function handleTokenRequest(state: OAuthState, req: TokenRequest): Promise<TokenResponse> {
  const tokenUrl = `${req.issuer}/oauth2/v1/token`;
  const grantType = req.form.get('grant_type');
  if (grantType === null) throw invalidRequest("The 'grant_type' parameter is required.");
  const client = await authenticateClient(state, req.form, tokenUrl);
  if (!(client.grantTypes as string[]).includes(grantType)) {
    throw new OAuthError(
      400,
      'unauthorized_client',
      `The client is not authorized to use the provided grant type. Configured grant types: [${client.grantTypes.join(', ')}].`,
    );
  }
  const jkt = client.dpopBoundAccessTokens
    ? (
        await checkDpopProof({
          proof: req.dpop,
          method: 'POST',
          url: tokenUrl,
          nowS: state.nowS(),
          nonce: state.dpopNonces,
          rememberJti: (jti, exp) => state.dpopJtis.remember(jti, exp),
        })
      ).jkt
    : undefined;
  const grant =
    grantType === 'authorization_code'
      ? codeGrant(state, req, client)
      : grantType === 'refresh_token'
        ? refreshGrant(state, req, client)
        : clientCredentialsGrant(req, client);
  return issueTokens(state, req, grant, jkt);
}

function codeGrant(state: OAuthState, req: TokenRequest, client: OAuthClientRecord): Grant {
  const code = req.form.get('code') ?? '';
  const stored = state.codes.get(code);
  // Single use: a code is spent by the first attempt, successful or not, as Okta does.
  state.codes.delete(code);
  if (stored === undefined || stored.expiresAtMs <= state.nowMs() || stored.clientId !== client.clientId) {
    throw invalidGrant('The authorization code is invalid or has expired.');
  }
  if (req.form.get('redirect_uri') !== stored.redirectUri) {
    throw invalidGrant("The 'redirect_uri' does not match the redirection URI used in the authorization request.");
  }
  const verifier = req.form.get('code_verifier');
  if (verifier === null) throw invalidGrant('PKCE verification failed: the code_verifier parameter is missing.');
  if (!verifyPkce(verifier, stored.codeChallenge)) throw invalidGrant('PKCE verification failed.');
  const user = activeUser(req, stored.userId);
  return { client, user, scopes: stored.scopes, nonce: stored.nonce };
}

function refreshGrant(state: OAuthState, req: TokenRequest, client: OAuthClientRecord): Grant {
  const refreshToken = req.form.get('refresh_token') ?? '';
  const stored = state.refreshTokens.get(refreshToken);
  if (stored === undefined || stored.expiresAtMs <= state.nowMs() || stored.clientId !== client.clientId) {
    throw invalidGrant('The refresh token is invalid or expired.');
  }
  const requested = splitScopes(req.form.get('scope'));
  const scopes = requested.length === 0 ? stored.scopes : requested;
  const extra = scopes.filter((s) => !stored.scopes.includes(s));
  if (extra.length > 0)
    throw new OAuthError(
      400,
      'invalid_scope',
      `The requested scopes were not granted with the refresh token: ${extra.join(' ')}.`,
    );
  return { client, user: activeUser(req, stored.userId), scopes, refreshToken };
}

function clientCredentialsGrant(req: TokenRequest, client: OAuthClientRecord): Grant {
  const requested = splitScopes(req.form.get('scope'));
  if (requested.length === 0) {
    throw new OAuthError(
      400,
      'invalid_scope',
      "The authorization server resource does not have any configured default scopes, 'scope' must be provided.",
    );
  }
  const unknown = requested.filter((s) => !s.startsWith('okta.'));
  if (unknown.length > 0)
    throw new OAuthError(
      400,
      'invalid_scope',
      `The following scopes are not allowed for the client_credentials grant: ${unknown.join(' ')}.`,
    );
  const scopes = allowedScopes(client, requested);
  return { client, user: undefined, scopes };
}

/** The scopes a client may have: OIDC scopes plus its granted okta.* scopes; none allowed → consent_required. */
export function allowedScopes(client: OAuthClientRecord, requested: string[]): string[] {
  const oidc: readonly string[] = OIDC_SCOPES;
  const unknown = requested.filter((s) => !oidc.includes(s) && !s.startsWith('okta.'));
  if (unknown.length > 0)
    throw new OAuthError(
      400,
      'invalid_scope',
      'One or more scopes are not configured for the authorization server resource.',
    );
  const allowed = requested.filter((s) => oidc.includes(s) || client.grantedScopes.includes(s));
  const oktaRequested = requested.some((s) => s.startsWith('okta.'));
  if (oktaRequested && !allowed.some((s) => s.startsWith('okta.'))) {
    throw new OAuthError(400, 'consent_required', 'You are not allowed any of the requested scopes.');
  }
  return allowed;
}

export function splitScopes(value: string | null): string[] {
  return (value ?? '').split(/\s+/).filter((s) => s.length > 0);
}

function activeUser(req: TokenRequest, userId: string): OAuthUser {
  const user = req.findUser(userId);
  if (user === undefined || !user.active) throw invalidGrant('The user is not active or no longer exists.');
  return user;
}

async function issueTokens(
  state: OAuthState,
  req: TokenRequest,
  grant: Grant,
  jkt: string | undefined,
): Promise<TokenResponse> {
  const issuer = req.issuer;
  const iat = state.nowS();
  const exp = iat + ACCESS_TOKEN_TTL_S;
  const accessToken = await state.signer.sign({
    ver: 1,
    jti: `AT.${randomBytes(24).toString('base64url')}`,
    iss: issuer,
    aud: issuer,
    iat,
    exp,
    cid: grant.client.clientId,
    ...(grant.user === undefined ? { sub: grant.client.clientId } : { uid: grant.user.id, sub: grant.user.login }),
    scp: grant.scopes,
    ...(jkt === undefined ? {} : { cnf: { jkt } }),
  });
  const tokenType = jkt === undefined ? 'Bearer' : 'DPoP';
  req.onAccessToken(accessToken, {
    userId: grant.user?.id ?? grant.client.clientId,
    clientId: grant.client.clientId,
    scopes: grant.scopes,
    expiresAt: exp * 1000,
    tokenType,
  });
  const response: TokenResponse = {
    token_type: tokenType,
    expires_in: ACCESS_TOKEN_TTL_S,
    access_token: accessToken,
    scope: grant.scopes.join(' '),
  };
  if (
    grant.user !== undefined &&
    grant.scopes.includes('offline_access') &&
    grant.client.grantTypes.includes('refresh_token')
  ) {
    const refreshToken = grant.refreshToken ?? newOpaqueToken();
    state.refreshTokens.set(refreshToken, {
      clientId: grant.client.clientId,
      userId: grant.user.id,
      scopes: state.refreshTokens.get(refreshToken)?.scopes ?? grant.scopes,
      expiresAtMs: state.nowMs() + REFRESH_TOKEN_TTL_MS,
    });
    response.refresh_token = refreshToken;
  }
  if (grant.user !== undefined && grant.scopes.includes('openid')) {
    response.id_token = await idToken(state, issuer, grant, grant.user, iat, exp);
  }
  return response;
}

async function idToken(
  state: OAuthState,
  issuer: string,
  grant: Grant,
  user: OAuthUser,
  iat: number,
  exp: number,
): Promise<string> {
  return state.signer.sign({
    ver: 1,
    jti: `ID.${randomBytes(24).toString('base64url')}`,
    sub: user.id,
    iss: issuer,
    aud: grant.client.clientId,
    iat,
    exp,
    auth_time: iat,
    amr: ['pwd'],
    ...(grant.nonce === undefined ? {} : { nonce: grant.nonce }),
    ...(grant.scopes.includes('profile')
      ? { name: `${user.firstName} ${user.lastName}`, preferred_username: user.login }
      : {}),
    ...(grant.scopes.includes('email') ? { email: user.email, email_verified: true } : {}),
  });
}
