import { createHash, generateKeyPairSync, randomUUID, sign, type KeyObject } from 'node:crypto';

/** A client-side key pair as the wizard generates it for the API service app (independent of the sandbox's code). */
export interface ClientKey {
  privateKey: KeyObject;
  publicJwk: Record<string, unknown>;
}

export function newRsaKey(kid: string): ClientKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { privateKey, publicJwk: { ...publicKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' } };
}

function b64(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

export function jwt(header: Record<string, unknown>, payload: Record<string, unknown>, key: KeyObject): string {
  const input = `${b64(header)}.${b64(payload)}`;
  return `${input}.${sign('sha256', Buffer.from(input), key).toString('base64url')}`;
}

export function clientAssertion(key: ClientKey, clientId: string, aud: string, lifetimeS = 300): string {
  const now = Math.floor(Date.now() / 1000);
  return jwt(
    { alg: 'RS256', kid: key.publicJwk.kid },
    { iss: clientId, sub: clientId, aud, iat: now, exp: now + lifetimeS, jti: randomUUID() },
    key.privateKey,
  );
}

export function dpopProof(
  key: ClientKey,
  htm: string,
  htu: string,
  extra: { nonce?: string; accessToken?: string } = {},
): string {
  const { kid: _kid, alg: _alg, use: _use, ...jwk } = key.publicJwk;
  const payload: Record<string, unknown> = { htm, htu, iat: Math.floor(Date.now() / 1000), jti: randomUUID() };
  if (extra.nonce !== undefined) payload.nonce = extra.nonce;
  if (extra.accessToken !== undefined) payload.ath = createHash('sha256').update(extra.accessToken).digest('base64url');
  return jwt({ typ: 'dpop+jwt', alg: 'RS256', jwk }, payload, key.privateKey);
}

export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomUUID().replace(/-/g, '') + randomUUID().replace(/-/g, '');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

export function decodePayload(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
}
