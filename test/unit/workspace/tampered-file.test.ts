import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { practiceOrgFile } from '../../../src-main/services/practice-org';
import { AuditLog } from '../../../src-main/workspace/audit-log';
import { idFileName } from '../../../src-main/workspace/id-file-name';
import { Workspace } from '../../../src-main/workspace/workspace';
import { withTempDir } from '../../support/temp-dir';

const at = () => new Date('2026-11-27T09:00:00.000Z');
const client = (id: string) => ({
  id,
  name: 'Acme',
  orgUrl: 'https://acme.okta.com',
  sandbox: false,
  auth: { method: 'none' },
  createdAt: '2026-11-27T08:00:00.000Z',
});
const integration = (id: string, clientId: string) => ({
  id,
  clientId,
  vendorId: 'millie',
  label: 'Millie',
  createdAt: '2026-11-27T08:00:00.000Z',
  currentStep: 'slug',
  steps: {},
  facts: {},
});

async function openTampered(dir: string, data: unknown): Promise<Workspace> {
  const text = JSON.stringify({ schemaVersion: 1, ...(data as object) });
  await writeFile(join(dir, 'workspace.json'), text);
  const ws = await Workspace.open(dir, at);
  // The tampered file is kept as it was, beside the fresh one, so nothing is lost.
  expect(await readFile(join(dir, 'workspace.json.corrupt-2026-11-27T09-00-00-000Z'), 'utf8')).toBe(text);
  expect(await ws.listClients()).toEqual([]);
  return ws;
}

describe('a tampered workspace file', () => {
  it.each(['../../../tmp/evil', 'cli_/../x', '/etc/passwd', '__proto__', 'cli_a.b', ''])(
    'refuses a client id %j that is not a token, keeping the file as a backup',
    async (id) => {
      await withTempDir(async (dir) => {
        const ws = await openTampered(dir, { clients: [client(id)], integrations: [] });
        expect(ws.setAside?.reason).toBe(
          'it does not match the workspace schema (clients.0.id: an id is a short prefix, "_" and letters or digits (e.g. cli_3f9a…))',
        );
      });
    },
  );

  it('refuses an integration whose id or client id is a path', async () => {
    await withTempDir(async (dir) => {
      const ws = await openTampered(dir, {
        clients: [client('cli_ok')],
        integrations: [integration('../../registrations-escape', 'cli_ok')],
      });
      expect(ws.setAside?.reason).toMatch(/\(integrations\.0\.id: an id is a short prefix/);
    });
    await withTempDir(async (dir) => {
      const ws = await openTampered(dir, {
        clients: [client('cli_ok')],
        integrations: [integration('int_ok', '../cli_ok')],
      });
      expect(ws.setAside?.reason).toMatch(/\(integrations\.0\.clientId: an id is a short prefix/);
    });
  });

  it('refuses duplicate ids and an integration of no client', async () => {
    await withTempDir(async (dir) => {
      const ws = await openTampered(dir, { clients: [client('cli_a1'), client('cli_a1')], integrations: [] });
      expect(ws.setAside?.reason).toBe('it does not match the workspace schema (clients.1.id: duplicate id cli_a1)');
    });
    await withTempDir(async (dir) => {
      const ws = await openTampered(dir, {
        clients: [client('cli_a1')],
        integrations: [integration('int_b2', 'cli_zz')],
      });
      expect(ws.setAside?.reason).toBe(
        'it does not match the workspace schema (integrations.0.clientId: no client has the id cli_zz)',
      );
    });
  });

  it('keeps a valid file with ids the app made', async () => {
    await withTempDir(async (dir) => {
      await writeFile(
        join(dir, 'workspace.json'),
        JSON.stringify({
          schemaVersion: 1,
          clients: [client('cli_0123456789abcdef')],
          integrations: [integration('int_fedcba9876543210', 'cli_0123456789abcdef')],
        }),
      );
      const ws = await Workspace.open(dir, at);
      expect(ws.setAside).toBeUndefined();
      expect((await ws.listIntegrations()).map((i) => i.id)).toEqual(['int_fedcba9876543210']);
    });
  });
});

describe('where an id meets the file system', () => {
  it.each(['../evil', 'cli_x/../../y', '__proto__', 'cli_x\0'])('refuses %j as a file name', (id) => {
    expect(() => idFileName(id)).toThrow(expect.objectContaining({ code: 'UNSAFE_ID' }));
  });

  it('never lets the audit log write outside its folder', async () => {
    await withTempDir(async (dir) => {
      const log = new AuditLog(join(dir, 'data'));
      await expect(
        log.append({ clientId: '../../outside', operation: 'createApp', target: 'x', outcome: 'success' }),
      ).rejects.toMatchObject({ code: 'UNSAFE_ID' });
      expect(await readdir(dir)).not.toContain('outside.jsonl');
      await log.append({ clientId: 'cli_0123456789abcdef', operation: 'createApp', target: 'x', outcome: 'success' });
      expect(await readdir(join(dir, 'data', 'audit'))).toEqual(['cli_0123456789abcdef.jsonl']);
    });
  });

  it('never names a practice org file outside its folder', () => {
    expect(() => practiceOrgFile('/data', '../../outside')).toThrow(expect.objectContaining({ code: 'UNSAFE_ID' }));
    expect(practiceOrgFile('/data', 'cli_0123456789abcdef')).toBe(
      join('/data', 'practice-orgs', 'cli_0123456789abcdef.json'),
    );
  });
});
