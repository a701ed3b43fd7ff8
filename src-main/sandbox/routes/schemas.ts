import { isObject } from '../app-defaults';
import type { SandboxContext, SandboxPlugin } from '../context';
import { malformedBody, validationFailed } from '../errors';
import { now } from '../ids';
import type { AppRecord, JsonObject } from '../model';
import { json } from '../router';
import type { OrgState } from '../state';
import { requireApp } from './apps';

const TYPES = ['string', 'boolean', 'number', 'integer', 'array'];
const MASTER_TYPES = ['PROFILE_MASTER', 'OKTA', 'OVERRIDE'];

/**
 * Every app user has Okta's username in its base schema; this is the property as recorded from a
 * real org (terraform-provider-okta's cassettes). Those record OIDC apps, whose base also carries
 * the OIDC claims; a SAML or bookmark app has only the username.
 */
const APP_USER_NAME = { title: 'Username', type: 'string', required: true, scope: 'SELF' };

export function renderAppSchema(state: OrgState, app: AppRecord, base: string): JsonObject {
  const schema = state.appSchema(app.id);
  const id = `${base}/meta/schemas/apps/${app.id}/default`;
  return {
    id,
    $schema: 'http://json-schema.org/draft-04/schema#',
    name: app.name,
    title: `${app.label} User`,
    lastUpdated: schema.lastUpdated,
    created: schema.created,
    definitions: {
      custom: { id: '#custom', type: 'object', properties: schema.custom, required: schema.required },
      base: { id: '#base', type: 'object', properties: { userName: APP_USER_NAME }, required: ['userName'] },
    },
    type: 'object',
    properties: { profile: { allOf: [{ $ref: '#/definitions/custom' }, { $ref: '#/definitions/base' }] } },
    _links: { self: { href: `${base}/api/v1/meta/schemas/apps/${app.id}/default`, method: 'GET', rel: 'self' } },
  };
}

/**
 * A partial update: each property under `definitions.custom.properties` is added or replaced,
 * `null` removes it; `definitions.custom.required` replaces the required list.
 */
function applySchemaUpdate(state: OrgState, app: AppRecord, body: unknown): void {
  if (!isObject(body)) throw malformedBody();
  const definitions = body.definitions;
  if (definitions !== undefined && !isObject(definitions)) throw malformedBody();
  const custom = definitions?.custom;
  if (custom === undefined) return;
  if (!isObject(custom)) throw malformedBody();
  const properties = custom.properties ?? {};
  if (!isObject(properties)) throw malformedBody();
  const schema = state.appSchema(app.id);
  const next = { ...schema.custom };
  for (const [name, definition] of Object.entries(properties)) {
    if (definition === null) delete next[name];
    else next[name] = checkProperty(name, definition);
  }
  let required = schema.required.filter((r) => r in next);
  if (custom.required !== undefined) {
    if (!Array.isArray(custom.required) || !custom.required.every((r) => typeof r === 'string')) throw malformedBody();
    const unknown = custom.required.find((r) => !(r in next));
    if (unknown !== undefined)
      throw validationFailed('required', [`required: '${String(unknown)}' is not a property of the app user schema`]);
    required = custom.required;
  }
  schema.custom = next;
  schema.required = required;
  schema.lastUpdated = now();
}

function checkProperty(name: string, definition: unknown): JsonObject {
  if (!isObject(definition)) throw malformedBody();
  const fail = (reason: string) => validationFailed(name, [`${name}: ${reason}`]);
  if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(name))
    throw fail('Property names start with a letter and use letters, digits and underscores only');
  if (typeof definition.title !== 'string' || definition.title.trim() === '')
    throw fail('title: The field cannot be left blank');
  const type = definition.type;
  if (typeof type !== 'string' || !TYPES.includes(type))
    throw fail(`type: Not one of the allowed values (${TYPES.join(', ')})`);
  const fitsType = (v: unknown): boolean =>
    type === 'string' || type === 'array'
      ? typeof v === 'string'
      : type === 'boolean'
        ? typeof v === 'boolean'
        : typeof v === 'number' && (type === 'number' || Number.isInteger(v));
  const values = type === 'array' && isObject(definition.items) ? definition.items.enum : definition.enum;
  if (
    values !== undefined &&
    values !== null &&
    (!Array.isArray(values) || values.length === 0 || !values.every(fitsType))
  ) {
    throw fail(`enum: Must be a non-empty list of ${type === 'array' ? 'string' : type} values`);
  }
  const oneOf = type === 'array' && isObject(definition.items) ? definition.items.oneOf : definition.oneOf;
  if (oneOf !== undefined && oneOf !== null) {
    const entries = Array.isArray(oneOf) ? oneOf : [];
    if (
      entries.length === 0 ||
      !entries.every((e) => isObject(e) && fitsType(e.const) && typeof e.title === 'string' && e.title !== '')
    ) {
      throw fail('oneOf: Each entry needs a const of the property type and a non-empty title');
    }
    const consts = entries.map((e) => (e as JsonObject).const);
    if (Array.isArray(values) && (consts.length !== values.length || consts.some((c, i) => c !== values[i]))) {
      throw fail('enum and oneOf must list the same values in the same order');
    }
  }
  for (const field of ['externalName', 'externalNamespace', 'description'] as const) {
    if (definition[field] !== undefined && typeof definition[field] !== 'string')
      throw fail(`${field}: Must be a string`);
  }
  if (definition.scope !== undefined && definition.scope !== 'NONE' && definition.scope !== 'SELF')
    throw fail('scope: Not one of the allowed values (NONE, SELF)');
  const master = definition.master;
  if (
    master !== undefined &&
    master !== null &&
    (!isObject(master) || typeof master.type !== 'string' || !MASTER_TYPES.includes(master.type))
  ) {
    throw fail(`master.type: Not one of the allowed values (${MASTER_TYPES.join(', ')})`);
  }
  return { scope: 'NONE', master: { type: 'PROFILE_MASTER' }, ...definition };
}

/** The base Okta user profile (the spec's UserSchemaBaseProperties), each a string attribute. */
const USER_BASE = [
  ['login', 'Username'],
  ['firstName', 'First name'],
  ['lastName', 'Last name'],
  ['middleName', 'Middle name'],
  ['honorificPrefix', 'Honorific prefix'],
  ['honorificSuffix', 'Honorific suffix'],
  ['email', 'Primary email'],
  ['title', 'Title'],
  ['displayName', 'Display name'],
  ['nickName', 'Nickname'],
  ['profileUrl', 'Profile Url'],
  ['secondEmail', 'Secondary email'],
  ['mobilePhone', 'Mobile phone'],
  ['primaryPhone', 'Primary phone'],
  ['streetAddress', 'Street address'],
  ['city', 'City'],
  ['state', 'State'],
  ['zipCode', 'Zip code'],
  ['countryCode', 'Country code'],
  ['postalAddress', 'Postal Address'],
  ['preferredLanguage', 'Preferred language'],
  ['locale', 'Locale'],
  ['timezone', 'Time zone'],
  ['userType', 'User type'],
  ['employeeNumber', 'Employee number'],
  ['costCenter', 'Cost center'],
  ['organization', 'Organization'],
  ['division', 'Division'],
  ['department', 'Department'],
  ['managerId', 'ManagerId'],
  ['manager', 'Manager'],
] as const;

/** `GET /api/v1/meta/schemas/user/default`: the base profile; this org has no custom user attributes. */
export function renderUserSchema(base: string): JsonObject {
  const properties: JsonObject = {};
  for (const [name, title] of USER_BASE) {
    properties[name] = {
      title,
      type: 'string',
      mutability: 'READ_WRITE',
      scope: 'NONE',
      permissions: [{ principal: 'SELF', action: 'READ_WRITE' }],
      master: { type: 'PROFILE_MASTER' },
    };
  }
  const self = `${base}/api/v1/meta/schemas/user/osc${'0'.repeat(17)}`;
  return {
    id: self,
    $schema: 'http://json-schema.org/draft-04/schema#',
    name: 'user',
    title: 'User',
    created: '2024-01-01T00:00:00.000Z',
    lastUpdated: '2024-01-01T00:00:00.000Z',
    definitions: {
      base: { id: '#base', type: 'object', properties, required: ['login', 'firstName', 'lastName', 'email'] },
      custom: { id: '#custom', type: 'object', properties: {}, required: [] },
    },
    type: 'object',
    properties: { profile: { allOf: [{ $ref: '#/definitions/custom' }, { $ref: '#/definitions/base' }] } },
    _links: { self: { href: self, method: 'GET', rel: 'self' } },
  };
}

export const schemasPlugin: SandboxPlugin = {
  name: 'schemas',
  install(ctx: SandboxContext) {
    const { state } = ctx;
    ctx.router.add(
      {
        method: 'GET',
        path: '/api/v1/meta/schemas/user/default',
        auth: 'schemas',
        handler: () => json(200, renderUserSchema(ctx.baseUrl)),
      },
      {
        method: 'GET',
        path: '/api/v1/meta/schemas/apps/{appId}/default',
        auth: 'schemas',
        handler: (req) => json(200, renderAppSchema(state, requireApp(state, req.params.appId ?? ''), ctx.baseUrl)),
      },
      {
        method: 'POST',
        path: '/api/v1/meta/schemas/apps/{appId}/default',
        auth: 'schemas',
        handler: (req) => {
          const app = requireApp(state, req.params.appId ?? '');
          applySchemaUpdate(state, app, req.body);
          return json(200, renderAppSchema(state, app, ctx.baseUrl));
        },
      },
    );
  },
};
