import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../../../src-main/services/bootstrap';
import { attachPracticeOrg } from '../../../src-main/services/practice-org';
import type { SandboxOrg } from '../../../src-main/sandbox/server';
import { courierExport, type VendorExport } from '../../support/migrate-export';
import { api, startSandbox } from '../../support/sandbox';
import { ScimClient, ScimSchemas } from '../../../src-main/scim/client';
import { startScimServer } from '../../support/scim-server';
import { makeTempDir } from '../../support/temp-dir';
import { buildNodeEntries } from '../../support/build-node-bins';
import { pathToFileURL } from 'node:url';

interface OktaUser {
  id: string;
  status: string;
  profile: { login: string };
}

/** Sends a file the way the screen does: base64 parts under the request cap. */
async function upload(services: Services, integrationId: string, bytes: Uint8Array, partBytes: number) {
  const parts = Math.ceil(bytes.length / partBytes);
  let uploadId: string | undefined;
  for (let part = 0; part < parts; part += 1) {
    const base64 = Buffer.from(bytes.subarray(part * partBytes, (part + 1) * partBytes)).toString('base64');
    const sent = await services.handlers.migrate.upload({
      integrationId,
      ...(uploadId ? { uploadId } : {}),
      part,
      parts,
      base64,
    });
    uploadId = sent.uploadId;
  }
  return uploadId!;
}

async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, what: string): Promise<T> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('the migrate screen’s channels against the practice org', () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  let services: Services;
  let org: SandboxOrg;
  let integrationId: string;
  let appId: string;
  let vendor: VendorExport;
  let users: OktaUser[];
  let bins: Awaited<ReturnType<typeof buildNodeEntries>>;

  beforeAll(async () => {
    temp = await makeTempDir();
    // Exports are read on the worker thread, as browser mode and the app read them.
    bins = await buildNodeEntries({ 'migrate-worker': 'src-main/migrate/worker/table-worker.ts' });
    // Each write takes 30 ms, so a run of 50 lasts long enough to pause it from a poll.
    org = await startSandbox({ faults: { latencyMs: 30, methods: ['POST', 'PUT'] } });
    services = await createServices({
      mode: 'browser',
      dataDir: join(temp.dir, 'data'),
      practiceOrg: attachPracticeOrg(org.url, org.apiToken),
      migrateWorker: pathToFileURL(bins.path('migrate-worker')),
    });
    const client = await services.handlers.clients.add({ kind: 'sandbox', name: 'Acme' });
    integrationId = (await services.handlers.integrations.add({ clientId: client.id, vendorId: 'courier' })).id;
    await services.handlers.steps.saveInput({
      integrationId,
      stepId: 'app',
      input: { ssoAcsUrl: 'https://courier.example.com/acs', audience: 'https://courier.example.com/sp' },
    });
    await services.handlers.steps.apply({ integrationId, stepId: 'app' });
    await services.handlers.steps.apply({ integrationId, stepId: 'role' });
    appId = (await services.handlers.integrations.get({ integrationId })).facts.appId!;
    users = (await api<OktaUser[]>(org, 'GET', '/api/v1/users?limit=200')).body;
    vendor = courierExport(
      users
        .filter((u) => !['admin@acme.example', 'readonly.admin@acme.example'].includes(u.profile.login))
        .map((u) => ({ login: u.profile.login })),
    );
    const byLogin = (login: string) => users.find((u) => u.profile.login === login)!;
    await api(org, 'POST', `/api/v1/users/${byLogin(vendor.suspend).id}/lifecycle/suspend`);
    await api(org, 'POST', `/api/v1/apps/${appId}/users`, {
      body: { id: byLogin(vendor.preAssign).id, scope: 'USER', profile: { role: 'ANALYST' } },
    });
  }, 120_000);

  afterAll(async () => {
    await services?.close();
    await temp?.remove();
    await bins?.remove();
  });

  it('reads an export sent in parts, guesses the mapping, and refuses a mapping without email', async () => {
    const uploadId = await upload(services, integrationId, vendor.bytes, 4096);
    const preview = await services.handlers.migrate.preview({ integrationId, uploadId, fileName: 'team.csv' });
    expect(preview).toMatchObject({
      rows: vendor.rows,
      headers: ['Email', 'Name', 'Role', 'Username'],
      mapping: { email: 'Email', login: 'Username', name: 'Name', role: 'Role' },
      delimiter: ';',
      encoding: 'utf-8',
      replaces: null,
    });
    expect(preview.preview).toHaveLength(8);
    await expect(
      services.handlers.migrate.import({
        integrationId,
        uploadId,
        fileName: 'team.csv',
        mapping: { email: 'Mail address' },
      }),
    ).rejects.toThrow('The email column "Mail address" is not in the file.');
    const summary = await services.handlers.migrate.summary({ integrationId });
    expect(summary.state).toBe('none');
  });

  it('imports, matches through the step, and counts every class exactly', async () => {
    const uploadId = await upload(services, integrationId, vendor.bytes, 64 * 1024);
    const imported = await services.handlers.migrate.import({
      integrationId,
      uploadId,
      fileName: 'team.csv',
      mapping: { email: 'Email', login: 'Username', name: 'Name', role: 'Role' },
    });
    expect(imported).toMatchObject({ fileName: 'team.csv', rows: vendor.rows, decisions: 0, results: 0 });
    expect((await services.handlers.migrate.summary({ integrationId })).state).toBe('imported');
    await services.handlers.steps.inspect({ integrationId, stepId: 'migrate' });
    const summary = await services.handlers.migrate.summary({ integrationId });
    expect(summary.state).toBe('matched');
    expect(Object.fromEntries(summary.classes.map((c) => [c.id, c.rows]))).toEqual(vendor.counts);
    expect(summary.unknownRoles).toEqual([
      { role: '', rows: 1 },
      { role: 'Owner', rows: 1 },
    ]);
    expect(summary.notInOkta).toEqual({ create: 0, drop: 0, undecided: vendor.counts['not-in-okta'] });
    expect(summary.followUp[0]).toContain('re-invite them through Okta');
    expect(summary.estimates.map((e) => e.route)).toEqual(['direct', 'group']);
    // Courier has SCIM, but this integration's SCIM step holds no URL or token yet: the second source says so.
    expect(summary.scimSource).toEqual({
      available: false,
      why: expect.stringContaining('No SCIM base URL is saved for this integration.'),
    });
    await expect(services.handlers.migrate.importScim({ integrationId })).rejects.toThrow(
      'No SCIM base URL is saved for this integration.',
    );
  });

  it('pages the review from main, filtered by class, result and search', async () => {
    const first = await services.handlers.migrate.rows({
      integrationId,
      filter: { classes: ['not-in-okta'], result: 'any', decision: 'any', query: '' },
      offset: 0,
      limit: 50,
    });
    expect(first.total).toBe(vendor.counts['not-in-okta']);
    expect(first.rows).toHaveLength(50);
    const last = await services.handlers.migrate.rows({
      integrationId,
      filter: { classes: ['not-in-okta'], result: 'any', decision: 'any', query: '' },
      offset: 250,
      limit: 50,
    });
    expect(last.rows.map((r) => r.email)).toEqual(['new.hire.248@acme.example', 'new.hire.249@acme.example']);
    const search = await services.handlers.migrate.rows({
      integrationId,
      filter: { result: 'any', decision: 'any', query: 'ELSEWHERE.example' },
      offset: 0,
      limit: 50,
    });
    expect(search.rows).toEqual([
      expect.objectContaining({ email: 'someone.personal@elsewhere.example', class: 'to-assign' }),
    ]);
  });

  it('decides per row and in bulk, only for rows not in Okta, and refuses nothing silently', async () => {
    const [a, b, c] = vendor.newcomerRows;
    expect(
      await services.handlers.migrate.decide({
        integrationId,
        decision: 'create',
        target: { rows: [a!, b!, c!, vendor.toAssign[0]!.row] },
      }),
    ).toEqual({ changed: 3, ignored: 1 });
    const bulk = await services.handlers.migrate.decide({
      integrationId,
      decision: 'drop',
      target: { filter: { classes: ['not-in-okta'], result: 'any', decision: 'undecided', query: '' } },
    });
    expect(bulk).toEqual({ changed: vendor.counts['not-in-okta']! - 3, ignored: 0 });
    const summary = await services.handlers.migrate.summary({ integrationId });
    expect(summary.notInOkta).toEqual({ create: 3, drop: vendor.counts['not-in-okta']! - 3, undecided: 0 });
    expect(summary.toCreate).toBe(3);
    expect(summary.toAssign).toBe(vendor.counts['to-assign']);
  });

  it('exports the review as CSV with decisions (a download in browser mode)', async () => {
    const exported = await services.handlers.migrate.exportReview({
      integrationId,
      filter: { classes: ['not-in-okta'], result: 'any', decision: 'create', query: '' },
    });
    expect(exported.kind).toBe('download');
    if (exported.kind !== 'download') return;
    // The BOM tells Excel the file is UTF-8.
    expect(exported.csv.startsWith('\uFEFFRow,')).toBe(true);
    const lines = exported.csv.slice(1).trim().split(/\r?\n/);
    expect(lines[0]).toBe(
      'Row,Email,Class,Class id,Reason,Okta login,Vendor role,Role to send,Decision,Result,Result detail,Result at',
    );
    expect(lines.slice(1).map((l) => l.split(',').slice(1, 2)[0])).toEqual([
      'new.hire.000@acme.example',
      'new.hire.001@acme.example',
      'new.hire.002@acme.example',
    ]);
    expect(lines[1]).toContain(',create,,,');
  });

  it('applies with pause and resume, and keeps a result per row; decisions wait while it runs', async () => {
    const run = services.handlers.steps.apply({ integrationId, stepId: 'migrate' });
    const started = await until(
      () => services.handlers.migrate.progress({ integrationId }),
      (p) => p.active && p.done >= 2,
      'the run to start',
    );
    expect(started.total).toBeGreaterThan(0);
    await expect(
      services.handlers.migrate.decide({
        integrationId,
        decision: 'drop',
        target: { rows: [vendor.newcomerRows[0]!] },
      }),
    ).rejects.toThrow('Decisions cannot change while the migration runs.');
    await services.handlers.migrate.control({ integrationId, command: 'pause' });
    const paused = await until(
      () => services.handlers.migrate.progress({ integrationId }),
      (p) => p.message.startsWith('Paused'),
      'the pause',
    );
    expect(paused.paused).toBe(true);
    // Paused: three reads later, still where it stopped.
    for (let i = 0; i < 3; i += 1)
      expect((await services.handlers.migrate.progress({ integrationId })).done).toBe(paused.done);
    await services.handlers.migrate.control({ integrationId, command: 'resume' });
    const view = await run;
    expect(view.status).toBe('verified');
    expect(await services.handlers.migrate.progress({ integrationId })).toMatchObject({ active: false, paused: false });
    const summary = await services.handlers.migrate.summary({ integrationId });
    expect(summary.results).toEqual({ done: vendor.counts['to-assign']! + 3, failed: 0, skipped: 0 });
    const done = await services.handlers.migrate.rows({
      integrationId,
      filter: { result: 'done', decision: 'any', query: '' },
      offset: 0,
      limit: 200,
    });
    expect(done.total).toBe(vendor.counts['to-assign']! + 3);
    const byRow = new Map(done.rows.map((r) => [r.row, r]));
    for (const expected of vendor.toAssign) {
      expect(byRow.get(expected.row)).toMatchObject({
        class: 'assigned',
        result: { status: 'done', action: 'assign' },
      });
      expect(byRow.get(expected.row)?.result?.message).toContain(`with role ${expected.role}`);
    }
    const appUsers = (
      await api<Array<{ id: string; profile: { role?: string } }>>(org, 'GET', `/api/v1/apps/${appId}/users?limit=500`)
    ).body;
    const loginOf = new Map(users.map((u) => [u.id, u.profile.login]));
    const roleOf = new Map(appUsers.map((u) => [loginOf.get(u.id), u.profile.role]));
    for (const expected of vendor.toAssign) expect(roleOf.get(expected.login)).toBe(expected.role);
  }, 120_000);

  it('refuses to pause when nothing runs', async () => {
    await expect(services.handlers.migrate.control({ integrationId, command: 'pause' })).rejects.toThrow(
      'No migration is running for this integration in this app.',
    );
  });

  it('saves the export through the desktop app’s save dialog, and says so when the admin cancels it', async () => {
    const saved: { name: string; content: string }[] = [];
    let answer: string | undefined = join(temp.dir, 'review.csv');
    const desktop = await createServices({
      mode: 'electron',
      dataDir: join(temp.dir, 'data'),
      practiceOrg: attachPracticeOrg(org.url, org.apiToken),
      saveFile: async (name, content) => {
        saved.push({ name, content: typeof content === 'string' ? content : Buffer.from(content).toString('utf8') });
        return answer;
      },
    });
    try {
      const filter = { classes: ['invalid' as const], result: 'any' as const, decision: 'any' as const, query: '' };
      expect(await desktop.handlers.migrate.exportReview({ integrationId, filter })).toEqual({
        kind: 'saved',
        path: join(temp.dir, 'review.csv'),
        rows: 2,
      });
      expect(saved[0]?.name).toMatch(/^courier-migration-review-\d{4}-\d{2}-\d{2}\.csv$/);
      expect(saved[0]?.content.split('\n').filter((l) => l.trim() !== '')).toHaveLength(3);
      answer = undefined;
      expect(await desktop.handlers.migrate.exportReview({ integrationId, filter })).toEqual({ kind: 'cancelled' });
    } finally {
      await desktop.close();
    }
  });

  it("reads the vendor's accounts over SCIM as the second source, with the SCIM step's URL and token", async () => {
    const token = 'courier-scim-token-screen-31';
    const scim = await startScimServer({ token });
    try {
      const vendorScim = new ScimClient({ baseUrl: scim.baseUrl, token });
      const people = vendor.toAssign.slice(0, 2);
      for (const [i, p] of people.entries())
        await vendorScim.createUser({
          schemas: [ScimSchemas.user],
          userName: p.login,
          name: { givenName: 'Person', familyName: String(i) },
          emails: [{ value: p.login, type: 'work', primary: true }],
          active: true,
          role: 'DEVELOPER',
        });
      await vendorScim.createUser({
        schemas: [ScimSchemas.user],
        userName: 'left.already@acme.example',
        name: { givenName: 'Left', familyName: 'Already' },
        emails: [{ value: 'left.already@acme.example', type: 'work', primary: true }],
        active: false,
      });
      await services.handlers.steps.saveInput({
        integrationId,
        stepId: 'scim',
        input: { baseUrl: scim.baseUrl, token },
      });
      expect((await services.handlers.migrate.summary({ integrationId })).scimSource).toEqual({
        available: true,
        why: "Reads Courier's accounts with the SCIM step's base URL and token.",
      });
      const imported = await services.handlers.migrate.importScim({ integrationId });
      expect(imported).toMatchObject({ fileName: `SCIM ${scim.baseUrl}/Users`, rows: 2, inactive: 1, decisions: 0 });
      await services.handlers.steps.inspect({ integrationId, stepId: 'migrate' });
      const summary = await services.handlers.migrate.summary({ integrationId });
      expect(summary.state).toBe('matched');
      expect(summary.classes.find((c) => c.id === 'assigned')?.rows).toBe(2);
    } finally {
      await scim.close();
    }
  });
});
