/** The org's records, kept close to the JSON Okta shows so rendering only adds `_links`. */

export type JsonObject = Record<string, unknown>;

export type UserStatus =
  'ACTIVE' | 'STAGED' | 'PROVISIONED' | 'SUSPENDED' | 'DEPROVISIONED' | 'LOCKED_OUT' | 'PASSWORD_EXPIRED' | 'RECOVERY';

export interface UserProfile {
  login: string;
  email: string;
  firstName: string;
  lastName: string;
  [attribute: string]: unknown;
}

export interface UserRecord {
  id: string;
  status: UserStatus;
  created: string;
  activated: string | null;
  statusChanged: string | null;
  lastLogin: string | null;
  lastUpdated: string;
  passwordChanged: string | null;
  profile: UserProfile;
}

export interface GroupRecord {
  id: string;
  created: string;
  lastUpdated: string;
  lastMembershipUpdated: string;
  type: 'OKTA_GROUP' | 'BUILT_IN';
  profile: { name: string; description: string };
}

export type RoleType =
  'SUPER_ADMIN' | 'ORG_ADMIN' | 'APP_ADMIN' | 'USER_ADMIN' | 'GROUP_MEMBERSHIP_ADMIN' | 'READ_ONLY_ADMIN';

export interface RoleRecord {
  id: string;
  type: RoleType;
  label: string;
  status: 'ACTIVE';
  assignmentType: 'USER' | 'GROUP';
  created: string;
  lastUpdated: string;
}

/** A CSR Okta made for an app: the key pair stays here until a signed certificate is published. */
export interface CsrRecord {
  id: string;
  created: string;
  /** The PKCS#10 request, DER in base64 (what the `csr` field and `application/pkcs10` carry). */
  csrBase64: string;
  privateKeyPem: string;
  /** SPKI PEM of the key pair, to match against a published certificate. */
  publicKeyPem: string;
}

/** A SAML signing key of an app; the private key stays in the sandbox (the SSO page signs with it). */
export interface SigningKeyRecord {
  kid: string;
  created: string;
  lastUpdated: string;
  expiresAt: string;
  privateKeyPem: string;
  certificatePem: string;
  /** DER in base64: the `x5c` entry and the metadata's X509Certificate. */
  certificateBase64: string;
  n: string;
  e: string;
  x5tS256: string;
}

export type AppStatus = 'ACTIVE' | 'INACTIVE';

/**
 * An app instance. `body` is the rest of the app JSON exactly as answered (accessibility,
 * visibility, credentials, settings, profile…); the typed fields are the ones the sandbox itself
 * reads or generates.
 */
export interface AppRecord {
  id: string;
  name: string;
  label: string;
  status: AppStatus;
  signOnMode: string;
  created: string;
  lastUpdated: string;
  features: string[];
  /** Okta's `exk…` entity key: SAML issuer `http://www.okta.com/{entityKey}` and public metadata URL. */
  entityKey: string;
  /** The `aln…` id in the app's embed link `/home/{name}/{id}/{appLinkId}`. */
  appLinkId: string;
  signingKeys: SigningKeyRecord[];
  /** Certificate signing requests not yet published or revoked (routes/app-csrs.ts). */
  csrs: CsrRecord[];
  body: JsonObject;
}

export type AppUserScope = 'USER' | 'GROUP';

export interface AppUserRecord {
  /** The Okta user's id. */
  id: string;
  appId: string;
  /** Assigned directly (scope USER); otherwise only through `groupIds` (scope GROUP). */
  direct: boolean;
  groupIds: string[];
  status: string;
  syncState: 'DISABLED' | 'ERROR' | 'OUT_OF_SYNC' | 'SYNCHRONIZED' | 'SYNCING';
  externalId: string | null;
  lastSync: string | null;
  created: string;
  lastUpdated: string;
  statusChanged: string;
  credentials: { userName: string };
  profile: JsonObject;
}

export interface AppGroupRecord {
  /** The group's id. */
  id: string;
  appId: string;
  priority: number;
  profile: JsonObject;
  lastUpdated: string;
}

/** Custom app-user properties, added through the app user schema API. */
export interface AppSchemaRecord {
  created: string;
  lastUpdated: string;
  custom: Record<string, JsonObject>;
  required: string[];
}

/** An OAuth access token the sandbox accepts as `Bearer` or `DPoP`. */
export interface AccessTokenGrant {
  userId: string;
  clientId: string;
  scopes: string[];
  /** Epoch milliseconds. */
  expiresAt: number;
  tokenType: 'Bearer' | 'DPoP';
}

export type AssignmentChange = 'assigned' | 'updated' | 'unassigned';

/** Emitted whenever an app user appears, changes (profile, scope, status) or goes away. */
export interface AssignmentEvent {
  change: AssignmentChange;
  appId: string;
  userId: string;
  /** The app user after the change; for `unassigned`, as it was just before removal. */
  appUser: AppUserRecord;
}
