import { buildOktaUser, ScimSchemas, type ScimUser } from '../../scim/client';
import type { AppUserRecord, JsonObject, UserRecord } from '../model';
import type { OrgState } from '../state';

/**
 * Okta's SCIM representation of an assigned user: the base mappings (userName = app username,
 * name, email, externalId = Okta user id) plus app-profile attributes that have an external name
 * and namespace. Core-namespace attributes go top level (`role`), others nest under their URN.
 */
export function scimUserFor(state: OrgState, user: UserRecord, appUser: AppUserRecord, active: boolean): ScimUser {
  return buildOktaUser({
    userName: appUser.credentials.userName,
    givenName: user.profile.firstName,
    familyName: user.profile.lastName,
    email: user.profile.email,
    externalId: user.id,
    active,
    extra: mappedAttributes(state, appUser),
  });
}

function mappedAttributes(state: OrgState, appUser: AppUserRecord): Record<string, unknown> {
  const extra: Record<string, unknown> = {};
  for (const [name, property] of Object.entries(state.appSchema(appUser.appId).custom)) {
    const externalName = typeof property.externalName === 'string' ? property.externalName : undefined;
    const namespace = typeof property.externalNamespace === 'string' ? property.externalNamespace : undefined;
    const value = appUser.profile[name];
    // Attributes without a namespace are never sent (Okta KB), nor are empty values.
    if (externalName === undefined || namespace === undefined || value === undefined || value === null || value === '')
      continue;
    if (namespace === ScimSchemas.user) {
      extra[externalName] = value;
    } else {
      const nested = (extra[namespace] ?? {}) as JsonObject;
      nested[externalName] = value;
      extra[namespace] = nested;
    }
  }
  return extra;
}

/** A PUT carries the full resource with its SCIM id and without the create-only placeholder password. */
export function replacementBody(body: ScimUser, scimId: string): ScimUser {
  const { password: _password, ...rest } = body;
  return { ...rest, id: scimId };
}
