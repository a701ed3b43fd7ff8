import { describe, expect, it } from 'vitest';
import type { AssignObserved } from '../../../src-main/api/step-assign';
import { access, mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { ProvisioningObserved } from '../../../src-main/api/step-provisioning';
import {
  acceptState,
  baselinePath,
  inputDigest,
  readBaseline,
  recordVerification,
} from '../../../src-main/drift/baseline-store';
import { Workspace } from '../../../src-main/workspace/workspace';
import { withTempDir } from '../../support/temp-dir';

const ID = 'int_abc123';

function assignObserved(logins: string[]): AssignObserved {
  return {
    appId: '0oa1',
    roles: [],
    roleRequired: false,
    groups: [],
    users: [],
    preview: { people: 0, fromGroups: 0, direct: 0, duplicates: 0 },
    membersMissing: [],
    appAssigned: { groups: 0, users: logins.length },
    appHas: { groups: [], people: logins.length, direct: logins.length, viaGroups: 0, logins },
  };
}

const verify = (dataDir: string, logins: string[], at: string, extra: { wrote?: boolean; input?: object } = {}) =>
  recordVerification({
    dataDir,
    integrationId: ID,
    stepId: 'assign',
    input: { groups: [], users: [], ...extra.input },
    observed: assignObserved(logins),
    verifiedAt: at,
    wrote: extra.wrote ?? false,
  });

const peopleOf = async (dataDir: string) =>
  (await readBaseline(dataDir, ID)).steps.assign?.fields.find((f) => f.key === 'people')?.value;

describe('the last verified state a step keeps', () => {
  it('a re-verification that reads something else keeps the earlier state: that difference is drift', async () => {
    await withTempDir(async (dir) => {
      await verify(dir, ['a@x', 'b@x'], '2026-01-01T00:00:00.000Z');
      await verify(dir, ['a@x'], '2026-01-02T00:00:00.000Z');
      expect(await peopleOf(dir)).toEqual(['a@x', 'b@x']);
      expect((await readBaseline(dir, ID)).steps.assign?.verifiedAt).toBe('2026-01-01T00:00:00.000Z');
    });
  });

  it('reading the same again moves its time forward', async () => {
    await withTempDir(async (dir) => {
      await verify(dir, ['a@x'], '2026-01-01T00:00:00.000Z');
      await verify(dir, ['a@x'], '2026-01-03T00:00:00.000Z');
      expect((await readBaseline(dir, ID)).steps.assign?.verifiedAt).toBe('2026-01-03T00:00:00.000Z');
    });
  });

  it("new input, the wizard's own write, or the admin's acceptance replace it", async () => {
    await withTempDir(async (dir) => {
      await verify(dir, ['a@x'], '2026-01-01T00:00:00.000Z');
      await verify(dir, ['a@x', 'c@x'], '2026-01-02T00:00:00.000Z', { input: { users: [{ id: 'c', name: 'C' }] } });
      expect(await peopleOf(dir)).toEqual(['a@x', 'c@x']);
      await verify(dir, ['a@x', 'c@x', 'd@x'], '2026-01-03T00:00:00.000Z', {
        input: { users: [{ id: 'c', name: 'C' }] },
        wrote: true,
      });
      expect(await peopleOf(dir)).toEqual(['a@x', 'c@x', 'd@x']);
      expect((await readBaseline(dir, ID)).wroteAt).toBe('2026-01-03T00:00:00.000Z');
      await acceptState({
        dataDir: dir,
        integrationId: ID,
        stepId: 'assign',
        input: { groups: [], users: [] },
        observed: assignObserved([]),
        verifiedAt: '2026-01-04T00:00:00.000Z',
        acceptedAt: '2026-01-05T00:00:00.000Z',
      });
      expect(await peopleOf(dir)).toEqual([]);
      expect((await readBaseline(dir, ID)).steps.assign?.acceptedAt).toBe('2026-01-05T00:00:00.000Z');
    });
  });
});

describe('deleting an integration or its client', () => {
  it("removes the integration's last verified state with it", async () => {
    await withTempDir(async (dir) => {
      const workspace = await Workspace.open(dir);
      const client = await workspace.addClient({ name: 'Acme', orgUrl: 'https://acme.okta.com', sandbox: false });
      const kept = await workspace.addIntegration({ clientId: client.id, vendorId: 'mixpanel' });
      const dropped = await workspace.addIntegration({ clientId: client.id, vendorId: 'courier' });
      for (const integration of [kept, dropped])
        await acceptState({
          dataDir: dir,
          integrationId: integration.id,
          stepId: 'assign',
          input: {},
          observed: assignObserved(['a@x']),
          verifiedAt: '2026-01-01T00:00:00.000Z',
          acceptedAt: '2026-01-01T00:00:00.000Z',
        });
      await workspace.removeIntegration(dropped.id);
      await expect(access(baselinePath(dir, dropped.id))).rejects.toThrow();
      await access(baselinePath(dir, kept.id));
      await workspace.removeClient(client.id);
      await expect(access(baselinePath(dir, kept.id))).rejects.toThrow();
    });
  });

  describe('a baseline written before the step read more fields', () => {
    const observed = (deactivate: 'ENABLED' | 'DISABLED'): ProvisioningObserved => ({
      app: { id: '0oa1', name: 'mixpanel', label: 'Mixpanel' },
      path: 'api',
      scimBaseUrl: 'https://scim.example/v2',
      tokenStored: true,
      appFeatures: [],
      connection: { status: 'ENABLED', authScheme: 'TOKEN', baseUrl: 'https://scim.example/v2' },
      userProvisioning: { status: 'ENABLED', create: 'ENABLED', updateProfile: 'ENABLED', deactivate },
      consoleUrl: 'https://acme-admin.okta.com/admin/app/mixpanel/instance/0oa1/#tab-user-management',
      endToEndCurrent: false,
      tokenChanged: false,
    });
    const switchField = (key: string, label: string, value: 'on' | 'off') => ({ key, label, kind: 'switch', value });
    // Exactly what the version before field list 2 wrote for the provisioning step.
    const OLD_FIELDS = [
      { key: 'connection', label: 'provisioning: connection', kind: 'value', value: 'ENABLED' },
      switchField('create', 'provisioning: Create Users', 'on'),
      switchField('update', 'provisioning: Update User Attributes', 'on'),
      switchField('deactivate', 'provisioning: Deactivate Users', 'on'),
    ];
    const writeOld = async (dir: string) => {
      const path = baselinePath(dir, ID);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(
        path,
        JSON.stringify({
          version: 1,
          integrationId: ID,
          steps: {
            provisioning: { verifiedAt: '2026-01-01T00:00:00.000Z', inputDigest: inputDigest({}), fields: OLD_FIELDS },
          },
        }),
      );
    };
    const record = (dir: string, deactivate: 'ENABLED' | 'DISABLED') =>
      recordVerification({
        dataDir: dir,
        integrationId: ID,
        stepId: 'provisioning',
        input: {},
        observed: observed(deactivate),
        verifiedAt: '2026-02-01T00:00:00.000Z',
        wrote: false,
      });

    it('still loads, gains the fields it lacks as read now and the new version; an unchanged step moves its time', async () => {
      await withTempDir(async (dir) => {
        await writeOld(dir);
        expect((await readBaseline(dir, ID)).steps.provisioning?.fieldSet).toBeUndefined();
        await record(dir, 'ENABLED');
        const now = (await readBaseline(dir, ID)).steps.provisioning!;
        expect(now.fieldSet).toBe(2);
        expect(now.verifiedAt).toBe('2026-02-01T00:00:00.000Z');
        expect(Object.fromEntries(now.fields.map((f) => [f.key, f.value]))).toEqual({
          connection: 'ENABLED',
          create: 'on',
          update: 'on',
          deactivate: 'on',
          'connection-base-url': 'https://scim.example/v2',
          'connection-auth': 'TOKEN',
          'sync-password': 'off',
          'group-push': 'off',
          'import-users': 'off',
          'import-updates': 'off',
          'other-features': [],
        });
      });
    });

    it('with drift in a field it had: that field keeps its verified value (still drift), the missing ones are added', async () => {
      await withTempDir(async (dir) => {
        await writeOld(dir);
        await record(dir, 'DISABLED');
        const now = (await readBaseline(dir, ID)).steps.provisioning!;
        expect(now.verifiedAt).toBe('2026-01-01T00:00:00.000Z');
        expect(now.fieldSet).toBe(2);
        expect(now.fields.find((f) => f.key === 'deactivate')?.value).toBe('on');
        expect(now.fields.find((f) => f.key === 'connection-base-url')?.value).toBe('https://scim.example/v2');
      });
    });
  });
});
