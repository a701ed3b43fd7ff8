import { describe, expect, it } from 'vitest';
import type { TestLoginObserved } from '../../../src-main/api/step-test-login';
import type { OktaApp, OktaUser } from '../../../src-main/okta/org-api';
import { expectedAttributes, samlTargets } from '../../../src-main/steps/login-expectations';
import { requiredModes, testLoginChecks, testLoginPlan } from '../../../src-main/steps/test-login';
import { courier } from '../../../src-main/vendors/courier';
import { customSaml } from '../../../src-main/vendors/custom-saml';
import { millie } from '../../../src-main/vendors/millie';
import { mixpanel } from '../../../src-main/vendors/mixpanel';

const app = (settings: OktaApp['settings']): OktaApp => ({
  id: '0oa1',
  name: 'millie',
  label: 'Millie',
  status: 'ACTIVE',
  signOnMode: 'SAML_2_0',
  created: undefined,
  lastUpdated: undefined,
  features: [],
  settings,
  credentials: undefined,
  visibility: undefined,
  metadataUrl: undefined,
  appLinks: [],
});
const user: OktaUser = {
  id: '00u1',
  status: 'ACTIVE',
  created: undefined,
  lastLogin: undefined,
  profile: { login: 'ava@acme.example', email: 'ava@acme.example', firstName: 'Ava', lastName: 'Adams' },
};

describe('what a test login is checked against', () => {
  it("reads a custom app's SSO URL, recipient, destination and audience", () => {
    expect(
      samlTargets(
        courier,
        app({
          signOn: {
            ssoAcsUrl: 'https://c.example/acs',
            audience: 'https://c.example',
            recipient: 'https://c.example/r',
            destination: 'https://c.example/d',
          },
        }),
      ),
    ).toEqual({
      acsUrl: 'https://c.example/acs',
      audience: 'https://c.example',
      recipient: 'https://c.example/r',
      destination: 'https://c.example/d',
    });
  });

  it("fills a catalog app's template from its Sign On fields, overrides first", () => {
    expect(samlTargets(millie, app({ app: { slugName: 'acme' }, signOn: {} }))).toEqual({
      acsUrl: 'https://app.milliegiving.com/saml/acme/acs',
      audience: 'https://app.milliegiving.com/saml/acme/metadata',
      recipient: 'https://app.milliegiving.com/saml/acme/acs',
      destination: 'https://app.milliegiving.com/saml/acme/acs',
    });
    expect(
      samlTargets(millie, app({ app: { slugName: 'acme' }, signOn: { audienceOverride: 'urn:acme' } })).audience,
    ).toBe('urn:acme');
  });

  it('says to finish the app when it has no SSO URL', () => {
    expect(() => samlTargets(customSaml, app({ signOn: {} }))).toThrow(
      'The Okta app "Millie" has no Single sign-on URL or Audience URI, so a response cannot be checked against them.',
    );
  });

  it("expects the vendor's attributes with this user's values", () => {
    const values = (p: typeof courier) => expectedAttributes(p, user).map(({ name, value }) => ({ name, value }));
    expect(values(courier)).toEqual([
      { name: 'id', value: '00u1' },
      { name: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress', value: 'ava@acme.example' },
    ]);
    expect(values(mixpanel)).toEqual([{ name: 'email', value: 'ava@acme.example' }]);
    expect(values(millie)).toEqual([]);
  });

  it('expects every statement of a custom app, a misspelt attribute with its likely cause', () => {
    const statements = [
      { type: 'EXPRESSION' as const, name: 'firstName', namespace: 'u', values: ['user.fristName'] },
      { type: 'EXPRESSION' as const, name: 'dept', namespace: 'u', values: ['user.department'] },
      { type: 'EXPRESSION' as const, name: 'lower', namespace: 'u', values: ['String.toLowerCase(user.email)'] },
    ];
    const custom = app({ signOn: { attributeStatements: statements } });
    expect(expectedAttributes(customSaml, user, custom, ['login', 'email', 'firstName', 'department'])).toEqual([
      {
        name: 'firstName',
        expression: 'user.fristName',
        ifMissing:
          "user.fristName is not an attribute of this org's Okta user profile, so Okta sends nothing for it; did you mean user.firstName?",
      },
      {
        name: 'dept',
        expression: 'user.department',
        ifMissing:
          "ava@acme.example's department is empty, and Okta leaves out a statement with no value: fill it in on the user's profile or test with another user.",
      },
      {
        name: 'lower',
        expression: 'String.toLowerCase(user.email)',
        ifMissing:
          "Okta sent nothing for String.toLowerCase(user.email); preview the app's SAML assertion for this user in the Admin Console (Sign On tab) to see why.",
      },
    ]);
  });

  it("requires SP-initiated only where it can be started the vendor's way, whatever the org", () => {
    expect(requiredModes(['idp', 'sp'], millie)).toEqual(['idp']);
    expect(requiredModes(['idp', 'sp'], mixpanel)).toEqual(['idp', 'sp']);
    expect(requiredModes(['idp'], mixpanel)).toEqual(['idp']);
  });
});

describe('test-login plan and checks', () => {
  const pass = { name: 'signature', status: 'pass' as const, detail: 'ok' };
  const observed: TestLoginObserved = {
    user: { id: '00u1', login: 'ava@acme.example', email: 'ava@acme.example', status: 'ACTIVE' },
    assigned: true,
    app: { id: '0oa1', label: 'Courier' },
    required: ['idp', 'sp'],
    expected: {
      issuer: 'i',
      audience: 'a',
      acsUrl: 'https://c.example/acs',
      recipient: 'r',
      destination: 'd',
      nameId: 'ava@acme.example',
      attributes: [],
    },
    start: { idp: 'https://acme.okta.com/home/c/0oa1/aln1', idpSsoUrl: 'https://acme.okta.com/app/c/exk1/sso/saml' },
    results: {},
  };

  it('asks for a sign-in per required mode until it passed', () => {
    expect(testLoginPlan(observed)).toEqual([
      {
        id: 'test-login-idp',
        kind: 'manual',
        target: 'Courier sign-in as ava@acme.example',
        summary: 'Sign in as ava@acme.example (IdP-initiated) and capture the SAMLResponse.',
        details: [{ field: 'Starts at', to: 'https://acme.okta.com/home/c/0oa1/aln1' }],
      },
      {
        id: 'test-login-sp',
        kind: 'manual',
        target: 'Courier sign-in as ava@acme.example',
        summary: 'Sign in as ava@acme.example (SP-initiated) and capture the SAMLResponse.',
        details: [{ field: 'Starts at', to: 'an AuthnRequest to https://acme.okta.com/app/c/exk1/sso/saml' }],
      },
    ]);
    const idpPassed = {
      ...observed,
      results: {
        idp: { mode: 'idp' as const, via: 'password' as const, capturedAt: 't', valid: true, checks: [pass] },
      },
    };
    expect(testLoginPlan(idpPassed).map((c) => c.id)).toEqual(['test-login-sp']);
    expect(testLoginPlan({ ...idpPassed, required: ['idp'] })).toEqual([]);
  });

  it('asks to assign the user first', () => {
    expect(testLoginPlan({ ...observed, assigned: false })).toEqual([
      {
        id: 'test-login-assign',
        kind: 'manual',
        target: 'Okta app "Courier"',
        summary:
          'Assign ava@acme.example to "Courier" first (the "Assign users" step or the app\'s Assignments tab): Okta refuses unassigned users.',
        details: [],
      },
    ]);
  });

  it('shows every check of the latest result, the assertion as evidence, and what is not tested yet', () => {
    const result = {
      mode: 'idp' as const,
      via: 'paste' as const,
      capturedAt: 't',
      valid: false,
      assertionXml: '<saml2:Assertion/>',
      checks: [
        { name: 'decode', status: 'pass' as const, detail: 'Decoded' },
        { name: 'attribute:id', status: 'fail' as const, detail: 'missing' },
      ],
    };
    expect(testLoginChecks({ ...observed, results: { idp: result } })).toEqual([
      {
        id: 'test-user',
        label: 'Test user assigned',
        status: 'pass',
        detail: 'ava@acme.example (00u1) is assigned to "Courier".',
      },
      {
        id: 'idp:decode',
        label: 'IdP-initiated · Decoded SAMLResponse',
        status: 'pass',
        detail: 'Decoded',
        evidence: '<saml2:Assertion/>',
      },
      { id: 'idp:attribute:id', label: 'IdP-initiated · Attribute id', status: 'fail', detail: 'missing' },
      {
        id: 'sp:not-run',
        label: 'SP-initiated login',
        status: 'warn',
        detail: 'Not tested yet: sign in as ava@acme.example.',
      },
    ]);
  });
});
