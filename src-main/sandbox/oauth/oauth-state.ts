import { randomBytes } from 'node:crypto';
import { seedOAuthClients, type OAuthClientRecord } from './clients';
import { DpopNonces, JtiCache } from './dpop';
import { TokenSigner } from './token-signer';

export const AUTH_CODE_TTL_MS = 300_000;
export const ACCESS_TOKEN_TTL_S = 3600;
/** The org authorization server keeps refresh tokens 90 days (§6). */
export const REFRESH_TOKEN_TTL_MS = 90 * 86_400_000;

export interface AuthorizationCode {
  clientId: string;
  userId: string;
  redirectUri: string;
  codeChallenge: string;
  scopes: string[];
  nonce: string | undefined;
  expiresAtMs: number;
}

export interface RefreshGrant {
  clientId: string;
  userId: string;
  scopes: string[];
  expiresAtMs: number;
}

/** Everything the org authorization server remembers; one per sandbox org. */
export class OAuthState {
  readonly clients = new Map<string, OAuthClientRecord>();
  readonly codes = new Map<string, AuthorizationCode>();
  readonly refreshTokens = new Map<string, RefreshGrant>();
  readonly signer = new TokenSigner();
  readonly dpopNonces: DpopNonces;
  readonly dpopJtis: JtiCache;
  readonly assertionJtis: JtiCache;

  constructor(readonly nowMs: () => number = Date.now) {
    for (const client of seedOAuthClients()) this.clients.set(client.clientId, client);
    this.dpopNonces = new DpopNonces(nowMs);
    const nowS = (): number => Math.floor(nowMs() / 1000);
    this.dpopJtis = new JtiCache(nowS);
    this.assertionJtis = new JtiCache(nowS);
  }

  nowS(): number {
    return Math.floor(this.nowMs() / 1000);
  }

  /** Registers (or replaces) the public JWK a service app signs its client assertions with. */
  registerClientJwk(clientId: string, jwk: unknown): void {
    const client = this.clients.get(clientId);
    if (client === undefined) throw new Error(`No OAuth client ${clientId} in the sandbox org.`);
    const kid = typeof jwk === 'object' && jwk !== null ? (jwk as { kid?: unknown }).kid : undefined;
    client.jwks = [...client.jwks.filter((k) => kid === undefined || (k as { kid?: unknown }).kid !== kid), jwk];
  }

  upsertClient(client: OAuthClientRecord): void {
    this.clients.set(client.clientId, client);
  }
}

export function newOpaqueToken(): string {
  return randomBytes(32).toString('base64url');
}
