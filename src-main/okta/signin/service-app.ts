import { generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';
import type { Authorizer } from '../request-policy';
import { clientAssertion, sha256Base64url, signJwt } from './jwt';
import { postTokenForm, tokenFailure, type TokenOutcome } from './token-endpoint';

export const SERVICE_KEY_SECRET = 'service-app-private-key';

export interface ServiceAppOptions {
  orgUrl: string;
  oauthClientId: string;
  keyId: string;
  privateKeyPem: string;
  scopes: string[];
  now?: () => number;
}

interface ServiceToken {
  value: string;
  type: 'Bearer' | 'DPoP';
  expiresAt: number;
  scopes: string[];
}

const REFRESH_MARGIN_MS = 60_000;

/**
 * An API service app signing in with client credentials + private_key_jwt. Okta turns DPoP on by
 * default for service apps made since 2024, so a refusal that asks for a DPoP proof switches us to
 * DPoP, and `use_dpop_nonce` is answered with the nonce Okta sent (§6). API calls then carry
 * `Authorization: DPoP <token>` and a fresh proof bound to the token (`ath`).
 */
export class ServiceAppSession implements Authorizer {
  private token: ServiceToken | undefined;
  private pending: Promise<ServiceToken> | undefined;
  private dpopKey: { privateKey: KeyObject; jwk: Record<string, unknown> } | undefined;
  private nonce: string | undefined;
  private readonly now: () => number;

  constructor(private readonly options: ServiceAppOptions) {
    this.now = options.now ?? Date.now;
  }

  get scopes(): string[] | undefined {
    return this.token?.scopes;
  }

  get usesDpop(): boolean {
    return this.dpopKey !== undefined;
  }

  invalidate(): void {
    this.token = undefined;
  }

  async headersFor(method: string, url: string): Promise<Record<string, string>> {
    const token = await this.accessToken();
    if (token.type === 'Bearer') return { Authorization: `Bearer ${token.value}` };
    return {
      Authorization: `DPoP ${token.value}`,
      DPoP: await this.proof(method, url, { ath: sha256Base64url(token.value) }),
    };
  }

  async accessToken(): Promise<ServiceToken> {
    if (this.token && this.token.expiresAt - REFRESH_MARGIN_MS > this.now()) return this.token;
    this.pending ??= this.requestToken().finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  private async proof(method: string, url: string, extra: Record<string, string>): Promise<string> {
    const key = (this.dpopKey ??= ServiceAppSession.newDpopKey());
    const target = new URL(url);
    return signJwt(
      { typ: 'dpop+jwt', jwk: key.jwk },
      {
        htm: method.toUpperCase(),
        htu: `${target.origin}${target.pathname}`,
        iat: Math.floor(this.now() / 1000),
        jti: randomUUID(),
        ...extra,
      },
      key.privateKey,
    );
  }

  private static newDpopKey(): { privateKey: KeyObject; jwk: Record<string, unknown> } {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const { kty, crv, x, y } = publicKey.export({ format: 'jwk' });
    return { privateKey, jwk: { kty, crv, x, y } };
  }

  private async requestToken(): Promise<ServiceToken> {
    const { orgUrl, oauthClientId, keyId, privateKeyPem, scopes } = this.options;
    const tokenUrl = `${orgUrl}/oauth2/v1/token`;
    let outcome: TokenOutcome | undefined;
    // At most: plain, then DPoP without nonce, then DPoP with the nonce Okta asked for.
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const form = {
        grant_type: 'client_credentials',
        scope: scopes.join(' '),
        client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
        client_assertion: await clientAssertion(
          orgUrl,
          oauthClientId,
          keyId,
          privateKeyPem,
          Math.floor(this.now() / 1000),
        ),
      };
      const headers: Record<string, string> = this.dpopKey
        ? { DPoP: await this.proof('POST', tokenUrl, this.nonce ? { nonce: this.nonce } : {}) }
        : {};
      outcome = await postTokenForm(orgUrl, form, headers);
      if (outcome.ok) break;
      if (outcome.error === 'use_dpop_nonce' && outcome.dpopNonce) {
        this.nonce = outcome.dpopNonce;
        this.dpopKey ??= ServiceAppSession.newDpopKey();
        continue;
      }
      if (outcome.error === 'invalid_dpop_proof' && !this.dpopKey) {
        this.dpopKey = ServiceAppSession.newDpopKey();
        continue;
      }
      break;
    }
    if (!outcome?.ok)
      throw tokenFailure(
        outcome ?? { ok: false, status: 0, error: 'no_answer', description: 'no answer', dpopNonce: undefined },
        `the service app ${oauthClientId}`,
      );
    const { token } = outcome;
    this.token = {
      value: token.access_token,
      type: token.token_type.toLowerCase() === 'dpop' ? 'DPoP' : 'Bearer',
      expiresAt: this.now() + token.expires_in * 1000,
      scopes: token.scope ? token.scope.split(' ').filter((s) => s !== '') : scopes,
    };
    return this.token;
  }
}
