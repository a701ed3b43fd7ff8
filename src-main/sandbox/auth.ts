import type { IncomingHttpHeaders } from 'node:http';
import { forbidden, invalidSession, invalidToken, OktaApiError } from './errors';
import type { AccessTokenGrant, RoleType } from './model';
import type { HttpMethod, RouteAuth } from './router';
import type { OrgState } from './state';

/** Who is calling, after the credential checked out. */
export interface Caller {
  userId: string;
  scheme: 'SSWS' | 'Bearer' | 'DPoP';
  /** Granted OAuth scopes; `null` for SSWS, which carries its creator's roles and no scopes. */
  scopes: readonly string[] | null;
}

export interface AccessTokenCheckInput {
  scheme: 'Bearer' | 'DPoP';
  token: string;
  method: HttpMethod;
  url: URL;
  headers: IncomingHttpHeaders;
}

export type AccessTokenCheck =
  | { ok: true; grant: AccessTokenGrant }
  | { ok: false; error: 'invalid_token' | 'invalid_dpop_proof'; description: string };

/**
 * Decides whether a `Bearer`/`DPoP` access token is good for this request. The OAuth server
 * installs its own (checking DPoP proofs); the default only looks the token up in
 * `state.accessTokens` and checks expiry and token type.
 */
/** May answer asynchronously: the OAuth plugin verifies tokens and DPoP proofs with jose, whose checks are async. */
export type AccessTokenValidator = (
  input: AccessTokenCheckInput,
  state: OrgState,
) => AccessTokenCheck | Promise<AccessTokenCheck>;

export const lookupAccessToken: AccessTokenValidator = ({ scheme, token }, state) => {
  const grant = state.accessTokens.get(token);
  if (!grant || grant.expiresAt <= Date.now())
    return { ok: false, error: 'invalid_token', description: 'The access token is invalid.' };
  if (grant.tokenType !== scheme)
    return {
      ok: false,
      error: 'invalid_token',
      description: `The access token must be sent with the ${grant.tokenType} scheme.`,
    };
  return { ok: true, grant };
};

const ADMIN_ROLES: ReadonlySet<RoleType> = new Set([
  'SUPER_ADMIN',
  'ORG_ADMIN',
  'APP_ADMIN',
  'USER_ADMIN',
  'GROUP_MEMBERSHIP_ADMIN',
  'READ_ONLY_ADMIN',
]);

/** Roles that may change each resource; every admin role may read. */
const WRITERS: Record<Exclude<RouteAuth, 'none' | 'self'>, ReadonlySet<RoleType>> = {
  apps: new Set(['SUPER_ADMIN', 'ORG_ADMIN', 'APP_ADMIN']),
  schemas: new Set(['SUPER_ADMIN', 'ORG_ADMIN', 'APP_ADMIN']),
  users: new Set(['SUPER_ADMIN', 'ORG_ADMIN', 'USER_ADMIN']),
  groups: new Set(['SUPER_ADMIN', 'ORG_ADMIN', 'USER_ADMIN', 'GROUP_MEMBERSHIP_ADMIN']),
  roles: new Set(['SUPER_ADMIN']),
};

const DPOP_ALGS = 'RS256 RS384 RS512 ES256 ES384 ES512';

export interface AuthenticateInput {
  auth: Exclude<RouteAuth, 'none'>;
  method: HttpMethod;
  url: URL;
  headers: IncomingHttpHeaders;
  orgUrl: string;
}

/** Checks the credential, the OAuth scope and the admin role; throws the Okta failure otherwise. */
export async function authenticate(
  input: AuthenticateInput,
  state: OrgState,
  validator: AccessTokenValidator,
): Promise<Caller> {
  const header = input.headers.authorization;
  if (!header) throw invalidSession();
  const space = header.indexOf(' ');
  const scheme = space > 0 ? header.slice(0, space) : header;
  const token = space > 0 ? header.slice(space + 1).trim() : '';
  let caller: Caller;
  if (scheme === 'SSWS') {
    const userId = state.apiTokens.get(token);
    if (userId === undefined || !state.users.has(userId)) throw invalidToken();
    caller = { userId, scheme: 'SSWS', scopes: null };
  } else if (scheme === 'Bearer' || scheme === 'DPoP') {
    const check = await validator(
      { scheme, token, method: input.method, url: input.url, headers: input.headers },
      state,
    );
    if (!check.ok)
      throw tokenChallenge(401, scheme, input, { error: check.error, error_description: check.description });
    caller = { userId: check.grant.userId, scheme, scopes: check.grant.scopes };
  } else {
    throw invalidToken();
  }
  const required = requiredScopes(input.auth, input.method);
  if (caller.scopes && !required.some((s) => caller.scopes?.includes(s))) {
    throw tokenChallenge(403, caller.scheme === 'DPoP' ? 'DPoP' : 'Bearer', input, {
      scope: required[0] ?? '',
      error: 'insufficient_scope',
      error_description: 'The access token provided does not contain the required scopes.',
      resource: input.url.pathname,
    });
  }
  if (input.auth !== 'self') {
    const roles = state.rolesOf(caller.userId).map((r) => r.type);
    const allowed = input.method === 'GET' ? ADMIN_ROLES : WRITERS[input.auth];
    if (!roles.some((r) => allowed.has(r))) throw forbidden();
  }
  return caller;
}

/** `.read` or `.manage` for GET, `.manage` otherwise; `/users/me` takes `okta.users.read.self` too. */
export function requiredScopes(auth: Exclude<RouteAuth, 'none'>, method: HttpMethod): string[] {
  if (auth === 'self') return ['okta.users.read.self', 'okta.users.read', 'okta.users.manage'];
  const base = `okta.${auth}`;
  return method === 'GET' ? [`${base}.read`, `${base}.manage`] : [`${base}.manage`];
}

/** Okta answers OAuth failures with no body and the reason in `WWW-Authenticate`. */
function tokenChallenge(
  status: number,
  scheme: 'Bearer' | 'DPoP',
  input: AuthenticateInput,
  fields: Record<string, string>,
): OktaApiError {
  const parts = [
    ...(scheme === 'DPoP' ? [`algs="${DPOP_ALGS}"`] : []),
    `authorization_uri="${input.orgUrl}/oauth2/v1/authorize"`,
    `realm="${input.orgUrl}"`,
    ...Object.entries(fields).map(([k, v]) => `${k}="${v.replace(/"/g, "'")}"`),
  ];
  return new OktaApiError(status, null, { 'www-authenticate': `${scheme} ${parts.join(', ')}` });
}
