import { beforeAll, describe, expect, it } from 'vitest';
import type { SandboxOrg } from '../../src-main/sandbox/server';
import { recorded, recordedJson } from '../support/recorded-okta';
import { api, startSandbox } from '../support/sandbox';

type JsonType = 'string' | 'number' | 'boolean' | 'null' | 'array' | 'object' | 'absent';

function typeOf(value: unknown): JsonType {
  if (value === undefined) return 'absent';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value as JsonType;
}

/** The value at a dotted path; `[]` steps into an array's first item. */
function at(value: unknown, path: string): unknown {
  let current = value;
  for (const part of path.split('.')) {
    const list = part.endsWith('[]');
    const key = list ? part.slice(0, -2) : part;
    current = key === '' ? current : (current as Record<string, unknown> | undefined)?.[key];
    if (list) current = Array.isArray(current) ? (current[0] as unknown) : undefined;
  }
  return current;
}

/**
 * The JSON type at each path our client reads, real answer beside the practice org's. A path
 * ending in `?` is one our client reads as nullish: there `null` stands for any type.
 */
function shapes(real: unknown, practice: unknown, paths: string[]): { real: string[]; practice: string[] } {
  const out = { real: [] as string[], practice: [] as string[] };
  for (const spec of paths) {
    const nullable = spec.endsWith('?');
    const path = nullable ? spec.slice(0, -1) : spec;
    let r = typeOf(at(real, path));
    let p = typeOf(at(practice, path));
    if (nullable && (r === 'null' || p === 'null')) r = p = 'null' as JsonType;
    out.real.push(`${path}: ${r}`);
    out.practice.push(`${path}: ${p}`);
  }
  return out;
}

const APP_PATHS = [
  'id',
  'name',
  'label',
  'status',
  'signOnMode',
  'created',
  'lastUpdated',
  'features',
  'settings.app',
  'settings.signOn',
  'credentials.signing.kid',
  'credentials.userNameTemplate.template',
  'visibility',
  '_links.metadata.href',
  '_links.appLinks[].name',
  '_links.appLinks[].href',
  ...[
    'ssoAcsUrl',
    'audience',
    'recipient',
    'destination',
    'idpIssuer',
    'subjectNameIdTemplate',
    'subjectNameIdFormat',
    'responseSigned',
    'assertionSigned',
    'signatureAlgorithm',
    'digestAlgorithm',
    'honorForceAuthn',
    'authnContextClassRef',
    'allowMultipleAcsEndpoints',
    'requestCompressed',
    'defaultRelayState',
    'attributeStatements[].type',
    'attributeStatements[].name',
    'attributeStatements[].namespace',
    'attributeStatements[].values',
  ].map((f) => `settings.signOn.${f}`),
];
const USER_PATHS = [
  'id',
  'status',
  'created',
  'lastLogin?',
  'profile.login',
  'profile.email',
  'profile.firstName',
  'profile.lastName',
];
const APP_USER_PATHS = [
  'id',
  'scope',
  'status',
  'syncState',
  'externalId?',
  'credentials.userName',
  'profile',
  'lastUpdated',
];
const APP_GROUP_PATHS = ['id', 'priority', 'profile', 'lastUpdated'];
const GROUP_PATHS = ['id', 'type', 'profile.name', 'profile.description?'];
const KEY_PATHS = ['kid', 'x5c', 'x5c[]', 'x5t#S256', 'created', 'expiresAt'];
const ROLE_PATHS = ['id', 'type', 'label', 'status', 'assignmentType'];
const ERROR_PATHS = ['errorCode', 'errorSummary', 'errorLink', 'errorId', 'errorCauses'];

let org: SandboxOrg;
let appId: string;

beforeAll(async () => {
  org = await startSandbox();
  // The very body terraform-provider-okta sent to the real org.
  const create = recorded('app-saml-create').request;
  const created = await api<{ id: string }>(org, 'POST', '/api/v1/apps?activate=true', {
    body: create.body ?? '',
  });
  expect(created.status).toBe(200);
  appId = created.body.id;
});

describe("the practice org answers in the real org's shape, at every path our client reads", () => {
  it('a SAML app, as created and as read', async () => {
    const read = await api(org, 'GET', `/api/v1/apps/${appId}`);
    const { real, practice } = shapes(recordedJson('app-saml-read'), read.body, APP_PATHS);
    expect(practice).toEqual(real);
  });

  it("the app's signing keys", async () => {
    const keys = await api<unknown[]>(org, 'GET', `/api/v1/apps/${appId}/credentials/keys`);
    const { real, practice } = shapes(recordedJson<unknown[]>('app-saml-keys')[0], keys.body[0], KEY_PATHS);
    expect(practice).toEqual(real);
  });

  it('a generated signing key has the shape of a recorded key (Okta documents one JsonWebKey for both)', async () => {
    const generated = await api<unknown>(
      org,
      'POST',
      `/api/v1/apps/${appId}/credentials/keys/generate?validityYears=2`,
    );
    expect(generated.status).toBe(201);
    const { real, practice } = shapes(recordedJson<unknown[]>('app-saml-keys')[0], generated.body, KEY_PATHS);
    expect(practice).toEqual(real);
  });

  it('the app user schema, with its base userName and a custom enum', async () => {
    const custom = recordedJson<{ definitions: { custom: { properties: Record<string, unknown> } } }>(
      'app-user-schema-read',
    ).definitions.custom.properties;
    const updated = await api(org, 'POST', `/api/v1/meta/schemas/apps/${appId}/default`, {
      body: { definitions: { custom: { id: '#custom', type: 'object', properties: custom } } },
    });
    expect(updated.status).toBe(200);
    const read = await api(org, 'GET', `/api/v1/meta/schemas/apps/${appId}/default`);
    const paths = [
      'id',
      'definitions.base.id',
      'definitions.base.required',
      'definitions.base.properties.userName.title',
      'definitions.base.properties.userName.type',
      'definitions.base.properties.userName.required',
      'definitions.base.properties.userName.scope',
      'definitions.custom.id',
      'definitions.custom.properties.testIndex.enum',
      'definitions.custom.properties.testIndex.oneOf[].const',
      'definitions.custom.properties.testIndex.oneOf[].title',
    ];
    const { real, practice } = shapes(recordedJson('app-user-schema-read'), read.body, paths);
    expect(practice).toEqual(real);
    expect(at(read.body, 'definitions.base.required')).toEqual(['userName']);
  });

  it('a user, a group, a group member and the admin roles', async () => {
    const user = await api<{ id: string }>(org, 'GET', `/api/v1/users/${encodeURIComponent(org.adminLogin)}`);
    expect(shapes(recordedJson('user-read'), user.body, USER_PATHS).practice).toEqual(
      shapes(recordedJson('user-read'), user.body, USER_PATHS).real,
    );
    const groups = await api<unknown[]>(org, 'GET', '/api/v1/groups?q=Everyone');
    const realGroup = recordedJson<unknown[]>('groups-search')[0];
    expect(shapes(realGroup, groups.body[0], GROUP_PATHS).practice).toEqual(
      shapes(realGroup, groups.body[0], GROUP_PATHS).real,
    );
    const groupId = (groups.body[0] as { id: string }).id;
    const members = await api<unknown[]>(org, 'GET', `/api/v1/groups/${groupId}/users?limit=200`);
    const realMember = recordedJson<unknown[]>('group-members')[0];
    expect(shapes(realMember, members.body[0], USER_PATHS).practice).toEqual(
      shapes(realMember, members.body[0], USER_PATHS).real,
    );
    const roles = await api<unknown[]>(org, 'GET', `/api/v1/users/${user.body.id}/roles`);
    const realRole = recordedJson<unknown[]>('user-roles')[0];
    expect(shapes(realRole, roles.body[0], ROLE_PATHS).practice).toEqual(
      shapes(realRole, roles.body[0], ROLE_PATHS).real,
    );
  });

  it('a user and a group assigned to the app, and the lists of them', async () => {
    const user = await api<{ id: string }>(org, 'GET', `/api/v1/users/${encodeURIComponent(org.adminLogin)}`);
    const assigned = await api(org, 'POST', `/api/v1/apps/${appId}/users`, {
      body: { id: user.body.id, scope: 'USER', profile: {} },
    });
    expect(shapes(recordedJson('app-user-assign'), assigned.body, APP_USER_PATHS).practice).toEqual(
      shapes(recordedJson('app-user-assign'), assigned.body, APP_USER_PATHS).real,
    );
    const listed = await api<unknown[]>(org, 'GET', `/api/v1/apps/${appId}/users`);
    const realListed = recordedJson<unknown[]>('app-users-list')[0];
    expect(shapes(realListed, listed.body[0], APP_USER_PATHS).practice).toEqual(
      shapes(realListed, listed.body[0], APP_USER_PATHS).real,
    );
    const groups = await api<Array<{ id: string }>>(org, 'GET', '/api/v1/groups?q=Everyone');
    const group = await api(org, 'PUT', `/api/v1/apps/${appId}/groups/${groups.body[0]?.id ?? ''}`, {
      body: { priority: 1, profile: {} },
    });
    expect(shapes(recordedJson('app-group-assign'), group.body, APP_GROUP_PATHS).practice).toEqual(
      shapes(recordedJson('app-group-assign'), group.body, APP_GROUP_PATHS).real,
    );
  });

  it("Okta's error body for a resource that is not there", async () => {
    const missing = await api(org, 'GET', '/api/v1/apps/0oanothing0000000000');
    expect(missing.status).toBe(recorded('error-not-found').response.status);
    expect(shapes(recordedJson('error-not-found'), missing.body, ERROR_PATHS).practice).toEqual(
      shapes(recordedJson('error-not-found'), missing.body, ERROR_PATHS).real,
    );
  });

  it('a user created without a password is PROVISIONED, as the real org answered the same request', async () => {
    const request = recorded('user-create-without-password').request;
    const body = JSON.parse(request.body ?? '{}') as { profile: Record<string, unknown> };
    body.profile.login = body.profile.email = 'provisioned@acme.example';
    const created = await api(org, 'POST', '/api/v1/users', { body });
    expect(created.status).toBe(200);
    const real = recordedJson('user-create-without-password');
    expect(shapes(real, created.body, USER_PATHS).practice).toEqual(shapes(real, created.body, USER_PATHS).real);
    expect(at(created.body, 'status')).toBe('PROVISIONED');
    expect(at(real, 'status')).toBe('PROVISIONED');
  });
});
