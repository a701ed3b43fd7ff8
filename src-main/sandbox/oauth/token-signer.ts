import { generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import { decodeJwt, signJwt, verifyJwtSignature } from './jws';

/** The org authorization server's RS256 key: signs access and ID tokens, published at /oauth2/v1/keys. */
export class TokenSigner {
  readonly kid: string;
  private readonly privateKey: KeyObject;
  private readonly publicKey: KeyObject;

  constructor() {
    const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
    this.privateKey = pair.privateKey;
    this.publicKey = pair.publicKey;
    this.kid = randomBytes(16).toString('base64url');
  }

  async sign(payload: Record<string, unknown>): Promise<string> {
    return signJwt({ alg: 'RS256', kid: this.kid }, payload, this.privateKey);
  }

  /** The payload of a token this signer issued, or undefined when the signature or shape is wrong. */
  async verify(token: string): Promise<Record<string, unknown> | undefined> {
    const jwt = decodeJwt(token);
    if (jwt === undefined || jwt.header.alg !== 'RS256' || jwt.header.kid !== this.kid) return undefined;
    return (await verifyJwtSignature(jwt, 'RS256', this.publicKey)) ? jwt.payload : undefined;
  }

  jwks(): { keys: Array<Record<string, unknown>> } {
    const jwk = this.publicKey.export({ format: 'jwk' });
    return { keys: [{ kty: 'RSA', alg: 'RS256', kid: this.kid, use: 'sig', e: jwk.e, n: jwk.n }] };
  }
}
