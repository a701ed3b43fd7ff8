import { IdPrefix, now, oktaId } from './ids';
import { AppAssignments } from './app-assignments';
import type {
  AccessTokenGrant,
  AppGroupRecord,
  AppRecord,
  AppSchemaRecord,
  AppUserRecord,
  GroupRecord,
  RoleRecord,
  RoleType,
  UserProfile,
  UserRecord,
} from './model';

export type * from './model';

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
 * and what pagination cursors walk. Who each app is assigned to is `assignments`; mutate users,
 * groups and apps through the methods here so its events fire.
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
  private readonly schemas = new Map<string, AppSchemaRecord>();
  readonly assignments = new AppAssignments(this);

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
    this.assignments.userProfileChanged(userId);
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
    this.assignments.memberJoined(groupId, userId);
  }

  /** Removes a member; apps assigned only through this group lose the user, as in Okta. */
  removeGroupMember(groupId: string, userId: string): void {
    const set = this.members.get(groupId);
    const group = this.groups.get(groupId);
    if (!set || !group || !set.delete(userId)) return;
    this.memberOf.get(userId)?.delete(groupId);
    group.lastMembershipUpdated = now();
    this.assignments.memberLeft(groupId, userId);
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
    this.assignments.removeUser(userId);
  }

  /** Reactivation: apps assigned to one of the user's groups give the user back, as on joining the group. */
  restoreGroupAssignments(userId: string): void {
    for (const groupId of this.userGroupIds(userId)) this.assignments.memberJoined(groupId, userId);
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
    this.apps.delete(appId);
    this.schemas.delete(appId);
    this.assignments.removeApp(appId);
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
      ...this.assignments.toData(),
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
    state.assignments.restore(data);
    for (const [appId, schema] of data.schemas) state.schemas.set(appId, schema);
    return state;
  }
}
