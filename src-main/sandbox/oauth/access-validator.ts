import type { AccessTokenCheck, AccessTokenCheckInput, AccessTokenValidator } from '../auth';
import { checkDpopProof } from './dpop';
import { OAuthError } from './oauth-error';
import type { OAuthState } from './oauth-state';

/**
 * Checks a `Bearer`/`DPoP` access token on `/api/v1/**`: our signature, not revoked or expired,
 * the scheme the token was issued for, and for a DPoP-bound token a fresh proof whose key matches
 * `cnf.jkt` and whose `ath` is the token's hash. Scopes and roles are checked by the router after.
 */
export function accessTokenValidator(oauth: OAuthState): AccessTokenValidator {
  return async (input, state) => {
    const grant = state.accessTokens.get(input.token);
    const claims = await oauth.signer.verify(input.token);
    if (grant === undefined || claims === undefined) return invalid('The access token is invalid.');
    if (grant.expiresAt <= oauth.nowMs()) return invalid('The access token is expired.');
    if (grant.tokenType === 'Bearer') {
      return input.scheme === 'Bearer'
        ? { ok: true, grant }
        : invalid('The access token is not DPoP-bound; send it with the Bearer scheme.');
    }
    if (input.scheme !== 'DPoP')
      return {
        ok: false,
        error: 'invalid_dpop_proof',
        description: 'The DPoP-bound access token must be sent with the DPoP scheme and a DPoP proof.',
      };
    return checkProof(oauth, input, claims, grant);
  };
}

async function checkProof(
  oauth: OAuthState,
  input: AccessTokenCheckInput,
  claims: Record<string, unknown>,
  grant: Extract<AccessTokenCheck, { ok: true }>['grant'],
): Promise<AccessTokenCheck> {
  const proofHeader = input.headers.dpop;
  try {
    const proof = await checkDpopProof({
      proof: Array.isArray(proofHeader) ? proofHeader[0] : proofHeader,
      method: input.method,
      url: input.url.href,
      nowS: oauth.nowS(),
      accessToken: input.token,
      rememberJti: (jti, exp) => oauth.dpopJtis.remember(jti, exp),
    });
    const cnf = claims.cnf as { jkt?: unknown } | undefined;
    if (cnf?.jkt !== proof.jkt)
      return {
        ok: false,
        error: 'invalid_dpop_proof',
        description: 'The DPoP proof JWT key does not match the key the access token is bound to.',
      };
    return { ok: true, grant };
  } catch (error) {
    if (error instanceof OAuthError) return { ok: false, error: 'invalid_dpop_proof', description: error.message };
    throw error;
  }
}

function invalid(description: string): AccessTokenCheck {
  return { ok: false, error: 'invalid_token', description };
}
