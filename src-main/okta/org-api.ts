/**
 * The Okta operations the wizard's steps use, and nothing else. Steps code against this interface;
 * `connectOrg` (./connect) returns the real implementation, tests may pass any object of this shape.
 *
 * Conventions:
 * - Reads of one resource resolve to `undefined` when Okta answers 404 (E0000007), so `inspect`
 *   can tell "absent" from "failed". Every other failure is an `AppError` an admin can act on.
 * - Every write appends exactly one audit event (operation, target, outcome; never a secret).
 * - Shapes are ours: the fields the steps read, typed; anything else Okta returns is kept on
 *   `extra`-style open records so a read-modify-write (`updateApp`) loses nothing.
 */

export type AuthMethod = 'api-token' | 'oauth-pkce' | 'service-app';

export interface AdminRole {
  id: string;
  /** SUPER_ADMIN, ORG_ADMIN, APP_ADMIN, READ_ONLY_ADMIN, USER_ADMIN, GROUP_MEMBERSHIP_ADMIN, CUSTOM, ... */
  type: string;
  label: string;
  status: string;
  /** USER when granted directly, GROUP when it comes from a group the caller is in. */
  assignmentType: string | undefined;
}

/** Who the credentials belong to and what they may do. */
export interface CallerIdentity {
  orgUrl: string;
  authMethod: AuthMethod;
  /** For a service app, the app's client id stands where the user would be. */
  userId: string | undefined;
  login: string | undefined;
  displayName: string;
  roles: AdminRole[];
  /** Scopes granted to an OAuth token; undefined for an API token (it carries its creator's role). */
  scopes: string[] | undefined;
  /** Set when the roles could not be read (e.g. no okta.roles.read); roles is then empty. */
  rolesUnreadable: string | undefined;
}

export interface SamlAttributeStatement {
  type: 'EXPRESSION' | 'GROUP';
  name: string;
  namespace: string;
  values?: string[];
  filterType?: string;
  filterValue?: string;
}

/**
 * `settings.signOn` of a SAML 2.0 app (custom or catalog). Okta's spec requires five of these on
 * a custom SAML app: allowMultipleAcsEndpoints, assertionSigned, honorForceAuthn, requestCompressed
 * and responseSigned (the Admin Console's defaults are false, true, true, false, true).
 */
export interface SamlSignOn {
  allowMultipleAcsEndpoints?: boolean;
  requestCompressed?: boolean;
  defaultRelayState?: string | null;
  ssoAcsUrl?: string;
  recipient?: string;
  destination?: string;
  audience?: string;
  idpIssuer?: string;
  subjectNameIdTemplate?: string;
  subjectNameIdFormat?: string;
  responseSigned?: boolean;
  assertionSigned?: boolean;
  signatureAlgorithm?: string;
  digestAlgorithm?: string;
  honorForceAuthn?: boolean;
  authnContextClassRef?: string;
  attributeStatements?: SamlAttributeStatement[];
  [key: string]: unknown;
}

export interface OktaAppSettings {
  /** Catalog-app fields (e.g. Millie's `slug`) or a bookmark's `url` / `requestIntegration`. */
  app?: Record<string, unknown>;
  signOn?: SamlSignOn;
  [key: string]: unknown;
}

export interface OktaApp {
  id: string;
  /** Catalog key (`millie`, `bookmark`) or the generated name of a custom SAML app. */
  name: string;
  label: string;
  status: 'ACTIVE' | 'INACTIVE' | 'DELETED';
  signOnMode: string;
  created: string | undefined;
  lastUpdated: string | undefined;
  features: string[];
  settings: OktaAppSettings;
  /** e.g. `{ signing: { kid }, userNameTemplate: { template, type } }` */
  credentials: Record<string, unknown> | undefined;
  visibility: Record<string, unknown> | undefined;
  /** `_links.metadata.href` when Okta publishes SAML metadata for the app. */
  metadataUrl: string | undefined;
  /** The embed link that starts IdP-initiated SSO, from `_links.appLinks`. */
  appLinks: Array<{ name: string; href: string }>;
}

/** What `createApp` / `updateApp` send: Okta's app body for the fields the steps set. */
export interface OktaAppInput {
  /** The catalog key (`millie`, `bookmark`); omit for a custom SAML app, whose name Okta generates. */
  name?: string;
  label: string;
  signOnMode: string;
  settings?: OktaAppSettings;
  credentials?: Record<string, unknown>;
  visibility?: Record<string, unknown>;
  features?: string[];
}

/** One signing key of an app (`/apps/{id}/credentials/keys`). */
export interface AppKey {
  kid: string;
  /** Base64 DER certificates, leaf first. */
  x5c: string[];
  x5tS256: string | undefined;
  created: string | undefined;
  expiresAt: string | undefined;
}

/** A certificate signing request Okta made for an app; Okta keeps its private key. */
export interface AppCsr {
  id: string;
  /** The PKCS#10 request, DER in base64 (Okta's `csr` field). */
  csrBase64: string;
  created: string | undefined;
}

/** The subject a CSR is made for (Okta's `CsrMetadata`). */
export interface CsrSubject {
  commonName?: string;
  countryName?: string;
  localityName?: string;
  organizationName?: string;
  organizationalUnitName?: string;
  stateOrProvinceName?: string;
}

export interface OktaUserProfile {
  login: string;
  email: string | undefined;
  firstName: string | undefined;
  lastName: string | undefined;
  [key: string]: unknown;
}

export interface OktaUser {
  id: string;
  status: string;
  created: string | undefined;
  lastLogin: string | undefined;
  profile: OktaUserProfile;
}

export interface OktaGroup {
  id: string;
  type: string;
  name: string;
  description: string | undefined;
}

export interface AppUser {
  id: string;
  scope: 'USER' | 'GROUP';
  status: string;
  syncState: string | undefined;
  externalId: string | undefined;
  userName: string | undefined;
  profile: Record<string, unknown>;
  lastUpdated: string | undefined;
}

export interface AppGroupAssignment {
  id: string;
  priority: number | undefined;
  profile: Record<string, unknown>;
  lastUpdated: string | undefined;
}

export interface AppUserSchemaProperty {
  title?: string;
  type?: string;
  description?: string;
  enum?: Array<string | number>;
  oneOf?: Array<{ const: string | number; title: string }>;
  items?: Record<string, unknown>;
  required?: boolean;
  scope?: string;
  master?: { type: string };
  permissions?: Array<{ principal: string; action: string }>;
  externalName?: string;
  externalNamespace?: string;
  unique?: string;
  [key: string]: unknown;
}

export interface AppUserSchema {
  id: string | undefined;
  base: Record<string, AppUserSchemaProperty>;
  custom: Record<string, AppUserSchemaProperty>;
}

/** Custom properties to add or change; `null` removes a property (Okta's partial-update rule). */
export interface AppUserSchemaUpdate {
  custom: Record<string, AppUserSchemaProperty | null>;
}

export interface ProvisioningConnection {
  authScheme: string;
  status: 'ENABLED' | 'DISABLED' | 'UNKNOWN' | string;
  baseUrl: string | undefined;
}

export interface ProvisioningCapabilities {
  create?: { lifecycleCreate: { status: 'ENABLED' | 'DISABLED' } };
  update?: {
    lifecycleDeactivate?: { status: 'ENABLED' | 'DISABLED' };
    profile?: { status: 'ENABLED' | 'DISABLED' };
    password?: { status: 'ENABLED' | 'DISABLED'; seed?: string; change?: string };
  };
}

export interface AppFeature {
  name: string;
  status: string;
  description: string | undefined;
  capabilities: ProvisioningCapabilities;
}

export interface Page<T> {
  items: T[];
  /** True when Okta's `Link: rel="next"` says there is more. */
  hasMore: boolean;
}

/**
 * A paged listing. Iterate it to walk every page lazily (`for await (const page of list)`),
 * take `firstPage()` for a type-ahead, or `all()` when the whole set is small.
 */
export interface Paged<T> extends AsyncIterable<T[]> {
  firstPage(): Promise<Page<T>>;
  all(): Promise<T[]>;
}

export interface UserQuery {
  /** Prefix match on first name, last name or email. */
  q?: string;
  /** Okta search expression, e.g. `profile.department eq "Sales"`. */
  search?: string;
  filter?: string;
  /** Page size. */
  limit?: number;
}

export interface NewUserProfile {
  login: string;
  email: string;
  firstName: string;
  lastName: string;
}

export interface GroupQuery {
  q?: string;
  search?: string;
  limit?: number;
}

/** One HTTP exchange with the org, for progress displays; never carries headers or bodies. */
export interface RequestEvent {
  kind: 'response' | 'retry' | 'throttle';
  method: string;
  /** Path and query without the origin, e.g. `/api/v1/users?limit=200`. */
  path: string;
  status: number | undefined;
  attempt: number;
  /** For 'throttle' and 'retry': how long the client waits before the next attempt. */
  waitMs: number;
}

export interface RequestStats {
  requests: number;
  retries: number;
  /** 429 answers received (each was waited out, not surfaced, unless retries ran out). */
  rateLimited: number;
  /** Total time spent pacing ahead of the limit or waiting out a 429. */
  throttledMs: number;
  failed: number;
}

export interface OktaOrgApi {
  readonly orgUrl: string;
  readonly authMethod: AuthMethod;

  /** Subscribe to every request the client makes; returns the unsubscribe function. */
  onRequest(listener: (event: RequestEvent) => void): () => void;
  stats(): RequestStats;
  /**
   * Requests per minute this token may make in the bucket of `method path`, as Okta's headers
   * last reported it (or a 429 showed); undefined until a call in that bucket has answered.
   */
  rateLimitOf(method: string, path: string): number | undefined;

  whoAmI(): Promise<CallerIdentity>;

  listApps(query?: { q?: string; filter?: string }): Promise<OktaApp[]>;
  getApp(appId: string): Promise<OktaApp | undefined>;
  createApp(app: OktaAppInput, options: { activate: boolean }): Promise<OktaApp>;
  /** Full replace (Okta's PUT): pass the app as read, changed; `null` fields Okta sent back are dropped. */
  updateApp(appId: string, app: OktaAppInput): Promise<OktaApp>;
  activateApp(appId: string): Promise<void>;
  deactivateApp(appId: string): Promise<void>;
  /** The IdP metadata XML of a SAML app, signed with `kid` or the app's active key. */
  getAppMetadataXml(appId: string, kid?: string): Promise<string>;
  listAppKeys(appId: string): Promise<AppKey[]>;
  getAppKey(appId: string, kid: string): Promise<AppKey | undefined>;
  /** A new signing key credential for the app; the app keeps signing with its current key. */
  generateAppKey(appId: string, validityYears: number): Promise<AppKey>;
  listAppCsrs(appId: string): Promise<AppCsr[]>;
  /** Okta makes a key pair for the app and answers a CSR for it; the admin's CA signs it. */
  createAppCsr(appId: string, subject: CsrSubject, dnsNames?: string[]): Promise<AppCsr>;
  /** The CA-signed certificate (PEM) for a CSR becomes a new key credential; the app keeps signing with its current key. */
  publishAppCsr(appId: string, csrId: string, certificatePem: string): Promise<AppKey>;
  revokeAppCsr(appId: string, csrId: string): Promise<void>;
  /** Points the app's `credentials.signing.kid` at one of its keys (a full replace of the app as read). */
  setAppSigningKey(appId: string, kid: string): Promise<OktaApp>;

  listUsers(query?: UserQuery): Paged<OktaUser>;
  getUser(idOrLogin: string): Promise<OktaUser | undefined>;
  listGroups(query?: GroupQuery): Paged<OktaGroup>;
  listGroupMembers(groupId: string): Paged<OktaUser>;

  createGroup(name: string, description: string): Promise<OktaGroup>;
  /** Idempotent: adding a member twice, or removing one who is not, is not an error. */
  addGroupMember(groupId: string, userId: string): Promise<void>;
  removeGroupMember(groupId: string, userId: string): Promise<void>;
  /** Without a password: `activate` gives a user who finishes activation from Okta's email. */
  createUser(profile: NewUserProfile, options: { activate: boolean }): Promise<OktaUser>;

  listAppUsers(appId: string): Paged<AppUser>;
  getAppUser(appId: string, userId: string): Promise<AppUser | undefined>;
  assignUserToApp(appId: string, userId: string, profile: Record<string, unknown>): Promise<AppUser>;
  updateAppUser(appId: string, userId: string, profile: Record<string, unknown>): Promise<AppUser>;
  unassignUserFromApp(appId: string, userId: string): Promise<void>;

  listAppGroups(appId: string): Paged<AppGroupAssignment>;
  getAppGroup(appId: string, groupId: string): Promise<AppGroupAssignment | undefined>;
  assignGroupToApp(
    appId: string,
    groupId: string,
    options: { profile: Record<string, unknown>; priority?: number },
  ): Promise<AppGroupAssignment>;
  unassignGroupFromApp(appId: string, groupId: string): Promise<void>;

  getAppUserSchema(appId: string): Promise<AppUserSchema>;
  /** The org's Okta user profile schema (`/meta/schemas/user/default`): base and custom attributes. */
  getUserSchema(): Promise<AppUserSchema>;
  updateAppUserSchema(appId: string, update: AppUserSchemaUpdate): Promise<AppUserSchema>;

  /** Only catalog apps with provisioning support this; others fail with OKTA_PROVISIONING_UNSUPPORTED. */
  getProvisioningConnection(appId: string): Promise<ProvisioningConnection>;
  setProvisioningConnection(
    appId: string,
    connection: { baseUrl?: string; token: string },
  ): Promise<ProvisioningConnection>;
  activateProvisioningConnection(appId: string): Promise<void>;
  listFeatures(appId: string): Promise<AppFeature[]>;
  updateUserProvisioningFeature(appId: string, capabilities: ProvisioningCapabilities): Promise<AppFeature>;
}
