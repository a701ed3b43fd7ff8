import { withQuery } from './http';
import { userSchema } from './models';
import type { OktaOrgApi } from './org-api';
import { PAGE_SIZE, read, userWrite, type OrgCalls } from './org-calls';

export type UserCalls = Pick<OktaOrgApi, 'listUsers' | 'getUser' | 'createUser'>;

/** The org's people: search, read one, create one. */
export function userCalls({ http, write }: OrgCalls): UserCalls {
  return {
    listUsers(query = {}) {
      return http.paged(
        withQuery('/api/v1/users', {
          q: query.q,
          search: query.search,
          filter: query.filter,
          limit: query.limit ?? (query.q ? undefined : PAGE_SIZE.users),
        }),
        userSchema,
        read('list users'),
      );
    },

    getUser(idOrLogin) {
      return http.optional(
        `/api/v1/users/${encodeURIComponent(idOrLogin)}`,
        userSchema,
        read(`read user ${idOrLogin}`),
      );
    },

    createUser(profile, options) {
      return write('user.create', `user ${profile.login}`, { kind: 'user-login', login: profile.login }, () =>
        http.json(
          'POST',
          withQuery('/api/v1/users', { activate: options.activate }),
          userSchema,
          userWrite(`create user ${profile.login}`),
          { profile },
        ),
      );
    },
  };
}
