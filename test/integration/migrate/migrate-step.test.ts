import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { MigrateObserved } from '../../../src-main/api/step-migrate';
import { controlMigration } from '../../../src-main/migrate/control';
import { importVendorExport, setDecisions } from '../../../src-main/migrate/import';
import { migrationPath, MigrationFileSchema } from '../../../src-main/migrate/store';
import { connectOrg } from '../../../src-main/okta/connect';
import { MIGRATE_IN_FLIGHT } from '../../../src-main/steps/migrate';
import { StepRunner } from '../../../src-main/steps/runner';
import { wizardSteps } from '../../../src-main/steps/registry';
import { FileSecretStore } from '../../../src-main/workspace/secrets';
import { harnessWithApp } from '../steps/with-saml-app';

const ROLES = [
  ['Admin', 'ADMINISTRATOR'],
  ['Developer', 'DEVELOPER'],
  ['Manager', 'MANAGER'],
] as const;

async function migrationHarness(people: number) {
  const h = await harnessWithApp('courier', { sandbox: { seed: { generate: { users: people + 20, groups: 3 } } } });
  await h.apply('role');
  const secrets = new FileSecretStore(h.dataDir);
  const okta = await connectOrg({
    clientId: h.client.id,
    orgUrl: h.org.url,
    auth: { method: 'api-token' },
    secrets,
    audit: async () => {},
  });
  const active = (await okta.listUsers({ limit: 200 }).all()).filter(
    (u) => u.status === 'ACTIVE' && u.profile.login !== h.org.adminLogin,
  );
  const chosen = active.slice(0, people);
  // Mixed case and a trailing space: the export is matched as Okta matches logins.
  const lines = chosen.map((u, i) => {
    const email = i % 7 === 0 ? ` ${u.profile.login.toUpperCase()}` : u.profile.login;
    return `${email},${u.profile.firstName ?? ''} ${u.profile.lastName ?? ''},${ROLES[i % 3]![0]}`;
  });
  const newcomers = ['new.one@acme.example', 'new.two@acme.example', 'new.three@acme.example'];
  const csv = [
    'Email,Name,Role',
    ...lines,
    ...newcomers.map((e, i) => `${e},New Person${i},Developer`),
    'left.company@acme.example,Left Company,Admin',
    `${chosen[0]!.profile.login},Duplicate Row,Admin`,
  ].join('\n');
  const preview = await importVendorExport(
    h.dataDir,
    h.integration.id,
    { bytes: new TextEncoder().encode(csv), fileName: 'courier-team.csv' },
    new Date(),
  );
  expect(preview.mapping).toEqual({ email: 'Email', name: 'Name', role: 'Role' });
  const firstNew = people + 1;
  await setDecisions(h.dataDir, h.integration.id, {
    [firstNew]: 'create',
    [firstNew + 1]: 'create',
    [firstNew + 2]: 'create',
    [firstNew + 3]: 'drop',
  });
  const expected = new Map<string, string>();
  chosen.forEach((u, i) => expected.set(u.id, ROLES[i % 3]![1]));
  return { h, okta, secrets, chosen, newcomers, expected };
}

/** A runner like the app's, which cancels the migration once `stopAt` people are done. */
function cancellingRunner(h: Awaited<ReturnType<typeof migrationHarness>>['h'], stopAt: number, phase: string) {
  const secrets = new FileSecretStore(h.dataDir);
  const progress: string[] = [];
  const runner = new StepRunner({
    workspace: h.workspace,
    secrets,
    steps: wizardSteps,
    connect: (c) =>
      connectOrg({ clientId: c.id, orgUrl: c.orgUrl, auth: { method: 'api-token' }, secrets, audit: h.audit.append }),
    onProgress: (ref, done, _total, message) => {
      progress.push(message);
      if (message.startsWith(phase) && done === stopAt) controlMigration(ref.integrationId, 'cancel');
    },
  });
  return { runner, progress };
}

/** The count a cancelled run's last progress line names. */
function cancelledAfter(progress: string[], total: number): number {
  const line = progress.find((m) => m.startsWith('Cancelled after'));
  const found = new RegExp(`^Cancelled after (\\d+) of ${total}; apply again to resume$`).exec(line ?? '');
  if (!found) throw new Error(`no cancel line in ${JSON.stringify(progress.slice(-3))}`);
  return Number(found[1]);
}

function writesTo(h: Awaited<ReturnType<typeof migrationHarness>>['h'], method: string, pattern: RegExp): string[] {
  return h.org
    .requestLog()
    .filter((e) => e.mutating && e.method === method && pattern.test(e.path) && e.status < 300)
    .map((e) => e.path);
}

describe('migrate step (Courier, practice org)', () => {
  it('direct route: cancelled half-way, resumed, assigns each person once with the mapped role', async () => {
    const { h, okta, newcomers, expected } = await migrationHarness(240);
    await h.save('migrate', { route: 'direct' });
    const planned = await h.inspect('migrate');
    const observed = planned.observed as MigrateObserved;
    expect(observed.counts).toMatchObject({ 'to-assign': 240, 'not-in-okta': 4, duplicate: 1 });
    expect([observed.toAssign, observed.toCreate, observed.route]).toEqual([240, 3, 'direct']);
    const direct = observed.estimates.find((e) => e.route === 'direct')!;
    // The practice org's default limit, read from its headers: 6000 a minute, no share.
    expect(direct.limits.map((l) => l.perMinute)).toEqual([6000, 6000]);
    expect(planned.changes.map((c) => c.id)).toEqual(['migrate-create-users', 'migrate-people']);

    const { runner, progress } = cancellingRunner(h, 120, 'Assigning');
    const stopped = await runner.apply({ integrationId: h.integration.id, stepId: 'migrate' });
    // Writes already in flight when the cancel came finish and are recorded; no new one starts.
    const done = cancelledAfter(progress, 243);
    expect(done).toBeGreaterThanOrEqual(120);
    expect(done).toBeLessThan(120 + MIGRATE_IN_FLIGHT);
    expect(stopped.status).toBe('planned');
    expect((stopped.observed as MigrateObserved).toAssign).toBe(243 - done);
    const saved = MigrationFileSchema.parse(
      JSON.parse(await readFile(migrationPath(h.dataDir, h.integration.id), 'utf8')),
    );
    expect(Object.values(saved.results).filter((r) => r.action === 'assign' && r.status === 'done')).toHaveLength(done);

    const resumed = await h.apply('migrate');
    expect(resumed.status).toBe('verified');
    expect(resumed.checks.map((c) => [c.id, c.status])).toEqual([['migrate-assigned', 'pass']]);
    expect(resumed.changes).toEqual([]);

    const assigns = writesTo(h, 'POST', new RegExp(`^/api/v1/apps/${h.appId}/users`));
    expect(assigns).toHaveLength(243);
    const creates = writesTo(h, 'POST', /^\/api\/v1\/users(\?|$)/);
    expect(creates).toHaveLength(3);
    const appUsers = await okta.listAppUsers(h.appId).all();
    expect(appUsers).toHaveLength(243);
    for (const [id, role] of expected) expect(appUsers.find((u) => u.id === id)?.profile.role).toBe(role);
    const created = appUsers.filter((u) => newcomers.includes(u.userName ?? ''));
    expect(created.map((u) => u.profile.role)).toEqual(['DEVELOPER', 'DEVELOPER', 'DEVELOPER']);

    // A third apply finds nothing to do and writes nothing.
    const before = h.org.writeCount();
    await h.apply('migrate');
    expect(h.org.writeCount()).toBe(before);
  }, 120_000);

  it('group route: one group per role carries the role; cancelled and resumed, each member added once', async () => {
    const { h, okta, expected } = await migrationHarness(90);
    await setDecisions(h.dataDir, h.integration.id, { 91: null, 92: null, 93: null });
    await h.save('migrate', { route: 'group' });
    const planned = await h.inspect('migrate');
    expect(planned.changes.map((c) => c.summary.split(' (')[0])).toEqual([
      'Create the group "Courier ADMINISTRATOR',
      'Assign the group "Courier ADMINISTRATOR',
      'Create the group "Courier MANAGER',
      'Assign the group "Courier MANAGER',
      'Create the group "Courier DEVELOPER',
      'Assign the group "Courier DEVELOPER',
      'Add 90 people to their role group',
    ]);
    const { runner, progress } = cancellingRunner(h, 45, 'Adding members');
    const stopped = await runner.apply({ integrationId: h.integration.id, stepId: 'migrate' });
    const done = cancelledAfter(progress, 90);
    expect(done).toBeLessThan(45 + MIGRATE_IN_FLIGHT);
    expect((stopped.observed as MigrateObserved).toAssign).toBe(90 - done);
    const resumed = await h.apply('migrate');
    expect(resumed.status).toBe('verified');

    const memberships = writesTo(h, 'PUT', /^\/api\/v1\/groups\/[^/]+\/users\/[^/]+$/);
    expect(memberships).toHaveLength(90);
    expect(new Set(memberships.map((p) => p.split('/').pop())).size).toBe(90);
    expect(writesTo(h, 'POST', /^\/api\/v1\/groups(\?|$)/)).toHaveLength(3);
    expect(writesTo(h, 'POST', new RegExp(`^/api/v1/apps/${h.appId}/users`))).toHaveLength(0);
    const appUsers = await okta.listAppUsers(h.appId).all();
    for (const [id, role] of expected) {
      const u = appUsers.find((a) => a.id === id);
      expect([u?.scope, u?.profile.role]).toEqual(['GROUP', role]);
    }
  }, 120_000);
});
