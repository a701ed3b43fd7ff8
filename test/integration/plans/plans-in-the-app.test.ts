import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import type { Client, Integration } from '../../../src-main/api/model';
import { AppError } from '../../../src-main/errors';
import { createServices, type Services } from '../../../src-main/services/bootstrap';
import { FileSecretStore } from '../../../src-main/workspace/secrets';
import { makeTempDir } from '../../support/temp-dir';

const SCIM_TOKEN = 'scim-secret-7f3a9c1e5b';
const role = {
  values: [
    { title: 'Admin', value: 'ADMIN' },
    { title: 'User', value: 'USER' },
  ],
};

async function failureOf(call: Promise<unknown>): Promise<{ code: string; message: string; field?: string }> {
  try {
    await call;
  } catch (error) {
    if (error instanceof AppError) return { code: error.code, message: error.message, field: error.field };
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('plan files and client files in the app (the screens call these channels)', () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  let services: Services;
  let acme: Pick<Client, 'id'>;
  let source: Pick<Integration, 'id'>;

  beforeAll(async () => {
    temp = await makeTempDir();
    services = await createServices({ mode: 'browser', dataDir: join(temp.dir, 'data') });
    const h = services.handlers;
    acme = await h.clients.add({ kind: 'sandbox', name: 'Acme' });
    source = await h.integrations.add({ clientId: acme.id, vendorId: 'custom-saml', label: 'Vendor SSO' });
    const ref = (stepId: 'app' | 'role' | 'scim') => ({ integrationId: source.id, stepId });
    await h.steps.saveInput({
      ...ref('app'),
      input: { ssoAcsUrl: 'https://vendor.example/acs', audience: 'https://vendor.example/sp' },
    });
    await h.steps.saveInput({
      ...ref('scim'),
      input: { baseUrl: 'https://vendor.example/scim/v2', token: SCIM_TOKEN },
    });
    expect((await h.steps.apply(ref('app'))).status).toBe('verified');
    // A group of Acme's org mapped to a role: Acme's alone, so never in a plan.
    await h.steps.saveInput({
      ...ref('role'),
      input: { ...role, groupRoles: [{ groupId: '00g1engineering0000', groupName: 'Engineering', role: 'ADMIN' }] },
    });
  }, 120_000);

  afterAll(async () => {
    await services.close();
    await temp.remove();
  });

  it('saves an integration as a plan file: settings only, no secret, no object of the org', async () => {
    const file = await services.handlers.plans.exportIntegration({ integrationId: source.id, format: 'yaml' });
    expect(file.fileName).toBe('vendor-sso.plan.yaml');
    expect(file.text).not.toContain(SCIM_TOKEN);
    expect(parseYaml(file.text)).toEqual({
      kind: 'okta-onboard-plan',
      version: 1,
      vendor: 'custom-saml',
      label: 'Vendor SSO',
      steps: {
        app: expect.objectContaining({
          ssoAcsUrl: 'https://vendor.example/acs',
          audience: 'https://vendor.example/sp',
        }),
        scim: { baseUrl: 'https://vendor.example/scim/v2' },
        role: expect.objectContaining(role),
      },
    });
    expect(parseYaml(file.text).steps.role).not.toHaveProperty('groupRoles');
    const json = await services.handlers.plans.exportIntegration({ integrationId: source.id, format: 'json' });
    expect(JSON.parse(json.text)).toMatchObject({ $schema: './plan-file.schema.json', vendor: 'custom-saml' });
  });

  it('imports a plan file for another client, which then applies and verifies on its own org', async () => {
    const h = services.handlers;
    const file = await h.plans.exportIntegration({ integrationId: source.id, format: 'yaml' });
    const globex = await h.clients.add({ kind: 'sandbox', name: 'Globex' });
    const created = await h.plans.importIntegration({ clientId: globex.id, file, label: undefined });
    expect(created).toMatchObject({ clientId: globex.id, vendorId: 'custom-saml', label: 'Vendor SSO', facts: {} });
    expect(created.steps.app?.input).toMatchObject({ ssoAcsUrl: 'https://vendor.example/acs' });
    const app = await h.steps.apply({ integrationId: created.id, stepId: 'app' });
    expect(app.status).toBe('verified');
    const metadata = await h.steps.verify({ integrationId: created.id, stepId: 'metadata' });
    expect(metadata.status).toBe('verified');
    // Its own app in its own org, not Acme's.
    const [mine, theirs] = await Promise.all([
      h.integrations.get({ integrationId: created.id }),
      h.integrations.get({ integrationId: source.id }),
    ]);
    expect(mine.facts.appId).toBeDefined();
    expect(mine.facts.appId).not.toBe(theirs.facts.appId);
  }, 120_000);

  it('refuses a broken plan file naming the path and the expected value, and creates nothing', async () => {
    const h = services.handlers;
    const text = [
      'kind: okta-onboard-plan',
      'version: 1',
      'vendor: custom-saml',
      'steps:',
      '  role:',
      '    values:',
      '      - { title: Admin, value: ADMIN }',
      '      - { title: User, value: USER }',
      '      - { title: Bad, value: "has spaces" }',
    ].join('\n');
    const before = (await h.integrations.list({ clientId: acme.id })).length;
    const failure = await failureOf(
      h.plans.importIntegration({ clientId: acme.id, file: { fileName: 'bad.yaml', text }, label: 'Other' }),
    );
    expect(failure.code).toBe('INVALID_PLAN_FILE');
    expect(failure.field).toBe('plan-file');
    expect(failure.message).toMatch(/^bad\.yaml: steps\.role\.values\[2\]\.value: /);
    const groupIds =
      'kind: okta-onboard-plan\nversion: 1\nvendor: custom-saml\nsteps:\n  assign: { groups: [{ id: 00g1, name: Eng, role: ADMIN }] }\n';
    expect(
      (
        await failureOf(
          h.plans.importIntegration({
            clientId: acme.id,
            file: { fileName: 'ids.yaml', text: groupIds },
            label: 'Ids',
          }),
        )
      ).message,
    ).toBe(
      "ids.yaml: steps.assign.groups: names objects or people of one Okta org; a plan carries settings only. Remove it and choose them on the client's own screens.",
    );
    expect((await h.integrations.list({ clientId: acme.id })).length).toBe(before);
  });

  it('duplicates an integration to another client; a taken name is refused on the name field', async () => {
    const h = services.handlers;
    const initech = await h.clients.add({ kind: 'sandbox', name: 'Initech' });
    const copy = await h.plans.duplicate({ integrationId: source.id, clientId: initech.id, label: undefined });
    expect(copy).toMatchObject({ clientId: initech.id, label: 'Vendor SSO', facts: {} });
    expect(copy.steps.role?.input).toMatchObject(role);
    expect(copy.steps.role?.input).not.toHaveProperty('groupRoles');
    const view = await h.steps.view({ integrationId: copy.id, stepId: 'scim' });
    expect(view.secretsSet).toEqual([]);
    const taken = await failureOf(
      h.plans.duplicate({ integrationId: source.id, clientId: initech.id, label: undefined }),
    );
    expect(taken).toMatchObject({ code: 'INTEGRATION_EXISTS', field: 'label' });
  });

  it('exports a client without secrets and imports it with the secrets entered again, kept for the new client', async () => {
    const h = services.handlers;
    const file = await h.plans.exportClient({ clientId: acme.id });
    expect(file.fileName).toBe('acme.client.yaml');
    expect(file.text).not.toContain(SCIM_TOKEN);
    const doc = parseYaml(file.text);
    expect(doc).toMatchObject({
      kind: 'okta-onboard-client',
      version: 1,
      name: 'Acme',
      org: { kind: 'practice' },
      integrations: [
        { vendor: 'custom-saml', label: 'Vendor SSO', secretsLeftOut: [{ stepId: 'scim', field: 'token' }] },
      ],
    });
    const summary = await h.plans.readClient({ file });
    expect(summary.integrations).toEqual([
      {
        vendorId: 'custom-saml',
        label: 'Vendor SSO',
        steps: ['app', 'scim', 'role'],
        secrets: [{ stepId: 'scim', field: 'token', label: 'SCIM check: SCIM token' }],
      },
    ]);
    const clash = await failureOf(h.plans.importClient({ file, name: undefined, secrets: [] }));
    expect(clash).toMatchObject({ code: 'CLIENT_EXISTS', field: 'name' });

    const imported = await h.plans.importClient({
      file,
      name: 'Acme (copy)',
      secrets: [{ integration: 0, stepId: 'scim', field: 'token', value: 'entered-again' }],
    });
    expect(imported.client).toMatchObject({ name: 'Acme (copy)', sandbox: true });
    expect(imported.toDo).toEqual([]);
    const integration = imported.integrations[0]!;
    const scim = await h.steps.view({ integrationId: integration.id, stepId: 'scim' });
    expect(scim.secretsSet).toEqual(['token']);
    expect(scim.input).toMatchObject({ baseUrl: 'https://vendor.example/scim/v2' });
    expect(scim.input).not.toHaveProperty('token');
    expect(
      await new FileSecretStore(join(temp.dir, 'data')).get(imported.client.id, `${integration.id}:scim:token`),
    ).toBe('entered-again');

    const later = await h.plans.importClient({ file, name: 'Acme (later)', secrets: [] });
    expect(later.toDo).toEqual([
      'Vendor SSO: enter the SCIM token again on its "SCIM check" step (secrets are never exported).',
    ]);
  }, 120_000);

  it('a real org client: the import asks to sign in again; a broken client file names the path', async () => {
    const h = services.handlers;
    const text = [
      'kind: okta-onboard-client',
      'version: 1',
      'name: Hooli',
      'org: { kind: okta, url: "https://hooli.okta.com", signIn: api-token }',
      'integrations:',
      '  - vendor: custom-saml',
      '    label: Vendor SSO',
      '    steps: { app: { ssoAcsUrl: "https://vendor.example/acs", audience: "https://vendor.example/sp" } }',
    ].join('\n');
    const imported = await h.plans.importClient({
      file: { fileName: 'hooli.yaml', text },
      name: undefined,
      secrets: [],
    });
    expect(imported.client).toMatchObject({
      name: 'Hooli',
      orgUrl: 'https://hooli.okta.com',
      sandbox: false,
      auth: { method: 'none' },
    });
    expect(imported.toDo).toEqual([
      "Sign in to Hooli's Okta org (https://hooli.okta.com): the export was made with an API token; credentials are never exported.",
    ]);
    const broken = text.replace('https://vendor.example/acs', 'http://vendor.example/acs').replace('Hooli', 'Hooli 2');
    const failure = await failureOf(h.plans.readClient({ file: { fileName: 'hooli.yaml', text: broken } }));
    expect(failure.code).toBe('INVALID_PLAN_FILE');
    expect(failure.message).toMatch(/^hooli\.yaml: integrations\[0\]\.steps\.app\.ssoAcsUrl: /);
  });
});
