import { createHash, createPublicKey, sign, verify, type JsonWebKey, type KeyObject } from 'node:crypto';

/** The JWS algorithms Okta lists for private_key_jwt and DPoP proofs (§5 `algs=`). */
export const SUPPORTED_ALGS = ['RS256', 'RS384', 'RS512', 'ES256', 'ES384', 'ES512'] as const;
export type JwsAlg = (typeof SUPPORTED_ALGS)[number];

export interface DecodedJwt {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
  signingInput: string;
  signature: Buffer;
}

export function base64url(data: Buffer | string): string {
  return Buffer.from(data).toString('base64url');
}

export function isSupportedAlg(value: unknown): value is JwsAlg {
  return typeof value === 'string' && (SUPPORTED_ALGS as readonly string[]).includes(value);
}

/** Splits a compact JWS; undefined when it is not three base64url parts holding JSON objects. */
export function decodeJwt(token: string): DecodedJwt | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  const [h, p, s] = parts as [string, string, string];
  const header = parseObject(h);
  const payload = parseObject(p);
  if (header === undefined || payload === undefined) return undefined;
  return { header, payload, signingInput: `${h}.${p}`, signature: Buffer.from(s, 'base64url') };
}

function parseObject(part: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

function hashFor(alg: JwsAlg): string {
  return `sha${alg.slice(2)}`;
}

export function signJwt(
  header: Record<string, unknown> & { alg: JwsAlg },
  payload: Record<string, unknown>,
  key: KeyObject,
): string {
  const signingInput = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(payload))}`;
  const signature = sign(hashFor(header.alg), Buffer.from(signingInput), { key, dsaEncoding: 'ieee-p1363' });
  return `${signingInput}.${base64url(signature)}`;
}

export function verifyJwtSignature(jwt: DecodedJwt, alg: JwsAlg, key: KeyObject): boolean {
  const keyType = key.asymmetricKeyType;
  if (alg.startsWith('RS') ? keyType !== 'rsa' : keyType !== 'ec') return false;
  try {
    return verify(hashFor(alg), Buffer.from(jwt.signingInput), { key, dsaEncoding: 'ieee-p1363' }, jwt.signature);
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

/** RFC 7638 thumbprint: SHA-256 over the key's required members in lexical order. */
export function jwkThumbprint(key: KeyObject): string {
  const jwk = key.export({ format: 'jwk' });
  const members =
    jwk.kty === 'EC' ? { crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y } : { e: jwk.e, kty: jwk.kty, n: jwk.n };
  return base64url(createHash('sha256').update(JSON.stringify(members)).digest());
}

export function sha256Base64url(text: string): string {
  return base64url(createHash('sha256').update(text).digest());
}
