import type { OrgState } from '../state';
import { authenticateClient } from './client-auth';
import { invalidRequest } from './oauth-error';
import type { OAuthState } from './oauth-state';

/** POST /oauth2/v1/revoke (RFC 7009): forgets an access or refresh token; unknown tokens are not an error. */
export async function handleRevoke(
  oauth: OAuthState,
  org: OrgState,
  form: URLSearchParams,
  issuer: string,
): Promise<void> {
  const client = await authenticateClient(oauth, form, `${issuer}/oauth2/v1/revoke`);
  const token = form.get('token');
  if (token === null || token === '') throw invalidRequest("The 'token' parameter is required.");
  const refresh = oauth.refreshTokens.get(token);
  if (refresh?.clientId === client.clientId) oauth.refreshTokens.delete(token);
  if (org.accessTokens.get(token)?.clientId === client.clientId) org.accessTokens.delete(token);
}

/** POST /oauth2/v1/introspect (RFC 7662), answered with the claims Okta returns. */
export async function handleIntrospect(
  oauth: OAuthState,
  org: OrgState,
  form: URLSearchParams,
  issuer: string,
): Promise<Record<string, unknown>> {
  const client = await authenticateClient(oauth, form, `${issuer}/oauth2/v1/introspect`);
  const token = form.get('token');
  if (token === null || token === '') throw invalidRequest("The 'token' parameter is required.");
  const access = org.accessTokens.get(token);
  const claims = await oauth.signer.verify(token);
  if (
    access !== undefined &&
    claims !== undefined &&
    access.clientId === client.clientId &&
    access.expiresAt > oauth.nowMs()
  ) {
    return {
      active: true,
      scope: access.scopes.join(' '),
      ...(typeof claims.sub === 'string' && claims.uid !== undefined ? { username: claims.sub } : {}),
      exp: claims.exp,
      iat: claims.iat,
      sub: claims.sub,
      aud: claims.aud,
      iss: claims.iss,
      jti: claims.jti,
      token_type: access.tokenType,
      client_id: access.clientId,
      ...(claims.uid === undefined ? {} : { uid: claims.uid }),
    };
  }
  const refresh = oauth.refreshTokens.get(token);
  if (refresh !== undefined && refresh.clientId === client.clientId && refresh.expiresAtMs > oauth.nowMs()) {
    return {
      active: true,
      scope: refresh.scopes.join(' '),
      exp: Math.floor(refresh.expiresAtMs / 1000),
      sub: org.users.get(refresh.userId)?.profile.login,
      client_id: refresh.clientId,
      uid: refresh.userId,
      token_type: 'refresh_token',
    };
  }
  return { active: false };
}
