import { randomBytes } from 'node:crypto';
import { redirectUriAllowed } from './clients';
import { OAuthError } from './oauth-error';
import { AUTH_CODE_TTL_MS, type OAuthState } from './oauth-state';
import { isValidCodeChallenge } from './pkce';
import { errorPage, signInPage, type SignIns } from './sign-in';
import { allowedScopes, splitScopes } from './token-endpoint';

export interface AuthorizeRequest {
  method: 'GET' | 'POST';
  /** GET: the query; POST: the sign-in form (the original parameters plus username and password). */
  params: URLSearchParams;
  cookie: string | undefined;
  signIns: SignIns;
}

export type AuthorizeOutcome =
  | { kind: 'page'; status: number; html: string; setCookie?: string }
  | { kind: 'redirect'; location: string; setCookie?: string };

const AUTHORIZE_PARAMS = [
  'client_id',
  'redirect_uri',
  'response_type',
  'response_mode',
  'scope',
  'state',
  'nonce',
  'code_challenge',
  'code_challenge_method',
  'login_hint',
] as const;

/**
 * /oauth2/v1/authorize for the authorization-code flow with PKCE. Until client_id and redirect_uri
 * are trusted, errors are shown as a page; afterwards they go back to the client as Okta sends them.
 */
export function handleAuthorize(state: OAuthState, req: AuthorizeRequest): AuthorizeOutcome {
  const p = req.params;
  const clientId = p.get('client_id');
  const client = clientId === null ? undefined : state.clients.get(clientId);
  if (client === undefined) return badRequestPage("Invalid value for 'client_id' parameter.");
  const redirectUri = p.get('redirect_uri') ?? '';
  if (!redirectUriAllowed(client, redirectUri)) {
    return badRequestPage("The 'redirect_uri' parameter must be a Login redirect URI in the client app settings.");
  }
  const back = (params: Record<string, string>, setCookie?: string): AuthorizeOutcome => {
    const url = new URL(redirectUri);
    for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
    const stateParam = p.get('state');
    if (stateParam !== null) url.searchParams.set('state', stateParam);
    return setCookie === undefined
      ? { kind: 'redirect', location: url.href }
      : { kind: 'redirect', location: url.href, setCookie };
  };
  const fail = (error: string, description: string): AuthorizeOutcome =>
    back({ error, error_description: description });

  if (p.get('response_type') !== 'code' || !client.grantTypes.includes('authorization_code')) {
    return fail(
      'unsupported_response_type',
      'The response type is not supported by the authorization server. Configured response types: [code].',
    );
  }
  const requested = splitScopes(p.get('scope'));
  if (requested.length === 0)
    return fail(
      'invalid_scope',
      "The authorization server resource does not have any configured default scopes, 'scope' must be provided.",
    );
  let scopes: string[];
  try {
    scopes = allowedScopes(client, requested);
  } catch (error) {
    if (error instanceof OAuthError) return fail(error.error, error.message);
    throw error;
  }
  const challenge = p.get('code_challenge');
  if (challenge === null) {
    if (client.pkceRequired)
      return fail(
        'invalid_request',
        "PKCE code challenge is required when the token endpoint authentication method is 'NONE'.",
      );
    return fail('invalid_request', "The 'code_challenge' parameter is required.");
  }
  if (p.get('code_challenge_method') !== 'S256')
    return fail('invalid_request', "Invalid value for 'code_challenge_method' parameter: only S256 is supported.");
  if (!isValidCodeChallenge(challenge)) return fail('invalid_request', "Invalid value for 'code_challenge' parameter.");

  let userId = req.signIns.userFor(req.cookie);
  let setCookie: string | undefined;
  if (req.method === 'POST') {
    const login = p.get('username') ?? '';
    const signedIn = req.signIns.checkPassword(login, p.get('password') ?? '');
    if (signedIn === undefined) return signIn(p, client.label, 'Unable to sign in', login);
    userId = signedIn;
    setCookie = req.signIns.open(userId);
  }
  if (userId === undefined) return signIn(p, client.label, undefined, p.get('login_hint') ?? undefined);

  const code = randomBytes(32).toString('base64url');
  state.codes.set(code, {
    clientId: client.clientId,
    userId,
    redirectUri,
    codeChallenge: challenge,
    scopes,
    nonce: p.get('nonce') ?? undefined,
    expiresAtMs: state.nowMs() + AUTH_CODE_TTL_MS,
  });
  return back({ code }, setCookie);
}

function badRequestPage(message: string): AuthorizeOutcome {
  return { kind: 'page', status: 400, html: errorPage('400 Bad Request', message) };
}

function signIn(
  p: URLSearchParams,
  label: string,
  error: string | undefined,
  username: string | undefined,
): AuthorizeOutcome {
  const hidden: Record<string, string> = {};
  for (const name of AUTHORIZE_PARAMS) {
    const value = p.get(name);
    if (value !== null) hidden[name] = value;
  }
  const html = signInPage({
    title: `Sign in to ${label}`,
    action: '/oauth2/v1/authorize',
    hidden,
    ...(error === undefined ? {} : { error }),
    ...(username === undefined ? {} : { username }),
  });
  return { kind: 'page', status: 200, html };
}
