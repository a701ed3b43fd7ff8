import { isObject } from '../app-defaults';
import type { SandboxContext, SandboxPlugin } from '../context';
import { malformedBody, notFound, validationFailed } from '../errors';
import { parseExpression } from '../filter';
import type { UserProfile, UserRecord } from '../model';
import { pageResponse } from '../pagination';
import { renderGroup, renderRole, renderUser } from '../render';
import { signInsOf } from '../oauth/sign-in';
import { json } from '../router';
import type { OrgState } from '../state';

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

export function requireUser(state: OrgState, idOrLogin: string): UserRecord {
  const user = state.getUser(idOrLogin);
  if (!user) throw notFound(idOrLogin, 'User');
  return user;
}

/** `q` is a prefix of first name, last name or email; `filter` and `search` take the basic expressions. */
export function matchingUsers(state: OrgState, query: URLSearchParams): UserRecord[] {
  let users = [...state.users.values()];
  const q = query.get('q')?.toLowerCase();
  if (q) {
    users = users.filter((u) =>
      [u.profile.firstName, u.profile.lastName, u.profile.email].some((v) => v.toLowerCase().startsWith(q)),
    );
  }
  const filter = query.get('filter');
  if (filter) {
    const matches = parseExpression(filter, [
      'status',
      'id',
      'profile.login',
      'profile.email',
      'profile.firstName',
      'profile.lastName',
    ]);
    users = users.filter((u) => matches(u));
  }
  const search = query.get('search');
  if (search) {
    const matches = parseExpression(search, ['status', 'id', 'profile.*']);
    users = users.filter((u) => matches(u));
  }
  return users;
}

export const usersPlugin: SandboxPlugin = {
  name: 'users',
  install(ctx: SandboxContext) {
    const { state } = ctx;
    ctx.router.add(
      {
        method: 'GET',
        path: '/api/v1/users',
        auth: 'users',
        handler: (req) => {
          return pageResponse(matchingUsers(state, req.query), req.url, { defaultLimit: 200, maxLimit: 200 }, (u) =>
            renderUser(u, ctx.baseUrl),
          );
        },
      },
      {
        method: 'POST',
        path: '/api/v1/users',
        auth: 'users',
        handler: (req) => {
          const profile = parseNewProfile(req.body, state);
          const password = newPassword(req.body);
          // As Okta: activated without a password, the user gets an activation email and stays
          // PROVISIONED (unable to sign in) until they set one.
          const status = req.query.get('activate') === 'false' ? 'STAGED' : password ? 'ACTIVE' : 'PROVISIONED';
          const user = state.addUser(profile, status);
          if (password) signInsOf(state).setPassword(user.id, password);
          const everyone = [...state.groups.values()].find((g) => g.type === 'BUILT_IN');
          if (everyone) state.addGroupMember(everyone.id, user.id);
          return json(200, renderUser(user, ctx.baseUrl));
        },
      },
      {
        method: 'GET',
        path: '/api/v1/users/me',
        auth: 'self',
        handler: (req) => json(200, renderUser(requireUser(state, req.caller?.userId ?? ''), ctx.baseUrl)),
      },
      {
        method: 'GET',
        path: '/api/v1/users/{id}',
        auth: 'users',
        handler: (req) => json(200, renderUser(requireUser(state, req.params.id ?? ''), ctx.baseUrl)),
      },
      ...(['POST', 'PUT'] as const).map((method) => ({
        method,
        path: '/api/v1/users/{id}',
        auth: 'users' as const,
        handler: (req: { params: Record<string, string | undefined>; body: unknown }) => {
          const user = requireUser(state, req.params.id ?? '');
          const profile = updatedProfile(req.body, user, state, method === 'POST');
          const password = newPassword(req.body);
          state.setUserProfile(user.id, profile);
          if (password) {
            signInsOf(state).setPassword(user.id, password);
            user.passwordChanged = new Date().toISOString();
          }
          return json(200, renderUser(user, ctx.baseUrl));
        },
      })),
      {
        method: 'GET',
        path: '/api/v1/users/{id}/groups',
        auth: 'users',
        handler: (req) => {
          const user = requireUser(state, req.params.id ?? '');
          const groups = [...state.userGroupIds(user.id)]
            .map((id) => state.groups.get(id))
            .filter((g) => g !== undefined);
          return json(
            200,
            groups.map((g) => renderGroup(g, ctx.baseUrl, state)),
          );
        },
      },
      {
        method: 'GET',
        path: '/api/v1/users/{id}/roles',
        auth: 'roles',
        handler: (req) => {
          const user = requireUser(state, req.params.id ?? '');
          return json(
            200,
            state.rolesOf(user.id).map((r) => renderRole(r, user.id, ctx.baseUrl)),
          );
        },
      },
    );
  },
};

/** `credentials.password.value`, when the request sets one. */
function newPassword(body: unknown): string | undefined {
  const credentials = isObject(body) ? body.credentials : undefined;
  const password = isObject(credentials) ? credentials.password : undefined;
  const value = isObject(password) ? password.value : undefined;
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function parseNewProfile(body: unknown, state: OrgState): UserProfile {
  if (!isObject(body) || (body.profile !== undefined && !isObject(body.profile))) throw malformedBody();
  return checkedProfile(isObject(body.profile) ? body.profile : {}, state, undefined);
}

/**
 * The profile after `POST` (partial: the request's properties laid over the current ones) or
 * `PUT` (replace: what the request leaves out is gone), checked as on create.
 */
function updatedProfile(body: unknown, user: UserRecord, state: OrgState, partial: boolean): UserProfile {
  if (!isObject(body) || (body.profile !== undefined && !isObject(body.profile))) throw malformedBody();
  if (body.profile === undefined) return user.profile;
  const profile = partial ? { ...user.profile, ...body.profile } : body.profile;
  return checkedProfile(profile, state, user.id);
}

/** Okta's four required base properties, as Okta words their errors; the login unique in the org. */
function checkedProfile(profile: Record<string, unknown>, state: OrgState, selfId: string | undefined): UserProfile {
  const text = (field: string): string => {
    const value = profile[field];
    if (typeof value !== 'string' || value.trim() === '')
      throw validationFailed(field, [`${field}: The field cannot be left blank`]);
    return value.trim();
  };
  const login = text('login');
  const email = text('email');
  for (const [field, value] of [
    ['login', login],
    ['email', email],
  ] as const) {
    if (!EMAIL.test(value))
      throw validationFailed(field, [
        `${field}: Does not match required pattern (an email address such as ann@example.com)`,
      ]);
  }
  if (state.isLoginTaken(login) && state.getUser(login)?.id !== selfId)
    throw validationFailed('login', ['login: An object with this field already exists in the current organization']);
  return { ...profile, login, email, firstName: text('firstName'), lastName: text('lastName') };
}
