import { format } from '@cdktf/hcl-tools';
import { parse } from '@cdktf/hcl2json';
import { describe, expect, it } from 'vitest';
import type { OktaApp } from '../../../src-main/okta/org-api';
import { oktaCloudAddress, renderTerraform, uniqueName } from '../../../src-main/report/terraform/render';
import type { TerraformSetup } from '../../../src-main/report/terraform/setup';
import { documentedArguments } from '../../support/terraform-provider-docs';

const READ_AT = new Date('2026-11-27T10:00:00.000Z');

function app(over: Partial<OktaApp>): OktaApp {
  return {
    id: '0oa1',
    name: 'app',
    label: 'App',
    status: 'ACTIVE',
    signOnMode: 'SAML_2_0',
    created: undefined,
    lastUpdated: undefined,
    features: [],
    settings: {},
    credentials: undefined,
    visibility: undefined,
    metadataUrl: undefined,
    appLinks: [],
    ...over,
  };
}

/** Courier as the wizard leaves it: custom SAML, role attribute, groups by role, people, SCIM, bookmark. */
const courier: TerraformSetup = {
  name: 'Courier "EU" — 2',
  client: 'acme',
  vendor: 'Courier',
  orgUrl: 'https://acme.okta.com',
  catalog: false,
  app: app({
    id: '0oacourier1',
    name: 'acme_courier_1',
    label: 'Courier "EU" — 2',
    credentials: { userNameTemplate: { template: '${source.email}', type: 'BUILT_IN' }, signing: { kid: 'k1' } },
    settings: {
      app: {},
      signOn: {
        ssoAcsUrl: 'https://app.courier.com/sso/acs?x=1&y=${weird}',
        recipient: 'https://app.courier.com/sso/acs',
        destination: 'https://app.courier.com/sso/acs',
        audience: 'urn:courier:sp',
        subjectNameIdTemplate: '${user.email}',
        subjectNameIdFormat: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress',
        responseSigned: true,
        assertionSigned: true,
        signatureAlgorithm: 'RSA_SHA256',
        digestAlgorithm: 'SHA256',
        honorForceAuthn: true,
        authnContextClassRef: 'urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport',
        requestCompressed: false,
        allowMultipleAcsEndpoints: false,
        defaultRelayState: '',
        attributeStatements: [
          {
            type: 'EXPRESSION',
            name: 'id',
            namespace: 'urn:oasis:names:tc:SAML:2.0:attrname-format:unspecified',
            values: ['user.id'],
          },
          {
            type: 'EXPRESSION',
            name: 'role',
            namespace: 'urn:oasis:names:tc:SAML:2.0:attrname-format:unspecified',
            values: ['appuser.role == "admin" ? "Admin" : "Member \\"quoted\\""'],
          },
          {
            type: 'GROUP',
            name: 'groups',
            namespace: 'urn:oasis:names:tc:SAML:2.0:attrname-format:basic',
            filterType: 'REGEX',
            filterValue: '^courier-.*%{x}$',
          },
        ],
      },
    },
  }),
  role: {
    index: 'role',
    property: {
      title: 'Role',
      description: 'Courier role',
      type: 'string',
      enum: ['admin', 'manager', 'developer'],
      oneOf: [
        { const: 'admin', title: 'Administrator' },
        { const: 'manager', title: 'Manager' },
        { const: 'developer', title: 'Developer' },
      ],
      externalName: 'role',
      externalNamespace: 'urn:ietf:params:scim:schemas:core:2.0:User',
      required: false,
      scope: 'NONE',
      master: { type: 'PROFILE_MASTER' },
      permissions: [{ principal: 'SELF', action: 'READ_ONLY' }],
    },
  },
  groups: [
    { id: '00gadmins', name: 'Courier Admins', priority: 0, profile: { role: 'admin' } },
    { id: '00gdevs', name: 'Engineering', priority: undefined, profile: { role: 'developer', tags: ['a', 'b'] } },
  ],
  people: [
    { id: '00ualice', userName: 'alice@acme.com', profile: { role: 'manager', email: 'alice@acme.com', nick: null } },
    { id: '00ubjorn', userName: 'bjørn.o+courier@acme.com', profile: { role: 'admin' } },
  ],
  provisioning: {
    name: 'USER_PROVISIONING',
    status: 'ENABLED',
    description: undefined,
    capabilities: {
      create: { lifecycleCreate: { status: 'ENABLED' } },
      update: {
        lifecycleDeactivate: { status: 'ENABLED' },
        profile: { status: 'ENABLED' },
        password: { status: 'DISABLED', seed: 'RANDOM', change: 'KEEP_EXISTING' },
      },
    },
  },
  provisioningInConsole: false,
  bookmark: app({
    id: '0oabookmark',
    name: 'bookmark',
    label: 'Courier Login',
    signOnMode: 'BOOKMARK',
    settings: { app: { url: 'https://app.courier.com/login?sso=1', requestIntegration: false } },
  }),
};

/** Millie as the wizard leaves it: the catalog app with its slug, no role. */
const millie: TerraformSetup = {
  name: 'Millie',
  client: 'acme',
  vendor: 'Millie',
  orgUrl: 'https://acme.okta.com',
  catalog: true,
  app: app({ id: '0oamillie', name: 'millie', label: 'Millie', settings: { app: { slugName: 'acme-corp' } } }),
  role: undefined,
  groups: [],
  people: [],
  provisioning: undefined,
  provisioningInConsole: false,
  bookmark: undefined,
};

type Body = Record<string, unknown>;

describe('the Terraform file', () => {
  const hcl = renderTerraform([courier, millie], { readAt: READ_AT });

  it('is laid out exactly as terraform fmt lays it out (hclwrite’s formatter)', async () => {
    expect(await format(hcl)).toBe(hcl);
  });

  it('writes Okta templates as literal text, not as Terraform interpolations', () => {
    expect(hcl).toContain('  subject_name_id_template = "$${user.email}"\n');
    expect(hcl).toContain('  user_name_template       = "$${source.email}"\n');
    expect(hcl).toContain('  sso_url                  = "https://app.courier.com/sso/acs?x=1&y=$${weird}"\n');
    expect(hcl).toContain('    filter_value = "^courier-.*%%{x}$"\n');
    expect(hcl).toContain(
      '    values    = ["appuser.role == \\"admin\\" ? \\"Admin\\" : \\"Member \\\\\\"quoted\\\\\\"\\""]\n',
    );
  });

  it('parses as HCL, with one import block for every object it adopts', async () => {
    const parsed = (await parse('main.tf', hcl)) as {
      import: Body[];
      resource: Record<string, Record<string, Body[]>>;
    };
    expect(parsed.import.map((i) => [i['to'], i['id']])).toEqual([
      ['${okta_app_saml.courier_eu_2}', '0oacourier1'],
      ['${okta_app_user_schema_property.courier_eu_2_role}', '0oacourier1/role'],
      ['${okta_app_group_assignments.courier_eu_2_groups}', '0oacourier1'],
      ['${okta_app_user.courier_eu_2_people[each.key]}', '0oacourier1/${each.value.user_id}'],
      ['${okta_app_features.courier_eu_2_provisioning}', '0oacourier1/USER_PROVISIONING'],
      ['${okta_app_bookmark.courier_eu_2_bookmark}', '0oabookmark'],
      ['${okta_app_saml.millie}', '0oamillie'],
    ]);
    expect(parsed.resource['okta_app_saml']!['millie']![0]).toEqual({
      preconfigured_app: 'millie',
      label: 'Millie',
      status: 'ACTIVE',
      app_settings_json: '${jsonencode({ slugName = "acme-corp" })}',
    });
    expect(parsed.resource['okta_app_group_assignments']!['courier_eu_2_groups']![0]!['group']).toEqual([
      { id: '00gadmins', priority: 0, profile: '${jsonencode({ role = "admin" })}' },
      { id: '00gdevs', profile: '${jsonencode({ role = "developer", tags = ["a", "b"] })}' },
    ]);
    expect(hcl).toContain(
      '    "alice@acme.com"           = { user_id = "00ualice", profile = { role = "manager", email = "alice@acme.com" } }\n',
    );
    expect(hcl).toContain('    "bjørn.o+courier@acme.com" = { user_id = "00ubjorn", profile = { role = "admin" } }\n');
  });

  it('uses only resources and arguments the okta provider documents, and every required one', async () => {
    const parsed = (await parse('main.tf', hcl)) as { resource: Record<string, Record<string, Body[]>> };
    const types = Object.keys(parsed.resource).sort();
    expect(types).toEqual([
      'okta_app_bookmark',
      'okta_app_features',
      'okta_app_group_assignments',
      'okta_app_saml',
      'okta_app_user',
      'okta_app_user_schema_property',
    ]);
    for (const type of types) {
      const documented = documentedArguments(type);
      for (const body of Object.values(parsed.resource[type]!).flat()) {
        const used = argumentNames(body).filter((name) => name !== 'for_each');
        expect
          .soft(
            used.filter((name) => !documented.all.has(name)),
            `${type}: undocumented`,
          )
          .toEqual([]);
        expect
          .soft(
            [...documented.required].filter((name) => !(name in body)),
            `${type}: missing`,
          )
          .toEqual([]);
      }
    }
  });

  it('writes no provider credentials, and names the org the provider way', () => {
    expect(hcl).toContain('provider "okta" {\n  org_name = "acme"\n  base_url = "okta.com"\n}\n');
    expect(hcl).not.toMatch(/api_token|private_key|client_secret|token\s*=/);
  });
});

describe('names and addresses', () => {
  it('gives every integration a distinct Terraform name', () => {
    const used = new Set<string>();
    expect(['Mixpanel (EU)', 'Mixpanel (EU)', '2nd app', '', 'Ünïcode Café'].map((l) => uniqueName(l, used))).toEqual([
      'mixpanel_eu',
      'mixpanel_eu_2',
      'app_2nd_app',
      'integration',
      'unicode_cafe',
    ]);
  });

  it('splits an Okta cloud address into org_name and base_url, and nothing else', () => {
    expect(oktaCloudAddress('https://dev-123456.oktapreview.com')).toEqual({
      orgName: 'dev-123456',
      baseUrl: 'oktapreview.com',
    });
    expect(oktaCloudAddress('https://acme.okta-emea.com/')).toEqual({ orgName: 'acme', baseUrl: 'okta-emea.com' });
    expect(oktaCloudAddress('http://127.0.0.1:4455')).toBeUndefined();
    expect(oktaCloudAddress('https://login.acme.com')).toBeUndefined();
  });

  it('says so when the org is not in an Okta cloud domain, and still lays the file out as fmt does', async () => {
    const local = renderTerraform([{ ...millie, orgUrl: 'http://127.0.0.1:4455' }], { readAt: READ_AT });
    expect(local).toContain('# http://127.0.0.1:4455 is not an address in an Okta cloud domain (a practice org):\n');
    expect(local).toContain('provider "okta" {}\n');
    expect(await format(local)).toBe(local);
  });

  it('refuses integrations of two orgs in one file', () => {
    expect(() =>
      renderTerraform([millie, { ...courier, orgUrl: 'https://other.okta.com' }], { readAt: READ_AT }),
    ).toThrow('A Terraform file covers one Okta org; these integrations are in several.');
  });
});

/** Argument and nested block names, at every depth (`group`, `one_of`, `capabilities` …). */
function argumentNames(body: unknown): string[] {
  if (Array.isArray(body)) return body.flatMap(argumentNames);
  if (typeof body !== 'object' || body === null) return [];
  return Object.entries(body).flatMap(([key, v]) => [
    key,
    ...(typeof v === 'object' && v !== null ? argumentNames(v) : []),
  ]);
}
