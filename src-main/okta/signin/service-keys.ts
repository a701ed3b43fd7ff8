import { createHash, createPublicKey } from 'node:crypto';
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

/** RFC 7638 thumbprint: a kid that follows from the key itself, so re-showing it never drifts. */
function thumbprint(e: string, n: string): string {
  return createHash('sha256')
    .update(JSON.stringify({ e, kty: 'RSA', n }))
    .digest('base64url');
}

export function publicJwkOf(privateKeyPem: string): PublicJwk {
  const jwk = createPublicKey(privateKeyPem).export({ format: 'jwk' });
  if (typeof jwk.e !== 'string' || typeof jwk.n !== 'string') throw new Error('not an RSA key');
  return { kty: 'RSA', e: jwk.e, n: jwk.n, kid: thumbprint(jwk.e, jwk.n), use: 'sig', alg: 'RS256' };
}

/** An RSA 2048 key pair for private_key_jwt; the private key goes to the SecretStore only. */
export async function generateServiceKeyPair(): Promise<ServiceKeyPair> {
  const keys = await new Promise<forge.pki.rsa.KeyPair>((resolve, reject) => {
    // With a callback forge uses Node's native generator when it can, in well under a second.
    forge.pki.rsa.generateKeyPair({ bits: 2048, e: 0x10001 }, (error, pair) => (error ? reject(error) : resolve(pair)));
  });
  const privateKeyPem = forge.pki.privateKeyToPem(keys.privateKey);
  return { privateKeyPem, publicJwk: publicJwkOf(privateKeyPem) };
}
