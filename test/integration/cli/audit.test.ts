import { readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, describe, expect, it } from 'vitest';
import type { AuditReport, IntegrationBaseline } from '../../../src-main/api/drift';
import { baselinePath } from '../../../src-main/drift/baseline-store';
import { runCli } from '../../../src-main/cli';
import { captureIo } from '../../support/capture-io';
import { ConsoleAdmin, fullSetup } from '../../support/full-setup';
import { api } from '../../support/sandbox';
import { startScimServer } from '../../support/scim-server';
import { stepHarness } from '../../support/step-harness';
import { withTempDir } from '../../support/temp-dir';
import { FileSecretStore } from '../../../src-main/workspace/secrets';

const SCIM_TOKEN = 'vendor-scim-token-audit-7c2';
const schemaFile = fileURLToPath(new URL('../../../docs/schemas/audit-report.schema.json', import.meta.url));

async function cli(dir: string, args: string[], env?: NodeJS.ProcessEnv) {
  const io = captureIo();
  const saved = { ...process.env };
  if (env) Object.assign(process.env, env);
  try {
    const code = await runCli([...args, '--data-dir', dir], io);
    return { code, io };
  } finally {
    for (const key of Object.keys(env ?? {})) if (!(key in saved)) delete process.env[key];
  }
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function validator() {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  return ajv.compile(JSON.parse(await readFile(schemaFile, 'utf8')) as object);
}

interface AppBody {
  settings: { signOn: { attributeStatements: { name: string; values: string[] }[] } };
  credentials: { signing: { kid: string } };
  [key: string]: unknown;
}

interface AppSchema {
  definitions: { custom: { properties: Record<string, Record<string, unknown>> } };
}

/** A Courier integration set up and verified in a practice org by the same walk the crash suite uses. */
async function courierSetup() {
  const scim = await startScimServer({ token: SCIM_TOKEN });
  closers.push(() => scim.close());
  const h = await stepHarness('courier');
  const target = {
    orgUrl: h.org.url,
    apiToken: h.org.apiToken,
    adminLogin: h.org.adminLogin,
    scim: { baseUrl: scim.baseUrl, token: SCIM_TOKEN },
  };
  await fullSetup('courier', { ...target, save: h.save, inspect: h.inspect, apply: h.apply, current: h.current });
  const facts = (await h.current()).facts;
  return {
    h,
    target,
    appId: facts.appId!,
    appName: facts.appName!,
    args: ['audit', '--client', h.client.name, '--json'],
  };
}

/** A Mixpanel integration (catalog app, provisioning through Okta's API) set up and verified in a practice org. */
async function mixpanelSetup() {
  const scim = await startScimServer({ token: SCIM_TOKEN });
  closers.push(() => scim.close());
  const h = await stepHarness('mixpanel');
  const target = {
    orgUrl: h.org.url,
    apiToken: h.org.apiToken,
    adminLogin: h.org.adminLogin,
    scim: { baseUrl: scim.baseUrl, token: SCIM_TOKEN },
  };
  await fullSetup('mixpanel', { ...target, save: h.save, inspect: h.inspect, apply: h.apply, current: h.current });
  return { h, scim, appId: (await h.current()).facts.appId!, args: ['audit', '--client', h.client.name, '--json'] };
}

const closers: (() => Promise<void>)[] = [];
afterAll(async () => {
  await Promise.all(closers.splice(0).map((c) => c()));
});

function summariesOf(report: AuditReport): Record<string, string[]> {
  return Object.fromEntries(report.integrations[0]!.steps.map((s) => [s.stepId, s.changes.map((c) => c.summary)]));
}

describe('okta-onboard audit: drift since the last verified state', () => {
  it('no drift exits 0; an attribute statement, the signing key, the role enum, provisioning and people changed in Okta exit 1, each named', async () => {
    const { h, target, appId, appName, args } = await courierSetup();

    // Right after setup: the setup's own writes are not drift.
    const first = await cli(h.dataDir, args);
    const firstReport = first.io.json<AuditReport>();
    expect(first.code, first.io.stdout).toBe(0);
    expect(firstReport.integrations[0]?.result).toBe('same');
    const validate = await validator();
    expect(validate(firstReport), JSON.stringify(validate.errors)).toBe(true);
    const again = await cli(h.dataDir, args);
    expect(again.code).toBe(0);
    expect(
      again.io
        .json<AuditReport>()
        .integrations[0]!.steps.filter((s) => s.result !== 'same')
        .map((s) => [s.stepId, s.result]),
    ).toEqual([]);

    // Someone edits the app in Okta: an attribute statement, and a new signing key switched to.
    const app = (await api<AppBody>(h.org, 'GET', `/api/v1/apps/${appId}`)).body;
    const oldKid = app.credentials.signing.kid;
    const generated = await api<{ kid: string; expiresAt: string }>(
      h.org,
      'POST',
      `/api/v1/apps/${appId}/credentials/keys/generate?validityYears=2`,
    );
    expect(generated.status).toBe(201);
    const statements = app.settings.signOn.attributeStatements.map((s) =>
      s.name === 'id' ? { ...s, values: ['user.login'] } : s,
    );
    const replaced = await api(h.org, 'PUT', `/api/v1/apps/${appId}`, {
      body: {
        ...app,
        settings: { ...app.settings, signOn: { ...app.settings.signOn, attributeStatements: statements } },
        credentials: { ...app.credentials, signing: { kid: generated.body.kid } },
      },
    });
    expect(replaced.status).toBe(200);

    const schema = (await api<AppSchema>(h.org, 'GET', `/api/v1/meta/schemas/apps/${appId}/default`)).body;
    const role = schema.definitions.custom.properties.role!;
    const oneOf = (role.oneOf as { const: string; title: string }[]).filter((o) => o.const !== 'DESIGNER');
    const property = { ...role, oneOf, enum: oneOf.map((o) => o.const) };
    const schemaUpdate = await api(h.org, 'POST', `/api/v1/meta/schemas/apps/${appId}/default`, {
      body: { definitions: { custom: { id: '#custom', type: 'object', properties: { role: property } } } },
    });
    expect(schemaUpdate.status).toBe(200);

    await new ConsoleAdmin(target).enableProvisioning({ id: appId, name: appName }, { deactivateUsers: false });

    const groups = await api<{ id: string; profile: { name: string } }[]>(h.org, 'GET', '/api/v1/groups?q=Engineering');
    const engineering = groups.body.find((g) => g.profile.name === 'Engineering')!;
    const members = (
      await api<{ id: string; profile: { login: string } }[]>(h.org, 'GET', `/api/v1/groups/${engineering.id}/users`)
    ).body.slice(0, 3);
    for (const m of members)
      expect((await api(h.org, 'DELETE', `/api/v1/groups/${engineering.id}/users/${m.id}`)).status).toBe(204);
    const gone = members.map((m) => m.profile.login).sort();

    const drift = await cli(h.dataDir, args);
    const report = drift.io.json<AuditReport>();
    expect(drift.code).toBe(1);
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    expect(report.integrations[0]?.result).toBe('drift');
    expect(report.summary).toEqual({ integrations: 1, drifted: 1, unreachable: 0, same: 0 });
    expect(summariesOf(report)).toEqual({
      app: ['Attribute statement "id" now maps user.login (was user.id)'],
      metadata: [
        `signing certificate replaced: kid ${oldKid} → ${generated.body.kid}, expires ${generated.body.expiresAt.slice(0, 10)}`,
      ],
      scim: [],
      role: ['Role values: removed DESIGNER'],
      provisioning: ['provisioning: Deactivate Users switched off'],
      bookmark: [],
      assign: [`people unassigned: 3 (${gone.join(', ')})`],
    });
    expect(report.integrations[0]!.steps.map((s) => [s.stepId, s.result])).toEqual([
      ['app', 'failing'],
      ['metadata', 'drift'],
      ['scim', 'same'],
      ['role', 'failing'],
      ['provisioning', 'failing'],
      ['bookmark', 'same'],
      ['assign', 'drift'],
    ]);

    // The same in words.
    const text = await cli(h.dataDir, ['audit', '--client', h.client.name]);
    expect(text.code).toBe(1);
    const lines = text.io.stdout.split('\n');
    expect(lines).toEqual(
      expect.arrayContaining([
        `${h.client.name} / Courier: DRIFT`,
        '    - Attribute statement "id" now maps user.login (was user.id)',
        '    - provisioning: Deactivate Users switched off',
        `    - people unassigned: 3 (${gone.join(', ')})`,
        '1 integration: 1 drifted or failing, 0 unreachable, 0 as last verified.',
      ]),
    );

    // After review the admin accepts the people as they are now: the next audit compares against that.
    const accept = await cli(h.dataDir, [
      'audit',
      '--client',
      h.client.name,
      '--integration',
      'Courier',
      '--accept',
      '--step',
      'assign',
    ]);
    expect(accept.code, accept.io.stderr).toBe(0);
    expect(accept.io.stdout).toBe("Accepted the state last read from Okta as Courier's verified state: assign.\n");
    const logged = (await h.audit.read(h.client.id)).filter((e) => e.operation === 'drift.accept');
    expect(logged).toMatchObject([{ target: 'Courier: assign', outcome: 'success', integrationId: h.integration.id }]);
    const after = (await cli(h.dataDir, args)).io.json<AuditReport>();
    const results = Object.fromEntries(after.integrations[0]!.steps.map((s) => [s.stepId, s.result]));
    expect([results.assign, results.provisioning]).toEqual(['same', 'failing']);
  }, 300_000);

  it("a catalog app's attribute statement, the SCIM connector base URL and an email domain changed in Okta exit 1, each named; a baseline from before these fields were read records them, no drift", async () => {
    const { h, scim, appId, args } = await mixpanelSetup();
    // One listed domain with a single Okta user, so that moving that user away empties it.
    const pat = await api<{ id: string }>(h.org, 'POST', '/api/v1/users?activate=true', {
      body: {
        profile: { firstName: 'Pat', lastName: 'Globex', email: 'pat@globex.example', login: 'pat@globex.example' },
        credentials: { password: { value: 'Tr0ub4dor&3-long' } },
      },
    });
    expect(pat.status).toBe(200);
    expect((await h.save('domains', { domains: ['acme.example', 'globex.example'] })).status).toBe('verified');
    expect((await h.apply('domains')).status).toBe('verified');
    const first = await cli(h.dataDir, args);
    expect(first.code, first.io.stdout).toBe(0);
    const validate = await validator();

    // The baseline as the version before these fields wrote it: no field list version, no new fields.
    const path = baselinePath(h.dataDir, h.integration.id);
    const baseline = JSON.parse(await readFile(path, 'utf8')) as IntegrationBaseline;
    const NEW_KEYS = new Set([
      'sign-on-overrides',
      'connection-base-url',
      'connection-auth',
      'sync-password',
      'group-push',
      'import-users',
      'import-updates',
      'other-features',
      'domains-with-users',
    ]);
    for (const step of Object.values(baseline.steps)) {
      delete step.fieldSet;
      step.fields = step.fields.filter((f) => !NEW_KEYS.has(f.key));
    }
    await writeFile(path, JSON.stringify(baseline));
    const upgradedText = await cli(h.dataDir, ['audit', '--client', h.client.name]);
    expect(upgradedText.code).toBe(0);
    expect(upgradedText.io.stdout).toContain(
      `    + provisioning: SCIM connector base URL: not in the baseline (recorded before this field was read); recorded now: ${scim.baseUrl}\n`,
    );
    await writeFile(path, JSON.stringify(baseline));
    const upgraded = await cli(h.dataDir, args);
    const upgradedReport = upgraded.io.json<AuditReport>();
    expect(upgraded.code, upgraded.io.stdout).toBe(0);
    expect(validate(upgradedReport), JSON.stringify(validate.errors)).toBe(true);
    expect(upgradedReport.integrations[0]!.steps.map((s) => [s.stepId, s.result])).toEqual([
      ['app', 'same'],
      ['metadata', 'same'],
      ['domains', 'same'],
      ['scim', 'same'],
      ['provisioning', 'same'],
      ['assign', 'same'],
    ]);
    const recorded = Object.fromEntries(
      upgradedReport.integrations[0]!.steps.map((s) => [s.stepId, s.recordedNow.map((r) => r.key)]),
    );
    expect(recorded).toEqual({
      app: ['sign-on-overrides'],
      metadata: [],
      domains: ['domains-with-users'],
      scim: [],
      provisioning: [
        'connection-base-url',
        'connection-auth',
        'sync-password',
        'group-push',
        'import-users',
        'import-updates',
        'other-features',
      ],
      assign: [],
    });
    const domainsStep = upgradedReport.integrations[0]!.steps.find((s) => s.stepId === 'domains')!;
    expect(domainsStep.recordedNow[0]?.summary).toBe(
      'Listed email domains Okta users sign in with: not in the baseline (recorded before this field was read); recorded now: acme.example, globex.example',
    );
    // Recorded: the next audit compares them and has nothing new to record.
    const settled = (await cli(h.dataDir, args)).io.json<AuditReport>();
    expect(settled.integrations[0]!.steps.flatMap((s) => s.recordedNow)).toEqual([]);
    expect(settled.exitCode).toBe(0);

    // Someone adds an attribute statement to the catalog app in Okta; after review the admin keeps it.
    const app = (await api<AppBody>(h.org, 'GET', `/api/v1/apps/${appId}`)).body;
    const withStatement = (value: string) => ({
      ...app,
      settings: {
        ...app.settings,
        signOn: {
          ...app.settings.signOn,
          attributeStatements: [
            {
              type: 'EXPRESSION',
              name: 'department',
              namespace: 'urn:oasis:names:tc:SAML:2.0:attrname-format:basic',
              values: [value],
            },
          ],
        },
      },
    });
    expect((await api(h.org, 'PUT', `/api/v1/apps/${appId}`, { body: withStatement('user.department') })).status).toBe(
      200,
    );
    const added = await cli(h.dataDir, args);
    expect(added.code).toBe(1);
    expect(summariesOf(added.io.json<AuditReport>()).app).toEqual([
      'Attribute statement "department" appeared: user.department · Basic',
    ]);
    const accept = await cli(h.dataDir, [
      'audit',
      '--client',
      h.client.name,
      '--integration',
      'Mixpanel',
      '--accept',
      '--step',
      'app',
    ]);
    expect(accept.code, accept.io.stderr).toBe(0);
    expect((await cli(h.dataDir, args)).code).toBe(0);

    // Then the statement is edited, the SCIM connector base URL replaced, and the only globex.example user moved.
    expect((await api(h.org, 'PUT', `/api/v1/apps/${appId}`, { body: withStatement('user.title') })).status).toBe(200);
    const elsewhere = 'https://scim.elsewhere.example/scim/v2';
    const connection = await api(h.org, 'POST', `/api/v1/apps/${appId}/connections/default`, {
      body: { profile: { authScheme: 'TOKEN', token: SCIM_TOKEN }, baseUrl: elsewhere },
    });
    expect(connection.status).toBe(200);
    const moved = await api(h.org, 'POST', `/api/v1/users/${pat.body.id}`, {
      body: { profile: { login: 'pat@acme.example', email: 'pat@acme.example' } },
    });
    expect(moved.status).toBe(200);

    const drift = await cli(h.dataDir, args);
    const report = drift.io.json<AuditReport>();
    expect(drift.code).toBe(1);
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    expect(summariesOf(report)).toEqual({
      app: ['Attribute statement "department" now maps user.title (was user.department)'],
      metadata: [],
      domains: ['Listed email domains Okta users sign in with: removed globex.example'],
      scim: [],
      provisioning: [`provisioning: SCIM connector base URL now ${elsewhere} (was ${scim.baseUrl})`],
      assign: [],
    });
    expect(report.integrations[0]!.steps.map((s) => [s.stepId, s.result])).toEqual([
      ['app', 'drift'],
      ['metadata', 'same'],
      ['domains', 'drift'],
      ['scim', 'same'],
      ['provisioning', 'failing'],
      ['assign', 'same'],
    ]);
  }, 300_000);

  it('--all names a client whose org cannot be reached (exit 3), and drift elsewhere makes it 1', async () => {
    const { h } = await courierSetup();
    const dead = await h.workspace.addClient({
      name: 'Beta Corp',
      orgUrl: `http://127.0.0.1:${await closedPort()}`,
      sandbox: false,
      auth: { method: 'api-token' },
    });
    await new FileSecretStore(h.dataDir).set(dead.id, 'api-token', h.org.apiToken);
    await h.workspace.addIntegration({ clientId: dead.id, vendorId: 'mixpanel' });

    const all = await cli(h.dataDir, ['audit', '--all', '--json']);
    const report = all.io.json<AuditReport>();
    expect(all.code).toBe(3);
    expect((await validator())(report)).toBe(true);
    expect(report.integrations.map((i) => [i.client.name, i.integration.label, i.result])).toEqual([
      [h.client.name, 'Courier', 'same'],
    ]);
    expect(report.unreachable).toMatchObject([
      { client: { name: 'Beta Corp' }, integrations: [{ label: 'Mixpanel' }], code: 'OKTA_UNREACHABLE' },
    ]);
    expect(report.summary).toEqual({ integrations: 2, drifted: 0, unreachable: 1, same: 1 });

    const text = await cli(h.dataDir, ['audit', '--all']);
    expect(text.io.stdout).toContain(`Beta Corp (${dead.orgUrl}): UNREACHABLE, not audited\n`);
    expect(text.io.stdout).toContain('  not audited: Mixpanel\n');

    // Drift in one org is the answer even while another org is down.
    const appId = (await h.current()).facts.appId!;
    const appUsers = await api<{ id: string }[]>(h.org, 'GET', `/api/v1/apps/${appId}/users`);
    const groups = await api<{ id: string }[]>(h.org, 'GET', `/api/v1/apps/${appId}/groups`);
    for (const g of groups.body) await api(h.org, 'DELETE', `/api/v1/apps/${appId}/groups/${g.id}`);
    const drifted = await cli(h.dataDir, ['audit', '--all', '--json']);
    expect(drifted.code).toBe(1);
    const driftReport = drifted.io.json<AuditReport>();
    expect(driftReport.unreachable.map((p) => p.client.name)).toEqual(['Beta Corp']);
    const assign = driftReport.integrations[0]!.steps.find((s) => s.stepId === 'assign');
    expect(assign?.changes.find((c) => c.key === 'people')?.removed).toHaveLength(appUsers.body.length);
  }, 300_000);

  it('an unattended run takes the API token from OKTA_ONBOARD_TOKEN_<CLIENT>; without one the client is named, exit 3', async () => {
    const { h, args } = await courierSetup();
    await new FileSecretStore(h.dataDir).delete(h.client.id, 'api-token');
    const without = await cli(h.dataDir, args);
    expect(without.code).toBe(3);
    expect(without.io.json<AuditReport>().unreachable).toMatchObject([
      { client: { name: h.client.name }, code: 'OKTA_NOT_SIGNED_IN' },
    ]);
    const withEnv = await cli(h.dataDir, args, { OKTA_ONBOARD_TOKEN_ACME_SANDBOX: h.org.apiToken });
    expect(withEnv.code, withEnv.io.stdout).toBe(0);
    expect(withEnv.io.json<AuditReport>().integrations[0]?.result).toBe('same');
  }, 300_000);

  it('usage errors exit 2 with the fix named', async () => {
    await withTempDir(async (dir) => {
      const none = await cli(dir, ['audit']);
      expect(none.code).toBe(2);
      expect(none.io.stderr).toContain('error: Name a client with --client, or audit every client with --all.');
      const both = await cli(dir, ['audit', '--all', '--client', 'Acme', '--json']);
      expect(both.code).toBe(2);
      expect(both.io.json<{ error: { code: string } }>().error.code).toBe('USAGE');
      const acceptAll = await cli(dir, ['audit', '--client', 'Acme', '--accept']);
      expect(acceptAll.code).toBe(2);
      const concurrency = await cli(dir, ['audit', '--all', '--concurrency', '0']);
      expect(concurrency.code).toBe(2);
      expect(concurrency.io.stderr).toContain('error: --concurrency: at least 1');
      const unknown = await cli(dir, ['audit', '--client', 'Nobody']);
      expect(unknown.code).toBe(2);
    });
  });
});
