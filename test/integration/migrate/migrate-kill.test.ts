import { spawn, type ChildProcess } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importVendorExport, setDecisions } from '../../../src-main/migrate/import';
import { connectOrg } from '../../../src-main/okta/connect';
import { FileSecretStore } from '../../../src-main/workspace/secrets';
import { buildNodeBins } from '../../support/build-node-bins';
import { ended } from '../../support/child-end';
import { harnessWithApp } from '../steps/with-saml-app';

const PEOPLE = 300;
const ROLES = [
  ['Admin', 'ADMINISTRATOR'],
  ['Developer', 'DEVELOPER'],
  ['Manager', 'MANAGER'],
] as const;

let cli = '';
let removeBins: (() => Promise<void>) | undefined;
beforeAll(async () => {
  const bins = await buildNodeBins();
  cli = bins.cli;
  removeBins = bins.remove;
}, 120_000);
afterAll(async () => {
  await removeBins?.();
});

describe('migrate apply killed with SIGKILL half-way (not a cancel), resumed by a fresh process', () => {
  it.each([
    ['direct', 'half-way through the people'],
    ['group', 'half-way through the people'],
    ['direct', 'right after Okta created the second new person'],
  ] as const)(
    '%s route, killed %s: every person ends assigned once, with the role from the export',
    async (route, when) => {
      let writes = 0;
      const kill: { at?: number } = {};
      let running: ChildProcess | undefined;
      const h = await harnessWithApp('courier', {
        sandbox: {
          seed: { generate: { users: PEOPLE + 20, groups: 3 } },
          // The org lives in this process, so it outlives the child it kills, right after it answered a write.
          onWrite: () => {
            writes += 1;
            if (writes === kill.at) running?.kill('SIGKILL');
          },
        },
      });
      await h.apply('role');
      const okta = await connectOrg({
        clientId: h.client.id,
        orgUrl: h.org.url,
        auth: { method: 'api-token' },
        secrets: new FileSecretStore(h.dataDir),
        audit: async () => {},
      });
      const chosen = (await okta.listUsers({ limit: 200 }).all())
        .filter((u) => u.status === 'ACTIVE' && u.profile.login !== h.org.adminLogin)
        .slice(0, PEOPLE);
      const newcomers = ['new.one@acme.example', 'new.two@acme.example', 'new.three@acme.example'];
      const csv = [
        'Email,Name,Role',
        ...chosen.map((u, i) => `${u.profile.login},Person ${i},${ROLES[i % 3]![0]}`),
        ...newcomers.map((e, i) => `${e},New Person${i},Manager`),
      ].join('\n');
      const csvPath = join(h.dataDir, 'courier-team.csv');
      await writeFile(csvPath, csv);
      // The admin's choice to create the newcomers; the CLI imports the same file, which keeps it.
      await importVendorExport(
        h.dataDir,
        h.integration.id,
        { bytes: new TextEncoder().encode(csv), fileName: 'courier-team.csv' },
        new Date(),
      );
      await setDecisions(h.dataDir, h.integration.id, {
        [PEOPLE + 1]: 'create',
        [PEOPLE + 2]: 'create',
        [PEOPLE + 3]: 'create',
      });

      const args = ['migrate', 'apply', '--client', h.client.name, '--integration', h.integration.id];
      const run = () => {
        running = spawn(
          process.execPath,
          [cli, ...args, '--vendor-users', csvPath, '--route', route, '--data-dir', h.dataDir],
          { stdio: ['ignore', 'pipe', 'pipe'] },
        );
        return ended(running);
      };
      const before = writes;
      // Half-way: after the three creates (and the group route's six group writes), half the people.
      kill.at =
        before +
        (when === 'half-way through the people' ? 3 + (route === 'group' ? 6 : 0) + Math.floor(PEOPLE / 2) : 2);
      const first = await run();
      expect(first.signal).toBe('SIGKILL');
      const landedBeforeKill = writes - before;
      expect(landedBeforeKill).toBeLessThan(PEOPLE);

      const resumed = await run();
      expect(resumed.stderr).toBe('');
      expect(resumed.code).toBe(0);
      expect(resumed.stdout).toContain('Status: verified');

      const log = h.org.requestLog().filter((e) => e.mutating && e.status > 0 && e.status < 300);
      const paths = (method: string, pattern: RegExp) =>
        log.filter((e) => e.method === method && pattern.test(e.path)).map((e) => e.path);
      expect(paths('POST', /^\/api\/v1\/users(\?|$)/)).toHaveLength(3);
      if (route === 'direct') {
        expect(paths('POST', new RegExp(`^/api/v1/apps/${h.appId}/users`))).toHaveLength(PEOPLE + 3);
      } else {
        const members = paths('PUT', /^\/api\/v1\/groups\/[^/]+\/users\/[^/]+$/).map((p) => p.split('/').pop());
        // A membership PUT in flight at the kill may be sent again (it is idempotent); nobody is added twice.
        expect(new Set(members).size).toBe(PEOPLE + 3);
        expect(members.length).toBeLessThanOrEqual(PEOPLE + 3 + 8);
        expect(paths('POST', /^\/api\/v1\/groups(\?|$)/)).toHaveLength(3);
        expect(paths('POST', new RegExp(`^/api/v1/apps/${h.appId}/users`))).toHaveLength(0);
      }
      const appUsers = await okta.listAppUsers(h.appId).all();
      expect(appUsers).toHaveLength(PEOPLE + 3);
      expect(new Set(appUsers.map((u) => u.id)).size).toBe(PEOPLE + 3);
      const wrong = chosen.filter((u, i) => appUsers.find((a) => a.id === u.id)?.profile.role !== ROLES[i % 3]![1]);
      expect(wrong).toEqual([]);
      const created = appUsers.filter((u) => newcomers.includes(u.userName ?? ''));
      expect(created.map((u) => u.profile.role)).toEqual(['MANAGER', 'MANAGER', 'MANAGER']);
    },
    180_000,
  );
});
