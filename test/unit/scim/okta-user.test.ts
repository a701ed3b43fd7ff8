import { describe, expect, it } from 'vitest';
import { buildOktaUser, userNameFilter } from '../../../src-main/scim/client';

const ann = {
  userName: 'ann@ex.com',
  givenName: 'Ann',
  familyName: 'Lee',
  email: 'ann@ex.com',
  externalId: '00u1abcd',
};

describe('buildOktaUser', () => {
  it('builds the body Okta POSTs to create a user', () => {
    const user = buildOktaUser(ann);
    expect(user).toEqual({
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
      userName: 'ann@ex.com',
      name: { givenName: 'Ann', familyName: 'Lee' },
      emails: [{ primary: true, value: 'ann@ex.com', type: 'work' }],
      displayName: 'Ann Lee',
      locale: 'en-US',
      externalId: '00u1abcd',
      groups: [],
      password: expect.stringMatching(/^[A-Za-z0-9_-]{12}$/),
      active: true,
    });
  });

  it('sends a different placeholder password each time, as Okta does', () => {
    expect(buildOktaUser(ann).password).not.toBe(buildOktaUser(ann).password);
  });

  it('puts core-namespace attributes at the top level and drops empty ones', () => {
    const user = buildOktaUser({
      ...ann,
      active: false,
      extra: { role: 'ADMINISTRATOR', title: '', nickName: null, department: undefined },
    });
    expect(user.role).toBe('ADMINISTRATOR');
    expect(user.active).toBe(false);
    expect(Object.keys(user).filter((k) => ['role', 'title', 'nickName', 'department'].includes(k))).toEqual(['role']);
  });

  it('adds an extension namespace to schemas', () => {
    const enterprise = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
    const user = buildOktaUser({ ...ann, extra: { [enterprise]: { department: 'Sales' } } });
    expect(user.schemas).toEqual(['urn:ietf:params:scim:schemas:core:2.0:User', enterprise]);
    expect(user[enterprise]).toEqual({ department: 'Sales' });
  });
});

describe('userNameFilter', () => {
  it('quotes the userName as a SCIM string', () => {
    expect(userNameFilter('ann@ex.com')).toBe('userName eq "ann@ex.com"');
  });

  it('escapes quotes and backslashes so the filter cannot be broken out of', () => {
    expect(userNameFilter('a"b\\c')).toBe('userName eq "a\\"b\\\\c"');
  });
});
