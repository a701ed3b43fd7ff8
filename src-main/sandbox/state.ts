import { IdPrefix, now, oktaId } from './ids';
import type {
  AccessTokenGrant,
  AppGroupRecord,
  AppRecord,
  AppSchemaRecord,
  AppUserRecord,
  AssignmentEvent,
  GroupRecord,
  JsonObject,
  RoleRecord,
  RoleType,
  UserProfile,
  UserRecord,
} from './model';

export type * from './model';

export type AssignmentListener = (event: AssignmentEvent) => void;

/** The org as plain JSON data: what a practice org saves between launches. */
export interface OrgData {
  orgName: string;
  domain: string;
  users: UserRecord[];
  groups: GroupRecord[];
  apps: AppRecord[];
  apiTokens: [string, string][];
  members: [string, string[]][];
  roles: [string, RoleRecord[]][];
  appUsers: [string, AppUserRecord[]][];
  appGroups: [string, AppGroupRecord[]][];
  schemas: [string, AppSchemaRecord][];
}

const ROLE_LABELS: Record<RoleType, string> = {
  SUPER_ADMIN: 'Super Administrator',
  ORG_ADMIN: 'Organization Administrator',
  APP_ADMIN: 'Application Administrator',
  USER_ADMIN: 'Group Administrator',
  GROUP_MEMBERSHIP_ADMIN: 'Group Membership Administrator',
  READ_ONLY_ADMIN: 'Read Only Administrator',
};

/**
 * The whole org in memory. Maps keep insertion order, which is the order lists are answered in
 * and what pagination cursors walk. Mutate through the methods so assignment events fire.
 */
export class OrgState {
  /** Subdomain-like org name used in generated app names, e.g. `acme`. */
  readonly orgName: string;
  /** The org's primary email domain, e.g. `acme.example`. */
  readonly domain: string;
  readonly users = new Map<string, UserRecord>();
  readonly groups = new Map<string, GroupRecord>();
  readonly apps = new Map<string, AppRecord>();
  /** SSWS token -> the user it acts as (its creator). */
  readonly apiTokens = new Map<string, string>();
  /** OAuth access token -> grant; the OAuth server adds entries, `auth.ts` reads them. */
  readonly accessTokens = new Map<string, AccessTokenGrant>();
  private readonly loginIndex = new Map<string, string>();
  private readonly members = new Map<string, Set<string>>();
  private readonly memberOf = new Map<string, Set<string>>();
  private readonly roles = new Map<string, RoleRecord[]>();
  private readonly appUsers = new Map<string, Map<string, AppUserRecord>>();
  private readonly appGroups = new Map<string, Map<string, AppGroupRecord>>();
  private readonly schemas = new Map<string, AppSchemaRecord>();
  private readonly listeners = new Set<AssignmentListener>();

  constructor(orgName: string, domain: string) {
    this.orgName = orgName;
    this.domain = domain;
  }

  // Users

  addUser(profile: UserProfile, status: UserRecord['status'] = 'ACTIVE'): UserRecord {
    const at = now();
    const user: UserRecord = {
      id: oktaId(IdPrefix.user),
      status,
      created: at,
      // PROVISIONED is activated too, by email: the user has yet to set a password.
      activated: status === 'ACTIVE' || status === 'PROVISIONED' ? at : null,
      statusChanged: at,
      lastLogin: null,
      lastUpdated: at,
      passwordChanged: status === 'ACTIVE' ? at : null,
      profile,
    };
    this.users.set(user.id, user);
    this.loginIndex.set(profile.login.toLowerCase(), user.id);
    return user;
  }

  /**
   * Replaces the user's profile (the caller merged it for a partial update). Okta maps the user
   * profile into every app user, so each assignment gets an `updated` event for provisioning to push.
   */
  setUserProfile(userId: string, profile: UserProfile): UserRecord | undefined {
    const user = this.users.get(userId);
    if (!user) return undefined;
    this.loginIndex.delete(user.profile.login.toLowerCase());
    this.loginIndex.set(profile.login.toLowerCase(), user.id);
    user.profile = profile;
    user.lastUpdated = now();
    for (const [appId, appUsers] of this.appUsers) {
      const appUser = appUsers.get(userId);
      if (appUser) this.emit({ change: 'updated', appId, userId, appUser });
    }
    return user;
  }

  /** By id, or by login (case-insensitive) as `/api/v1/users/{idOrLogin}` allows. */
  getUser(idOrLogin: string): UserRecord | undefined {
    const id = this.users.has(idOrLogin) ? idOrLogin : this.loginIndex.get(idOrLogin.toLowerCase());
    return id === undefined ? undefined : this.users.get(id);
  }

  isLoginTaken(login: string): boolean {
    return this.loginIndex.has(login.toLowerCase());
  }

  // Groups

  addGroup(name: string, description: string, type: GroupRecord['type'] = 'OKTA_GROUP'): GroupRecord {
    const at = now();
    const group: GroupRecord = {
      id: oktaId(IdPrefix.group),
      created: at,
      lastUpdated: at,
      lastMembershipUpdated: at,
      type,
      profile: { name, description },
    };
    this.groups.set(group.id, group);
    this.members.set(group.id, new Set());
    return group;
  }

  groupMemberIds(groupId: string): ReadonlySet<string> {
    return this.members.get(groupId) ?? new Set();
  }

  userGroupIds(userId: string): ReadonlySet<string> {
    return this.memberOf.get(userId) ?? new Set();
  }

  /** Adds a member; apps the group is assigned to gain the user as a GROUP-scoped app user. */
  addGroupMember(groupId: string, userId: string): void {
    const set = this.members.get(groupId);
    const group = this.groups.get(groupId);
    if (!set || !group || set.has(userId)) return;
    set.add(userId);
    const groups = this.memberOf.get(userId) ?? new Set<string>();
    groups.add(groupId);
    this.memberOf.set(userId, groups);
    group.lastMembershipUpdated = now();
    for (const [appId, assigned] of this.appGroups) {
      if (assigned.has(groupId)) this.grantThroughGroup(appId, groupId, userId);
    }
  }

  /** Removes a member; apps assigned only through this group lose the user, as in Okta. */
  removeGroupMember(groupId: string, userId: string): void {
    const set = this.members.get(groupId);
    const group = this.groups.get(groupId);
    if (!set || !group || !set.delete(userId)) return;
    this.memberOf.get(userId)?.delete(groupId);
    group.lastMembershipUpdated = now();
    for (const [appId, assigned] of this.appGroups) {
      if (assigned.has(groupId)) this.withdrawThroughGroup(appId, groupId, userId);
    }
  }

  /** A lifecycle transition; the caller has checked it is one Okta allows. */
  setUserStatus(userId: string, status: UserRecord['status']): void {
    const user = this.users.get(userId);
    if (!user || user.status === status) return;
    const at = now();
    user.status = status;
    user.statusChanged = at;
    user.lastUpdated = at;
    if (status === 'ACTIVE' && user.activated === null) user.activated = at;
  }

  /**
   * Deactivation deprovisions: Okta removes a deactivated user from every app (direct and group
   * assignments alike), so each app user gets an `unassigned` event. Group memberships stay.
   */
  removeUserFromApps(userId: string): void {
    for (const [appId, appUsers] of this.appUsers) {
      const appUser = appUsers.get(userId);
      if (!appUser) continue;
      appUsers.delete(userId);
      this.emit({ change: 'unassigned', appId, userId, appUser });
    }
  }

  /** Reactivation: apps assigned to one of the user's groups give the user back, as on joining the group. */
  restoreGroupAssignments(userId: string): void {
    for (const groupId of this.userGroupIds(userId)) {
      for (const [appId, assigned] of this.appGroups) {
        if (assigned.has(groupId)) this.grantThroughGroup(appId, groupId, userId);
      }
    }
  }

  // Roles

  assignRole(userId: string, type: RoleType): RoleRecord {
    const at = now();
    const role: RoleRecord = {
      id: oktaId(IdPrefix.role),
      type,
      label: ROLE_LABELS[type],
      status: 'ACTIVE',
      assignmentType: 'USER',
      created: at,
      lastUpdated: at,
    };
    this.roles.set(userId, [...(this.roles.get(userId) ?? []), role]);
    return role;
  }

  rolesOf(userId: string): readonly RoleRecord[] {
    return this.roles.get(userId) ?? [];
  }

  // Apps

  putApp(app: AppRecord): void {
    this.apps.set(app.id, app);
  }

  /** Removes the app with its assignments and schema; emits `unassigned` for each app user. */
  deleteApp(appId: string): void {
    const users = [...(this.appUsers.get(appId)?.values() ?? [])];
    this.apps.delete(appId);
    this.appUsers.delete(appId);
    this.appGroups.delete(appId);
    this.schemas.delete(appId);
    for (const appUser of users) this.emit({ change: 'unassigned', appId, userId: appUser.id, appUser });
  }

  // App users and groups

  listAppUsers(appId: string): AppUserRecord[] {
    return [...(this.appUsers.get(appId)?.values() ?? [])];
  }

  getAppUser(appId: string, userId: string): AppUserRecord | undefined {
    return this.appUsers.get(appId)?.get(userId);
  }

  listAppGroups(appId: string): AppGroupRecord[] {
    return [...(this.appGroups.get(appId)?.values() ?? [])].sort((a, b) => a.priority - b.priority);
  }

  getAppGroup(appId: string, groupId: string): AppGroupRecord | undefined {
    return this.appGroups.get(appId)?.get(groupId);
  }

  /** Direct assignment (scope USER); an existing group-derived app user becomes USER-scoped. */
  assignUser(appId: string, userId: string, profile: JsonObject, userName?: string): AppUserRecord {
    const existing = this.getAppUser(appId, userId);
    if (existing) {
      existing.direct = true;
      existing.profile = { ...existing.profile, ...profile };
      if (userName !== undefined) existing.credentials.userName = userName;
      existing.lastUpdated = now();
      this.emit({ change: 'updated', appId, userId, appUser: existing });
      return existing;
    }
    return this.createAppUser(appId, userId, true, [], profile, userName);
  }

  /** A profile or credentials update (`POST /apps/{id}/users/{uid}`): merges like Okta does. */
  updateAppUser(
    appId: string,
    userId: string,
    change: {
      profile?: JsonObject;
      userName?: string;
      status?: string;
      syncState?: AppUserRecord['syncState'];
      externalId?: string | null;
      lastSync?: string | null;
    },
  ): AppUserRecord | undefined {
    const appUser = this.getAppUser(appId, userId);
    if (!appUser) return undefined;
    if (change.profile) appUser.profile = { ...appUser.profile, ...change.profile };
    if (change.userName !== undefined) appUser.credentials.userName = change.userName;
    if (change.status !== undefined && change.status !== appUser.status) {
      appUser.status = change.status;
      appUser.statusChanged = now();
    }
    if (change.syncState !== undefined) appUser.syncState = change.syncState;
    if (change.externalId !== undefined) appUser.externalId = change.externalId;
    if (change.lastSync !== undefined) appUser.lastSync = change.lastSync;
    appUser.lastUpdated = now();
    this.emit({ change: 'updated', appId, userId, appUser });
    return appUser;
  }

  /** Ends the direct assignment; a user still covered by an assigned group stays, as scope GROUP. */
  unassignUser(appId: string, userId: string): void {
    const appUser = this.getAppUser(appId, userId);
    if (!appUser) return;
    appUser.direct = false;
    if (appUser.groupIds.length > 0) {
      appUser.profile = this.groupProfileFor(appId, appUser.groupIds);
      appUser.lastUpdated = now();
      this.emit({ change: 'updated', appId, userId, appUser });
      return;
    }
    this.appUsers.get(appId)?.delete(userId);
    this.emit({ change: 'unassigned', appId, userId, appUser });
  }

  /** Assigns (or updates) a group; every member becomes an app user with the group's profile. */
  assignGroup(appId: string, groupId: string, profile: JsonObject, priority?: number): AppGroupRecord {
    const groups = this.appGroups.get(appId) ?? new Map<string, AppGroupRecord>();
    this.appGroups.set(appId, groups);
    const existing = groups.get(groupId);
    const nextPriority = groups.size === 0 ? 0 : Math.max(...[...groups.values()].map((g) => g.priority)) + 1;
    const record: AppGroupRecord = {
      id: groupId,
      appId,
      profile,
      lastUpdated: now(),
      priority: priority ?? existing?.priority ?? nextPriority,
    };
    groups.set(groupId, record);
    for (const userId of this.groupMemberIds(groupId)) this.grantThroughGroup(appId, groupId, userId);
    return record;
  }

  unassignGroup(appId: string, groupId: string): void {
    if (!this.appGroups.get(appId)?.delete(groupId)) return;
    for (const userId of this.groupMemberIds(groupId)) this.withdrawThroughGroup(appId, groupId, userId);
  }

  /** The user is no longer covered by `groupId` on `appId`: gone if nothing else assigns them, else re-profiled. */
  private withdrawThroughGroup(appId: string, groupId: string, userId: string): void {
    const appUser = this.getAppUser(appId, userId);
    if (!appUser) return;
    appUser.groupIds = appUser.groupIds.filter((g) => g !== groupId);
    if (!appUser.direct && appUser.groupIds.length === 0) {
      this.appUsers.get(appId)?.delete(userId);
      this.emit({ change: 'unassigned', appId, userId, appUser });
    } else {
      if (!appUser.direct) appUser.profile = this.groupProfileFor(appId, appUser.groupIds);
      appUser.lastUpdated = now();
      this.emit({ change: 'updated', appId, userId, appUser });
    }
  }

  // App user schema

  appSchema(appId: string): AppSchemaRecord {
    let schema = this.schemas.get(appId);
    if (!schema) {
      const at = this.apps.get(appId)?.created ?? now();
      schema = { created: at, lastUpdated: at, custom: {}, required: [] };
      this.schemas.set(appId, schema);
    }
    return schema;
  }

  // Saving and restoring

  /** Everything the org holds (OAuth grants aside: they are short-lived), as plain data. */
  toData(): OrgData {
    return {
      orgName: this.orgName,
      domain: this.domain,
      users: [...this.users.values()],
      groups: [...this.groups.values()],
      apps: [...this.apps.values()],
      apiTokens: [...this.apiTokens],
      members: [...this.members].map(([groupId, ids]) => [groupId, [...ids]]),
      roles: [...this.roles],
      appUsers: [...this.appUsers].map(([appId, users]) => [appId, [...users.values()]]),
      appGroups: [...this.appGroups].map(([appId, groups]) => [appId, [...groups.values()]]),
      schemas: [...this.schemas],
    };
  }

  /** The org `toData` saved, with its indexes rebuilt; no events fire. */
  static fromData(data: OrgData): OrgState {
    const state = new OrgState(data.orgName, data.domain);
    for (const user of data.users) {
      state.users.set(user.id, user);
      state.loginIndex.set(user.profile.login.toLowerCase(), user.id);
    }
    for (const group of data.groups) state.groups.set(group.id, group);
    for (const app of data.apps) state.apps.set(app.id, app);
    for (const [token, userId] of data.apiTokens) state.apiTokens.set(token, userId);
    for (const [groupId, userIds] of data.members) {
      state.members.set(groupId, new Set(userIds));
      for (const userId of userIds) state.memberOf.set(userId, (state.memberOf.get(userId) ?? new Set()).add(groupId));
    }
    for (const group of data.groups) if (!state.members.has(group.id)) state.members.set(group.id, new Set());
    for (const [userId, roles] of data.roles) state.roles.set(userId, roles);
    for (const [appId, users] of data.appUsers) state.appUsers.set(appId, new Map(users.map((u) => [u.id, u])));
    for (const [appId, groups] of data.appGroups) state.appGroups.set(appId, new Map(groups.map((g) => [g.id, g])));
    for (const [appId, schema] of data.schemas) state.schemas.set(appId, schema);
    return state;
  }

  // Events

  /** Subscribes to assignment changes; returns the unsubscribe function. */
  onAssignmentChanged(listener: AssignmentListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(event: AssignmentEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  private grantThroughGroup(appId: string, groupId: string, userId: string): void {
    const existing = this.getAppUser(appId, userId);
    if (!existing) {
      this.createAppUser(appId, userId, false, [groupId], this.groupProfileFor(appId, [groupId]));
      return;
    }
    if (!existing.groupIds.includes(groupId)) existing.groupIds.push(groupId);
    if (!existing.direct) existing.profile = this.groupProfileFor(appId, existing.groupIds);
    existing.lastUpdated = now();
    this.emit({ change: 'updated', appId, userId, appUser: existing });
  }

  /** The profile of the highest-priority (lowest number) assigned group among `groupIds`. */
  private groupProfileFor(appId: string, groupIds: string[]): JsonObject {
    const candidates = groupIds
      .map((g) => this.getAppGroup(appId, g))
      .filter((g): g is AppGroupRecord => g !== undefined);
    candidates.sort((a, b) => a.priority - b.priority);
    return { ...(candidates[0]?.profile ?? {}) };
  }

  private createAppUser(
    appId: string,
    userId: string,
    direct: boolean,
    groupIds: string[],
    profile: JsonObject,
    userName?: string,
  ): AppUserRecord {
    const user = this.users.get(userId);
    const app = this.apps.get(appId);
    const at = now();
    const appUser: AppUserRecord = {
      id: userId,
      appId,
      direct,
      groupIds,
      status: 'ACTIVE',
      syncState: 'DISABLED',
      externalId: null,
      lastSync: null,
      created: at,
      lastUpdated: at,
      statusChanged: at,
      credentials: { userName: userName ?? defaultUserName(app, user) },
      profile,
    };
    const map = this.appUsers.get(appId) ?? new Map<string, AppUserRecord>();
    map.set(userId, appUser);
    this.appUsers.set(appId, map);
    this.emit({ change: 'assigned', appId, userId, appUser });
    return appUser;
  }
}

/** The app's username format applied to the user: `${source.email}` or (Okta's default) `${source.login}`. */
export function defaultUserName(app: AppRecord | undefined, user: UserRecord | undefined): string {
  if (!user) return '';
  const credentials = app?.body.credentials as { userNameTemplate?: { template?: unknown } } | undefined;
  const template = credentials?.userNameTemplate?.template;
  return typeof template === 'string' && template.includes('source.email') ? user.profile.email : user.profile.login;
}
