import { isObject } from '../app-defaults';
import type { SandboxContext, SandboxPlugin } from '../context';
import { malformedBody, notFound, validationFailed } from '../errors';
import type { AppRecord, JsonObject } from '../model';
import { pageResponse } from '../pagination';
import { renderAppGroup, renderAppUser } from '../render';
import { json, noContent } from '../router';
import type { OrgState } from '../state';
import { requireApp } from './apps';
import { requireGroup } from './groups';
import { requireUser } from './users';

/** Rejects profile values the app user schema does not allow (unknown property, value outside `enum`). */
export function checkAppUserProfile(state: OrgState, app: AppRecord, profile: JsonObject): void {
  const schema = state.appSchema(app.id);
  for (const [name, value] of Object.entries(profile)) {
    const property = schema.custom[name];
    if (!property) {
      throw validationFailed('profile', [
        `${name}: Property name '${name}' is not defined in the app user schema of ${app.label}; add it to definitions.custom.properties first.`,
      ]);
    }
    const allowed = Array.isArray(property.enum) ? property.enum : undefined;
    if (value !== null && allowed && !allowed.includes(value)) {
      throw validationFailed(name, [`${name}: Does not match allowed values (${allowed.map(String).join(', ')})`]);
    }
  }
}

function readProfile(body: JsonObject): JsonObject {
  if (body.profile === undefined || body.profile === null) return {};
  if (!isObject(body.profile)) throw malformedBody();
  return body.profile;
}

function readUserName(body: JsonObject): string | undefined {
  if (body.credentials === undefined) return undefined;
  if (!isObject(body.credentials)) throw malformedBody();
  const userName = body.credentials.userName;
  if (userName === undefined) return undefined;
  if (typeof userName !== 'string' || userName.length < 1 || userName.length > 100) {
    throw validationFailed('userName', ['userName: Must be 1 to 100 characters']);
  }
  return userName;
}

export const appAssignmentsPlugin: SandboxPlugin = {
  name: 'app-assignments',
  install(ctx: SandboxContext) {
    const { state } = ctx;
    const appUserOf = (appId: string, userId: string) => {
      const appUser = state.assignments.getAppUser(appId, userId);
      if (!appUser) throw notFound(userId, 'AppUser');
      return appUser;
    };
    ctx.router.add(
      {
        method: 'GET',
        path: '/api/v1/apps/{appId}/users',
        auth: 'apps',
        handler: (req) => {
          const app = requireApp(state, req.params.appId ?? '');
          let appUsers = state.assignments.listAppUsers(app.id);
          const q = req.query.get('q')?.toLowerCase();
          if (q) {
            appUsers = appUsers.filter((au) => {
              const user = state.users.get(au.id);
              return [
                au.credentials.userName,
                user?.profile.firstName,
                user?.profile.lastName,
                user?.profile.email,
              ].some((v) => v?.toLowerCase().startsWith(q));
            });
          }
          return pageResponse(appUsers, req.url, { defaultLimit: 50, maxLimit: 500 }, (au) =>
            renderAppUser(au, ctx.baseUrl, state),
          );
        },
      },
      {
        method: 'POST',
        path: '/api/v1/apps/{appId}/users',
        auth: 'apps',
        handler: (req) => {
          const app = requireApp(state, req.params.appId ?? '');
          if (!isObject(req.body)) throw malformedBody();
          if (typeof req.body.id !== 'string' || req.body.id === '')
            throw validationFailed('id', ['id: The field cannot be left blank']);
          const user = requireUser(state, req.body.id);
          const profile = readProfile(req.body);
          checkAppUserProfile(state, app, profile);
          return json(
            200,
            renderAppUser(
              state.assignments.assignUser(app.id, user.id, profile, readUserName(req.body)),
              ctx.baseUrl,
              state,
            ),
          );
        },
      },
      {
        method: 'GET',
        path: '/api/v1/apps/{appId}/users/{userId}',
        auth: 'apps',
        handler: (req) => {
          const app = requireApp(state, req.params.appId ?? '');
          return json(200, renderAppUser(appUserOf(app.id, req.params.userId ?? ''), ctx.baseUrl, state));
        },
      },
      {
        method: 'POST',
        path: '/api/v1/apps/{appId}/users/{userId}',
        auth: 'apps',
        handler: (req) => {
          const app = requireApp(state, req.params.appId ?? '');
          const appUser = appUserOf(app.id, req.params.userId ?? '');
          if (!isObject(req.body)) throw malformedBody();
          const profile = readProfile(req.body);
          checkAppUserProfile(state, app, profile);
          const userName = readUserName(req.body);
          const updated = state.assignments.updateAppUser(app.id, appUser.id, {
            profile,
            ...(userName === undefined ? {} : { userName }),
          });
          return json(200, renderAppUser(updated ?? appUser, ctx.baseUrl, state));
        },
      },
      {
        method: 'DELETE',
        path: '/api/v1/apps/{appId}/users/{userId}',
        auth: 'apps',
        handler: (req) => {
          const app = requireApp(state, req.params.appId ?? '');
          state.assignments.unassignUser(app.id, appUserOf(app.id, req.params.userId ?? '').id);
          return noContent();
        },
      },
      {
        method: 'GET',
        path: '/api/v1/apps/{appId}/groups',
        auth: 'apps',
        handler: (req) => {
          const app = requireApp(state, req.params.appId ?? '');
          return pageResponse(
            state.assignments.listAppGroups(app.id),
            req.url,
            { defaultLimit: 20, maxLimit: 200 },
            (g) => renderAppGroup(g, ctx.baseUrl),
          );
        },
      },
      {
        method: 'PUT',
        path: '/api/v1/apps/{appId}/groups/{groupId}',
        auth: 'apps',
        handler: (req) => {
          const app = requireApp(state, req.params.appId ?? '');
          const group = requireGroup(state, req.params.groupId ?? '');
          const body = req.body === undefined ? {} : req.body;
          if (!isObject(body)) throw malformedBody();
          const profile = readProfile(body);
          checkAppUserProfile(state, app, profile);
          const priority = body.priority;
          if (priority !== undefined && (typeof priority !== 'number' || !Number.isInteger(priority) || priority < 0)) {
            throw validationFailed('priority', [
              'priority: Must be a whole number, 0 or more (0 is the highest priority)',
            ]);
          }
          return json(
            200,
            renderAppGroup(state.assignments.assignGroup(app.id, group.id, profile, priority), ctx.baseUrl),
          );
        },
      },
      {
        method: 'GET',
        path: '/api/v1/apps/{appId}/groups/{groupId}',
        auth: 'apps',
        handler: (req) => {
          const app = requireApp(state, req.params.appId ?? '');
          const assignment = state.assignments.getAppGroup(app.id, req.params.groupId ?? '');
          if (!assignment) throw notFound(req.params.groupId ?? '', 'AppGroup');
          return json(200, renderAppGroup(assignment, ctx.baseUrl));
        },
      },
      {
        method: 'DELETE',
        path: '/api/v1/apps/{appId}/groups/{groupId}',
        auth: 'apps',
        handler: (req) => {
          const app = requireApp(state, req.params.appId ?? '');
          if (!state.assignments.getAppGroup(app.id, req.params.groupId ?? ''))
            throw notFound(req.params.groupId ?? '', 'AppGroup');
          state.assignments.unassignGroup(app.id, req.params.groupId ?? '');
          return noContent();
        },
      },
    );
  },
};
