import { AppError } from '../errors';
import type { AuditSink } from '../workspace/audit-log';
import type { SecretStore } from '../workspace/secrets';
import { OktaHttp } from './http';
import type { AuthMethod, OktaOrgApi } from './org-api';
import { createOrgClient, type OktaOrgClient } from './org-client';
import { normalizeOrgUrl } from './org-url';
import { pacerFor, type PacerClock, type RatePacer } from './rate-pacer';
import { RequestPolicy, type Authorizer } from './request-policy';
import { API_TOKEN_SECRET, apiTokenAuthorizer } from './signin/api-token';
import { OAuthSession } from './signin/oauth-session';
import { SERVICE_KEY_SECRET, ServiceAppSession } from './signin/service-app';

/**
 * How a client's org is signed in to. Secrets (SecretStore names, per client id):
 * - 'api-token': the SSWS API token (api-token);
 * - 'oauth-tokens': JSON `{ oauthClientId, accessToken, refreshToken?, expiresAt, scopes }` (oauth-pkce);
 * - 'service-app-private-key': the service app's RSA private key, PEM (service-app).
 */
export type OrgAuth =
  | { method: 'api-token' }
  | { method: 'oauth-pkce'; oauthClientId: string; scopes: string[] }
  | { method: 'service-app'; oauthClientId: string; keyId: string; scopes: string[] };

export interface ConnectOptions {
  clientId: string;
  orgUrl: string;
  auth: OrgAuth;
  secrets: SecretStore;
  audit: AuditSink;
}

export interface BuildOptions {
  clientId: string;
  orgUrl: string;
  authMethod: AuthMethod;
  authorizer: Authorizer;
  audit: AuditSink;
  grantedScopes?: () => string[] | undefined;
  serviceClientId?: string;
  /** Defaults to the pacer shared by every client of this org in the process. */
  pacer?: RatePacer;
  /** The transport under the policy; the contract tests record requests through it. */
  fetchImpl?: typeof fetch;
  /** The policy's clock for back-off waits; a benchmark runs it fast, with the pacer and the org on it too. */
  clock?: PacerClock;
}

export function buildOrgClient(options: BuildOptions): OktaOrgClient {
  const orgUrl = normalizeOrgUrl(options.orgUrl);
  const policy = new RequestPolicy({
    orgUrl,
    authorizer: options.authorizer,
    pacer: options.pacer ?? pacerFor(orgUrl),
    ...(options.fetchImpl === undefined ? {} : { fetchImpl: options.fetchImpl }),
    ...(options.clock === undefined ? {} : { clock: options.clock }),
  });
  const http = new OktaHttp(orgUrl, policy);
  return createOrgClient({
    clientId: options.clientId,
    orgUrl,
    authMethod: options.authMethod,
    http,
    policy,
    audit: options.audit,
    grantedScopes: options.grantedScopes ?? (() => undefined),
    ...(options.serviceClientId === undefined ? {} : { serviceClientId: options.serviceClientId }),
  });
}

async function requireSecret(secrets: SecretStore, clientId: string, name: string, what: string): Promise<string> {
  const value = await secrets.get(clientId, name);
  if (value === undefined || value === '') {
    throw new AppError(
      'OKTA_NOT_SIGNED_IN',
      `No ${what} is stored for this client.`,
      'Sign in to the org first (okta-onboard org signin, or the Connect screen).',
    );
  }
  return value;
}

/** The OktaOrgApi for a client, signed in with its stored credentials. */
export async function connectOrg(options: ConnectOptions): Promise<OktaOrgApi> {
  const { clientId, auth, secrets, audit } = options;
  const orgUrl = normalizeOrgUrl(options.orgUrl);
  switch (auth.method) {
    case 'api-token': {
      const token = await requireSecret(secrets, clientId, API_TOKEN_SECRET, 'Okta API token');
      return buildOrgClient({
        clientId,
        orgUrl,
        authMethod: 'api-token',
        authorizer: apiTokenAuthorizer(token),
        audit,
      });
    }
    case 'oauth-pkce': {
      const session = await OAuthSession.load(orgUrl, clientId, secrets);
      return buildOrgClient({
        clientId,
        orgUrl,
        authMethod: 'oauth-pkce',
        authorizer: session,
        audit,
        grantedScopes: () => session.scopes,
      });
    }
    case 'service-app': {
      const privateKeyPem = await requireSecret(secrets, clientId, SERVICE_KEY_SECRET, 'service app private key');
      const session = new ServiceAppSession({
        orgUrl,
        oauthClientId: auth.oauthClientId,
        keyId: auth.keyId,
        privateKeyPem,
        scopes: auth.scopes,
      });
      await session.accessToken();
      return buildOrgClient({
        clientId,
        orgUrl,
        authMethod: 'service-app',
        authorizer: session,
        audit,
        grantedScopes: () => session.scopes,
        serviceClientId: auth.oauthClientId,
      });
    }
    default: {
      const unknownAuth: never = auth;
      throw new AppError(
        'OKTA_AUTH_UNKNOWN',
        `Unknown sign-in method ${JSON.stringify(unknownAuth)}.`,
        'Choose API token, admin sign-in or service app.',
      );
    }
  }
}
