import { withQuery } from './http';
import { groupSchema, userSchema } from './models';
import type { OktaOrgApi } from './org-api';
import { PAGE_SIZE, groupWrite, read, type OrgCalls } from './org-calls';

const e = encodeURIComponent;

export type GroupCalls = Pick<
  OktaOrgApi,
  'listGroups' | 'listGroupMembers' | 'createGroup' | 'addGroupMember' | 'removeGroupMember'
>;

/** The org's groups and their members. */
export function groupCalls({ http, write }: OrgCalls): GroupCalls {
  return {
    listGroups(query = {}) {
      return http.paged(
        withQuery('/api/v1/groups', { q: query.q, search: query.search, limit: query.limit }),
        groupSchema,
        read('list groups'),
      );
    },

    listGroupMembers(groupId) {
      return http.paged(
        withQuery(`/api/v1/groups/${e(groupId)}/users`, { limit: PAGE_SIZE.groupMembers }),
        userSchema,
        read(`list the members of group ${groupId}`),
      );
    },

    createGroup(name, description) {
      return write('group.create', `group "${name}"`, { kind: 'group-name', name }, () =>
        http.json('POST', '/api/v1/groups', groupSchema, groupWrite(`create group "${name}"`), {
          profile: { name, description },
        }),
      );
    },

    addGroupMember(groupId, userId) {
      return write(
        'group.member.add',
        `user ${userId} -> group ${groupId}`,
        { kind: 'group-member', groupId, userId, present: true },
        () =>
          http.noContent(
            'PUT',
            `/api/v1/groups/${e(groupId)}/users/${e(userId)}`,
            groupWrite(`add user ${userId} to group ${groupId}`),
          ),
      );
    },

    removeGroupMember(groupId, userId) {
      return write(
        'group.member.remove',
        `user ${userId} -> group ${groupId}`,
        { kind: 'group-member', groupId, userId, present: false },
        () =>
          http.noContent(
            'DELETE',
            `/api/v1/groups/${e(groupId)}/users/${e(userId)}`,
            groupWrite(`remove user ${userId} from group ${groupId}`),
          ),
      );
    },
  };
}
