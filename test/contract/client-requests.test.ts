import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OktaOrgApi } from '../../src-main/okta/org-api';
import { oauthPlugin } from '../../src-main/sandbox/oauth';
import { builtInPlugins } from '../../src-main/sandbox/plugins';
import { provisioningPlugin } from '../../src-main/sandbox/provisioning';
import type { SandboxOrg } from '../../src-main/sandbox/server';
import { validateRequest } from '../support/openapi-contract';
import { startTestCa } from '../support/test-ca';
import { startSandbox } from '../support/sandbox';
import { apiTokenClient } from '../support/api-token-client';

type Operation = Exclude<keyof OktaOrgApi, 'orgUrl' | 'authMethod' | 'onRequest' | 'stats' | 'rateLimitOf'>;

interface Sent {
  operation: Operation;
  method: string;
  url: string;
  body: unknown;
  contentType: string;
}

const sent: Sent[] = [];
let current: Operation | undefined;
let org: SandboxOrg;
let okta: OktaOrgApi;

/** The real transport, with every request our client sends written down under the operation that sent it. */
const recordingFetch: typeof fetch = async (input, init) => {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  const text = typeof init?.body === 'string' ? init.body : undefined;
  if (current === undefined) throw new Error(`request outside an operation: ${url}`);
  const contentType = new Headers(init?.headers).get('content-type') ?? 'application/json';
  sent.push({
    operation: current,
    method: init?.method ?? 'GET',
    url,
    body: text === undefined || !contentType.includes('json') ? text : (JSON.parse(text) as unknown),
    contentType,
  });
  return fetch(input, init);
};

beforeAll(async () => {
  const missing = [oauthPlugin, provisioningPlugin].filter((p) => !builtInPlugins.some((b) => b.name === p.name));
  org = await startSandbox({ plugins: missing });
  okta = apiTokenClient({
    clientId: 'cli_contract',
    orgUrl: org.url,
    apiToken: org.apiToken,
    fetchImpl: recordingFetch,
  });
});

afterAll(() => {
  current = undefined;
});

async function as<T>(operation: Operation, run: () => Promise<T>): Promise<T> {
  current = operation;
  try {
    return await run();
  } finally {
    current = undefined;
  }
}

describe("every request our Okta client sends conforms to Okta's Management API spec", () => {
  it('exercises each OktaOrgApi operation against the sandbox and validates what it sent', async () => {
    const saml = {
      label: 'Contract SAML',
      signOnMode: 'SAML_2_0',
      settings: {
        signOn: {
          ssoAcsUrl: 'https://c.example/acs',
          audience: 'https://c.example',
          allowMultipleAcsEndpoints: false,
          assertionSigned: true,
          honorForceAuthn: true,
          requestCompressed: false,
          responseSigned: true,
          attributeStatements: [
            {
              type: 'EXPRESSION' as const,
              name: 'email',
              namespace: 'urn:oasis:names:tc:SAML:2.0:attrname-format:unspecified',
              values: ['user.email'],
            },
          ],
        },
      },
    };
    const user = await as('getUser', () => okta.getUser(org.adminLogin));
    if (!user) throw new Error('seeded admin missing');
    let generated: { kid: string } | undefined;
    let csr: { id: string; csrBase64: string } | undefined;
    const ca = startTestCa();
    const operations: Record<Operation, () => Promise<unknown>> = {
      whoAmI: () => okta.whoAmI(),
      listApps: () => okta.listApps({ q: 'Contract', filter: 'status eq "ACTIVE"' }),
      getApp: async () => okta.getApp(app.id),
      createApp: async () => undefined,
      updateApp: async () =>
        okta.updateApp(app.id, {
          name: app.name,
          label: 'Contract SAML 2',
          signOnMode: 'SAML_2_0',
          settings: { signOn: { ...app.settings.signOn } },
        }),
      activateApp: () => okta.activateApp(app.id),
      deactivateApp: () => okta.deactivateApp(app.id),
      getAppMetadataXml: () => okta.getAppMetadataXml(app.id),
      listAppKeys: () => okta.listAppKeys(app.id),
      generateAppKey: async () => {
        generated = await okta.generateAppKey(app.id, 2);
        return generated;
      },
      getAppKey: () => okta.getAppKey(app.id, generated?.kid ?? 'never-generated'),
      setAppSigningKey: () => okta.setAppSigningKey(app.id, generated?.kid ?? 'never-generated'),
      createAppCsr: async () => {
        csr = await okta.createAppCsr(app.id, { commonName: 'acme.example', organizationName: 'Acme' }, [
          'sso.acme.example',
        ]);
        return csr;
      },
      listAppCsrs: () => okta.listAppCsrs(app.id),
      publishAppCsr: () => okta.publishAppCsr(app.id, csr?.id ?? 'never-made', ca.sign(csr?.csrBase64 ?? '')),
      revokeAppCsr: async () => {
        const other = await okta.createAppCsr(app.id, { commonName: 'revoked.example' });
        await okta.revokeAppCsr(app.id, other.id);
      },
      listUsers: () =>
        okta
          .listUsers({ q: 'a', limit: 5 })
          .firstPage()
          .then(() => okta.listUsers({ search: 'profile.department eq "Sales"', limit: 3 }).all())
          .then(() => okta.listUsers({ filter: 'status eq "ACTIVE"', limit: 200 }).all()),
      getUser: () => okta.getUser(user.id),
      listGroups: () =>
        okta
          .listGroups({ q: 'Sup', limit: 2 })
          .all()
          .then(() => okta.listGroups({ search: 'type eq "OKTA_GROUP"' }).firstPage()),
      listGroupMembers: async () => okta.listGroupMembers(group.id).all(),
      createGroup: () => okta.createGroup('Contract Group', 'Made by the contract test'),
      addGroupMember: () => okta.addGroupMember(group.id, user.id),
      removeGroupMember: () => okta.removeGroupMember(group.id, user.id),
      createUser: () =>
        okta.createUser(
          { login: 'new.hire@acme.example', email: 'new.hire@acme.example', firstName: 'New', lastName: 'Hire' },
          { activate: true },
        ),
      listAppUsers: () => okta.listAppUsers(app.id).all(),
      getAppUser: () => okta.getAppUser(app.id, user.id),
      assignUserToApp: () => okta.assignUserToApp(app.id, user.id, { role: 'ANALYST' }),
      updateAppUser: () => okta.updateAppUser(app.id, user.id, { role: 'ADMINISTRATOR' }),
      unassignUserFromApp: () => okta.unassignUserFromApp(app.id, user.id),
      listAppGroups: () => okta.listAppGroups(app.id).all(),
      getAppGroup: () => okta.getAppGroup(app.id, group.id),
      assignGroupToApp: () => okta.assignGroupToApp(app.id, group.id, { profile: { role: 'ANALYST' }, priority: 0 }),
      unassignGroupFromApp: () => okta.unassignGroupFromApp(app.id, group.id),
      getAppUserSchema: () => okta.getAppUserSchema(app.id),
      getUserSchema: () => okta.getUserSchema(),
      updateAppUserSchema: () =>
        okta.updateAppUserSchema(app.id, {
          custom: {
            role: {
              title: 'Role',
              type: 'string',
              enum: ['ADMINISTRATOR', 'ANALYST'],
              oneOf: [
                { const: 'ADMINISTRATOR', title: 'Administrator' },
                { const: 'ANALYST', title: 'Analyst' },
              ],
            },
          },
        }),
      getProvisioningConnection: () => okta.getProvisioningConnection(catalog.id),
      setProvisioningConnection: () => okta.setProvisioningConnection(catalog.id, { token: 'scim-token-value' }),
      activateProvisioningConnection: () => okta.activateProvisioningConnection(catalog.id),
      listFeatures: () => okta.listFeatures(catalog.id),
      updateUserProvisioningFeature: () =>
        okta.updateUserProvisioningFeature(catalog.id, {
          create: { lifecycleCreate: { status: 'ENABLED' } },
          update: { profile: { status: 'ENABLED' } },
        }),
    };
    const app = await as('createApp', () => okta.createApp(saml, { activate: true }));
    const catalog = await as('createApp', () =>
      okta.createApp({ name: 'mixpanel', label: 'Contract Mixpanel', signOnMode: 'SAML_2_0' }, { activate: false }),
    );
    const group = (await as('listGroups', () => okta.listGroups({ q: 'Support' }).firstPage())).items[0] ?? { id: '' };
    const order: Operation[] = [
      'whoAmI',
      'listApps',
      'getApp',
      'updateApp',
      'deactivateApp',
      'activateApp',
      'getAppMetadataXml',
      'listAppKeys',
      'generateAppKey',
      'getAppKey',
      'setAppSigningKey',
      'createAppCsr',
      'listAppCsrs',
      'publishAppCsr',
      'revokeAppCsr',
      'listUsers',
      'getUser',
      'listGroups',
      'listGroupMembers',
      'createGroup',
      'addGroupMember',
      'removeGroupMember',
      'createUser',
      'updateAppUserSchema',
      'getAppUserSchema',
      'getUserSchema',
      'assignUserToApp',
      'getAppUser',
      'updateAppUser',
      'listAppUsers',
      'unassignUserFromApp',
      'assignGroupToApp',
      'getAppGroup',
      'listAppGroups',
      'unassignGroupFromApp',
      'setProvisioningConnection',
      'activateProvisioningConnection',
      'getProvisioningConnection',
      'listFeatures',
      'updateUserProvisioningFeature',
    ];
    for (const operation of order) await as(operation, operations[operation]);

    const exercised = new Set(sent.map((s) => s.operation));
    expect(Object.keys(operations).filter((op) => !exercised.has(op as Operation))).toEqual([]);
    const violations = sent.flatMap((s) =>
      validateRequest(s.method, s.url, s.body, s.contentType).map((v) => `${s.operation}: ${v}`),
    );
    expect(violations).toEqual([]);
    // The Link-header pages were validated too, cursors and all.
    expect(sent.some((s) => s.operation === 'listUsers' && new URL(s.url).searchParams.has('after'))).toBe(true);
  });

  it('would catch a request that breaks the spec', () => {
    const [assign] = sent.filter((s) => s.operation === 'assignUserToApp' && s.method === 'POST');
    if (!assign) throw new Error('assignUserToApp was not recorded');
    expect(validateRequest(assign.method, assign.url, { ...(assign.body as object), scope: 'EVERYONE' })).not.toEqual(
      [],
    );
    expect(validateRequest('GET', `${org.url}/api/v1/users?limit=ten`)).not.toEqual([]);
    expect(validateRequest('POST', `${org.url}/api/v1/apps/0oa1/users/me/roles`)).not.toEqual([]);
  });
});
