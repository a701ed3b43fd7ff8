import { createHash, createPrivateKey, randomUUID, type KeyObject } from 'node:crypto';
import { SignJWT, type JWTHeaderParameters, type JWTPayload } from 'jose';

/** A compact JWS signed by jose: RS256 for RSA keys, ES256 for P-256 keys (assertions and DPoP proofs). */
export async function signJwt(
  header: Omit<JWTHeaderParameters, 'alg'>,
  payload: JWTPayload,
  key: KeyObject,
): Promise<string> {
  const alg = key.asymmetricKeyType === 'ec' ? 'ES256' : 'RS256';
  return new SignJWT(payload).setProtectedHeader({ ...header, alg }).sign(key);
}

/** RFC 7523 client assertion for private_key_jwt at the org token endpoint (§6: iss = sub = client id). */
export async function clientAssertion(
  orgUrl: string,
  clientId: string,
  keyId: string,
  privateKeyPem: string,
  nowS = Math.floor(Date.now() / 1000),
): Promise<string> {
  const key = createPrivateKey(privateKeyPem);
  return signJwt(
    { typ: 'JWT', kid: keyId },
    { iss: clientId, sub: clientId, aud: `${orgUrl}/oauth2/v1/token`, iat: nowS, exp: nowS + 300, jti: randomUUID() },
    key,
  );
}

/** The DPoP `ath` claim (RFC 9449 §4.2): base64url SHA-256 of the access token; jose has no helper for it. */
export function sha256Base64url(text: string): string {
  return createHash('sha256').update(text).digest('base64url');
}
