import { createHash, createPrivateKey, randomUUID, sign, type KeyObject } from 'node:crypto';

const b64url = (input: Buffer | string): string => Buffer.from(input).toString('base64url');

/** A compact JWS (RS256 for RSA keys, ES256 for P-256 keys), all we need for assertions and DPoP proofs. */
export function signJwt(header: Record<string, unknown>, payload: Record<string, unknown>, key: KeyObject): string {
  const alg = key.asymmetricKeyType === 'ec' ? 'ES256' : 'RS256';
  const input = `${b64url(JSON.stringify({ ...header, alg }))}.${b64url(JSON.stringify(payload))}`;
  const signature = sign('sha256', Buffer.from(input), { key, dsaEncoding: 'ieee-p1363' });
  return `${input}.${b64url(signature)}`;
}

/** RFC 7523 client assertion for private_key_jwt at the org token endpoint (§6: iss = sub = client id). */
export function clientAssertion(
  orgUrl: string,
  clientId: string,
  keyId: string,
  privateKeyPem: string,
  nowS = Math.floor(Date.now() / 1000),
): string {
  const key = createPrivateKey(privateKeyPem);
  return signJwt(
    { typ: 'JWT', kid: keyId },
    { iss: clientId, sub: clientId, aud: `${orgUrl}/oauth2/v1/token`, iat: nowS, exp: nowS + 300, jti: randomUUID() },
    key,
  );
}

export function sha256Base64url(text: string): string {
  return createHash('sha256').update(text).digest('base64url');
}
