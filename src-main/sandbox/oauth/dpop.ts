import { randomBytes, type KeyObject } from 'node:crypto';
import { decodeJwt, importPublicJwk, isSupportedAlg, jwkThumbprint, sha256Base64url, verifyJwtSignature } from './jws';
import { OAuthError, invalidDpopProof } from './oauth-error';

const PROOF_MAX_AGE_S = 300;
const PROOF_MAX_SKEW_S = 60;
const NONCE_ROTATE_MS = 24 * 3_600_000;
const NONCE_VALID_MS = 3 * 24 * 3_600_000;

export interface DpopCheckInput {
  proof: string | undefined;
  method: string;
  /** The request URL; query and fragment are ignored as RFC 9449 §4.3 says. */
  url: string;
  nowS: number;
  /** Checked only at the token endpoint: a missing or stale nonce asks the client to retry. */
  nonce?: { isValid(value: unknown): boolean; current(): string };
  /** At resource servers: the access token the proof must be bound to through `ath`. */
  accessToken?: string;
  /** Returns false when the jti was already used (replay). */
  rememberJti(jti: string, expS: number): boolean;
}

/** The RFC 7638 thumbprint of the proof's key (what `cnf.jkt` binds a token to). */
export interface DpopProofResult {
  jkt: string;
  key: KeyObject;
}

/** Checks a DPoP proof JWT (RFC 9449 §4.3) with Okta's error words; throws OAuthError. */
export async function checkDpopProof(input: DpopCheckInput): Promise<DpopProofResult> {
  if (input.proof === undefined || input.proof === '') throw invalidDpopProof('The DPoP proof JWT header is missing.');
  const jwt = decodeJwt(input.proof);
  if (jwt === undefined) throw invalidDpopProof('The DPoP proof JWT is malformed.');
  const { typ, alg, jwk } = jwt.header;
  if (typ !== 'dpop+jwt') throw invalidDpopProof("The DPoP proof JWT 'typ' header must be 'dpop+jwt'.");
  if (!isSupportedAlg(alg))
    throw invalidDpopProof(`The DPoP proof JWT 'alg' header '${String(alg)}' is not supported.`);
  const key = importPublicJwk(jwk);
  if (key === undefined) throw invalidDpopProof("The DPoP proof JWT 'jwk' header must hold a public RSA or EC key.");
  if (!(await verifyJwtSignature(jwt, alg, key))) throw invalidDpopProof('The DPoP proof JWT signature is invalid.');
  const { htm, htu, iat, jti, nonce, ath } = jwt.payload;
  if (htm !== input.method.toUpperCase()) throw invalidDpopProof("'htm' claim in the DPoP proof JWT is invalid.");
  if (typeof htu !== 'string' || stripQuery(htu) !== stripQuery(input.url))
    throw invalidDpopProof("'htu' claim in the DPoP proof JWT is invalid.");
  if (typeof iat !== 'number' || iat > input.nowS + PROOF_MAX_SKEW_S || iat < input.nowS - PROOF_MAX_AGE_S) {
    throw invalidDpopProof("'iat' claim in the DPoP proof JWT is invalid.");
  }
  if (typeof jti !== 'string' || jti === '') throw invalidDpopProof("'jti' claim in the DPoP proof JWT is missing.");
  if (input.nonce !== undefined && !input.nonce.isValid(nonce)) {
    throw new OAuthError(400, 'use_dpop_nonce', 'Authorization server requires nonce in DPoP proof.', {
      'dpop-nonce': input.nonce.current(),
    });
  }
  if (input.accessToken !== undefined && ath !== sha256Base64url(input.accessToken)) {
    throw invalidDpopProof("'ath' claim in the DPoP proof JWT is invalid.");
  }
  if (!input.rememberJti(jti, iat + PROOF_MAX_AGE_S))
    throw invalidDpopProof("'jti' claim in the DPoP proof JWT has already been used.");
  return { jkt: await jwkThumbprint(key), key };
}

function stripQuery(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return url;
  }
}

/** Okta's DPoP nonce: renewed every 24 h, the previous one still accepted for 3 days (§6). */
export class DpopNonces {
  private readonly issued: Array<{ value: string; atMs: number }> = [];

  constructor(private readonly nowMs: () => number) {}

  current(): string {
    const now = this.nowMs();
    const latest = this.issued.at(-1);
    if (latest !== undefined && now - latest.atMs < NONCE_ROTATE_MS) return latest.value;
    const value = randomBytes(24).toString('base64url');
    this.issued.push({ value, atMs: now });
    return value;
  }

  isValid(value: unknown): boolean {
    const now = this.nowMs();
    return typeof value === 'string' && this.issued.some((n) => n.value === value && now - n.atMs < NONCE_VALID_MS);
  }
}

/** Remembers jtis until their expiry so a replayed proof or assertion is refused. */
export class JtiCache {
  private readonly seen = new Map<string, number>();

  constructor(private readonly nowS: () => number) {}

  remember(jti: string, expS: number): boolean {
    const now = this.nowS();
    for (const [key, exp] of this.seen) if (exp < now) this.seen.delete(key);
    if (this.seen.has(jti)) return false;
    this.seen.set(jti, expS);
    return true;
  }
}
