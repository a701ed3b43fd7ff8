import { describe, expect, it } from 'vitest';
import { AppObservedSchema } from '../../../src-main/api/step-app';
import type { StepView } from '../../../src-main/api/steps';
import { api } from '../../support/sandbox';
import { stepHarness, type StepHarness } from '../../support/step-harness';
import { ConsoleClient } from '../sandbox-console/console-client';

const UNSPECIFIED = 'urn:oasis:names:tc:SAML:2.0:attrname-format:unspecified';
const EMAIL_FORMAT = 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress';
const COURIER_ACS = 'https://sso.courier.example.com/saml/acme/acs';
const COURIER_AUDIENCE = 'https://sso.courier.example.com/saml/acme';

interface AppJson {
  id: string;
  name: string;
  label: string;
  status: string;
  signOnMode: string;
  settings: { app?: Record<string, unknown>; signOn: Record<string, unknown> };
}

const observed = (view: StepView) => AppObservedSchema.parse(view.observed);
const statuses = (view: StepView) => Object.fromEntries(view.checks.map((c) => [c.id, c.status]));

async function readApp(h: StepHarness, appId: string): Promise<AppJson> {
  return (await api<AppJson>(h.org, 'GET', `/api/v1/apps/${appId}`)).body;
}

async function expectIdempotent(h: StepHarness): Promise<void> {
  const writes = h.org.writeCount();
  const again = await h.apply('app');
  expect(again.status).toBe('verified');
  expect(again.changes).toEqual([]);
  expect(h.org.writeCount()).toBe(writes);
}

describe('app step: Courier (custom SAML 2.0 app)', () => {
  it('asks for the SSO URL and Audience URI from Courier Support and names the bad field', async () => {
    const h = await stepHarness('courier');
    const view = await h.inspect('app');
    expect(view.status).toBe('needs-input');
    expect(view.blockers.map((b) => b.message)).toEqual([
      'Enter the Single Sign-On URL from the vendor: an https URL with a real host name and no #fragment, e.g. https://sso.vendor.example.com/saml/acs',
      'Enter the Audience URI (SP Entity ID) from the vendor: an https URL with a real host name and no #fragment, e.g. https://sso.vendor.example.com/saml/acs, or a URN such as urn:amazon:webservices',
    ]);
    await expect(
      h.save('app', { ssoAcsUrl: 'http://sso.courier.example.com/acs', audience: COURIER_AUDIENCE }),
    ).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      field: 'ssoAcsUrl',
      message:
        'ssoAcsUrl: "http://sso.courier.example.com/acs" must use https (it uses http); the Single Sign-On URL is an https URL with a real host name and no #fragment, e.g. https://sso.vendor.example.com/saml/acs',
    });
    await expect(h.save('app', { ssoAcsUrl: COURIER_ACS, audience: 'https://localhost/saml#x' })).rejects.toMatchObject(
      { field: 'audience' },
    );
    expect(h.org.writeCount()).toBe(0);
  });

  it('creates the app with exactly the planned settings and attribute statements, then changes nothing on a second apply', async () => {
    const h = await stepHarness('courier');
    const planned = await h.save('app', { ssoAcsUrl: COURIER_ACS, audience: COURIER_AUDIENCE });
    expect(planned.status).toBe('planned');
    expect(planned.changes.map((c) => [c.id, c.kind])).toEqual([['app.create', 'create']]);
    expect(planned.changes[0]?.details).toContainEqual({
      field: 'Attribute statement "id"',
      to: 'user.id · Unspecified',
    });

    const applied = await h.apply('app');
    expect(applied.status).toBe('verified');
    expect(applied.checks.filter((c) => c.status !== 'pass')).toEqual([]);
    const facts = (await h.current()).facts;
    const app = await readApp(h, facts.appId ?? '');
    expect(app).toMatchObject({ label: 'Courier', status: 'ACTIVE', signOnMode: 'SAML_2_0' });
    expect(app.name).toMatch(/^acme_courier_\d+$/);
    expect(app.settings.signOn).toMatchObject({
      ssoAcsUrl: COURIER_ACS,
      recipient: COURIER_ACS,
      destination: COURIER_ACS,
      audience: COURIER_AUDIENCE,
      subjectNameIdFormat: EMAIL_FORMAT,
      subjectNameIdTemplate: '${user.email}',
      responseSigned: true,
      assertionSigned: true,
      signatureAlgorithm: 'RSA_SHA256',
      digestAlgorithm: 'SHA256',
    });
    expect(app.settings.signOn.attributeStatements).toEqual([
      { type: 'EXPRESSION', name: 'id', namespace: UNSPECIFIED, values: ['user.id'] },
      {
        type: 'EXPRESSION',
        name: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress',
        namespace: UNSPECIFIED,
        values: ['user.email'],
      },
    ]);
    const record = h.org.state.apps.get(app.id);
    expect(facts).toMatchObject({
      appId: app.id,
      appName: app.name,
      appLabel: 'Courier',
      embedLink: `${h.org.url}/home/${app.name}/${app.id}/${record?.appLinkId ?? ''}`,
      metadataUrl: `${h.org.url}/app/${record?.entityKey ?? ''}/sso/saml/metadata`,
    });
    await expectIdempotent(h);
  });

  it('finds the app it made by label when the recorded id is lost, instead of making another', async () => {
    const h = await stepHarness('courier');
    await h.save('app', { ssoAcsUrl: COURIER_ACS, audience: COURIER_AUDIENCE });
    await h.apply('app');
    const apps = h.org.state.apps.size;
    const second = await h.workspace.addIntegration({
      clientId: h.client.id,
      vendorId: 'courier',
      label: 'Courier again',
    });
    const view = await h.runner.saveInput(
      { integrationId: second.id, stepId: 'app' },
      { ssoAcsUrl: COURIER_ACS, audience: COURIER_AUDIENCE },
    );
    expect(observed(view).app?.foundBy).toBe('search');
    expect(view.changes).toEqual([]);
    expect(view.status).toBe('verified');
    expect(h.org.state.apps.size).toBe(apps);
  });

  it('puts back a setting changed in the console and re-activates the app', async () => {
    const h = await stepHarness('courier');
    await h.save('app', { ssoAcsUrl: COURIER_ACS, audience: COURIER_AUDIENCE });
    await h.apply('app');
    const appId = (await h.current()).facts.appId ?? '';
    const app = await readApp(h, appId);
    await api(h.org, 'PUT', `/api/v1/apps/${appId}`, {
      body: {
        name: app.name,
        label: app.label,
        signOnMode: 'SAML_2_0',
        settings: {
          signOn: { ...app.settings.signOn, audience: 'https://wrong.example.com', attributeStatements: [] },
        },
      },
    });
    await api(h.org, 'POST', `/api/v1/apps/${appId}/lifecycle/deactivate`);
    const drift = await h.inspect('app');
    expect(drift.changes.map((c) => c.id)).toEqual(['app.settings', 'app.activate']);
    expect(drift.changes[0]?.details).toContainEqual({
      field: 'Audience URI (SP Entity ID)',
      from: 'https://wrong.example.com',
      to: COURIER_AUDIENCE,
    });
    const fixed = await h.apply('app');
    expect(fixed.status).toBe('verified');
    expect((await readApp(h, appId)).settings.signOn).toMatchObject({ audience: COURIER_AUDIENCE });
    await expectIdempotent(h);
  });
});

describe('app step: Mixpanel (catalog or custom)', () => {
  it("custom: creates the app with Mixpanel's fixed URLs and the email attribute", async () => {
    const h = await stepHarness('mixpanel');
    const planned = await h.save('app', { mode: 'custom' });
    expect(observed(planned)).toMatchObject({ mode: 'custom', modeChoice: true, vendorSupplied: [] });
    const applied = await h.apply('app');
    expect(applied.status).toBe('verified');
    const app = await readApp(h, (await h.current()).facts.appId ?? '');
    expect(app.settings.signOn).toMatchObject({
      ssoAcsUrl: 'https://sso.mixpanel.com/sso/saml2',
      recipient: 'https://sso.mixpanel.com/sso/saml2',
      destination: 'https://sso.mixpanel.com/sso/saml2',
      audience: 'https://mixpanel.com/security/sso/v2/authorize/',
      subjectNameIdFormat: EMAIL_FORMAT,
      attributeStatements: [{ type: 'EXPRESSION', name: 'email', namespace: UNSPECIFIED, values: ['user.email'] }],
    });
    await expectIdempotent(h);
  });

  it('catalog: guides the admin to the Add page, then finds the instance and finishes its label', async () => {
    const h = await stepHarness('mixpanel');
    const guide = await h.inspect('app');
    expect(guide.changes).toEqual([
      {
        id: 'app.add-from-catalog',
        kind: 'manual',
        target: 'Okta Admin Console',
        summary: 'Add the Mixpanel app from the Okta catalog, click Done, then click Check Okta here',
        details: [
          { field: 'Open', to: `${h.org.url}/admin/app/mixpanel/instance/_new_/` },
          { field: 'Then', to: 'The wizard finds the new app and finishes it (label, settings) through the API' },
        ],
      },
    ]);
    expect(observed(guide).catalog?.browseUrl).toBe(`${h.org.url}/admin/apps/add-app`);
    await new ConsoleClient(h.org).addCatalogApp(observed(guide).catalog?.addUrl ?? '', { label: 'Mixpanel SSO' });
    const found = await h.inspect('app');
    expect(observed(found).app).toMatchObject({ name: 'mixpanel', label: 'Mixpanel SSO', foundBy: 'search' });
    expect(found.changes.map((c) => [c.id, c.details])).toEqual([
      ['app.settings', [{ field: 'App label', from: 'Mixpanel SSO', to: 'Mixpanel' }]],
    ]);
    const applied = await h.apply('app');
    expect(applied.status).toBe('verified');
    expect((await readApp(h, (await h.current()).facts.appId ?? '')).label).toBe('Mixpanel');
    await expectIdempotent(h);
  });

  it('custom after catalog: refuses the label the catalog app already holds, naming the label field', async () => {
    const h = await stepHarness('mixpanel');
    await api(h.org, 'POST', '/api/v1/apps', {
      body: { name: 'mixpanel', label: 'Mixpanel', signOnMode: 'SAML_2_0', settings: { app: {} } },
    });
    await expect(h.save('app', { mode: 'custom' })).rejects.toMatchObject({ code: 'APP_LABEL_TAKEN', field: 'label' });
    const renamed = await h.save('app', { label: 'Mixpanel SAML' });
    expect(renamed.changes.map((c) => c.id)).toEqual(['app.create']);
  });
});

describe('app step: Millie (catalog app with the company slug)', () => {
  it('needs the slug first', async () => {
    const h = await stepHarness('millie');
    await expect(h.inspect('app')).rejects.toMatchObject({ code: 'SLUG_FIRST' });
  });

  it('adds the instance through the console page, then finds it and finishes it with the slug', async () => {
    const h = await stepHarness('millie');
    const slug = await h.save('slug', { companySlug: 'acme-corp' });
    expect(slug.status).toBe('verified');
    expect(statuses(slug)).toEqual({ 'slug-valid': 'pass', 'slug-vendor': 'warn', 'app-slug': 'warn' });

    const guide = await h.inspect('app');
    expect(guide.changes[0]).toMatchObject({ id: 'app.add-from-catalog', kind: 'manual' });
    expect(guide.changes[0]?.details).toContainEqual({ field: 'Slug Name', to: 'acme-corp' });
    const addUrl = observed(guide).catalog?.addUrl ?? '';
    expect(addUrl).toBe(`${h.org.url}/admin/app/millie/instance/_new_/`);
    const { appId } = await new ConsoleClient(h.org).addCatalogApp(addUrl, { label: 'Millie', slugName: 'acme' });

    const found = await h.inspect('app');
    expect(observed(found).app).toMatchObject({
      id: appId,
      foundBy: 'search',
      consoleUrl: `${h.org.url}/admin/app/millie/instance/${appId}/#tab-signon`,
    });
    expect(found.changes.map((c) => [c.id, c.details])).toEqual([
      ['app.settings', [{ field: 'Slug Name', from: 'acme', to: 'acme-corp' }]],
    ]);
    const applied = await h.apply('app');
    expect(applied.status).toBe('verified');
    expect(statuses(applied)).toMatchObject({
      'app-exists': 'pass',
      'app-active': 'pass',
      'app-kind': 'pass',
      'setting:label': 'pass',
      'setting:slug': 'pass',
      metadata: 'pass',
    });
    expect((await readApp(h, appId)).settings.app).toEqual({ slugName: 'acme-corp' });
    expect((await h.current()).facts).toMatchObject({
      appId,
      appName: 'millie',
      appLabel: 'Millie',
      companySlug: 'acme-corp',
    });
    await expectIdempotent(h);

    const slugAgain = await h.inspect('slug');
    expect(slugAgain.changes).toEqual([]);
    expect(statuses(slugAgain)).toEqual({ 'slug-valid': 'pass', 'slug-vendor': 'warn', 'app-slug': 'pass' });
  });
});
