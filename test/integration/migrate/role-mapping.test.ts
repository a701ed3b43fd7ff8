import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SandboxOrg } from '../../../src-main/sandbox/server';
import { createServices, type Services } from '../../../src-main/services/bootstrap';
import { attachPracticeOrg } from '../../../src-main/services/practice-org';
import { api, startSandbox } from '../../support/sandbox';
import { makeTempDir } from '../../support/temp-dir';

interface OktaUser {
  id: string;
  profile: { login: string };
}

/**
 * Unknown vendor roles mapped on the migrate screen (through its channels and the step's input),
 * against the practice org with Courier's role list, down to the roles Okta holds after apply.
 */
describe('mapping unknown vendor roles for the migration', () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  let services: Services;
  let org: SandboxOrg;
  let integrationId: string;
  let appId: string;
  let people: string[];

  const ref = () => ({ integrationId, stepId: 'migrate' as const });
  const rowsOf = async (query: string) =>
    (
      await services.handlers.migrate.rows({
        integrationId,
        filter: { result: 'any', decision: 'any', query },
        offset: 0,
        limit: 50,
      })
    ).rows;

  beforeAll(async () => {
    temp = await makeTempDir();
    org = await startSandbox();
    services = await createServices({
      mode: 'browser',
      dataDir: join(temp.dir, 'data'),
      practiceOrg: attachPracticeOrg(org.url, org.apiToken),
    });
    const h = services.handlers;
    const client = await h.clients.add({ kind: 'sandbox', name: 'Acme' });
    integrationId = (await h.integrations.add({ clientId: client.id, vendorId: 'courier' })).id;
    await h.steps.saveInput({
      integrationId,
      stepId: 'app',
      input: { ssoAcsUrl: 'https://courier.example.com/acs', audience: 'https://courier.example.com/sp' },
    });
    await h.steps.apply({ integrationId, stepId: 'app' });
    await h.steps.apply({ integrationId, stepId: 'role' });
    appId = (await h.integrations.get({ integrationId })).facts.appId!;
    const users = (await api<OktaUser[]>(org, 'GET', '/api/v1/users?limit=200')).body;
    people = users
      .map((u) => u.profile.login)
      .filter((l) => !['admin@acme.example', 'readonly.admin@acme.example'].includes(l))
      .sort()
      .slice(0, 7);
    expect(people).toHaveLength(7);
    // Two spellings of "Owner" are one role; "Team Lead" stays unknown; one row has no role.
    const csv = [
      'Email,Role',
      `${people[0]},Admin`,
      `${people[1]},Owner`,
      `${people[2]},Owner`,
      `${people[3]},owner`,
      `${people[4]},Team Lead`,
      `${people[5]},`,
      `${people[6]},Developer`,
    ].join('\n');
    const sent = await h.migrate.upload({
      integrationId,
      part: 0,
      parts: 1,
      base64: Buffer.from(csv).toString('base64'),
    });
    await h.migrate.import({
      integrationId,
      uploadId: sent.uploadId,
      fileName: 'team.csv',
      mapping: { email: 'Email', role: 'Role' },
    });
    await h.steps.inspect(ref());
  }, 120_000);

  afterAll(async () => {
    await services?.close();
    await org?.close();
    await temp?.remove();
  });

  it('lists each unknown role with the people it covers, none answered yet', async () => {
    const summary = await services.handlers.migrate.summary({ integrationId });
    expect(summary.classes.find((c) => c.id === 'unknown-role')?.rows).toBe(5);
    expect(summary.unknownRoles).toEqual([
      { role: 'Owner', rows: 2 },
      { role: '', rows: 1 },
      { role: 'owner', rows: 1 },
      { role: 'Team Lead', rows: 1 },
    ]);
    expect(summary.roleMapping).toEqual([
      { role: 'Owner', rows: 3, mappedTo: null, leftOut: false },
      { role: '', rows: 1, mappedTo: null, leftOut: false },
      { role: 'Team Lead', rows: 1, mappedTo: null, leftOut: false },
    ]);
    expect(summary.toAssign).toBe(2);
  });

  it('maps a role to one of the app’s roles and leaves the people without a role out; the match follows at once', async () => {
    await services.handlers.steps.saveInput({ ...ref(), input: { roleMap: { Owner: 'ADMINISTRATOR', '': null } } });
    const summary = await services.handlers.migrate.summary({ integrationId });
    expect(summary.roleMapping).toEqual([
      { role: 'Owner', rows: 3, mappedTo: 'ADMINISTRATOR', leftOut: false },
      { role: '', rows: 1, mappedTo: null, leftOut: true },
      { role: 'Team Lead', rows: 1, mappedTo: null, leftOut: false },
    ]);
    expect(summary.unknownRoles).toEqual([{ role: 'Team Lead', rows: 1 }]);
    expect(summary.toAssign).toBe(5);
    const owners = await rowsOf('owner');
    expect(owners.map((r) => [r.email, r.class, r.role])).toEqual([
      [people[1], 'to-assign', 'ADMINISTRATOR'],
      [people[2], 'to-assign', 'ADMINISTRATOR'],
      [people[3], 'to-assign', 'ADMINISTRATOR'],
    ]);
    const [noRole] = (await rowsOf(people[5]!)).filter((r) => r.email === people[5]);
    expect(noRole).toMatchObject({
      class: 'unknown-role',
      reason: 'Matched by login or email; left out: you chose not to migrate people without a role.',
    });
  });

  it('ignores an answer naming a role the app does not have: those people stay unknown', async () => {
    await services.handlers.steps.saveInput({
      ...ref(),
      input: { roleMap: { Owner: 'ADMINISTRATOR', '': null, 'Team Lead': 'CAPTAIN' } },
    });
    const summary = await services.handlers.migrate.summary({ integrationId });
    expect(summary.unknownRoles).toEqual([{ role: 'Team Lead', rows: 1 }]);
    expect(summary.roleMapping.find((r) => r.role === 'Team Lead')).toEqual({
      role: 'Team Lead',
      rows: 1,
      mappedTo: null,
      leftOut: false,
    });
  });

  it('refuses a map that is not a role value, naming the field', async () => {
    await expect(
      services.handlers.steps.saveInput({ ...ref(), input: { roleMap: { Owner: '' } } }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT', field: 'roleMap.Owner' });
  });

  it('assigns the mapped people with the mapped role in Okta, and nobody left out', async () => {
    await services.handlers.steps.saveInput({
      ...ref(),
      input: { roleMap: { Owner: 'ADMINISTRATOR', '': null }, route: 'direct' },
    });
    await services.handlers.steps.apply(ref());
    const appUsers = (
      await api<{ id: string; credentials: { userName: string }; profile: { role?: string } }[]>(
        org,
        'GET',
        `/api/v1/apps/${appId}/users?limit=500`,
      )
    ).body;
    const roles = Object.fromEntries(appUsers.map((u) => [u.credentials.userName, u.profile.role]));
    expect(roles).toEqual({
      [people[0]!]: 'ADMINISTRATOR',
      [people[1]!]: 'ADMINISTRATOR',
      [people[2]!]: 'ADMINISTRATOR',
      [people[3]!]: 'ADMINISTRATOR',
      [people[6]!]: 'DEVELOPER',
    });
  });
});
