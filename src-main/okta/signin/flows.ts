import type { AuditSink } from '../../workspace/audit-log';
import type { SecretStore } from '../../workspace/secrets';
import { buildOrgClient } from '../connect';
import type { CallerIdentity } from '../org-api';
import { normalizeOrgUrl } from '../org-url';
import { API_TOKEN_SECRET, apiTokenAuthorizer, cleanApiToken } from './api-token';
import { OAUTH_TOKENS_SECRET, OAuthSession } from './oauth-session';
import { signInWithPkce, type PkceSignInOptions } from './pkce';
import { SERVICE_KEY_SECRET } from './service-app';
import { generateServiceKeyPair, publicJwkOf, type PublicJwk } from './service-keys';

/** Reads only, so nothing is written to an audit log. */
const readsOnly: AuditSink = async () => undefined;

/** Whose token this is and what roles it carries (`GET /users/me` + roles). */
export async function checkApiToken(orgUrl: string, token: string): Promise<CallerIdentity> {
  const client = buildOrgClient({
    clientId: 'api-token-check',
    orgUrl,
    authMethod: 'api-token',
    authorizer: apiTokenAuthorizer(cleanApiToken(token)),
    audit: readsOnly,
  });
  return client.whoAmI();
}

/** Checks the token against the org, then keeps it in the SecretStore as 'api-token'. */
export async function storeApiToken(
  clientId: string,
  orgUrl: string,
  token: string,
  secrets: SecretStore,
): Promise<CallerIdentity> {
  const clean = cleanApiToken(token);
  const identity = await checkApiToken(orgUrl, clean);
  await secrets.set(clientId, API_TOKEN_SECRET, clean);
  return identity;
}

/** Admin sign-in in the system browser; keeps the tokens as 'oauth-tokens' and says who signed in. */
export async function signInAdmin(
  clientId: string,
  secrets: SecretStore,
  options: PkceSignInOptions,
): Promise<CallerIdentity> {
  const orgUrl = normalizeOrgUrl(options.orgUrl);
  const tokens = await signInWithPkce({ ...options, orgUrl });
  await secrets.set(clientId, OAUTH_TOKENS_SECRET, JSON.stringify(tokens));
  const session = new OAuthSession(orgUrl, clientId, tokens, secrets);
  return buildOrgClient({
    clientId,
    orgUrl,
    authMethod: 'oauth-pkce',
    authorizer: session,
    audit: readsOnly,
    grantedScopes: () => session.scopes,
  }).whoAmI();
}

/** Revokes a stored admin sign-in at Okta and forgets it. */
export async function signOutAdmin(clientId: string, orgUrl: string, secrets: SecretStore): Promise<void> {
  const session = await OAuthSession.load(normalizeOrgUrl(orgUrl), clientId, secrets);
  await session.signOut();
}

/**
 * The service app's key: made once and kept as 'service-app-private-key'; the public JWK (with
 * its kid) is what the admin pastes into the app in Okta.
 */
export async function serviceAppPublicKey(clientId: string, secrets: SecretStore): Promise<PublicJwk> {
  const existing = await secrets.get(clientId, SERVICE_KEY_SECRET);
  if (existing !== undefined) return publicJwkOf(existing);
  const pair = await generateServiceKeyPair();
  await secrets.set(clientId, SERVICE_KEY_SECRET, pair.privateKeyPem);
  return pair.publicJwk;
}
