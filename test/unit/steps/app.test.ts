import { describe, expect, it } from 'vitest';
import {
  AppInputSchema,
  audienceProblem,
  vendorUrlProblem,
  type AppInput,
  type AppObserved,
} from '../../../src-main/api/step-app';
import type { OktaApp } from '../../../src-main/okta/org-api';
import { planApp, settingRows } from '../../../src-main/steps/app-plan';
import { desiredSignOn, effectiveMode, samlSpec, updatedApp } from '../../../src-main/steps/app-settings';
import type { SamlAppSettings, VendorProfile } from '../../../src-main/vendors/profile';
import { courier } from '../../../src-main/vendors/courier';
import { millie } from '../../../src-main/vendors/millie';
import { mixpanel } from '../../../src-main/vendors/mixpanel';
import { customSaml } from '../../../src-main/vendors/custom-saml';

const ACS = 'https://sso.courier.example.com/saml/acs';
const AUDIENCE = 'https://sso.courier.example.com/saml';
function samlOf(profile: VendorProfile): SamlAppSettings {
  const saml = samlSpec(profile);
  if (!saml) throw new Error(`${profile.id} has no SAML settings`);
  return saml;
}

const courierInput: AppInput = { mode: 'custom', label: 'Courier', ssoAcsUrl: ACS, audience: AUDIENCE };

function oktaApp(overrides: Partial<OktaApp> = {}): OktaApp {
  return {
    id: '0oa1',
    name: 'acme_courier_1',
    label: 'Courier',
    status: 'ACTIVE',
    signOnMode: 'SAML_2_0',
    created: undefined,
    lastUpdated: undefined,
    features: [],
    settings: { signOn: desiredSignOn(samlOf(courier), courierInput) },
    credentials: { signing: { kid: 'k1' } },
    visibility: { autoLaunch: false },
    metadataUrl: undefined,
    appLinks: [{ name: 'acme_courier_1_link', href: 'https://acme.okta.com/home/acme_courier_1/0oa1/aln1' }],
    ...overrides,
  };
}

function observedFor(input: AppInput, app: OktaApp | undefined, extra: Partial<AppObserved> = {}): AppObserved {
  const base: AppObserved = {
    mode: 'custom',
    modeChoice: false,
    vendorSupplied: ['ssoAcsUrl', 'audience'],
    editable: false,
    settings: [],
    ...extra,
  };
  if (app)
    base.app = {
      id: app.id,
      name: app.name,
      label: app.label,
      status: app.status,
      signOnMode: app.signOnMode,
      foundBy: 'fact',
      consoleUrl: 'x',
      extraAttributes: [],
    };
  return { ...base, settings: settingRows(input, base, courier, app) };
}

describe('vendor URLs', () => {
  it.each([
    ['https://sso.courier.example.com/saml/acs', undefined],
    ['http://sso.courier.example.com/acs', '"http://sso.courier.example.com/acs" must use https (it uses http)'],
    [
      'https://sso.courier.example.com/acs#frag',
      '"https://sso.courier.example.com/acs#frag" has a #fragment, which a browser never sends to the vendor',
    ],
    ['https://localhost/acs', '"https://localhost/acs" points at localhost, not at the vendor\'s host name'],
    ['https://10.0.0.5/acs', '"https://10.0.0.5/acs" points at 10.0.0.5, not at the vendor\'s host name'],
    ['https://intranet/acs', '"https://intranet/acs" has no real host name (intranet)'],
    ['https://user:pw@sso.example.com/acs', '"https://user:pw@sso.example.com/acs" carries a user name or password'],
    ['courier', '"courier" is not a URL'],
  ])('%s → %s', (value, problem) => {
    expect(vendorUrlProblem(value)).toBe(problem);
  });

  it('input: the vendor fields are optional, but an empty one asks for the value', () => {
    expect(AppInputSchema.parse({ mode: 'catalog', label: ' Millie ' })).toEqual({ mode: 'catalog', label: 'Millie' });
    const empty = AppInputSchema.safeParse({ mode: 'custom', label: 'Courier', ssoAcsUrl: '' });
    expect(empty.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      [
        'ssoAcsUrl',
        'Enter the Single Sign-On URL from the vendor: an https URL with a real host name and no #fragment, e.g. https://sso.vendor.example.com/saml/acs',
      ],
    ]);
  });
});

describe('planned SAML settings', () => {
  it("Courier: the vendor's URLs, recipient and destination from the SSO URL, signed with RSA-SHA256, two attribute statements", () => {
    expect(desiredSignOn(samlOf(courier), courierInput)).toEqual({
      ssoAcsUrl: ACS,
      recipient: ACS,
      destination: ACS,
      audience: AUDIENCE,
      subjectNameIdFormat: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress',
      subjectNameIdTemplate: '${user.email}',
      responseSigned: true,
      assertionSigned: true,
      signatureAlgorithm: 'RSA_SHA256',
      digestAlgorithm: 'SHA256',
      honorForceAuthn: true,
      authnContextClassRef: 'urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport',
      allowMultipleAcsEndpoints: false,
      requestCompressed: false,
      attributeStatements: [
        {
          type: 'EXPRESSION',
          name: 'id',
          namespace: 'urn:oasis:names:tc:SAML:2.0:attrname-format:unspecified',
          values: ['user.id'],
        },
        {
          type: 'EXPRESSION',
          name: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress',
          namespace: 'urn:oasis:names:tc:SAML:2.0:attrname-format:unspecified',
          values: ['user.email'],
        },
      ],
    });
  });

  it("Mixpanel: fixed URLs win over anything typed; the mode is the admin's choice only for Mixpanel", () => {
    expect(desiredSignOn(samlOf(mixpanel), { ssoAcsUrl: 'https://evil.example.com/acs' })).toMatchObject({
      ssoAcsUrl: 'https://sso.mixpanel.com/sso/saml2',
      audience: 'https://mixpanel.com/security/sso/v2/authorize/',
    });
    expect(effectiveMode(mixpanel, { mode: 'custom' })).toBe('custom');
    expect(effectiveMode(millie, { mode: 'custom' })).toBe('catalog');
    expect(effectiveMode(courier, { mode: 'catalog' })).toBe('custom');
  });
});

describe('planApp', () => {
  it('no app yet (custom): one create with every planned setting', () => {
    const changes = planApp(courierInput, observedFor(courierInput, undefined), courier);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ id: 'app.create', kind: 'create', target: 'Okta app "Courier"' });
    expect(changes[0]?.details.slice(0, 3)).toEqual([
      { field: 'App label', to: 'Courier' },
      { field: 'Single sign-on URL', to: ACS },
      { field: 'Recipient URL', to: ACS },
    ]);
    expect(changes[0]?.details).toHaveLength(13);
  });

  it('the app as planned: nothing', () => {
    expect(planApp(courierInput, observedFor(courierInput, oktaApp()), courier)).toEqual([]);
  });

  it('drifted and inactive: one update naming each difference, and an activation', () => {
    const app = oktaApp({ status: 'INACTIVE' });
    app.settings.signOn = { ...app.settings.signOn, assertionSigned: false, attributeStatements: [] };
    expect(planApp(courierInput, observedFor(courierInput, app), courier)).toEqual([
      {
        id: 'app.settings',
        kind: 'update',
        target: 'Okta app "Courier"',
        summary: 'Set the SAML settings the vendor needs',
        details: [
          { field: 'Assertion signed', from: 'No', to: 'Yes' },
          { field: 'Attribute statement "id"', to: 'user.id · Unspecified' },
          {
            field: 'Attribute statement "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress"',
            to: 'user.email · Unspecified',
          },
        ],
      },
      {
        id: 'app.activate',
        kind: 'update',
        target: 'Okta app "Courier"',
        summary: 'Activate the app: it is INACTIVE, so nobody can sign in with it',
        details: [{ field: 'Status', from: 'INACTIVE', to: 'ACTIVE' }],
      },
    ]);
  });

  it('plans from the input it is given, not the one inspect saw', () => {
    const observed = observedFor(courierInput, oktaApp());
    const changes = planApp({ ...courierInput, audience: 'https://other.example.com/saml' }, observed, courier);
    expect(changes[0]?.details).toEqual([
      { field: 'Audience URI (SP Entity ID)', from: AUDIENCE, to: 'https://other.example.com/saml' },
    ]);
  });

  it('catalog app not added yet: a manual change with the Add page and the slug to type', () => {
    const input: AppInput = { mode: 'catalog', label: 'Millie' };
    const catalog = {
      oinName: 'millie',
      displayName: 'Millie',
      addUrl: 'https://acme-admin.okta.com/admin/app/millie/instance/_new_/',
      browseUrl: 'b',
      slugName: 'acme',
    };
    const observed: AppObserved = {
      mode: 'catalog',
      modeChoice: false,
      vendorSupplied: [],
      editable: false,
      settings: [],
      catalog,
    };
    expect(planApp(input, observed, millie)).toEqual([
      {
        id: 'app.add-from-catalog',
        kind: 'manual',
        target: 'Okta Admin Console',
        summary:
          'Add the Millie app from the Okta catalog, type acme into "Slug Name", click Done, then click Check Okta here',
        details: [
          { field: 'Open', to: 'https://acme-admin.okta.com/admin/app/millie/instance/_new_/' },
          { field: 'Slug Name', to: 'acme' },
          { field: 'Then', to: 'The wizard finds the new app and finishes it (label, settings) through the API' },
        ],
      },
    ]);
  });
});

describe('updatedApp', () => {
  it("keeps what it does not manage: other settings, the admin's extra attribute statements", () => {
    const extra = {
      type: 'EXPRESSION' as const,
      name: 'department',
      namespace: 'urn:oasis:names:tc:SAML:2.0:attrname-format:basic',
      values: ['user.department'],
    };
    const app = oktaApp({
      settings: {
        notes: { admin: 'keep' },
        signOn: { ssoAcsUrl: 'https://old.example.com', honorForceAuthn: false, attributeStatements: [extra] },
      },
    });
    const next = updatedApp(app, { label: 'Courier', signOn: desiredSignOn(samlOf(courier), courierInput) });
    expect(next).toMatchObject({
      name: 'acme_courier_1',
      label: 'Courier',
      signOnMode: 'SAML_2_0',
      settings: { notes: { admin: 'keep' } },
      credentials: { signing: { kid: 'k1' } },
    });
    expect(next.settings.signOn.ssoAcsUrl).toBe(ACS);
    expect(next.settings.signOn.attributeStatements?.map((s) => s.name)).toEqual([
      'id',
      'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress',
      'department',
    ]);
  });
});

describe('custom SAML: the admin edits NameID and attribute statements', () => {
  const input: AppInput = {
    mode: 'custom',
    label: 'Acme HR',
    ssoAcsUrl: 'https://hr.vendor.example.com/saml/acs',
    audience: 'https://hr.vendor.example.com',
    nameIdFormat: 'persistent',
    attributeStatements: [
      { name: 'mail', nameFormat: 'basic', value: 'user.email' },
      { name: 'uid', nameFormat: 'unspecified', value: 'user.id' },
    ],
  };

  it("sends the admin's list and NameID format, not the profile's defaults", () => {
    const signOn = desiredSignOn(samlOf(customSaml), input);
    expect(signOn.subjectNameIdFormat).toBe('urn:oasis:names:tc:SAML:2.0:nameid-format:persistent');
    expect(signOn.attributeStatements).toEqual([
      {
        type: 'EXPRESSION',
        name: 'mail',
        namespace: 'urn:oasis:names:tc:SAML:2.0:attrname-format:basic',
        values: ['user.email'],
      },
      {
        type: 'EXPRESSION',
        name: 'uid',
        namespace: 'urn:oasis:names:tc:SAML:2.0:attrname-format:unspecified',
        values: ['user.id'],
      },
    ]);
  });

  it('a vendor that fixes its attributes ignores an edited list', () => {
    expect(
      desiredSignOn(samlOf(courier), {
        ...courierInput,
        attributeStatements: input.attributeStatements,
        nameIdFormat: 'persistent',
      }).attributeStatements?.map((s) => s.name),
    ).toEqual(['id', 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress']);
  });

  it('a statement the admin took out is planned away and removed by the update', () => {
    const stale = {
      type: 'EXPRESSION' as const,
      name: 'email',
      namespace: 'urn:oasis:names:tc:SAML:2.0:attrname-format:unspecified',
      values: ['user.email'],
    };
    const app = oktaApp({
      label: 'Acme HR',
      settings: {
        signOn: {
          ...desiredSignOn(samlOf(customSaml), input),
          attributeStatements: [...(desiredSignOn(samlOf(customSaml), input).attributeStatements ?? []), stale],
        },
      },
    });
    const base: AppObserved = {
      mode: 'custom',
      modeChoice: false,
      vendorSupplied: ['ssoAcsUrl', 'audience'],
      editable: true,
      settings: [],
    };
    const rows = settingRows(input, base, customSaml, app);
    expect(rows.filter((r) => !r.matches)).toEqual([
      {
        key: 'attribute:email',
        label: 'Attribute statement "email"',
        planned: '(removed)',
        actual: 'user.email · Unspecified',
        matches: false,
      },
    ]);
    const next = updatedApp(app, {
      label: 'Acme HR',
      signOn: desiredSignOn(samlOf(customSaml), input),
      statementsAuthoritative: true,
    });
    expect(next.settings.signOn.attributeStatements?.map((s) => s.name)).toEqual(['mail', 'uid']);
  });

  it('refuses an expression Okta would not evaluate and a name listed twice, naming the field', () => {
    const bad = AppInputSchema.safeParse({
      ...input,
      attributeStatements: [{ name: 'mail', nameFormat: 'basic', value: 'email' }],
    });
    expect(bad.success ? undefined : bad.error.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      [
        'attributeStatements.0.value',
        '"email" alone is not a value Okta knows; for a profile attribute write user.email, for text put it in quotes',
      ],
    ]);
    const twice = AppInputSchema.safeParse({
      ...input,
      attributeStatements: [input.attributeStatements![0], input.attributeStatements![0]],
    });
    expect(twice.success ? undefined : twice.error.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['attributeStatements.1.name', '"mail" is listed twice; each attribute name may appear once'],
    ]);
  });
});

describe('custom SAML audience and group statements', () => {
  const input: AppInput = {
    mode: 'custom',
    label: 'Acme HR',
    ssoAcsUrl: 'https://hr.vendor.example.com/saml/acs',
    audience: 'urn:amazon:webservices',
    nameIdFormat: 'persistent',
    attributeStatements: [{ name: 'mail', nameFormat: 'basic', value: 'user.email' }],
  };

  it('accepts a URN audience (urn:amazon:webservices) and refuses a malformed one', () => {
    expect(audienceProblem('urn:amazon:webservices')).toBeUndefined();
    expect(audienceProblem('https://signin.aws.amazon.com/saml')).toBeUndefined();
    expect(audienceProblem('urn:bad name')).toBe(
      '"urn:bad name" is not a valid URN (urn:<namespace>:<name>, no spaces)',
    );
    expect(audienceProblem('http://vendor.example.com')).toBe(
      '"http://vendor.example.com" must use https (it uses http)',
    );
  });

  it("sends group statements as Okta's GROUP type with their filter, and refuses a broken regex", () => {
    const signOn = desiredSignOn(samlOf(customSaml), {
      ...input,
      groupStatements: [{ name: 'groups', nameFormat: 'unspecified', filterType: 'REGEX', filterValue: 'Courier-.*' }],
    });
    expect(signOn.attributeStatements?.filter((s) => s.type === 'GROUP')).toEqual([
      {
        type: 'GROUP',
        name: 'groups',
        namespace: 'urn:oasis:names:tc:SAML:2.0:attrname-format:unspecified',
        filterType: 'REGEX',
        filterValue: 'Courier-.*',
      },
    ]);
    const bad = AppInputSchema.safeParse({
      ...input,
      groupStatements: [{ name: 'groups', nameFormat: 'unspecified', filterType: 'REGEX', filterValue: '(' }],
    });
    expect(bad.success ? undefined : bad.error.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['groupStatements.0.filterValue', '"(" is not a regular expression Okta can match (check brackets and escapes)'],
    ]);
  });
});
