import type { SandboxContext, SandboxPlugin } from '../context';
import { forbidden, malformedBody, validationFailed } from '../errors';
import { renderGroup } from '../render';
import { json, noContent } from '../router';
import { requireGroup } from './groups';
import { requireUser } from './users';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Creating Okta groups and changing their members, as the Groups API documents: names are unique
 * among Okta groups, adding or removing a member is idempotent and answers 204, and the built-in
 * Everyone group's members cannot be changed.
 */
export const groupWritesPlugin: SandboxPlugin = {
  name: 'group-writes',
  install(ctx: SandboxContext) {
    const { state } = ctx;
    ctx.router.add(
      {
        method: 'POST',
        path: '/api/v1/groups',
        auth: 'groups',
        handler: (req) => {
          const body = req.body;
          if (!isObject(body) || !isObject(body.profile)) throw malformedBody();
          const { name, description } = body.profile;
          if (typeof name !== 'string' || name.trim() === '')
            throw validationFailed('name', ['name: The field cannot be left blank']);
          const taken = [...state.groups.values()].some(
            (g) => g.type === 'OKTA_GROUP' && g.profile.name.toLowerCase() === name.trim().toLowerCase(),
          );
          if (taken)
            throw validationFailed('name', [
              'name: An object with this field already exists in the current organization',
            ]);
          const group = state.addGroup(name.trim(), typeof description === 'string' ? description : '');
          return json(200, renderGroup(group, ctx.baseUrl, state));
        },
      },
      {
        method: 'PUT',
        path: '/api/v1/groups/{groupId}/users/{userId}',
        auth: 'groups',
        handler: (req) => {
          const group = requireGroup(state, req.params.groupId ?? '');
          const user = requireUser(state, req.params.userId ?? '');
          if (group.type !== 'OKTA_GROUP') throw forbidden();
          state.addGroupMember(group.id, user.id);
          return noContent();
        },
      },
      {
        method: 'DELETE',
        path: '/api/v1/groups/{groupId}/users/{userId}',
        auth: 'groups',
        handler: (req) => {
          const group = requireGroup(state, req.params.groupId ?? '');
          const user = requireUser(state, req.params.userId ?? '');
          if (group.type !== 'OKTA_GROUP') throw forbidden();
          state.removeGroupMember(group.id, user.id);
          return noContent();
        },
      },
    );
  },
};
