import { createHash, createPublicKey, type JsonWebKey, type KeyObject } from 'node:crypto';
import {
  calculateJwkThumbprint,
  compactVerify,
  decodeJwt as decodePayload,
  decodeProtectedHeader,
  SignJWT,
  type JWTPayload,
} from 'jose';

/** The JWS algorithms Okta lists for private_key_jwt and DPoP proofs (§5 `algs=`). */
export const SUPPORTED_ALGS = ['RS256', 'RS384', 'RS512', 'ES256', 'ES384', 'ES512'] as const;
export type JwsAlg = (typeof SUPPORTED_ALGS)[number];

/** A compact JWS read without verifying it (jose's decoders), to pick the key and claims to check. */
export interface DecodedJwt {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
  token: string;
}

export function isSupportedAlg(value: unknown): value is JwsAlg {
  return typeof value === 'string' && (SUPPORTED_ALGS as readonly string[]).includes(value);
}

/** Undefined when it is not a compact JWS (three parts) with a JSON header and claims set. */
export function decodeJwt(token: string): DecodedJwt | undefined {
  if (token.split('.').length !== 3) return undefined;
  try {
    return { header: { ...decodeProtectedHeader(token) }, payload: { ...decodePayload(token) }, token };
  } catch {
    return undefined;
  }
}

export async function signJwt(
  header: Record<string, unknown> & { alg: JwsAlg },
  payload: JWTPayload,
  key: KeyObject,
): Promise<string> {
  return new SignJWT(payload).setProtectedHeader(header).sign(key);
}

/** jose checks the signature with only `alg` allowed; a key of the wrong type fails, as it must. */
export async function verifyJwtSignature(jwt: DecodedJwt, alg: JwsAlg, key: KeyObject): Promise<boolean> {
  try {
    await compactVerify(jwt.token, key, { algorithms: [alg] });
    return true;
  } catch {
    return false;
  }
}

/** A public key from a JWK; undefined for private, malformed or unsupported keys. */
export function importPublicJwk(jwk: unknown): KeyObject | undefined {
  if (typeof jwk !== 'object' || jwk === null) return undefined;
  const fields = jwk as Record<string, unknown>;
  if (fields.d !== undefined || (fields.kty !== 'RSA' && fields.kty !== 'EC')) return undefined;
  try {
    return createPublicKey({ key: fields as JsonWebKey, format: 'jwk' });
  } catch {
    return undefined;
  }
}

/** RFC 7638 thumbprint by jose (what `cnf.jkt` binds a DPoP token to). */
export async function jwkThumbprint(key: KeyObject): Promise<string> {
  return calculateJwkThumbprint(
    key.export({ format: 'jwk' }) as Parameters<typeof calculateJwkThumbprint>[0],
    'sha256',
  );
}

/** PKCE S256 and the DPoP `ath` claim: base64url SHA-256; jose has no helper for it. */
export function sha256Base64url(text: string): string {
  return createHash('sha256').update(text).digest('base64url');
}
