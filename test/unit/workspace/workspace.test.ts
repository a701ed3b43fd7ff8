import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Workspace } from '../../../src-main/workspace/workspace';
import { withTempDir } from '../../support/temp-dir';

describe('workspace', () => {
  it('keeps clients and integrations across reopen, in a schema-versioned file', async () => {
    await withTempDir(async (dir) => {
      const ws = await Workspace.open(dir);
      const client = await ws.addClient({ name: 'Acme', orgUrl: 'https://acme.okta.com', sandbox: false });
      const integration = await ws.addIntegration({ clientId: client.id, vendorId: 'courier' });

      const reopened = await Workspace.open(dir);
      expect((await reopened.listClients()).map((c) => c.name)).toEqual(['Acme']);
      const [saved] = await reopened.listIntegrations(client.id);
      expect(saved?.id).toBe(integration.id);
      expect(saved?.currentStep).toBe('app');
      expect(Object.keys(saved?.steps ?? {})).toEqual([
        'app',
        'metadata',
        'register',
        'scim',
        'role',
        'provisioning',
        'bookmark',
        'assign',
        'migrate',
        'test-login',
      ]);
      const file = JSON.parse(await readFile(join(dir, 'workspace.json'), 'utf8')) as { schemaVersion: number };
      expect(file.schemaVersion).toBe(1);
    });
  });

  it('writes the file with mode 0600 and leaves no temp files behind', async () => {
    await withTempDir(async (dir) => {
      const ws = await Workspace.open(dir);
      await Promise.all(
        [1, 2, 3, 4, 5].map((n) =>
          ws.addClient({ name: `Client ${n}`, orgUrl: `https://c${n}.okta.com`, sandbox: false }),
        ),
      );
      expect((await ws.listClients()).length).toBe(5);
      expect(await readdir(dir)).toEqual(['workspace.json']);
      expect((await stat(join(dir, 'workspace.json'))).mode & 0o777).toBe(0o600);
    });
  });

  it('refuses a duplicate client name, ignoring case, naming the field', async () => {
    await withTempDir(async (dir) => {
      const ws = await Workspace.open(dir);
      await ws.addClient({ name: 'Acme', orgUrl: 'https://acme.okta.com', sandbox: false });
      await expect(
        ws.addClient({ name: 'ACME', orgUrl: 'https://other.okta.com', sandbox: false }),
      ).rejects.toMatchObject({ code: 'CLIENT_EXISTS', field: 'name' });
    });
  });

  it('moves a corrupt file aside, reports it, and never overwrites it', async () => {
    await withTempDir(async (dir) => {
      await writeFile(join(dir, 'workspace.json'), '{"schemaVersion": 1, "clients": [ oops');
      const ws = await Workspace.open(dir, () => new Date('2026-11-24T10:00:00.000Z'));
      expect(ws.setAside?.reason).toMatch(/^it is not valid JSON/);
      expect(ws.setAside?.movedTo).toBe(join(dir, 'workspace.json.corrupt-2026-11-24T10-00-00-000Z'));
      expect(await readFile(ws.setAside!.movedTo, 'utf8')).toBe('{"schemaVersion": 1, "clients": [ oops');
      expect(await ws.listClients()).toEqual([]);
    });
  });

  it('sets aside a file that is JSON but not a workspace, saying which field is wrong', async () => {
    await withTempDir(async (dir) => {
      await writeFile(
        join(dir, 'workspace.json'),
        JSON.stringify({ schemaVersion: 1, clients: [{ name: 'no id' }], integrations: [] }),
      );
      const ws = await Workspace.open(dir);
      expect(ws.setAside?.reason).toMatch(/does not match the workspace schema \(clients\.0\.id/);
    });
  });

  it('refuses, untouched, a file written by a newer version', async () => {
    await withTempDir(async (dir) => {
      const newer = JSON.stringify({ schemaVersion: 2, clients: [], integrations: [] });
      await writeFile(join(dir, 'workspace.json'), newer);
      await expect(Workspace.open(dir)).rejects.toMatchObject({ code: 'WORKSPACE_TOO_NEW' });
      expect(await readFile(join(dir, 'workspace.json'), 'utf8')).toBe(newer);
    });
  });

  it('finds a client by name or id and names the known ones when it cannot', async () => {
    await withTempDir(async (dir) => {
      const ws = await Workspace.open(dir);
      const acme = await ws.addClient({ name: 'Acme Corp', orgUrl: 'https://acme.okta.com', sandbox: false });
      expect((await ws.findClient('acme corp')).id).toBe(acme.id);
      expect((await ws.findClient(acme.id)).name).toBe('Acme Corp');
      await expect(ws.findClient('Globex')).rejects.toMatchObject({
        code: 'CLIENT_NOT_FOUND',
        hint: 'Known clients: "Acme Corp".',
      });
    });
  });

  it('removing a client removes its integrations', async () => {
    await withTempDir(async (dir) => {
      const ws = await Workspace.open(dir);
      const acme = await ws.addClient({ name: 'Acme', orgUrl: 'https://acme.okta.com', sandbox: false });
      await ws.addIntegration({ clientId: acme.id, vendorId: 'millie' });
      await ws.removeClient(acme.id);
      expect(await ws.listIntegrations()).toEqual([]);
    });
  });
});
