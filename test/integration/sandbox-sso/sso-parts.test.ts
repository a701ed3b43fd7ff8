import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { AppUserRecord, UserRecord } from '../../../src-main/sandbox/model';
import { resolveExpression, resolveTemplate } from '../../../src-main/sandbox/sso/expressions';
import { parseAuthnRequest } from '../../../src-main/sandbox/sso/saml-request';

const at = '2026-01-01T00:00:00.000Z';
const user: UserRecord = {
  id: '00u1abcd',
  status: 'ACTIVE',
  created: at,
  activated: at,
  statusChanged: at,
  lastLogin: null,
  lastUpdated: at,
  passwordChanged: at,
  profile: { login: 'ann@ex.com', email: 'ann.lee@ex.com', firstName: 'Ann', lastName: 'Lee', department: '' },
};
const appUser: AppUserRecord = {
  id: '00u1abcd',
  appId: '0oa1',
  direct: true,
  groupIds: [],
  status: 'ACTIVE',
  syncState: 'DISABLED',
  externalId: null,
  lastSync: null,
  created: at,
  lastUpdated: at,
  statusChanged: at,
  credentials: { userName: 'ann' },
  profile: { role: 'ADMINISTRATOR' },
};
const scope = { user, appUser };

describe('Okta expressions in attribute statements and NameID templates', () => {
  it('resolves user, appuser and literal forms', () => {
    expect(resolveExpression('user.email', scope)).toBe('ann.lee@ex.com');
    expect(resolveExpression('user.id', scope)).toBe('00u1abcd');
    expect(resolveExpression('${user.userName}', scope)).toBe('ann');
    expect(resolveExpression('appuser.role', scope)).toBe('ADMINISTRATOR');
    expect(resolveExpression('"fixed"', scope)).toBe('fixed');
  });

  it('leaves out empty values, attributes the profile lacks and forms it does not evaluate', () => {
    expect(resolveExpression('user.department', scope)).toBeUndefined();
    expect(resolveExpression('user.fristName', scope)).toBeUndefined();
    expect(resolveExpression('isMemberOfGroupName("Admins") ? "a" : "b"', scope)).toBeUndefined();
  });

  it("evaluates Okta's String functions and + concatenation", () => {
    expect(resolveExpression('String.toUpperCase(user.email)', scope)).toBe('ANN.LEE@EX.COM');
    expect(resolveExpression('String.substringBefore(user.email, "@")', scope)).toBe('ann.lee');
    expect(resolveExpression('user.firstName + " " + user.lastName', scope)).toBe('Ann Lee');
    expect(resolveExpression('toLowerCase(user.firstName)', scope)).toBe('ann');
  });

  it('fills every placeholder of a NameID template', () => {
    expect(resolveTemplate('${user.firstName}.${user.lastName}', scope)).toBe('Ann.Lee');
    expect(resolveTemplate('${user.userName}', scope)).toBe('ann');
  });
});

describe('AuthnRequest decoding', () => {
  const xml =
    '<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_abc" Version="2.0" AssertionConsumerServiceURL="https://sp.example/acs"><saml:Issuer>https://sp.example</saml:Issuer></samlp:AuthnRequest>';

  it('reads the Redirect (deflated) and POST bindings', () => {
    const expected = { id: '_abc', issuer: 'https://sp.example', acsUrl: 'https://sp.example/acs', forceAuthn: false };
    expect(parseAuthnRequest(deflateRawSync(Buffer.from(xml)).toString('base64'), 'redirect')).toEqual(expected);
    expect(parseAuthnRequest(Buffer.from(xml).toString('base64'), 'post')).toEqual(expected);
  });

  it('refuses anything that is not an AuthnRequest with an ID', () => {
    expect(parseAuthnRequest(Buffer.from('<LogoutRequest ID="x"/>').toString('base64'), 'post')).toBeUndefined();
    expect(parseAuthnRequest('not base64 xml', 'redirect')).toBeUndefined();
  });
});
