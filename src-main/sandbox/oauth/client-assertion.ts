import { decodeJwt, importPublicJwk, isSupportedAlg, verifyJwtSignature } from './jws';
import { invalidClient, type OAuthError } from './oauth-error';

export const JWT_BEARER_ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
const MAX_LIFETIME_S = 3600;

export interface AssertionCheckInput {
  assertion: string;
  /** The client the assertion must name in `iss` and `sub`; when absent, taken from `iss`. */
  clientId?: string;
  /** Public JWKs registered for that client. */
  lookupKeys(clientId: string): readonly unknown[] | undefined;
  tokenUrl: string;
  nowS: number;
  /** Returns false when the jti was already used (replay). */
  rememberJti(clientId: string, jti: string, expS: number): boolean;
}

export type AssertionCheck = { ok: true; clientId: string } | { ok: false; error: OAuthError };

/** private_key_jwt as the org authorization server checks it (§6): RS/ES signature, iss=sub=client_id, aud=token URL, exp ≤ 1 h. */
export async function checkClientAssertion(input: AssertionCheckInput): Promise<AssertionCheck> {
  const fail = (description: string): AssertionCheck => ({ ok: false, error: invalidClient(description) });
  const jwt = decodeJwt(input.assertion);
  if (jwt === undefined) return fail('The client_assertion is not a valid JWT.');
  const { iss, sub, aud, exp, jti } = jwt.payload;
  const clientId = input.clientId ?? (typeof iss === 'string' ? iss : undefined);
  if (clientId === undefined) return fail("The client_assertion token must contain an 'iss' claim.");
  const keys = input.lookupKeys(clientId);
  if (keys === undefined) return fail("Invalid value for 'client_id' parameter.");
  if (iss !== clientId || sub !== clientId)
    return fail("The 'iss' and 'sub' claims in the client_assertion must both equal the client_id.");
  const audiences = Array.isArray(aud) ? aud : [aud];
  if (!audiences.includes(input.tokenUrl))
    return fail(`The audience [aud] claim in the client_assertion is invalid: it must be '${input.tokenUrl}'.`);
  if (typeof exp !== 'number') return fail("The client_assertion token must contain an 'exp' claim.");
  if (exp <= input.nowS) return fail('The client_assertion token is expired.');
  if (exp > input.nowS + MAX_LIFETIME_S)
    return fail('The client_assertion token has an expiration too far into the future.');
  const alg = jwt.header.alg;
  if (!isSupportedAlg(alg)) return fail(`The client_assertion signature algorithm '${String(alg)}' is not supported.`);
  const kid = jwt.header.kid;
  const byKid = keys.filter((key) => typeof key === 'object' && key !== null && (key as { kid?: unknown }).kid === kid);
  // A key registered without a kid still verifies an assertion that names one, as Okta's single-key apps do.
  const candidates = kid === undefined || byKid.length === 0 ? keys : byKid;
  let verified = false;
  for (const jwk of candidates) {
    const key = importPublicJwk(jwk);
    if (key !== undefined && (await verifyJwtSignature(jwt, alg, key))) {
      verified = true;
      break;
    }
  }
  if (!verified) return fail('The client_assertion signature is invalid.');
  if (typeof jti === 'string' && !input.rememberJti(clientId, jti, exp))
    return fail("The client_assertion token's 'jti' claim has already been used.");
  return { ok: true, clientId };
}
