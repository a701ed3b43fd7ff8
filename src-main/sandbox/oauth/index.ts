import type { SandboxPlugin } from '../context';
import { malformedBody, notFound, validationFailed } from '../errors';
import { json, type SandboxResponse } from '../router';
import type { OrgState } from '../state';
import { accessTokenValidator } from './access-validator';
import { handleAuthorize, type AuthorizeOutcome } from './authorize';
import { SEED_SERVICE_CLIENT_ID } from './clients';
import { discoveryDocument } from './discovery';
import { importPublicJwk } from './jws';
import { OAuthError } from './oauth-error';
import { OAuthState } from './oauth-state';
import { handleIntrospect, handleRevoke } from './revoke-introspect';
import { signInsOf } from './sign-in';
import { handleTokenRequest, type OAuthUser } from './token-endpoint';
import { handleUserinfo } from './userinfo';

const byOrg = new WeakMap<OrgState, OAuthState>();

/** The org authorization server of a running sandbox org (tests: register JWKs, set passwords). */
export function oauthStateOf(org: OrgState): OAuthState {
  const oauth = byOrg.get(org);
  if (oauth === undefined) throw new Error('The OAuth plugin is not installed on this sandbox org.');
  return oauth;
}

const NO_STORE = { 'cache-control': 'no-store', pragma: 'no-cache' };

/** The org authorization server: discovery, authorize (PKCE), token, keys, revoke, introspect. */
export const oauthPlugin: SandboxPlugin = {
  name: 'oauth',
  install(ctx) {
    const oauth = new OAuthState();
    byOrg.set(ctx.state, oauth);
    // Okta's API service apps act with the admin roles granted to the app itself.
    ctx.state.assignRole(SEED_SERVICE_CLIENT_ID, 'SUPER_ADMIN');
    ctx.setAccessTokenValidator(accessTokenValidator(oauth));
    const signIns = signInsOf(ctx.state);
    const findUser = (id: string): OAuthUser | undefined => oauthUser(ctx.state, id);

    ctx.router.add(
      {
        method: 'GET',
        path: '/.well-known/openid-configuration',
        auth: 'none',
        handler: () => json(200, discoveryDocument(ctx.baseUrl)),
      },
      {
        method: 'GET',
        path: '/.well-known/oauth-authorization-server',
        auth: 'none',
        handler: () => json(200, discoveryDocument(ctx.baseUrl)),
      },
      { method: 'GET', path: '/oauth2/v1/keys', auth: 'none', handler: () => json(200, oauth.signer.jwks()) },
      {
        method: 'GET',
        path: '/oauth2/v1/userinfo',
        auth: 'none',
        handler: (req) => handleUserinfo(oauth, ctx.state, req.headers.authorization, ctx.baseUrl),
      },
      {
        method: 'GET',
        path: '/oauth2/v1/authorize',
        auth: 'none',
        handler: (req) =>
          authorizeReply(
            handleAuthorize(oauth, { method: 'GET', params: req.query, cookie: req.headers.cookie, signIns }),
          ),
      },
      {
        method: 'POST',
        path: '/oauth2/v1/authorize',
        auth: 'none',
        mutating: false,
        handler: (req) =>
          authorizeReply(
            handleAuthorize(oauth, {
              method: 'POST',
              params: new URLSearchParams(req.rawBody),
              cookie: req.headers.cookie,
              signIns,
            }),
          ),
      },
      {
        method: 'POST',
        path: '/oauth2/v1/token',
        auth: 'none',
        mutating: false,
        handler: (req) =>
          oauthReply(async () =>
            json(
              200,
              await handleTokenRequest(oauth, {
                issuer: ctx.baseUrl,
                form: new URLSearchParams(req.rawBody),
                dpop: single(req.headers.dpop),
                findUser,
                onAccessToken: (token, grant) => ctx.state.accessTokens.set(token, grant),
              }),
              NO_STORE,
            ),
          ),
      },
      {
        method: 'POST',
        path: '/oauth2/v1/revoke',
        auth: 'none',
        mutating: false,
        handler: (req) =>
          oauthReply(async () => {
            await handleRevoke(oauth, ctx.state, new URLSearchParams(req.rawBody), ctx.baseUrl);
            return { status: 200 };
          }),
      },
      {
        method: 'POST',
        path: '/oauth2/v1/introspect',
        auth: 'none',
        mutating: false,
        handler: (req) =>
          oauthReply(async () =>
            json(
              200,
              await handleIntrospect(oauth, ctx.state, new URLSearchParams(req.rawBody), ctx.baseUrl),
              NO_STORE,
            ),
          ),
      },
      {
        // Sandbox-only: stands in for "Add key" on the service app's General tab.
        method: 'POST',
        path: '/sandbox/v1/oauth/clients/{clientId}/keys',
        auth: 'apps',
        handler: (req) => {
          const client = oauth.clients.get(req.params.clientId ?? '');
          if (client === undefined) throw notFound(req.params.clientId ?? '', 'OAuth2Client');
          const jwk = req.body;
          if (typeof jwk !== 'object' || jwk === null || Array.isArray(jwk)) throw malformedBody();
          if ('d' in jwk)
            throw validationFailed('jwk', [
              "jwk: Register the public key only; this JWK carries the private exponent 'd'.",
            ]);
          if (importPublicJwk(jwk) === undefined)
            throw validationFailed('jwk', [
              'jwk: Not a usable RSA or EC public key (kty, n and e, or kty, crv, x and y).',
            ]);
          oauth.registerClientJwk(client.clientId, jwk);
          return json(200, { client_id: client.clientId, jwks: { keys: client.jwks } });
        },
      },
    );
  },
};

function oauthUser(org: OrgState, id: string): OAuthUser | undefined {
  const user = org.users.get(id);
  if (user === undefined) return undefined;
  const { login, email, firstName, lastName } = user.profile;
  return { id, login, email, firstName, lastName, active: user.status === 'ACTIVE' };
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

async function oauthReply(run: () => SandboxResponse | Promise<SandboxResponse>): Promise<SandboxResponse> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof OAuthError) return json(error.status, error.toJSON(), { ...NO_STORE, ...error.headers });
    throw error;
  }
}

function authorizeReply(outcome: AuthorizeOutcome): SandboxResponse {
  const cookie: Record<string, string> = outcome.setCookie === undefined ? {} : { 'set-cookie': outcome.setCookie };
  if (outcome.kind === 'redirect') return { status: 302, headers: { location: outcome.location, ...cookie } };
  return { status: outcome.status, text: outcome.html, contentType: 'text/html; charset=utf-8', headers: cookie };
}
