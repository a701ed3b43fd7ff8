import type { OrgState } from '../state';
import type { SandboxResponse } from '../router';
import type { OAuthState } from './oauth-state';

/** GET /oauth2/v1/userinfo: the signed-in user's claims for an unexpired Bearer token with `openid`. */
export async function handleUserinfo(
  oauth: OAuthState,
  org: OrgState,
  authorization: string | undefined,
  issuer: string,
): Promise<SandboxResponse> {
  const challenge = (error: string, description: string, status: number): SandboxResponse => ({
    status,
    headers: {
      'www-authenticate': `Bearer authorization_uri="${issuer}/oauth2/v1/authorize", realm="${issuer}", error="${error}", error_description="${description}"`,
    },
  });
  const token = authorization?.startsWith('Bearer ') === true ? authorization.slice(7).trim() : undefined;
  const grant = token === undefined ? undefined : org.accessTokens.get(token);
  if (
    token === undefined ||
    grant === undefined ||
    (await oauth.signer.verify(token)) === undefined ||
    grant.expiresAt <= oauth.nowMs()
  ) {
    return challenge('invalid_token', 'The access token is invalid.', 401);
  }
  if (!grant.scopes.includes('openid'))
    return challenge(
      'insufficient_scope',
      'The access token must provide access to at least one of these scopes - openid.',
      403,
    );
  const user = org.users.get(grant.userId);
  if (user === undefined) return challenge('invalid_token', 'The access token is invalid.', 401);
  const { login, email, firstName, lastName } = user.profile;
  return {
    status: 200,
    json: {
      sub: user.id,
      ...(grant.scopes.includes('profile')
        ? { name: `${firstName} ${lastName}`, given_name: firstName, family_name: lastName, preferred_username: login }
        : {}),
      ...(grant.scopes.includes('email') ? { email, email_verified: true } : {}),
    },
  };
}
