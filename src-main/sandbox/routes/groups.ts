import type { SandboxContext, SandboxPlugin } from '../context';
import { notFound } from '../errors';
import { parseExpression } from '../filter';
import type { GroupRecord } from '../model';
import { pageResponse } from '../pagination';
import { renderGroup, renderUser } from '../render';
import { json } from '../router';
import type { OrgState } from '../state';

export function requireGroup(state: OrgState, groupId: string): GroupRecord {
  const group = state.groups.get(groupId);
  if (!group) throw notFound(groupId, 'UserGroup');
  return group;
}

export const groupsPlugin: SandboxPlugin = {
  name: 'groups',
  install(ctx: SandboxContext) {
    const { state } = ctx;
    ctx.router.add(
      {
        method: 'GET',
        path: '/api/v1/groups',
        auth: 'groups',
        handler: (req) => {
          let groups = [...state.groups.values()];
          const q = req.query.get('q')?.toLowerCase();
          if (q) groups = groups.filter((g) => g.profile.name.toLowerCase().startsWith(q));
          for (const param of ['search', 'filter']) {
            const expression = req.query.get(param);
            if (!expression) continue;
            const matches = parseExpression(expression, ['id', 'type', 'profile.*']);
            groups = groups.filter((g) => matches(g));
          }
          return pageResponse(groups, req.url, { defaultLimit: 10_000, maxLimit: 10_000 }, (g) =>
            renderGroup(g, ctx.baseUrl, state),
          );
        },
      },
      {
        method: 'GET',
        path: '/api/v1/groups/{groupId}',
        auth: 'groups',
        handler: (req) => json(200, renderGroup(requireGroup(state, req.params.groupId ?? ''), ctx.baseUrl, state)),
      },
      {
        method: 'GET',
        path: '/api/v1/groups/{groupId}/users',
        auth: 'groups',
        handler: (req) => {
          const group = requireGroup(state, req.params.groupId ?? '');
          const users = [...state.groupMemberIds(group.id)]
            .map((id) => state.users.get(id))
            .filter((u) => u !== undefined);
          return pageResponse(users, req.url, { defaultLimit: 1000, maxLimit: 1000 }, (u) =>
            renderUser(u, ctx.baseUrl),
          );
        },
      },
    );
  },
};
