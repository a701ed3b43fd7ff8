import { beforeAll, describe, expect, it } from 'vitest';
import type { SandboxOrg } from '../../../src-main/sandbox/server';
import { api, samlAppBody, startSandbox } from '../../support/sandbox';

type Json = Record<string, unknown>;

let org: SandboxOrg;
let path: string;

const role = {
  title: 'Role',
  description: 'Courier role',
  type: 'string',
  enum: ['ADMINISTRATOR', 'MANAGER', 'ANALYST'],
  oneOf: [
    { const: 'ADMINISTRATOR', title: 'Administrator' },
    { const: 'MANAGER', title: 'Manager' },
    { const: 'ANALYST', title: 'Analyst' },
  ],
  externalName: 'role',
  externalNamespace: 'urn:ietf:params:scim:schemas:core:2.0:User',
};

function custom(schema: Json): Json {
  return (schema.definitions as Record<string, Json>).custom ?? {};
}

beforeAll(async () => {
  org = await startSandbox();
  path = `/api/v1/meta/schemas/apps/${String((await api<Json>(org, 'POST', '/api/v1/apps', { body: samlAppBody('Schema') })).body.id)}/default`;
});

describe('app user schema', () => {
  it('starts with no custom properties', async () => {
    const schema = await api<Json>(org, 'GET', path);
    expect([schema.status, custom(schema.body)]).toEqual([
      200,
      { id: '#custom', type: 'object', properties: {}, required: [] },
    ]);
  });

  it('adds a custom enum property with oneOf titles and answers the full schema with Okta defaults filled', async () => {
    const updated = await api<Json>(org, 'POST', path, {
      body: { definitions: { custom: { id: '#custom', type: 'object', properties: { role }, required: ['role'] } } },
    });
    expect(updated.status).toBe(200);
    expect(custom(updated.body)).toEqual({
      id: '#custom',
      type: 'object',
      properties: { role: { scope: 'NONE', master: { type: 'PROFILE_MASTER' }, ...role } },
      required: ['role'],
    });
    expect(custom((await api<Json>(org, 'GET', path)).body)).toEqual(custom(updated.body));
  });

  it('merges a partial update with the existing properties and removes a property set to null', async () => {
    await api(org, 'POST', path, {
      body: { definitions: { custom: { properties: { team: { title: 'Team', type: 'string' } } } } },
    });
    expect(Object.keys(custom((await api<Json>(org, 'GET', path)).body).properties as Json)).toEqual(['role', 'team']);
    await api(org, 'POST', path, { body: { definitions: { custom: { properties: { team: null } } } } });
    expect(Object.keys(custom((await api<Json>(org, 'GET', path)).body).properties as Json)).toEqual(['role']);
  });

  it.each([
    [
      'oneOf out of step with enum',
      { ...role, oneOf: role.oneOf.slice(0, 2) },
      'role: enum and oneOf must list the same values in the same order',
    ],
    ['a missing title', { type: 'string' }, 'role: title: The field cannot be left blank'],
    [
      'an unknown type',
      { title: 'Role', type: 'date' },
      'role: type: Not one of the allowed values (string, boolean, number, integer, array)',
    ],
    [
      'enum values of the wrong type',
      { title: 'Role', type: 'integer', enum: ['a'] },
      'role: enum: Must be a non-empty list of integer values',
    ],
  ])('refuses %s with E0000001', async (_name, definition, cause) => {
    const answer = await api<Json>(org, 'POST', path, {
      body: { definitions: { custom: { properties: { role: definition } } } },
    });
    expect([answer.status, answer.body.errorCode, answer.body.errorSummary, answer.body.errorCauses]).toEqual([
      400,
      'E0000001',
      'Api validation failed: role',
      [{ errorSummary: cause }],
    ]);
  });
});
