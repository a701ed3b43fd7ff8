/** OAuth clients registered with the org authorization server, as Okta models OIDC apps. */

export type OAuthApplicationType = 'native' | 'service';

export interface OAuthClientRecord {
  clientId: string;
  label: string;
  applicationType: OAuthApplicationType;
  /** native: exact redirect URIs; a loopback `http://127.0.0.1/...` entry matches any port (RFC 8252 §7.3). */
  redirectUris: string[];
  grantTypes: Array<'authorization_code' | 'refresh_token' | 'client_credentials'>;
  tokenEndpointAuthMethod: 'none' | 'private_key_jwt';
  pkceRequired: boolean;
  /** Okta's `dpop_bound_access_tokens`, on by default for API service apps since Feb 2024. */
  dpopBoundAccessTokens: boolean;
  /** Public JWKs for private_key_jwt. */
  jwks: unknown[];
  /** The okta.* scopes a Super Admin granted to this app. */
  grantedScopes: string[];
}

/** Scopes every client may ask for at the org authorization server, besides its granted okta.* scopes. */
export const OIDC_SCOPES = ['openid', 'profile', 'email', 'address', 'phone', 'offline_access'] as const;

export const ALL_OKTA_SCOPES = [
  'okta.apps.read',
  'okta.apps.manage',
  'okta.users.read',
  'okta.users.manage',
  'okta.users.read.self',
  'okta.groups.read',
  'okta.groups.manage',
  'okta.schemas.read',
  'okta.schemas.manage',
  'okta.roles.read',
] as const;

export const SEED_NATIVE_CLIENT_ID = '0oasandboxnative0001';
export const SEED_SERVICE_CLIENT_ID = '0oasandboxservice001';

/** The two clients a fresh sandbox org has: the wizard's PKCE sign-in app and an API service app. */
export function seedOAuthClients(): OAuthClientRecord[] {
  return [
    {
      clientId: SEED_NATIVE_CLIENT_ID,
      label: 'Okta Onboarding Wizard',
      applicationType: 'native',
      redirectUris: ['http://127.0.0.1/callback'],
      grantTypes: ['authorization_code', 'refresh_token'],
      tokenEndpointAuthMethod: 'none',
      pkceRequired: true,
      dpopBoundAccessTokens: false,
      jwks: [],
      grantedScopes: [...ALL_OKTA_SCOPES],
    },
    {
      clientId: SEED_SERVICE_CLIENT_ID,
      label: 'Okta Onboarding Wizard (service)',
      applicationType: 'service',
      redirectUris: [],
      grantTypes: ['client_credentials'],
      tokenEndpointAuthMethod: 'private_key_jwt',
      pkceRequired: false,
      dpopBoundAccessTokens: true,
      jwks: [],
      grantedScopes: [...ALL_OKTA_SCOPES],
    },
  ];
}

/**
 * RFC 8252 §7.3: a native app's loopback redirect may use any port; everything else must match exactly.
 * `localhost` is refused as Okta and RFC 8252 §8.3 advise.
 */
export function redirectUriAllowed(client: OAuthClientRecord, redirectUri: string): boolean {
  if (client.redirectUris.includes(redirectUri)) return true;
  if (client.applicationType !== 'native') return false;
  let requested: URL;
  try {
    requested = new URL(redirectUri);
  } catch {
    return false;
  }
  if (requested.protocol !== 'http:' || (requested.hostname !== '127.0.0.1' && requested.hostname !== '[::1]'))
    return false;
  return client.redirectUris.some((registered) => {
    const url = URL.canParse(registered) ? new URL(registered) : undefined;
    return (
      url !== undefined &&
      url.protocol === 'http:' &&
      url.hostname === requested.hostname &&
      url.pathname === requested.pathname &&
      url.search === requested.search
    );
  });
}
