import { SUPPORTED_ALGS } from './jws';
import { ALL_OKTA_SCOPES, OIDC_SCOPES } from './clients';

/** The org authorization server's metadata; okta-auth-js needs `code_challenge_methods_supported: ["S256"]`. */
export function discoveryDocument(issuer: string): Record<string, unknown> {
  return {
    issuer,
    authorization_endpoint: `${issuer}/oauth2/v1/authorize`,
    token_endpoint: `${issuer}/oauth2/v1/token`,
    userinfo_endpoint: `${issuer}/oauth2/v1/userinfo`,
    jwks_uri: `${issuer}/oauth2/v1/keys`,
    revocation_endpoint: `${issuer}/oauth2/v1/revoke`,
    introspection_endpoint: `${issuer}/oauth2/v1/introspect`,
    response_types_supported: ['code'],
    response_modes_supported: ['query'],
    grant_types_supported: ['authorization_code', 'refresh_token', 'client_credentials'],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: ['RS256'],
    scopes_supported: [...OIDC_SCOPES, ...ALL_OKTA_SCOPES],
    token_endpoint_auth_methods_supported: ['none', 'private_key_jwt'],
    token_endpoint_auth_signing_alg_values_supported: [...SUPPORTED_ALGS],
    revocation_endpoint_auth_methods_supported: ['none', 'private_key_jwt'],
    introspection_endpoint_auth_methods_supported: ['none', 'private_key_jwt'],
    code_challenge_methods_supported: ['S256'],
    dpop_signing_alg_values_supported: [...SUPPORTED_ALGS],
    claims_supported: [
      'iss',
      'sub',
      'aud',
      'iat',
      'exp',
      'auth_time',
      'nonce',
      'name',
      'preferred_username',
      'email',
      'email_verified',
    ],
  };
}
