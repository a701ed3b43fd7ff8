import { withQuery } from './http';
import { appGroupSchema, appUserSchema } from './models';
import type { OktaOrgApi } from './org-api';
import { PAGE_SIZE, appWrite, read, type OrgCalls } from './org-calls';

const e = encodeURIComponent;

export type AppAssignmentCalls = Pick<
  OktaOrgApi,
  | 'listAppUsers'
  | 'getAppUser'
  | 'assignUserToApp'
  | 'updateAppUser'
  | 'unassignUserFromApp'
  | 'listAppGroups'
  | 'getAppGroup'
  | 'assignGroupToApp'
  | 'unassignGroupFromApp'
>;

/** Who an app is assigned to: its users (with their app profiles) and its groups. */
export function appAssignmentCalls({ http, write }: OrgCalls): AppAssignmentCalls {
  return {
    listAppUsers(appId) {
      return http.paged(
        withQuery(`/api/v1/apps/${e(appId)}/users`, { limit: PAGE_SIZE.appUsers }),
        appUserSchema,
        read(`list the users assigned to app ${appId}`),
      );
    },

    getAppUser(appId, userId) {
      return http.optional(
        `/api/v1/apps/${e(appId)}/users/${e(userId)}`,
        appUserSchema,
        read(`read the assignment of user ${userId} to app ${appId}`),
      );
    },

    assignUserToApp(appId, userId, profile) {
      return write(
        'app.user.assign',
        `user ${userId} -> app ${appId}`,
        { kind: 'app-user', appId, userId, present: true, profile },
        () =>
          http.json(
            'POST',
            `/api/v1/apps/${e(appId)}/users`,
            appUserSchema,
            appWrite(`assign user ${userId} to app ${appId}`),
            { id: userId, scope: 'USER', profile },
          ),
      );
    },

    updateAppUser(appId, userId, profile) {
      return write(
        'app.user.update',
        `user ${userId} in app ${appId}`,
        { kind: 'app-user', appId, userId, present: true, profile },
        () =>
          http.json(
            'POST',
            `/api/v1/apps/${e(appId)}/users/${e(userId)}`,
            appUserSchema,
            appWrite(`update user ${userId} in app ${appId}`),
            { profile },
          ),
      );
    },

    unassignUserFromApp(appId, userId) {
      return write(
        'app.user.unassign',
        `user ${userId} -> app ${appId}`,
        { kind: 'app-user', appId, userId, present: false },
        () =>
          http.noContent(
            'DELETE',
            `/api/v1/apps/${e(appId)}/users/${e(userId)}`,
            appWrite(`unassign user ${userId} from app ${appId}`),
          ),
      );
    },

    listAppGroups(appId) {
      return http.paged(
        withQuery(`/api/v1/apps/${e(appId)}/groups`, { limit: PAGE_SIZE.appGroups }),
        appGroupSchema,
        read(`list the groups assigned to app ${appId}`),
      );
    },

    getAppGroup(appId, groupId) {
      return http.optional(
        `/api/v1/apps/${e(appId)}/groups/${e(groupId)}`,
        appGroupSchema,
        read(`read the assignment of group ${groupId} to app ${appId}`),
      );
    },

    assignGroupToApp(appId, groupId, options) {
      const body = {
        profile: options.profile,
        ...(options.priority === undefined ? {} : { priority: options.priority }),
      };
      return write(
        'app.group.assign',
        `group ${groupId} -> app ${appId}`,
        { kind: 'app-group', appId, groupId, present: true, profile: options.profile },
        () =>
          http.json(
            'PUT',
            `/api/v1/apps/${e(appId)}/groups/${e(groupId)}`,
            appGroupSchema,
            appWrite(`assign group ${groupId} to app ${appId}`),
            body,
          ),
      );
    },

    unassignGroupFromApp(appId, groupId) {
      return write(
        'app.group.unassign',
        `group ${groupId} -> app ${appId}`,
        { kind: 'app-group', appId, groupId, present: false },
        () =>
          http.noContent(
            'DELETE',
            `/api/v1/apps/${e(appId)}/groups/${e(groupId)}`,
            appWrite(`unassign group ${groupId} from app ${appId}`),
          ),
      );
    },
  };
}
