import { AppError } from '../errors';
import type { OktaHttp } from './http';
import { roleSchema, userSchema } from './models';
import type { AdminRole, AuthMethod, CallerIdentity } from './org-api';
import { read } from './org-calls';
import { ROLE_FOR } from './permissions';

const e = encodeURIComponent;

export interface Caller {
  orgUrl: string;
  authMethod: AuthMethod;
  /** For OAuth: the scopes the current token carries. */
  scopes: string[] | undefined;
  /** For a service app: its client id, which holds the roles instead of a user. */
  serviceClientId?: string;
}

/**
 * Who the client signs in as and which admin roles it holds. Roles Okta will not list (the
 * caller lacks the permission to read them) are reported as unreadable, not as none.
 */
export async function whoAmI(http: OktaHttp, caller: Caller): Promise<CallerIdentity> {
  const base = { orgUrl: caller.orgUrl, authMethod: caller.authMethod, scopes: caller.scopes };
  const service = caller.serviceClientId;
  let userId: string | undefined;
  let login: string | undefined;
  let displayName: string;
  let rolesPath: string;
  if (service !== undefined) {
    displayName = `service app ${service}`;
    rolesPath = `/oauth2/v1/clients/${e(service)}/roles`;
  } else {
    const me = await http.json('GET', '/api/v1/users/me', userSchema, read('read the signed-in user (/users/me)'));
    userId = me.id;
    login = me.profile.login;
    displayName = [me.profile.firstName, me.profile.lastName].filter(Boolean).join(' ') || me.profile.login;
    rolesPath = `/api/v1/users/${e(me.id)}/roles`;
  }
  let roles: AdminRole[] = [];
  let rolesUnreadable: string | undefined;
  try {
    roles = await http.json('GET', rolesPath, roleSchema.array(), {
      operation: 'list your admin roles',
      role: ROLE_FOR.roles,
    });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    rolesUnreadable = error.message;
  }
  return { ...base, userId, login, displayName, roles, rolesUnreadable };
}
