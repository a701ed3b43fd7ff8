import type {
  AppGroupRecord,
  AppRecord,
  AppUserRecord,
  GroupRecord,
  JsonObject,
  RoleRecord,
  SigningKeyRecord,
  UserRecord,
} from './model';
import type { OrgState } from './state';

/** The JSON Okta answers for each record, with `_links` made absolute against the org URL. */

export function renderApp(app: AppRecord, base: string): JsonObject {
  const self = `${base}/api/v1/apps/${app.id}`;
  const linkName = app.name === 'bookmark' ? 'login' : `${app.name}_link`;
  const lifecycle =
    app.status === 'ACTIVE'
      ? { deactivate: { href: `${self}/lifecycle/deactivate` } }
      : { activate: { href: `${self}/lifecycle/activate` } };
  return {
    id: app.id,
    name: app.name,
    label: app.label,
    status: app.status,
    lastUpdated: app.lastUpdated,
    created: app.created,
    ...app.body,
    features: app.features,
    signOnMode: app.signOnMode,
    _links: {
      help: { href: `${base}/app/${app.name}/${app.id}/setup/help/${app.signOnMode}/instructions`, type: 'text/html' },
      ...(app.signOnMode === 'SAML_2_0'
        ? { metadata: { href: `${self}/sso/saml/metadata`, type: 'application/xml' } }
        : {}),
      appLinks: [{ name: linkName, href: `${base}/home/${app.name}/${app.id}/${app.appLinkId}`, type: 'text/html' }],
      groups: { href: `${self}/groups` },
      logo: [
        {
          name: 'medium',
          href: `${base}/assets/img/logos/default.6770228fb0dab49a1695ef440a5279bb.png`,
          type: 'image/png',
        },
      ],
      users: { href: `${self}/users` },
      self: { href: self },
      ...lifecycle,
    },
  };
}

export function renderUser(user: UserRecord, base: string): JsonObject {
  return {
    id: user.id,
    status: user.status,
    created: user.created,
    activated: user.activated,
    statusChanged: user.statusChanged,
    lastLogin: user.lastLogin,
    lastUpdated: user.lastUpdated,
    passwordChanged: user.passwordChanged,
    type: { id: 'oty1default000000000' },
    profile: user.profile,
    credentials: { provider: { type: 'OKTA', name: 'OKTA' } },
    _links: { self: { href: `${base}/api/v1/users/${user.id}` } },
  };
}

export function renderGroup(group: GroupRecord, base: string, state: OrgState): JsonObject {
  return {
    id: group.id,
    created: group.created,
    lastUpdated: group.lastUpdated,
    lastMembershipUpdated: group.lastMembershipUpdated,
    objectClass: ['okta:user_group'],
    type: group.type,
    profile: group.profile,
    _embedded: { stats: { usersCount: state.groupMemberIds(group.id).size } },
    _links: {
      logo: [{ name: 'medium', href: `${base}/img/logos/groups/okta-medium.png`, type: 'image/png' }],
      users: { href: `${base}/api/v1/groups/${group.id}/users` },
      apps: { href: `${base}/api/v1/groups/${group.id}/apps` },
    },
  };
}

/** `state` names the group a GROUP-scoped app user came through, as Okta's `_links.group` does. */
export function renderAppUser(appUser: AppUserRecord, base: string, state: OrgState): JsonObject {
  const groupId = appUser.groupIds[0] ?? '';
  return {
    id: appUser.id,
    externalId: appUser.externalId,
    created: appUser.created,
    lastUpdated: appUser.lastUpdated,
    scope: appUser.direct ? 'USER' : 'GROUP',
    status: appUser.status,
    statusChanged: appUser.statusChanged,
    passwordChanged: null,
    syncState: appUser.syncState,
    lastSync: appUser.lastSync,
    credentials: { userName: appUser.credentials.userName },
    profile: appUser.profile,
    _links: {
      app: { href: `${base}/api/v1/apps/${appUser.appId}` },
      user: { href: `${base}/api/v1/users/${appUser.id}` },
      ...(appUser.direct
        ? {}
        : {
            group: {
              href: `${base}/api/v1/groups/${groupId}`,
              name: state.groups.get(groupId)?.profile.name ?? groupId,
            },
          }),
    },
  };
}

export function renderAppGroup(assignment: AppGroupRecord, base: string): JsonObject {
  return {
    id: assignment.id,
    lastUpdated: assignment.lastUpdated,
    priority: assignment.priority,
    profile: assignment.profile,
    _links: {
      app: { href: `${base}/api/v1/apps/${assignment.appId}` },
      self: { href: `${base}/api/v1/apps/${assignment.appId}/groups/${assignment.id}` },
      group: { href: `${base}/api/v1/groups/${assignment.id}` },
    },
  };
}

export function renderRole(role: RoleRecord, userId: string, base: string): JsonObject {
  return {
    id: role.id,
    label: role.label,
    type: role.type,
    status: role.status,
    created: role.created,
    lastUpdated: role.lastUpdated,
    assignmentType: role.assignmentType,
    _links: { assignee: { href: `${base}/api/v1/users/${userId}` } },
  };
}

export function renderKey(key: SigningKeyRecord): JsonObject {
  return {
    created: key.created,
    lastUpdated: key.lastUpdated,
    expiresAt: key.expiresAt,
    x5c: [key.certificateBase64],
    e: key.e,
    n: key.n,
    kid: key.kid,
    kty: 'RSA',
    use: 'sig',
    'x5t#S256': key.x5tS256,
  };
}
