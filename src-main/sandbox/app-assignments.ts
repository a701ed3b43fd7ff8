import { now } from './ids';
import type { AppGroupRecord, AppRecord, AppUserRecord, AssignmentEvent, JsonObject, UserRecord } from './model';

export type AssignmentListener = (event: AssignmentEvent) => void;

/** What the assignments read from the rest of the org. */
export interface AssignmentOrg {
  readonly users: ReadonlyMap<string, UserRecord>;
  readonly apps: ReadonlyMap<string, AppRecord>;
  groupMemberIds(groupId: string): ReadonlySet<string>;
}

/**
 * Who each app is assigned to, as Okta keeps it: app users assigned directly (scope USER) or
 * through an assigned group (scope GROUP, with the profile of the highest-priority group), and
 * the events provisioning pushes from. Mutate through the methods so the events fire.
 */
export class AppAssignments {
  private readonly appUsers = new Map<string, Map<string, AppUserRecord>>();
  private readonly appGroups = new Map<string, Map<string, AppGroupRecord>>();
  private readonly listeners = new Set<AssignmentListener>();

  constructor(private readonly org: AssignmentOrg) {}

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
    for (const userId of this.org.groupMemberIds(groupId)) this.grantThroughGroup(appId, groupId, userId);
    return record;
  }

  unassignGroup(appId: string, groupId: string): void {
    if (!this.appGroups.get(appId)?.delete(groupId)) return;
    for (const userId of this.org.groupMemberIds(groupId)) this.withdrawThroughGroup(appId, groupId, userId);
  }

  /** A user joined `groupId`: each app the group is assigned to gains them as a GROUP-scoped app user. */
  memberJoined(groupId: string, userId: string): void {
    for (const [appId, assigned] of this.appGroups) {
      if (assigned.has(groupId)) this.grantThroughGroup(appId, groupId, userId);
    }
  }

  /** A user left `groupId`: apps assigned only through it lose them, as in Okta. */
  memberLeft(groupId: string, userId: string): void {
    for (const [appId, assigned] of this.appGroups) {
      if (assigned.has(groupId)) this.withdrawThroughGroup(appId, groupId, userId);
    }
  }

  /** Okta maps the user profile into every app user, so each assignment gets an `updated` event. */
  userProfileChanged(userId: string): void {
    for (const [appId, appUsers] of this.appUsers) {
      const appUser = appUsers.get(userId);
      if (appUser) this.emit({ change: 'updated', appId, userId, appUser });
    }
  }

  /** The user leaves every app (direct and group assignments alike); each app user gets `unassigned`. */
  removeUser(userId: string): void {
    for (const [appId, appUsers] of this.appUsers) {
      const appUser = appUsers.get(userId);
      if (!appUser) continue;
      appUsers.delete(userId);
      this.emit({ change: 'unassigned', appId, userId, appUser });
    }
  }

  /** Drops the app's users and groups; emits `unassigned` for each app user. */
  removeApp(appId: string): void {
    const users = this.listAppUsers(appId);
    this.appUsers.delete(appId);
    this.appGroups.delete(appId);
    for (const appUser of users) this.emit({ change: 'unassigned', appId, userId: appUser.id, appUser });
  }

  /** Subscribes to assignment changes; returns the unsubscribe function. */
  onAssignmentChanged(listener: AssignmentListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Every app's users and groups, as plain data for saving. */
  toData(): { appUsers: [string, AppUserRecord[]][]; appGroups: [string, AppGroupRecord[]][] } {
    return {
      appUsers: [...this.appUsers].map(([appId, users]) => [appId, [...users.values()]]),
      appGroups: [...this.appGroups].map(([appId, groups]) => [appId, [...groups.values()]]),
    };
  }

  /** Puts back what `toData` saved; no events fire. */
  restore(data: { appUsers: [string, AppUserRecord[]][]; appGroups: [string, AppGroupRecord[]][] }): void {
    for (const [appId, users] of data.appUsers) this.appUsers.set(appId, new Map(users.map((u) => [u.id, u])));
    for (const [appId, groups] of data.appGroups) this.appGroups.set(appId, new Map(groups.map((g) => [g.id, g])));
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
      credentials: { userName: userName ?? defaultUserName(this.org.apps.get(appId), this.org.users.get(userId)) },
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
function defaultUserName(app: AppRecord | undefined, user: UserRecord | undefined): string {
  if (!user) return '';
  const credentials = app?.body.credentials as { userNameTemplate?: { template?: unknown } } | undefined;
  const template = credentials?.userNameTemplate?.template;
  return typeof template === 'string' && template.includes('source.email') ? user.profile.email : user.profile.login;
}
