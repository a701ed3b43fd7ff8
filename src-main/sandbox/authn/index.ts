import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { SandboxPlugin } from '../context';
import { malformedBody, oktaError } from '../errors';
import type { UserRecord } from '../model';
import { errorPage, signInsOf } from '../oauth/sign-in';
import { json, type SandboxRequest, type SandboxResponse } from '../router';
import type { OrgState } from '../state';

/**
 * Okta's Authentication API (`POST /api/v1/authn`, developer.okta.com/docs/reference/api/authn)
 * and the session redirect that turns its one-time `sessionToken` into the org's session cookie
 * (`GET /login/sessionCookieRedirect?token=…&redirectUrl=…`, the "Work with Okta session
 * cookies" guide). Okta's hosted sign-in widget (Classic Engine) signs in through the same two
 * calls; so do Okta's SDKs' `signInWithCredentials`.
 */

/** A sessionToken is single-use and short-lived (the transaction's `expiresAt`). */
const SESSION_TOKEN_MS = 5 * 60_000;

const AuthnBodySchema = z.object({
  username: z.string(),
  password: z.string(),
  options: z.record(z.string(), z.unknown()).optional(),
});

interface PendingToken {
  userId: string;
  expiresAt: number;
}

const tokensByOrg = new WeakMap<OrgState, Map<string, PendingToken>>();

function tokensOf(org: OrgState): Map<string, PendingToken> {
  let tokens = tokensByOrg.get(org);
  if (tokens === undefined) {
    tokens = new Map();
    tokensByOrg.set(org, tokens);
  }
  return tokens;
}

/** The `_embedded.user` of an authentication transaction: id, passwordChanged and a short profile. */
function embeddedUser(user: UserRecord): Record<string, unknown> {
  const { login, firstName, lastName, locale, timeZone } = user.profile as Record<string, unknown>;
  return {
    id: user.id,
    passwordChanged: user.passwordChanged ?? null,
    profile: { login, firstName, lastName, locale: locale ?? 'en', timeZone: timeZone ?? 'America/Los_Angeles' },
  };
}

/** E0000004: Okta's one answer for a wrong password, an unknown user, or a user who cannot sign in. */
const authenticationFailed = () => oktaError(401, 'E0000004', 'Authentication failed');

function authn(state: OrgState, req: SandboxRequest): SandboxResponse {
  const parsed = AuthnBodySchema.safeParse(req.body);
  if (!parsed.success) throw malformedBody();
  const { username, password } = parsed.data;
  const user = state.getUser(username);
  const signIns = signInsOf(state);
  if (user === undefined || !signIns.passwordMatches(user.id, password)) throw authenticationFailed();
  const expiresAt = new Date(Date.now() + SESSION_TOKEN_MS).toISOString();
  switch (user.status) {
    case 'ACTIVE': {
      const sessionToken = randomBytes(24).toString('base64url');
      tokensOf(state).set(sessionToken, { userId: user.id, expiresAt: Date.now() + SESSION_TOKEN_MS });
      return json(200, { expiresAt, status: 'SUCCESS', sessionToken, _embedded: { user: embeddedUser(user) } });
    }
    case 'LOCKED_OUT':
      return json(200, { status: 'LOCKED_OUT' });
    case 'PASSWORD_EXPIRED':
      return json(200, {
        stateToken: randomBytes(24).toString('base64url'),
        expiresAt,
        status: 'PASSWORD_EXPIRED',
        _embedded: { user: embeddedUser(user) },
      });
    default:
      // STAGED and PROVISIONED users have no password yet; SUSPENDED and DEPROVISIONED may not sign in.
      throw authenticationFailed();
  }
}

const html = (status: number, text: string, headers: Record<string, string> = {}): SandboxResponse => ({
  status,
  text,
  contentType: 'text/html; charset=utf-8',
  headers,
});

function sessionCookieRedirect(state: OrgState, req: SandboxRequest, baseUrl: string): SandboxResponse {
  const token = req.query.get('token') ?? '';
  const pending = tokensOf(state).get(token);
  tokensOf(state).delete(token);
  let redirect: URL | undefined;
  try {
    redirect = new URL(req.query.get('redirectUrl') ?? '/', baseUrl);
  } catch {
    redirect = undefined;
  }
  // Okta redirects only to the org itself or a trusted origin; the sandbox has no trusted origins.
  if (redirect === undefined || redirect.origin !== new URL(baseUrl).origin)
    return html(400, errorPage('Bad request', 'The redirectUrl is not on this org.'));
  if (pending === undefined || pending.expiresAt < Date.now())
    return html(403, errorPage('Session expired', 'The session token is invalid or has expired. Sign in again.'));
  return {
    status: 302,
    headers: { location: redirect.toString(), 'set-cookie': signInsOf(state).open(pending.userId) },
  };
}

export const authnPlugin: SandboxPlugin = {
  name: 'authn',
  install(ctx) {
    ctx.router.add(
      // Signing in writes nothing to the directory: writeCount() stays the wizard's writes.
      { method: 'POST', path: '/api/v1/authn', auth: 'none', mutating: false, handler: (req) => authn(ctx.state, req) },
      {
        method: 'GET',
        path: '/login/sessionCookieRedirect',
        auth: 'none',
        handler: (req) => sessionCookieRedirect(ctx.state, req, ctx.baseUrl),
      },
    );
  },
};
