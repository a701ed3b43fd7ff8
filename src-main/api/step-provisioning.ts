import { z } from 'zod';
import { CheckSchema } from './steps';

export const ProvisioningInputSchema = z.object({
  /** The Okta user assigned for the end-to-end test (login or id): someone not yet assigned to the app. */
  testUser: z.string().trim().max(200, "Enter the test user's Okta login, e.g. ann.lee@acme.example").optional(),
  /** The role the test user is assigned with, when the app has a role attribute. */
  testRole: z.string().trim().optional(),
  /** How long to wait for Okta to push the test user (and its deactivation) to the vendor. */
  waitSeconds: z
    .number({ message: 'Enter how many seconds to wait, e.g. 120' })
    .int('Enter whole seconds, e.g. 120')
    .min(5, 'Wait at least 5 seconds: Okta pushes in the background')
    .max(600, 'Wait at most 600 seconds'),
});
export type ProvisioningInput = z.infer<typeof ProvisioningInputSchema>;

/** The field of the console change that stands for the token: the screen copies it in main, never shows it. */
export const TOKEN_FIELD = 'Authorization: Bearer';
/** The end-to-end change's detail that names the settings it waits for; the screen refuses to start while it is there. */
export const PROOF_BLOCKED_FIELD = 'Cannot pass until';

export const EndToEndSchema = z.object({
  appId: z.string(),
  scimBaseUrl: z.string(),
  /** Salted digest of the SCIM token the test ran with (never the token), so a new token is tested again. */
  tokenDigest: z.object({ salt: z.string(), sha256: z.string() }),
  startedAt: z.string(),
  finishedAt: z.string(),
  user: z.object({ id: z.string(), login: z.string() }),
  /** The username Okta sent as SCIM `userName` (the app username). */
  userName: z.string().optional(),
  role: z.string().optional(),
  passed: z.boolean(),
  checks: z.array(CheckSchema),
  /** What happened, in order, for the progress list on the screen. */
  log: z.array(z.object({ at: z.string(), message: z.string() })),
});
export type EndToEnd = z.infer<typeof EndToEndSchema>;

const Status = z.enum(['ENABLED', 'DISABLED']);

export const ProvisioningObservedSchema = z.object({
  app: z.object({ id: z.string(), name: z.string(), label: z.string() }),
  /** `api`: Okta's API can switch provisioning on (some catalog apps); `console`: the Provisioning tab only. */
  path: z.enum(['api', 'console']),
  scimBaseUrl: z.string(),
  /** Whether the SCIM step's bearer token is in the secret store (the value never leaves main). */
  tokenStored: z.boolean(),
  /** Okta's `app.features`: read-only in the API, it shows what the Provisioning tab has switched on. */
  appFeatures: z.array(z.string()),
  /** API path: `connections/default` as read back. */
  connection: z.object({ status: z.string(), authScheme: z.string(), baseUrl: z.string().optional() }).optional(),
  /** API path: the USER_PROVISIONING feature as read back (absent until the connection is enabled). */
  userProvisioning: z
    .object({ status: z.string(), create: Status, updateProfile: Status, deactivate: Status })
    .optional(),
  /** The app's Provisioning tab in the Admin Console. */
  consoleUrl: z.string(),
  /** The app-profile attribute sent to the vendor as SCIM `role`, when the app has one. */
  roleAttribute: z.object({ name: z.string(), values: z.array(z.string()) }).optional(),
  endToEnd: EndToEndSchema.optional(),
  /** True when `endToEnd` ran against this app, this SCIM base URL and the SCIM token stored now. */
  endToEndCurrent: z.boolean(),
  /** The SCIM token changed since the last test: Okta may still hold the old one. */
  tokenChanged: z.boolean(),
});
export type ProvisioningObserved = z.infer<typeof ProvisioningObservedSchema>;
