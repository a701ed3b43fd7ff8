import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OktaOrgClient } from '../../src-main/okta/org-client';
import { parseIdpMetadata } from '../../src-main/saml/metadata';
import { recordedAnswers, recordedJson, recordedOrgClient, serveRecorded } from '../support/recorded-okta';

// Ids as the real orgs recorded them.
const SAML_APP = '0oakwrj4p8zRhF0WU1d7';
const KID = 'T8k-_ep5fLQy5KCx5fO-JuAPGNjvRwpU3gb6bWjuyo8';
const SCHEMA_APP = '0oauj9plkc70q0Hyp1d7';
const ASSIGN_APP = '0oauj96z2dGonI16R1d7';
const USER = '00uuj90ko1mC0Sc3q1d7';
const GROUP_APP = '0oauj8lxpakUbVDPF1d7';
const GROUP = '00guj90kg96LqOIHe1d7';
const MEMBERS_GROUP = '00gkwu85grCNSuWBG1d7';
const CONNECTION_APP = '0oarblaf7hWdLawNg1d7';

const ROUTES: Record<string, string> = {
  'GET /api/v1/apps': 'apps-list',
  'POST /api/v1/apps': 'app-saml-create',
  [`GET /api/v1/apps/${SAML_APP}`]: 'app-saml-read',
  [`PUT /api/v1/apps/${SAML_APP}`]: 'app-saml-update',
  [`GET /api/v1/apps/${SAML_APP}/sso/saml/metadata`]: 'app-saml-metadata',
  [`GET /api/v1/apps/${SAML_APP}/credentials/keys`]: 'app-saml-keys',
  [`GET /api/v1/meta/schemas/apps/${SCHEMA_APP}/default`]: 'app-user-schema-read',
  [`POST /api/v1/meta/schemas/apps/${SCHEMA_APP}/default`]: 'app-user-schema-update',
  'GET /api/v1/users/me': 'user-read',
  [`GET /api/v1/users/${USER}`]: 'user-read',
  [`GET /api/v1/users/${USER}/roles`]: 'user-roles',
  [`POST /api/v1/apps/${ASSIGN_APP}/users`]: 'app-user-assign',
  [`GET /api/v1/apps/${ASSIGN_APP}/users/${USER}`]: 'app-user-read',
  [`GET /api/v1/apps/${ASSIGN_APP}/users`]: 'app-users-list',
  [`PUT /api/v1/apps/${GROUP_APP}/groups/${GROUP}`]: 'app-group-assign',
  [`GET /api/v1/apps/${GROUP_APP}/groups`]: 'app-groups-list',
  'GET /api/v1/groups': 'groups-search',
  [`GET /api/v1/groups/${MEMBERS_GROUP}/users`]: 'group-members',
  [`GET /api/v1/apps/${CONNECTION_APP}/connections/default`]: 'app-connection-read',
  [`POST /api/v1/apps/${CONNECTION_APP}/connections/default`]: 'app-connection-set',
  [`PUT /api/v1/apps/${CONNECTION_APP}/features/USER_PROVISIONING`]: 'app-feature-read',
  'GET /api/v1/apps/0oagone/credentials/keys': 'error-not-found',
  'GET /api/v1/apps/0oagone': 'error-not-found',
};

let served: Awaited<ReturnType<typeof serveRecorded>>;
let okta: OktaOrgClient;

beforeAll(async () => {
  served = await serveRecorded(ROUTES);
  okta = recordedOrgClient(served.url);
});

afterAll(async () => {
  await served.close();
});

describe("our Okta client reads real Okta orgs' recorded answers (terraform-provider-okta cassettes)", () => {
  it('every vendored answer names its cassette, interaction and MPL-2.0 licence, and is served by a route here', () => {
    const answers = [...recordedAnswers().values()];
    expect(answers.length).toBeGreaterThanOrEqual(22);
    for (const a of answers) {
      expect(a.source.repository).toBe('okta/terraform-provider-okta');
      expect(a.source.license).toBe('MPL-2.0');
      expect(a.source.path).toMatch(/^test\/fixtures\/vcr\/idaas\/\w+\/[\w-]+\.yaml$/);
      expect(a.source.commit).toMatch(/^[0-9a-f]{40}$/);
    }
    const routed = new Set(Object.values(ROUTES));
    expect(answers.map((a) => a.name).filter((n) => !routed.has(n))).toEqual(['user-create-without-password']);
  });

  it('creates, reads and updates a SAML app: sign-on settings, signing kid, metadata link, embed link', async () => {
    const created = await okta.createApp({ label: 'testAcc_826687444', signOnMode: 'SAML_2_0' }, { activate: true });
    expect(created).toMatchObject({
      id: SAML_APP,
      name: 'oie-00_testacc826687444_13',
      label: 'testAcc_826687444',
      status: 'ACTIVE',
      signOnMode: 'SAML_2_0',
      features: [],
      metadataUrl: `https://oie-00.dne-okta.com/api/v1/apps/${SAML_APP}/sso/saml/metadata`,
      appLinks: [
        {
          name: 'oie-00_testacc826687444_13_link',
          href: `https://oie-00.dne-okta.com/home/oie-00_testacc826687444_13/${SAML_APP}/alnkwrurwwmQkzH4z1d7`,
        },
      ],
    });
    expect(created.settings.signOn).toMatchObject({
      ssoAcsUrl: 'http://google.com',
      audience: 'http://audience.com',
      recipient: 'http://here.com',
      destination: 'http://its-about-the-journey.com',
      idpIssuer: 'http://www.okta.com/${org.externalKey}',
      honorForceAuthn: true,
      subjectNameIdFormat: 'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified',
    });
    expect(created.settings.signOn?.attributeStatements?.map((s) => s.name)).toEqual(['Attr One', 'Attr Two']);
    expect((created.credentials?.signing as { kid?: string } | undefined)?.kid).toBe(KID);
    expect(served.seen).toContain('POST /api/v1/apps?activate=true');

    const read = await okta.getApp(SAML_APP);
    expect(read?.lastUpdated).toBe('2025-03-14T00:17:56.000Z');
    const updated = await okta.updateApp(SAML_APP, { label: 'testAcc_826687444', signOnMode: 'SAML_2_0' });
    expect(updated.lastUpdated).toBe('2025-03-14T00:18:02.000Z');
    expect(updated.settings.signOn?.attributeStatements).toEqual([
      {
        type: 'GROUP',
        name: 'groups',
        namespace: 'urn:oasis:names:tc:SAML:2.0:attrname-format:unspecified',
        filterType: 'REGEX',
        filterValue: '.*',
      },
    ]);
  });

  it("reads the app's SAML metadata by kid and our metadata parser takes it; the key list carries the same certificate", async () => {
    const xml = await okta.getAppMetadataXml(SAML_APP, KID);
    expect(served.seen).toContain(`GET /api/v1/apps/${SAML_APP}/sso/saml/metadata?kid=${KID}`);
    const metadata = parseIdpMetadata(xml);
    expect(metadata.entityId).toBe('http://www.okta.com/exkkwrj4p78hNElUI1d7');
    expect(metadata.wantAuthnRequestsSigned).toBe(false);
    expect(metadata.ssoServices.map((s) => s.location)).toEqual([
      `https://oie-00.dne-okta.com/app/oie-00_testacc826687444_13/exkkwrj4p78hNElUI1d7/sso/saml`,
      `https://oie-00.dne-okta.com/app/oie-00_testacc826687444_13/exkkwrj4p78hNElUI1d7/sso/saml`,
    ]);
    const keys = await okta.listAppKeys(SAML_APP);
    expect(keys.map((k) => [k.kid, k.created, k.expiresAt])).toEqual([
      [KID, '2025-03-14T00:17:56.000Z', '2035-03-14T00:17:55.000Z'],
    ]);
    expect(metadata.signingCertificates).toEqual(keys[0]?.x5c);
  });

  it('reads the app user schema with its base properties and a custom enum, before and after an update', async () => {
    const schema = await okta.getAppUserSchema(SCHEMA_APP);
    expect(schema.id).toBe(`https://oie-00.dne-okta.com/meta/schemas/apps/${SCHEMA_APP}/default`);
    expect(Object.keys(schema.base)).toHaveLength(21);
    expect(schema.base.userName).toMatchObject({ title: 'Username', type: 'string', required: true, scope: 'SELF' });
    expect(schema.custom.testIndex?.enum).toEqual(['S', 'M', 'L', 'XL']);
    expect(schema.custom.testIndex?.oneOf?.map((o) => o.const)).toEqual(['S', 'M', 'L', 'XL']);
    const updated = await okta.updateAppUserSchema(SCHEMA_APP, {
      custom: { testIndex: { type: 'string', title: 'terraform acceptance test' } },
    });
    expect(Object.keys(updated.custom)).toEqual(['testIndex']);
  });

  it('reads users (PROVISIONED included), the caller and its admin roles', async () => {
    const user = await okta.getUser(USER);
    expect(user).toEqual({
      id: USER,
      status: 'PROVISIONED',
      created: '2026-02-02T11:15:22.000Z',
      lastLogin: undefined,
      profile: expect.objectContaining({
        login: 'testAcc_2654458437@example.com',
        email: 'testAcc_2654458437@example.com',
        firstName: 'TestAcc',
        lastName: 'Smith',
      }) as unknown,
    });
    const me = await okta.whoAmI();
    expect([me.userId, me.login, me.displayName, me.rolesUnreadable]).toEqual([
      USER,
      'testAcc_2654458437@example.com',
      'TestAcc Smith',
      undefined,
    ]);
    expect(me.roles.map((r) => [r.type, r.label, r.assignmentType])).toEqual([
      ['APP_ADMIN', 'Application Administrator', 'USER'],
      ['GROUP_MEMBERSHIP_ADMIN', 'Group Membership Administrator', 'USER'],
    ]);
  });

  it('assigns a user to an app and reads the assignment back, alone and in the list', async () => {
    const assigned = await okta.assignUserToApp(ASSIGN_APP, USER, {});
    expect(assigned).toMatchObject({
      id: USER,
      scope: 'USER',
      status: 'ACTIVE',
      syncState: 'DISABLED',
      externalId: undefined,
      userName: 'testAcc_2654458437@example.com',
    });
    expect(assigned.profile.email).toBe('testAcc_2654458437@example.com');
    expect((await okta.getAppUser(ASSIGN_APP, USER))?.userName).toBe('testAcc_2654458437@example.com');
    expect((await okta.listAppUsers(ASSIGN_APP).all()).map((u) => [u.id, u.scope])).toEqual([[USER, 'USER']]);
  });

  it('assigns a group to an app and lists the app groups with their priorities', async () => {
    const assigned = await okta.assignGroupToApp(GROUP_APP, GROUP, { profile: {} });
    expect(assigned).toEqual({ id: GROUP, priority: 1, profile: {}, lastUpdated: '2026-02-02T11:10:03.000Z' });
    expect((await okta.listAppGroups(GROUP_APP).all()).map((g) => [g.id, g.priority])).toEqual([
      [GROUP, 1],
      ['00guj8zou7VWfrcSU1d7', 2],
      ['00guj8ne98IJOkphV1d7', 3],
    ]);
  });

  it('searches groups and lists a group member whose status is PROVISIONED', async () => {
    const groups = await okta.listGroups({ q: 'Everyone' }).all();
    expect(groups).toEqual([
      { id: '00gtivnurvWCrsTPt1d7', type: 'BUILT_IN', name: 'Everyone', description: 'All users in your organization' },
    ]);
    const members = await okta.listGroupMembers(MEMBERS_GROUP).all();
    expect(members.map((m) => [m.profile.login, m.status])).toEqual([
      ['john_3671860054@ledzeppelin.com', 'PROVISIONED'],
    ]);
  });

  it('reads and sets a provisioning connection, and reads a provisioning feature', async () => {
    expect(await okta.getProvisioningConnection(CONNECTION_APP)).toEqual({
      authScheme: 'TOKEN',
      status: 'ENABLED',
      baseUrl: 'https://integrator-8357679-admin.okta.com',
    });
    expect(await okta.setProvisioningConnection(CONNECTION_APP, { token: 'scim-token' })).toEqual({
      authScheme: 'TOKEN',
      status: 'DISABLED',
      baseUrl: 'https://integrator-8357679-admin.okta.com',
    });
    const feature = await okta.updateUserProvisioningFeature(CONNECTION_APP, {});
    expect([feature.name, feature.status, Object.keys(feature.capabilities)]).toEqual([
      'INBOUND_PROVISIONING',
      'ENABLED',
      ['importSettings', 'importRules'],
    ]);
  });

  it('lists apps of every sign-on mode', async () => {
    const apps = await okta.listApps();
    expect(apps).toHaveLength(11);
    expect(apps[0]).toMatchObject({ label: 'Okta Admin Console', name: 'saasure', signOnMode: 'OPENID_CONNECT' });
  });

  it("reads Okta's real E0000007 body: a 404 read is absent, any other 404 names Okta's errorId", async () => {
    expect(await okta.getApp('0oagone')).toBeUndefined();
    const error = recordedJson<{ errorId: string; errorSummary: string }>('error-not-found');
    await expect(okta.listAppKeys('0oagone')).rejects.toMatchObject({
      code: 'OKTA_NOT_FOUND',
      message: `Okta refused to list the signing keys of app 0oagone: ${error.errorSummary}. (Okta error ID ${error.errorId})`,
    });
  });
});
