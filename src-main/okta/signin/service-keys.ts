import { createPublicKey } from 'node:crypto';
import { calculateJwkThumbprint } from 'jose';
import forge from 'node-forge';

/** The public half the admin pastes into the service app (General > Client Credentials > Public keys). */
export interface PublicJwk {
  kty: 'RSA';
  e: string;
  n: string;
  kid: string;
  use: 'sig';
  alg: 'RS256';
}

export interface ServiceKeyPair {
  privateKeyPem: string;
  publicJwk: PublicJwk;
}

/** The kid is the key's RFC 7638 thumbprint (by jose): it follows from the key, so re-showing it never drifts. */
export async function publicJwkOf(privateKeyPem: string): Promise<PublicJwk> {
  const jwk = createPublicKey(privateKeyPem).export({ format: 'jwk' });
  if (typeof jwk.e !== 'string' || typeof jwk.n !== 'string') throw new Error('not an RSA key');
  const kid = await calculateJwkThumbprint({ kty: 'RSA', e: jwk.e, n: jwk.n }, 'sha256');
  return { kty: 'RSA', e: jwk.e, n: jwk.n, kid, use: 'sig', alg: 'RS256' };
}

/** An RSA 2048 key pair for private_key_jwt; the private key goes to the SecretStore only. */
export async function generateServiceKeyPair(): Promise<ServiceKeyPair> {
  const keys = await new Promise<forge.pki.rsa.KeyPair>((resolve, reject) => {
    // With a callback forge uses Node's native generator when it can, in well under a second.
    forge.pki.rsa.generateKeyPair({ bits: 2048, e: 0x10001 }, (error, pair) => (error ? reject(error) : resolve(pair)));
  });
  const privateKeyPem = forge.pki.privateKeyToPem(keys.privateKey);
  return { privateKeyPem, publicJwk: await publicJwkOf(privateKeyPem) };
}
