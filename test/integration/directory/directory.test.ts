import { afterAll, describe, expect, it } from 'vitest';
import { connectOrg } from '../../../src-main/okta/connect';
import { DirectoryIndex } from '../../../src-main/directory/directory-index';
import { createServices, type Services } from '../../../src-main/services/bootstrap';
import { AuditLog } from '../../../src-main/workspace/audit-log';
import { FileSecretStore } from '../../../src-main/workspace/secrets';
import { api, samlAppBody, startSandbox } from '../../support/sandbox';
import { makeTempDir } from '../../support/temp-dir';

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function generatedOrg(users: number, groups: number) {
  const org = await startSandbox({ seed: { generate: { users, groups } } });
  const temp = await makeTempDir();
  cleanups.push(temp.remove);
  const secrets = new FileSecretStore(temp.dir);
  await secrets.set('c1', 'api-token', org.apiToken);
  const okta = await connectOrg({
    clientId: 'c1',
    orgUrl: org.url,
    auth: { method: 'api-token' },
    secrets,
    audit: new AuditLog(temp.dir).append,
  });
  return { org, okta, dataDir: temp.dir };
}

const pageRequests = (log: readonly { method: string; path: string }[], prefix: string) =>
  log.filter((e) => e.method === 'GET' && e.path.split('?')[0] === prefix).map((e) => e.path);

describe('directory over a large org', () => {
  it('walks every page of users and groups and searches them all', async () => {
    const { org, okta } = await generatedOrg(1000, 450);
    const directory = new DirectoryIndex(async () => okta);
    // The generated org holds the two seeded admins and the built-in Everyone group besides.
    expect(await directory.loadAll()).toEqual({ users: 1002, groups: 451, complete: true });
    const users = pageRequests(org.requestLog(), '/api/v1/users');
    const groups = pageRequests(org.requestLog(), '/api/v1/groups');
    expect([users.length, groups.length]).toEqual([6, 3]);
    expect(users.filter((p) => p.includes('after=')).length).toBe(5);

    const last = directory.searchUsers('tara.bauer.999@', 5);
    expect(last.items.map((u) => u.login)).toEqual(['tara.bauer.999@acme.example']);
    const team = directory.searchGroups('team 0450', 5);
    expect(team.items.map((g) => g.name)).toEqual(['Team 0450']);
    const prefix = directory.searchUsers('ava', 3);
    expect([prefix.matched, prefix.items.every((u) => u.name.startsWith('Ava'))]).toEqual([50, true]);
  });

  it("counts a group's members over every page", async () => {
    const { okta } = await generatedOrg(1000, 450);
    const directory = new DirectoryIndex(async () => okta);
    await directory.loadAll();
    const everyone = directory.searchGroups('Everyone', 1).items[0];
    expect((await directory.memberIds(everyone?.id ?? '')).size).toBe(1002);
  });
});

describe('directory channels', () => {
  let services: Services | undefined;
  afterAll(async () => services?.close());

  it('loads, searches, counts and previews through the handlers', async () => {
    const { org, dataDir } = await generatedOrg(300, 20);
    services = await createServices({ mode: 'browser', dataDir });
    const client = await services.workspace.addClient({
      name: 'Big org',
      orgUrl: org.url,
      sandbox: false,
      auth: { method: 'api-token' },
    });
    await new FileSecretStore(dataDir).set(client.id, 'api-token', org.apiToken);
    const { directory } = services.handlers;

    const loaded = await directory.load({ clientId: client.id });
    expect(loaded.users).toBeGreaterThanOrEqual(200);
    const found = await directory.searchGroups({ clientId: client.id, query: 'team 000', limit: 3 });
    expect(found.items.map((g) => g.name)).toEqual(['Team 0001', 'Team 0002', 'Team 0003']);
    const [first, second] = found.items;
    const counts = await Promise.all(
      [first, second].map((g) => directory.groupMemberCount({ clientId: client.id, groupId: g?.id ?? '' })),
    );
    expect(counts.map((c) => c.count)).toEqual([30, 30]);
    const preview = await directory.preview({
      clientId: client.id,
      groupIds: [first?.id ?? '', second?.id ?? ''],
      userIds: [],
    });
    expect(preview.people + preview.duplicates).toBe(60);
    expect(await directory.progress({ integrationId: 'none', stepId: 'assign' })).toEqual({
      active: false,
      done: 0,
      total: 0,
      message: '',
    });

    // The runner's progress reaches the polling channel: an assignment applied through the services.
    const app = await api<{ id: string }>(org, 'POST', '/api/v1/apps', { body: samlAppBody('Vendor') });
    const integration = await services.workspace.addIntegration({ clientId: client.id, vendorId: 'custom-saml' });
    await services.workspace.updateIntegration(integration.id, (i) => {
      i.facts = { ...i.facts, appId: app.body.id };
    });
    const ref = { integrationId: integration.id, stepId: 'assign' as const };
    await services.handlers.steps.saveInput({
      ...ref,
      input: {
        groups: [
          { id: first?.id ?? '', name: 'Team 0001' },
          { id: second?.id ?? '', name: 'Team 0002' },
        ],
      },
    });
    const applied = await services.handlers.steps.apply(ref);
    expect(applied.status).toBe('verified');
    expect(await directory.progress(ref)).toEqual({
      active: false,
      done: 2,
      total: 2,
      message: 'Group "Team 0002" assigned',
    });
  });
});
