import { z } from 'zod';
import { AppError } from '../../errors';

const tokenSchema = z.object({
  access_token: z.string(),
  token_type: z.string(),
  expires_in: z.number(),
  scope: z.string().optional(),
  refresh_token: z.string().optional(),
});
export type TokenAnswer = z.infer<typeof tokenSchema>;

const oauthErrorSchema = z.object({ error: z.string(), error_description: z.string().optional() });

export type TokenOutcome =
  | { ok: true; token: TokenAnswer }
  | { ok: false; status: number; error: string; description: string; dpopNonce: string | undefined };

/** POSTs a form to the org authorization server's token endpoint and sorts the answer. */
export async function postTokenForm(
  orgUrl: string,
  form: Record<string, string>,
  headers: Record<string, string> = {},
  fetchImpl: typeof fetch = fetch,
): Promise<TokenOutcome> {
  let response: Response;
  try {
    response = await fetchImpl(`${orgUrl}/oauth2/v1/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', ...headers },
      body: new URLSearchParams(form).toString(),
    });
  } catch (error) {
    throw new AppError(
      'OKTA_UNREACHABLE',
      `Could not reach ${orgUrl} to get an access token (${error instanceof Error ? error.message : 'connection failed'}).`,
      'Check the org URL and your network connection.',
    );
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (response.ok) {
    const token = tokenSchema.safeParse(body);
    if (token.success) return { ok: true, token: token.data };
  }
  const error = oauthErrorSchema.safeParse(body);
  return {
    ok: false,
    status: response.status,
    error: error.success ? error.data.error : `http_${response.status}`,
    description: error.success ? (error.data.error_description ?? error.data.error) : `HTTP ${response.status}`,
    dpopNonce: response.headers.get('dpop-nonce') ?? undefined,
  };
}

/** The AppError for a token-endpoint refusal, with the Okta-side fix. */
export function tokenFailure(outcome: Extract<TokenOutcome, { ok: false }>, who: string): AppError {
  const said = `${outcome.error}: ${outcome.description}`;
  switch (outcome.error) {
    case 'invalid_client':
      return new AppError(
        'OKTA_CLIENT_REJECTED',
        `Okta did not accept ${who} (${said}).`,
        "Check the client id, and that the public key (JWK) shown by the app is added under the app's General > Client Credentials > Public keys with the same key id.",
      );
    case 'consent_required':
    case 'invalid_scope':
      return new AppError(
        'OKTA_SCOPES_NOT_GRANTED',
        `Okta would not issue the requested scopes to ${who} (${said}).`,
        "A Super Admin must grant the scopes on the app's Okta API Scopes tab.",
      );
    case 'unauthorized_client':
      return new AppError(
        'OKTA_GRANT_NOT_ALLOWED',
        `${who} may not use this grant type (${said}).`,
        "Enable the grant type in the app's General settings.",
      );
    case 'invalid_grant':
      return new AppError(
        'OKTA_SESSION_EXPIRED',
        `The sign-in session for ${who} has expired or was revoked (${said}).`,
        'Sign in to the org again.',
      );
    case 'invalid_dpop_proof':
      return new AppError(
        'OKTA_DPOP_REJECTED',
        `Okta rejected the DPoP proof of ${who} (${said}).`,
        "Check this computer's clock, then try again.",
      );
    default:
      return new AppError(
        'OKTA_TOKEN_FAILED',
        `Okta refused an access token to ${who} (${said}).`,
        'Check the app settings in the Admin Console, then sign in again.',
      );
  }
}
