import type { AuditSink } from '../workspace/audit-log';
import { AppError } from '../errors';
import { AuditedWrites, type ReconcileSummary } from './audited-writes';
import type { CallContext, OktaHttp } from './http';
import { withQuery } from './http';
import {
  appGroupSchema,
  appSchema,
  appUserSchema,
  appUserSchemaSchema,
  connectionSchema,
  featureSchema,
  groupSchema,
  csrSchema,
  keySchema,
  roleSchema,
  userSchema,
} from './models';
import type {
  AdminRole,
  AppFeature,
  AppGroupAssignment,
  AppCsr,
  AppKey,
  AppUser,
  AppUserSchema,
  AppUserSchemaUpdate,
  AuthMethod,
  CsrSubject,
  CallerIdentity,
  GroupQuery,
  NewUserProfile,
  OktaApp,
  OktaAppInput,
  OktaGroup,
  OktaOrgApi,
  OktaUser,
  Paged,
  ProvisioningCapabilities,
  ProvisioningConnection,
  RequestEvent,
  RequestStats,
  UserQuery,
} from './org-api';
import { ROLE_FOR } from './permissions';
import type { RequestPolicy } from './request-policy';

const e = encodeURIComponent;

/**
 * Okta answers unset fields as `null` but its spec types them as plain strings, so a read-modify-
 * write must leave them out rather than send the nulls back.
 */
export function withoutNulls<T>(value: T): T {
  if (Array.isArray(value)) return value.map((v: unknown) => withoutNulls(v)) as T;
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => v !== null)
      .map(([k, v]) => [k, withoutNulls(v)]),
  ) as T;
}
function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

const read = (operation: string): CallContext => ({ operation, role: ROLE_FOR.read });
const appWrite = (operation: string): CallContext => ({ operation, role: ROLE_FOR.appWrite });
const groupWrite = (operation: string): CallContext => ({ operation, role: ROLE_FOR.groupWrite });
const userWrite = (operation: string): CallContext => ({ operation, role: ROLE_FOR.userWrite });

/**
 * The largest page each list endpoint takes (Okta's Management API spec): an app with 10,000
 * people is read in 20 calls, not the 200 the default of 50 would cost.
 */
export const PAGE_SIZE = { appUsers: 500, appGroups: 200, groupMembers: 1000, users: 200 } as const;

export interface OrgClientOptions {
  clientId: string;
  orgUrl: string;
  authMethod: AuthMethod;
  http: OktaHttp;
  policy: RequestPolicy;
  audit: AuditSink;
  /** For OAuth: the scopes the current token carries. */
  grantedScopes(): string[] | undefined;
  /** For a service app: its client id, which holds the roles instead of a user. */
  serviceClientId?: string;
}

/** OktaOrgApi over the Management API; every write is logged ahead (intent, then outcome). */
export class OktaOrgClient implements OktaOrgApi {
  readonly orgUrl: string;
  readonly authMethod: AuthMethod;
  private readonly http: OktaHttp;
  private readonly writes: AuditedWrites;

  constructor(private readonly options: OrgClientOptions) {
    this.orgUrl = options.orgUrl;
    this.authMethod = options.authMethod;
    this.http = options.http;
    this.writes = new AuditedWrites(options.clientId, options.audit, this);
  }

  /** Settles writes an earlier run left without an outcome; also done before the first write. */
  reconcileOpenWrites(): Promise<ReconcileSummary> {
    return this.writes.reconcile();
  }

  onRequest(listener: (event: RequestEvent) => void): () => void {
    return this.options.policy.subscribe(listener);
  }

  stats(): RequestStats {
    return this.options.policy.stats();
  }

  rateLimitOf(method: string, path: string): number | undefined {
    return this.options.policy.limitOf(method, path);
  }

  async whoAmI(): Promise<CallerIdentity> {
    const scopes = this.options.grantedScopes();
    const base = { orgUrl: this.orgUrl, authMethod: this.authMethod, scopes };
    const service = this.options.serviceClientId;
    let userId: string | undefined;
    let login: string | undefined;
    let displayName: string;
    let rolesPath: string;
    if (service !== undefined) {
      displayName = `service app ${service}`;
      rolesPath = `/oauth2/v1/clients/${e(service)}/roles`;
    } else {
      const me = await this.http.json(
        'GET',
        '/api/v1/users/me',
        userSchema,
        read('read the signed-in user (/users/me)'),
      );
      userId = me.id;
      login = me.profile.login;
      displayName = [me.profile.firstName, me.profile.lastName].filter(Boolean).join(' ') || me.profile.login;
      rolesPath = `/api/v1/users/${e(me.id)}/roles`;
    }
    let roles: AdminRole[] = [];
    let rolesUnreadable: string | undefined;
    try {
      roles = await this.http.json('GET', rolesPath, roleSchema.array(), {
        operation: 'list your admin roles',
        role: ROLE_FOR.roles,
      });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      rolesUnreadable = error.message;
    }
    return { ...base, userId, login, displayName, roles, rolesUnreadable };
  }

  async listApps(query: { q?: string; filter?: string } = {}): Promise<OktaApp[]> {
    return this.http
      .paged(
        withQuery('/api/v1/apps', { q: query.q, filter: query.filter, limit: 200 }),
        appSchema,
        read("list the org's apps"),
      )
      .all();
  }

  getApp(appId: string): Promise<OktaApp | undefined> {
    return this.http.optional(`/api/v1/apps/${e(appId)}`, appSchema, read(`read app ${appId}`));
  }

  createApp(app: OktaAppInput, options: { activate: boolean }): Promise<OktaApp> {
    return this.writes.write(
      'app.create',
      `app "${app.label}"${app.name ? ` (${app.name})` : ''}`,
      { kind: 'app-label', label: app.label, ...(app.name === undefined ? {} : { name: app.name }) },
      () =>
        this.http.json(
          'POST',
          withQuery('/api/v1/apps', { activate: options.activate }),
          appSchema,
          appWrite(`create the app "${app.label}"`),
          withoutNulls(app),
        ),
    );
  }

  updateApp(appId: string, app: OktaAppInput): Promise<OktaApp> {
    return this.writes.write(
      'app.update',
      `app ${appId}`,
      { kind: 'app-fields', appId, fields: withoutNulls({ label: app.label, settings: app.settings ?? {} }) },
      () =>
        this.http.json(
          'PUT',
          `/api/v1/apps/${e(appId)}`,
          appSchema,
          appWrite(`update app ${appId}`),
          withoutNulls(app),
        ),
    );
  }

  activateApp(appId: string): Promise<void> {
    return this.writes.write('app.activate', `app ${appId}`, { kind: 'app-status', appId, status: 'ACTIVE' }, () =>
      this.http.noContent('POST', `/api/v1/apps/${e(appId)}/lifecycle/activate`, appWrite(`activate app ${appId}`)),
    );
  }

  deactivateApp(appId: string): Promise<void> {
    return this.writes.write('app.deactivate', `app ${appId}`, { kind: 'app-status', appId, status: 'INACTIVE' }, () =>
      this.http.noContent('POST', `/api/v1/apps/${e(appId)}/lifecycle/deactivate`, appWrite(`deactivate app ${appId}`)),
    );
  }

  /** A raw call: the SDK's previewSAMLmetadataForApplication asks for JSON and mis-parses XML (§8). */
  getAppMetadataXml(appId: string, kid?: string): Promise<string> {
    return this.http.text(
      withQuery(`/api/v1/apps/${e(appId)}/sso/saml/metadata`, { kid }),
      'application/xml',
      read(`read the SAML metadata of app ${appId}`),
    );
  }

  listAppKeys(appId: string): Promise<AppKey[]> {
    return this.http.json(
      'GET',
      `/api/v1/apps/${e(appId)}/credentials/keys`,
      keySchema.array(),
      read(`list the signing keys of app ${appId}`),
    );
  }

  getAppKey(appId: string, kid: string): Promise<AppKey | undefined> {
    return this.http.optional(
      `/api/v1/apps/${e(appId)}/credentials/keys/${e(kid)}`,
      keySchema,
      read(`read signing key ${kid} of app ${appId}`),
    );
  }

  /** POST, never re-sent: a lost answer is settled by looking for a key the app did not have. */
  async generateAppKey(appId: string, validityYears: number): Promise<AppKey> {
    const knownKids = (await this.listAppKeys(appId)).map((k) => k.kid);
    return this.writes.write(
      'app.key.generate',
      `app ${appId} (new signing key, ${validityYears} years)`,
      { kind: 'app-key-new', appId, knownKids },
      () =>
        this.http.json(
          'POST',
          withQuery(`/api/v1/apps/${e(appId)}/credentials/keys/generate`, { validityYears }),
          keySchema,
          appWrite(`generate a signing key for app ${appId}`),
        ),
    );
  }

  listAppCsrs(appId: string): Promise<AppCsr[]> {
    return this.http.json(
      'GET',
      `/api/v1/apps/${e(appId)}/credentials/csrs`,
      csrSchema.array(),
      read(`list the certificate signing requests of app ${appId}`),
    );
  }

  /** POST, never re-sent: a lost answer is settled by looking for a CSR the app did not have. */
  async createAppCsr(appId: string, subject: CsrSubject, dnsNames: string[] = []): Promise<AppCsr> {
    const knownCsrIds = (await this.listAppCsrs(appId)).map((c) => c.id);
    const body = { subject, ...(dnsNames.length > 0 ? { subjectAltNames: { dnsNames } } : {}) };
    return this.writes.write(
      'app.csr.create',
      `app ${appId} (certificate signing request for ${subject.commonName ?? 'no common name'})`,
      { kind: 'app-csr-new', appId, knownCsrIds },
      () =>
        this.http.json(
          'POST',
          `/api/v1/apps/${e(appId)}/credentials/csrs`,
          csrSchema,
          appWrite(`make a certificate signing request for app ${appId}`),
          body,
        ),
    );
  }

  /** POST, never re-sent: a lost answer is settled by looking for a key the app did not have. */
  async publishAppCsr(appId: string, csrId: string, certificatePem: string): Promise<AppKey> {
    const knownKids = (await this.listAppKeys(appId)).map((k) => k.kid);
    return this.writes.write(
      'app.csr.publish',
      `app ${appId} (signed certificate for CSR ${csrId})`,
      { kind: 'app-key-new', appId, knownKids },
      () =>
        this.http.sendText(
          `/api/v1/apps/${e(appId)}/credentials/csrs/${e(csrId)}/lifecycle/publish`,
          keySchema,
          appWrite(`publish the signed certificate for CSR ${csrId} of app ${appId}`),
          certificatePem,
          'application/x-pem-file',
        ),
    );
  }

  async revokeAppCsr(appId: string, csrId: string): Promise<void> {
    await this.writes.write(
      'app.csr.revoke',
      `app ${appId} (CSR ${csrId})`,
      { kind: 'app-csr-gone', appId, csrId },
      () =>
        this.http.noContent(
          'DELETE',
          `/api/v1/apps/${e(appId)}/credentials/csrs/${e(csrId)}`,
          appWrite(`revoke CSR ${csrId} of app ${appId}`),
        ),
    );
  }

  async setAppSigningKey(appId: string, kid: string): Promise<OktaApp> {
    const app = await this.getApp(appId);
    if (app === undefined) {
      throw new AppError(
        'APP_GONE',
        `The app ${appId} is no longer in Okta, so its signing key cannot be switched.`,
        'Check the app in the Admin Console (Applications); if it was deleted, set the integration up again.',
      );
    }
    const body: OktaAppInput = {
      name: app.name,
      label: app.label,
      signOnMode: app.signOnMode,
      settings: app.settings,
      credentials: { ...app.credentials, signing: { ...asRecord(app.credentials?.signing), kid } },
      ...(app.visibility ? { visibility: app.visibility } : {}),
    };
    return this.writes.write(
      'app.signing-key.switch',
      `app ${appId} (sign with key ${kid})`,
      { kind: 'app-fields', appId, fields: { credentials: { signing: { kid } } } },
      () =>
        this.http.json(
          'PUT',
          `/api/v1/apps/${e(appId)}`,
          appSchema,
          appWrite(`switch the signing key of app ${appId}`),
          withoutNulls(body),
        ),
    );
  }

  listUsers(query: UserQuery = {}): Paged<OktaUser> {
    return this.http.paged(
      withQuery('/api/v1/users', {
        q: query.q,
        search: query.search,
        filter: query.filter,
        limit: query.limit ?? (query.q ? undefined : PAGE_SIZE.users),
      }),
      userSchema,
      read('list users'),
    );
  }

  getUser(idOrLogin: string): Promise<OktaUser | undefined> {
    return this.http.optional(`/api/v1/users/${e(idOrLogin)}`, userSchema, read(`read user ${idOrLogin}`));
  }

  listGroups(query: GroupQuery = {}): Paged<OktaGroup> {
    return this.http.paged(
      withQuery('/api/v1/groups', { q: query.q, search: query.search, limit: query.limit }),
      groupSchema,
      read('list groups'),
    );
  }

  listGroupMembers(groupId: string): Paged<OktaUser> {
    return this.http.paged(
      withQuery(`/api/v1/groups/${e(groupId)}/users`, { limit: PAGE_SIZE.groupMembers }),
      userSchema,
      read(`list the members of group ${groupId}`),
    );
  }

  createGroup(name: string, description: string): Promise<OktaGroup> {
    return this.writes.write('group.create', `group "${name}"`, { kind: 'group-name', name }, () =>
      this.http.json('POST', '/api/v1/groups', groupSchema, groupWrite(`create group "${name}"`), {
        profile: { name, description },
      }),
    );
  }

  addGroupMember(groupId: string, userId: string): Promise<void> {
    return this.writes.write(
      'group.member.add',
      `user ${userId} -> group ${groupId}`,
      { kind: 'group-member', groupId, userId, present: true },
      () =>
        this.http.noContent(
          'PUT',
          `/api/v1/groups/${e(groupId)}/users/${e(userId)}`,
          groupWrite(`add user ${userId} to group ${groupId}`),
        ),
    );
  }

  removeGroupMember(groupId: string, userId: string): Promise<void> {
    return this.writes.write(
      'group.member.remove',
      `user ${userId} -> group ${groupId}`,
      { kind: 'group-member', groupId, userId, present: false },
      () =>
        this.http.noContent(
          'DELETE',
          `/api/v1/groups/${e(groupId)}/users/${e(userId)}`,
          groupWrite(`remove user ${userId} from group ${groupId}`),
        ),
    );
  }

  createUser(profile: NewUserProfile, options: { activate: boolean }): Promise<OktaUser> {
    return this.writes.write('user.create', `user ${profile.login}`, { kind: 'user-login', login: profile.login }, () =>
      this.http.json(
        'POST',
        withQuery('/api/v1/users', { activate: options.activate }),
        userSchema,
        userWrite(`create user ${profile.login}`),
        { profile },
      ),
    );
  }

  listAppUsers(appId: string): Paged<AppUser> {
    return this.http.paged(
      withQuery(`/api/v1/apps/${e(appId)}/users`, { limit: PAGE_SIZE.appUsers }),
      appUserSchema,
      read(`list the users assigned to app ${appId}`),
    );
  }

  getAppUser(appId: string, userId: string): Promise<AppUser | undefined> {
    return this.http.optional(
      `/api/v1/apps/${e(appId)}/users/${e(userId)}`,
      appUserSchema,
      read(`read the assignment of user ${userId} to app ${appId}`),
    );
  }

  assignUserToApp(appId: string, userId: string, profile: Record<string, unknown>): Promise<AppUser> {
    return this.writes.write(
      'app.user.assign',
      `user ${userId} -> app ${appId}`,
      { kind: 'app-user', appId, userId, present: true, profile },
      () =>
        this.http.json(
          'POST',
          `/api/v1/apps/${e(appId)}/users`,
          appUserSchema,
          appWrite(`assign user ${userId} to app ${appId}`),
          { id: userId, scope: 'USER', profile },
        ),
    );
  }

  updateAppUser(appId: string, userId: string, profile: Record<string, unknown>): Promise<AppUser> {
    return this.writes.write(
      'app.user.update',
      `user ${userId} in app ${appId}`,
      { kind: 'app-user', appId, userId, present: true, profile },
      () =>
        this.http.json(
          'POST',
          `/api/v1/apps/${e(appId)}/users/${e(userId)}`,
          appUserSchema,
          appWrite(`update user ${userId} in app ${appId}`),
          { profile },
        ),
    );
  }

  unassignUserFromApp(appId: string, userId: string): Promise<void> {
    return this.writes.write(
      'app.user.unassign',
      `user ${userId} -> app ${appId}`,
      { kind: 'app-user', appId, userId, present: false },
      () =>
        this.http.noContent(
          'DELETE',
          `/api/v1/apps/${e(appId)}/users/${e(userId)}`,
          appWrite(`unassign user ${userId} from app ${appId}`),
        ),
    );
  }

  listAppGroups(appId: string): Paged<AppGroupAssignment> {
    return this.http.paged(
      withQuery(`/api/v1/apps/${e(appId)}/groups`, { limit: PAGE_SIZE.appGroups }),
      appGroupSchema,
      read(`list the groups assigned to app ${appId}`),
    );
  }

  getAppGroup(appId: string, groupId: string): Promise<AppGroupAssignment | undefined> {
    return this.http.optional(
      `/api/v1/apps/${e(appId)}/groups/${e(groupId)}`,
      appGroupSchema,
      read(`read the assignment of group ${groupId} to app ${appId}`),
    );
  }

  assignGroupToApp(
    appId: string,
    groupId: string,
    options: { profile: Record<string, unknown>; priority?: number },
  ): Promise<AppGroupAssignment> {
    const body = {
      profile: options.profile,
      ...(options.priority === undefined ? {} : { priority: options.priority }),
    };
    return this.writes.write(
      'app.group.assign',
      `group ${groupId} -> app ${appId}`,
      { kind: 'app-group', appId, groupId, present: true, profile: options.profile },
      () =>
        this.http.json(
          'PUT',
          `/api/v1/apps/${e(appId)}/groups/${e(groupId)}`,
          appGroupSchema,
          appWrite(`assign group ${groupId} to app ${appId}`),
          body,
        ),
    );
  }

  unassignGroupFromApp(appId: string, groupId: string): Promise<void> {
    return this.writes.write(
      'app.group.unassign',
      `group ${groupId} -> app ${appId}`,
      { kind: 'app-group', appId, groupId, present: false },
      () =>
        this.http.noContent(
          'DELETE',
          `/api/v1/apps/${e(appId)}/groups/${e(groupId)}`,
          appWrite(`unassign group ${groupId} from app ${appId}`),
        ),
    );
  }

  getAppUserSchema(appId: string): Promise<AppUserSchema> {
    return this.http.json(
      'GET',
      `/api/v1/meta/schemas/apps/${e(appId)}/default`,
      appUserSchemaSchema,
      read(`read the user schema of app ${appId}`),
    );
  }

  getUserSchema(): Promise<AppUserSchema> {
    return this.http.json(
      'GET',
      '/api/v1/meta/schemas/user/default',
      appUserSchemaSchema,
      read("read the org's user profile schema"),
    );
  }

  updateAppUserSchema(appId: string, update: AppUserSchemaUpdate): Promise<AppUserSchema> {
    const names = Object.keys(update.custom).join(', ');
    return this.writes.write(
      'app.schema.update',
      `app ${appId} user schema (${names})`,
      { kind: 'app-schema', appId, custom: update.custom },
      () =>
        this.http.json(
          'POST',
          `/api/v1/meta/schemas/apps/${e(appId)}/default`,
          appUserSchemaSchema,
          { operation: `update the user schema of app ${appId}`, role: ROLE_FOR.schemaWrite },
          { definitions: { custom: { id: '#custom', type: 'object', properties: update.custom } } },
        ),
    );
  }

  getProvisioningConnection(appId: string): Promise<ProvisioningConnection> {
    return this.http.json(
      'GET',
      `/api/v1/apps/${e(appId)}/connections/default`,
      connectionSchema,
      read(`read the provisioning connection of app ${appId}`),
    );
  }

  setProvisioningConnection(
    appId: string,
    connection: { baseUrl?: string; token: string },
  ): Promise<ProvisioningConnection> {
    const body = {
      ...(connection.baseUrl === undefined ? {} : { baseUrl: connection.baseUrl }),
      profile: { authScheme: 'TOKEN', token: connection.token },
    };
    return this.writes.write(
      'app.provisioning.connection.set',
      `app ${appId}${connection.baseUrl ? ` (${connection.baseUrl})` : ''}`,
      // The token is a secret: the probe checks the scheme and URL only.
      { kind: 'connection', appId, ...(connection.baseUrl === undefined ? {} : { baseUrl: connection.baseUrl }) },
      () =>
        this.http.json(
          'POST',
          withQuery(`/api/v1/apps/${e(appId)}/connections/default`, { activate: false }),
          connectionSchema,
          appWrite(`set the provisioning connection of app ${appId}`),
          body,
        ),
    );
  }

  activateProvisioningConnection(appId: string): Promise<void> {
    return this.writes.write(
      'app.provisioning.connection.activate',
      `app ${appId}`,
      { kind: 'connection', appId, status: 'ENABLED' },
      () =>
        this.http.noContent(
          'POST',
          `/api/v1/apps/${e(appId)}/connections/default/lifecycle/activate`,
          appWrite(`activate the provisioning connection of app ${appId}`),
        ),
    );
  }

  listFeatures(appId: string): Promise<AppFeature[]> {
    return this.http
      .paged(`/api/v1/apps/${e(appId)}/features`, featureSchema, read(`list the provisioning features of app ${appId}`))
      .all();
  }

  updateUserProvisioningFeature(appId: string, capabilities: ProvisioningCapabilities): Promise<AppFeature> {
    return this.writes.write(
      'app.provisioning.feature.update',
      `app ${appId} USER_PROVISIONING`,
      { kind: 'feature', appId, capabilities: { ...capabilities } },
      () =>
        this.http.json(
          'PUT',
          `/api/v1/apps/${e(appId)}/features/USER_PROVISIONING`,
          featureSchema,
          appWrite(`update user provisioning of app ${appId}`),
          capabilities,
        ),
    );
  }
}
