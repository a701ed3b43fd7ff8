import { describe, expect, it } from 'vitest';
import {
  bodyKind,
  listedUsers,
  readListResponse,
  readScimError,
  readServiceProviderConfig,
  readUserResource,
} from '../../../src-main/scim/shapes';

const LIST = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';
const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';

describe('readListResponse', () => {
  it('accepts an empty SCIM ListResponse', () => {
    expect(
      readListResponse({ schemas: [LIST], totalResults: 0, Resources: [], startIndex: 1, itemsPerPage: 0 }),
    ).toEqual({
      ok: true,
      value: { schemas: [LIST], totalResults: 0, Resources: [], startIndex: 1, itemsPerPage: 0 },
    });
  });

  it('accepts totalResults 0 without Resources, as RFC 7644 allows', () => {
    expect(readListResponse({ schemas: [LIST], totalResults: 0 }).ok).toBe(true);
  });

  it('names every missing part of JSON that is not a ListResponse', () => {
    expect(readListResponse({ data: [], total: 0 })).toEqual({
      ok: false,
      problems: ['schemas is missing (must be an array of schema URNs)', 'totalResults is missing'],
    });
  });

  it('refuses paging numbers sent as strings, which Okta cannot page with', () => {
    expect(readListResponse({ schemas: [LIST], totalResults: '1', Resources: [{}], startIndex: '1' })).toEqual({
      ok: false,
      problems: ['totalResults must be an integer, got "1"', 'startIndex must be an integer, got "1"'],
    });
  });

  it('refuses a ListResponse that counts users but lists none', () => {
    expect(readListResponse({ schemas: [LIST], totalResults: 2 })).toEqual({
      ok: false,
      problems: ['Resources is missing although totalResults is not 0'],
    });
  });

  it('refuses the wrong schema URN', () => {
    expect(readListResponse({ schemas: [USER], totalResults: 0 })).toEqual({
      ok: false,
      problems: [`schemas does not include ${LIST}`],
    });
  });

  it('says what the body is when it is not an object', () => {
    expect(readListResponse(undefined)).toEqual({ ok: false, problems: ['the body is empty'] });
    expect(readListResponse([1])).toEqual({ ok: false, problems: ['the body is a JSON array'] });
    expect(readListResponse('<html>')).toEqual({ ok: false, problems: ['the body is not a JSON object (string)'] });
  });
});

describe('readUserResource', () => {
  it('keeps vendor attributes such as role', () => {
    const user = {
      schemas: [USER],
      id: 'u1',
      userName: 'ann@ex.com',
      externalId: '00u1',
      active: true,
      role: 'ADMINISTRATOR',
    };
    expect(readUserResource(user)).toEqual({ ok: true, value: user });
  });

  it('names a missing id and schemas', () => {
    expect(readUserResource({ userName: 'ann@ex.com' })).toEqual({
      ok: false,
      problems: ['schemas is missing (must be an array of schema URNs)', 'id is missing'],
    });
  });

  it('refuses active sent as a string', () => {
    expect(readUserResource({ schemas: [USER], id: 'u1', userName: 'a', active: 'false' })).toEqual({
      ok: false,
      problems: ['active must be true or false'],
    });
  });
});

describe('listedUsers', () => {
  it('returns only the resources that are SCIM Users', () => {
    const list = {
      schemas: [LIST],
      totalResults: 2,
      Resources: [{ schemas: [USER], id: 'u1', userName: 'a' }, { name: 'not a user' }],
    };
    const read = readListResponse(list);
    expect(read.ok && listedUsers(read.value)).toEqual([{ schemas: [USER], id: 'u1', userName: 'a' }]);
  });
});

describe('readScimError', () => {
  it('reads a SCIM Error with a string status', () => {
    const error = {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
      status: '409',
      scimType: 'uniqueness',
      detail: 'taken',
    };
    expect(readScimError(error)).toEqual(error);
  });

  it('returns undefined for an ad-hoc error body', () => {
    expect(readScimError({ error: 'not found' })).toBeUndefined();
  });
});

describe('readServiceProviderConfig', () => {
  it('reads the patch and filter features', () => {
    const config = {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig'],
      patch: { supported: false },
      filter: { supported: true, maxResults: 200 },
    };
    expect(readServiceProviderConfig(config)).toEqual({ ok: true, value: config });
  });
});

describe('bodyKind', () => {
  it.each([
    ['application/scim+json; charset=utf-8', { a: 1 }, 'scim-json'],
    ['application/json', { a: 1 }, 'json'],
    // How every vendor answer in Okta's SCIM 2.0 protocol reference is labelled.
    ['text/json;charset=UTF-8', { a: 1 }, 'json'],
    ['text/plain', { a: 1 }, 'json-mislabelled'],
    ['', { a: 1 }, 'json-mislabelled'],
    ['text/html; charset=utf-8', '<p>hi</p>', 'html'],
    ['text/plain', '<!DOCTYPE html><html></html>', 'html'],
    ['application/json', '{"broken', 'invalid-json'],
    ['text/plain', 'OK', 'text'],
    ['application/scim+json', undefined, 'empty'],
  ] as const)('%s with %j is %s', (contentType, body, kind) => {
    expect(bodyKind(contentType, body)).toBe(kind);
  });
});
