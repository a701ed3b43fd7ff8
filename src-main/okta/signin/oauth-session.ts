import { z } from 'zod';
import { AppError } from '../../errors';
import type { SecretStore } from '../../workspace/secrets';
import type { Authorizer } from '../request-policy';
import { postTokenForm, tokenFailure, type TokenAnswer } from './token-endpoint';

/** What the secret 'oauth-tokens' holds (JSON). */
export const storedTokensSchema = z.object({
  oauthClientId: z.string(),
  accessToken: z.string(),
  refreshToken: z.string().optional(),
  /** Epoch ms. */
  expiresAt: z.number(),
  scopes: z.array(z.string()),
});
export type StoredTokens = z.infer<typeof storedTokensSchema>;

export const OAUTH_TOKENS_SECRET = 'oauth-tokens';

/** Refresh this long before expiry so a slow step never starts with a token about to die. */
const REFRESH_MARGIN_MS = 120_000;

export function tokensFrom(
  answer: TokenAnswer,
  oauthClientId: string,
  requested: string[],
  now = Date.now(),
  previousRefresh?: string,
): StoredTokens {
  const refreshToken = answer.refresh_token ?? previousRefresh;
  return {
    oauthClientId,
    accessToken: answer.access_token,
    ...(refreshToken === undefined ? {} : { refreshToken }),
    expiresAt: now + answer.expires_in * 1000,
    scopes: answer.scope ? answer.scope.split(' ').filter((s) => s !== '') : requested,
  };
}

/**
 * An admin's OAuth sign-in (authorization code + PKCE): sends `Authorization: Bearer`, refreshes
 * before expiry with the refresh token, keeps the tokens in the SecretStore, revokes on sign-out.
 */
export class OAuthSession implements Authorizer {
  private refreshing: Promise<StoredTokens> | undefined;

  constructor(
    private readonly orgUrl: string,
    private readonly clientId: string,
    private tokens: StoredTokens,
    private readonly secrets: SecretStore,
    private readonly now: () => number = Date.now,
  ) {}

  static async load(orgUrl: string, clientId: string, secrets: SecretStore): Promise<OAuthSession> {
    const raw = await secrets.get(clientId, OAUTH_TOKENS_SECRET);
    if (raw === undefined) {
      throw new AppError(
        'OKTA_NOT_SIGNED_IN',
        'No Okta sign-in is stored for this client.',
        'Sign in to the org with your Okta admin account first.',
      );
    }
    const parsed = storedTokensSchema.safeParse(JSON.parse(raw));
    if (!parsed.success) {
      throw new AppError(
        'OKTA_SIGNIN_CORRUPT',
        'The stored Okta sign-in could not be read.',
        'Sign in to the org again.',
      );
    }
    return new OAuthSession(orgUrl, clientId, parsed.data, secrets);
  }

  get scopes(): string[] {
    return this.tokens.scopes;
  }

  async headersFor(): Promise<Record<string, string>> {
    const tokens = await this.current();
    return { Authorization: `Bearer ${tokens.accessToken}` };
  }

  invalidate(): void {
    this.tokens = { ...this.tokens, expiresAt: 0 };
  }

  private async current(): Promise<StoredTokens> {
    if (this.tokens.expiresAt - REFRESH_MARGIN_MS > this.now()) return this.tokens;
    this.refreshing ??= this.refresh().finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  private async refresh(): Promise<StoredTokens> {
    const { refreshToken, oauthClientId, scopes } = this.tokens;
    if (refreshToken === undefined) {
      throw new AppError(
        'OKTA_SESSION_EXPIRED',
        'Your Okta sign-in has expired and cannot be renewed (no refresh token).',
        "Sign in again; to stay signed in, allow the Refresh Token grant on the wizard's OAuth app.",
      );
    }
    const outcome = await postTokenForm(this.orgUrl, {
      grant_type: 'refresh_token',
      refresh_token: refreshToken,
      client_id: oauthClientId,
      scope: scopes.join(' '),
    });
    if (!outcome.ok) throw tokenFailure(outcome, 'your sign-in');
    this.tokens = tokensFrom(outcome.token, oauthClientId, scopes, this.now(), refreshToken);
    await this.secrets.set(this.clientId, OAUTH_TOKENS_SECRET, JSON.stringify(this.tokens));
    return this.tokens;
  }

  /** Revokes the refresh and access tokens at Okta and forgets them. */
  async signOut(): Promise<void> {
    const { refreshToken, accessToken, oauthClientId } = this.tokens;
    const revoke = async (token: string, hint: string): Promise<void> => {
      const response = await fetch(`${this.orgUrl}/oauth2/v1/revoke`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ token, token_type_hint: hint, client_id: oauthClientId }).toString(),
      });
      await response.arrayBuffer();
      if (!response.ok)
        throw new AppError(
          'OKTA_REVOKE_FAILED',
          `Okta did not revoke the ${hint.replace('_', ' ')} (HTTP ${response.status}).`,
          'The stored sign-in was removed anyway; it expires on its own within an hour (refresh tokens: per the app policy).',
        );
    };
    await this.secrets.delete(this.clientId, OAUTH_TOKENS_SECRET);
    if (refreshToken !== undefined) await revoke(refreshToken, 'refresh_token');
    await revoke(accessToken, 'access_token');
  }
}
