import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OktaOrgApi } from '../../../src-main/okta/org-api';
import { AuditLog } from '../../../src-main/workspace/audit-log';
import { startSandbox } from '../../support/sandbox';
import { apiTokenClient } from '../../support/api-token-client';

type Org = Awaited<ReturnType<typeof startSandbox>>;

describe('OktaOrgApi against the sandbox org (API token)', () => {
  let org: Org;
  let dataDir: string;
  let audit: AuditLog;
  let okta: OktaOrgApi;

  beforeAll(async () => {
    org = await startSandbox();
    dataDir = await mkdtemp(join(tmpdir(), 'org-client-'));
    audit = new AuditLog(dataDir);
    okta = apiTokenClient({
      clientId: 'cli_acme',
      orgUrl: org.url,
      apiToken: org.apiToken,
      audit: audit.append,
    });
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('walks every page of users and groups through Link headers', async () => {
    const pages: number[] = [];
    for await (const page of okta.listUsers({ limit: 10 })) pages.push(page.length);
    expect(pages.length).toBeGreaterThan(2);
    expect(pages.reduce((a, b) => a + b, 0)).toBe(org.state.users.size);
    const groups = await okta.listGroups({ limit: 3 }).all();
    expect(groups.map((g) => g.id).sort()).toEqual([...org.state.groups.keys()].sort());
    const first = await okta.listUsers({ limit: 5 }).firstPage();
    expect(first).toMatchObject({ hasMore: true });
    expect(first.items).toHaveLength(5);
  });

  it('finds a user by login and says undefined for one that does not exist', async () => {
    const admin = await okta.getUser('admin@acme.example');
    expect(admin?.profile).toMatchObject({ login: 'admin@acme.example', firstName: 'Alex', lastName: 'Admin' });
    expect(await okta.getUser('nobody@acme.example')).toBeUndefined();
  });

  it('creates, reads, updates, deactivates and reactivates a SAML app, logging each write ahead: intent, then outcome', async () => {
    const created = await okta.createApp(
      {
        label: 'Courier',
        signOnMode: 'SAML_2_0',
        settings: { signOn: { ssoAcsUrl: 'https://courier.example/acs', audience: 'https://courier.example' } },
      },
      { activate: true },
    );
    expect(created).toMatchObject({ label: 'Courier', status: 'ACTIVE', signOnMode: 'SAML_2_0' });
    expect(created.metadataUrl).toMatch(/\/sso\/saml\/metadata$/);
    const read = await okta.getApp(created.id);
    expect(read?.settings.signOn?.ssoAcsUrl).toBe('https://courier.example/acs');
    const updated = await okta.updateApp(created.id, {
      name: created.name,
      label: 'Courier SSO',
      signOnMode: created.signOnMode,
      settings: { signOn: { ...read?.settings.signOn, ssoAcsUrl: 'https://courier.example/acs2' } },
    });
    expect(updated.settings.signOn?.ssoAcsUrl).toBe('https://courier.example/acs2');
    await okta.deactivateApp(created.id);
    expect((await okta.getApp(created.id))?.status).toBe('INACTIVE');
    await okta.activateApp(created.id);
    expect((await okta.listApps({ q: 'Courier' })).map((a) => a.id)).toContain(created.id);
    expect(await okta.getApp('0oanothere')).toBeUndefined();

    const xml = await okta.getAppMetadataXml(created.id);
    expect(xml).toMatch(/^<\?xml|<md:EntityDescriptor/);
    const keys = await okta.listAppKeys(created.id);
    expect(keys[0]?.x5c[0]).toMatch(/^MII/);
    expect(xml).toContain(keys[0]?.x5c[0]);

    const events = (await audit.read('cli_acme')).map((e) => `${e.operation} ${e.outcome}`);
    expect(events).toEqual([
      'app.create intent',
      'app.create success',
      'app.update intent',
      'app.update success',
      'app.deactivate intent',
      'app.deactivate success',
      'app.activate intent',
      'app.activate success',
    ]);
  });

  it('assigns users and groups, edits the app user schema, and audits a failed write as a failure', async () => {
    const app = await okta.createApp(
      {
        label: 'Assign target',
        signOnMode: 'SAML_2_0',
        settings: { signOn: { ssoAcsUrl: 'https://t.example/acs', audience: 'https://t.example' } },
      },
      { activate: true },
    );
    const schema = await okta.updateAppUserSchema(app.id, {
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
    });
    expect(schema.custom.role?.enum).toEqual(['ADMINISTRATOR', 'ANALYST']);
    expect((await okta.getAppUserSchema(app.id)).custom.role?.title).toBe('Role');

    const user = await okta.getUser('admin@acme.example');
    if (!user) throw new Error('seed user missing');
    const assigned = await okta.assignUserToApp(app.id, user.id, { role: 'ANALYST' });
    expect(assigned).toMatchObject({ id: user.id, scope: 'USER', profile: { role: 'ANALYST' } });
    expect((await okta.updateAppUser(app.id, user.id, { role: 'ADMINISTRATOR' })).profile.role).toBe('ADMINISTRATOR');
    expect((await okta.getAppUser(app.id, user.id))?.profile.role).toBe('ADMINISTRATOR');

    const group = (await okta.listGroups({ q: 'Support' }).firstPage()).items[0];
    if (!group) throw new Error('seed group missing');
    await okta.assignGroupToApp(app.id, group.id, { profile: { role: 'ANALYST' } });
    expect((await okta.getAppGroup(app.id, group.id))?.profile.role).toBe('ANALYST');
    const members = await okta.listGroupMembers(group.id).all();
    const appUsers = await okta.listAppUsers(app.id).all();
    expect(appUsers.length).toBe(new Set([user.id, ...members.map((m) => m.id)]).size);
    expect((await okta.listAppGroups(app.id).all()).map((g) => g.id)).toEqual([group.id]);

    await okta.unassignGroupFromApp(app.id, group.id);
    await okta.unassignUserFromApp(app.id, user.id);
    expect(await okta.getAppUser(app.id, user.id)).toBeUndefined();

    await expect(okta.deactivateApp('0oadoesnotexist')).rejects.toMatchObject({ code: 'OKTA_NOT_FOUND' });
    const last = (await audit.read('cli_acme')).at(-1);
    expect(last).toMatchObject({ operation: 'app.deactivate', target: 'app 0oadoesnotexist', outcome: 'failure' });
  });

  it('sets up API provisioning on a catalog app that offers it', async () => {
    const app = await okta.createApp(
      { name: 'mixpanel', label: 'Mixpanel', signOnMode: 'SAML_2_0' },
      { activate: true },
    );
    const connection = await okta.setProvisioningConnection(app.id, { token: 'scim-bearer-token-123' });
    expect(connection).toMatchObject({ authScheme: 'TOKEN', status: 'DISABLED' });
    await okta.activateProvisioningConnection(app.id);
    expect((await okta.getProvisioningConnection(app.id)).status).toBe('ENABLED');
    const feature = await okta.updateUserProvisioningFeature(app.id, {
      create: { lifecycleCreate: { status: 'ENABLED' } },
      update: { profile: { status: 'ENABLED' }, lifecycleDeactivate: { status: 'ENABLED' } },
    });
    expect(feature.capabilities.create?.lifecycleCreate.status).toBe('ENABLED');
    expect((await okta.listFeatures(app.id)).map((f) => f.name)).toEqual(['USER_PROVISIONING']);
    const log = JSON.stringify(await audit.read('cli_acme'));
    expect(log).not.toContain('scim-bearer-token-123');
  });

  it('says a custom SAML app has no API provisioning connection', async () => {
    const app = await okta.createApp(
      {
        label: 'No SCIM API',
        signOnMode: 'SAML_2_0',
        settings: { signOn: { ssoAcsUrl: 'https://n.example/acs', audience: 'https://n.example' } },
      },
      { activate: true },
    );
    expect(await okta.getProvisioningConnection(app.id)).toEqual({
      authScheme: 'UNKNOWN',
      status: 'UNKNOWN',
      baseUrl: undefined,
    });
  });

  it("turns a read-only admin's write into an AppError naming the role needed", async () => {
    const readOnly = apiTokenClient({
      clientId: 'cli_ro',
      orgUrl: org.url,
      apiToken: org.readOnlyApiToken,
      audit: audit.append,
    });
    await expect(
      readOnly.createApp({ label: 'Nope', signOnMode: 'SAML_2_0' }, { activate: false }),
    ).rejects.toMatchObject({
      code: 'OKTA_ROLE_MISSING',
      hint: 'This needs Super Administrator (SUPER_ADMIN), Organization Administrator (ORG_ADMIN) or Application Administrator (APP_ADMIN). Ask a Super Admin to assign it under Security > Administrators, or sign in as an admin who has it.',
    });
  });
});
