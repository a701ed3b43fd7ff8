import { randomBytes } from 'node:crypto';
import type { AppUserRecord, JsonObject, UserRecord } from '../model';
import type { OrgState } from '../state';
import { SCIM_USER_URN, type ScimResource } from './okta-scim-client';

/**
 * What Okta sends about an assigned person, from the SCIM 2.0 protocol reference's "Create the
 * User" and "Update a specific User (PUT)" examples: the app username as userName, the name, one
 * work email marked primary, displayName, locale, the Okta user id as externalId, an empty groups
 * list, a throw-away password ("sent even if password sync isn't enabled") and active. Mapped
 * app-profile attributes ride along when they have an external name and namespace.
 */
interface Person {
  userName: string;
  givenName: string;
  familyName: string;
  email: string;
  mapped: JsonObject;
  /** URNs of extension namespaces that mapped attributes use. */
  extensions: string[];
}

function personOf(state: OrgState, user: UserRecord, appUser: AppUserRecord): Person {
  const mapped: JsonObject = {};
  const extensions: string[] = [];
  for (const [name, property] of Object.entries(state.appSchema(appUser.appId).custom)) {
    const externalName = typeof property.externalName === 'string' ? property.externalName : undefined;
    const namespace = typeof property.externalNamespace === 'string' ? property.externalNamespace : undefined;
    const value = appUser.profile[name];
    // Okta never sends an attribute without a namespace (Okta KB), nor an empty one (LAB incident 05).
    if (externalName === undefined || namespace === undefined || value === undefined || value === null || value === '')
      continue;
    if (namespace === SCIM_USER_URN) {
      mapped[externalName] = value;
      continue;
    }
    const nested = (mapped[namespace] ?? {}) as JsonObject;
    nested[externalName] = value;
    mapped[namespace] = nested;
    if (!extensions.includes(namespace)) extensions.push(namespace);
  }
  return {
    userName: appUser.credentials.userName,
    givenName: user.profile.firstName,
    familyName: user.profile.lastName,
    email: user.profile.email,
    mapped,
    extensions,
  };
}

/** The POST body of "Create the User", in the reference's order. */
export function createBody(state: OrgState, user: UserRecord, appUser: AppUserRecord): ScimResource {
  const p = personOf(state, user, appUser);
  return {
    schemas: [SCIM_USER_URN, ...p.extensions],
    userName: p.userName,
    name: { givenName: p.givenName, familyName: p.familyName },
    emails: [{ primary: true, value: p.email, type: 'work' }],
    displayName: `${p.givenName} ${p.familyName}`,
    locale: 'en-US',
    externalId: user.id,
    groups: [],
    password: randomBytes(6).toString('base64url'),
    active: true,
    ...p.mapped,
  };
}

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * "Okta modifies the attributes that were changed and runs a PUT method request with the new
 * body": the user as the vendor's GET returned it, with Okta's values laid over it. What Okta does
 * not manage (the vendor's own attributes, `meta`, a middle name) goes back unchanged.
 */
export function putBody(
  state: OrgState,
  user: UserRecord,
  appUser: AppUserRecord,
  current: ScimResource,
  active: boolean,
): ScimResource {
  const p = personOf(state, user, appUser);
  const schemas = Array.isArray(current.schemas) ? current.schemas.filter((s) => typeof s === 'string') : [];
  for (const urn of [SCIM_USER_URN, ...p.extensions]) if (!schemas.includes(urn)) schemas.push(urn);
  const extensions: JsonObject = {};
  for (const [key, value] of Object.entries(p.mapped))
    extensions[key] = isObject(value) && isObject(current[key]) ? { ...current[key], ...value } : value;
  return {
    ...current,
    schemas,
    userName: p.userName,
    name: { ...(isObject(current.name) ? current.name : {}), givenName: p.givenName, familyName: p.familyName },
    emails: emailsWith(current.emails, p.email),
    displayName: `${p.givenName} ${p.familyName}`,
    ...extensions,
    active,
  };
}

/** Keeps the vendor's email entries when the primary one already holds Okta's address. */
function emailsWith(current: unknown, email: string): unknown[] {
  const list = Array.isArray(current) ? current.filter(isObject) : [];
  const primary = list.find((e) => e.primary === true) ?? list[0];
  if (typeof primary?.value === 'string' && primary.value.toLowerCase() === email.toLowerCase()) return list;
  return [{ primary: true, value: email, type: 'work' }];
}
