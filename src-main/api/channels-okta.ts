import { z } from 'zod';
import { channel } from './channel';

const ClientRef = z.object({ clientId: z.string().min(1, 'Choose a client') });

export const CallerSchema = z.object({
  displayName: z.string(),
  login: z.string().optional(),
  authMethod: z.enum(['api-token', 'oauth-pkce', 'service-app']),
  roles: z.array(z.object({ type: z.string(), label: z.string(), assignmentType: z.string().optional() })),
  /** Granted OAuth scopes; absent for an API token, which carries its creator's roles instead. */
  scopes: z.array(z.string()).optional(),
  rolesUnreadable: z.string().optional(),
});

export const StepVerdictSchema = z.object({
  step: z.string(),
  does: z.string(),
  allowed: z.boolean(),
  missingScopes: z.array(z.string()),
  missingRole: z.string().optional(),
});

export const ConnectionStatusSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('not-signed-in'), scopesNeeded: z.array(z.string()) }),
  z.object({
    state: z.literal('signed-in'),
    caller: CallerSchema,
    steps: z.array(StepVerdictSchema),
    scopesNeeded: z.array(z.string()),
  }),
  z.object({
    state: z.literal('failed'),
    code: z.string(),
    message: z.string(),
    hint: z.string(),
    scopesNeeded: z.array(z.string()),
  }),
]);
export type ConnectionStatus = z.infer<typeof ConnectionStatusSchema>;

const OAuthClientId = z
  .string()
  .trim()
  .regex(
    /^0oa[0-9A-Za-z]{10,40}$|^[0-9A-Za-z_-]{8,64}$/,
    'An Okta client ID looks like 0oa1b2c3d4e5F6g7H8i9 (Applications > your app > General > Client Credentials)',
  );

export const PublicJwkSchema = z.object({
  kty: z.literal('RSA'),
  e: z.string(),
  n: z.string(),
  kid: z.string(),
  use: z.literal('sig'),
  alg: z.literal('RS256'),
});

/** Signing in to a client's org: three ways, chosen per client. Secrets go in, never come back. */
export const oktaChannels = {
  /** Whose credentials these are, their roles and scopes, and which steps they are enough for. */
  status: channel(ClientRef, ConnectionStatusSchema),
  useApiToken: channel(
    ClientRef.extend({
      token: z
        .string()
        .trim()
        .min(20, 'An Okta API token is about 42 characters, starting with 00 (Security > API > Tokens)'),
    }),
    ConnectionStatusSchema,
  ),
  /** Starts the admin sign-in (PKCE); in browser mode the renderer opens the URL it returns. */
  startAdminSignIn: channel(
    ClientRef.extend({ oauthClientId: OAuthClientId }),
    z.object({ signInId: z.string(), authorizeUrl: z.string(), openedByApp: z.boolean() }),
  ),
  finishAdminSignIn: channel(z.object({ signInId: z.string().min(1) }), ConnectionStatusSchema),
  /** The service app's public key (made on first call); the private key never leaves main. */
  serviceAppKey: channel(ClientRef, PublicJwkSchema),
  useServiceApp: channel(ClientRef.extend({ oauthClientId: OAuthClientId }), ConnectionStatusSchema),
  signOut: channel(ClientRef, ConnectionStatusSchema),
};
