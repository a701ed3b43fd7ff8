import { describe, expect, it } from 'vitest';
import type { IpcMainInvokeEvent } from 'electron';
import { channelNames } from '../../../src-main/api/channel';
import { channels } from '../../../src-main/api/channels';
import { registerIpcHandlers } from '../../../src-main/app/ipc';
import { createHandlers } from '../../../src-main/services/handlers';
import { Workspace } from '../../../src-main/workspace/workspace';
import { FileSecretStore } from '../../../src-main/workspace/secrets';
import { AuditLog } from '../../../src-main/workspace/audit-log';
import { StepRunner } from '../../../src-main/steps/runner';
import { withTempDir } from '../../support/temp-dir';

type Listener = (event: IpcMainInvokeEvent, request: unknown) => unknown;

function fakeIpcMain() {
  const handlers = new Map<string, Listener>();
  return {
    handlers,
    handle(channel: string, listener: Listener) {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, listener);
    },
  };
}

const fromApp = { senderFrame: { url: 'file:///app/out/renderer/index.html' } } as unknown as IpcMainInvokeEvent;
const fromElsewhere = { senderFrame: { url: 'https://evil.example.com/' } } as unknown as IpcMainInvokeEvent;
const frameAt = (url: string) => ({ senderFrame: { url } }) as unknown as IpcMainInvokeEvent;

async function setUp(dir: string) {
  const workspace = await Workspace.open(dir);
  const secrets = new FileSecretStore(dir);
  const practiceOrg = {
    urls: () => [],
    ensureStarted: () => Promise.reject(new Error('no sandbox in this test')),
    discard: async () => 'discarded' as const,
    close: async () => undefined,
  };
  const handlers = createHandlers({
    mode: 'electron',
    workspace,
    secrets,
    audit: new AuditLog(dir),
    practiceOrg,
    connect: () => Promise.reject(new Error('offline')),
    forgetConnection: () => undefined,
    steps: new StepRunner({ workspace, secrets, connect: () => Promise.reject(new Error('offline')), steps: {} }),
  });
  const ipc = fakeIpcMain();
  registerIpcHandlers(ipc, channels, handlers, { app: { file: '/app/out/renderer/index.html' } });
  return ipc;
}

describe('ipcMain registration', () => {
  it('registers exactly one handler per channel of the map', async () => {
    await withTempDir(async (dir) => {
      const ipc = await setUp(dir);
      expect([...ipc.handlers.keys()]).toEqual(channelNames(channels));
    });
  });

  it('validates requests and returns failures as values naming the field', async () => {
    await withTempDir(async (dir) => {
      const ipc = await setUp(dir);
      const reply = await ipc.handlers.get('clients.add')!(fromApp, {
        kind: 'org',
        name: '',
        orgUrl: 'https://acme.okta.com',
      });
      expect(reply).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST', field: 'name' } });
    });
  });

  it.each([
    'file:///home/ann/Downloads/invoice.html',
    'file:///app/out/renderer/other.html',
    'file:///app/out/renderer/index.html.evil',
    'file://fileserver/app/out/renderer/index.html',
    'file:///app/out/renderer/../../evil/index.html',
  ])('refuses a file:// frame that is not the built renderer: %s', async (url) => {
    await withTempDir(async (dir) => {
      const ipc = await setUp(dir);
      expect(await ipc.handlers.get('vendors.list')!(frameAt(url), {})).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN_SENDER' },
      });
      expect(
        await ipc.handlers.get('vendors.list')!(frameAt('file:///app/out/renderer/index.html#/step'), {}),
      ).toMatchObject({ ok: true });
    });
  });

  it('serves the wizard window and refuses any other frame', async () => {
    await withTempDir(async (dir) => {
      const ipc = await setUp(dir);
      expect(await ipc.handlers.get('vendors.list')!(fromApp, {})).toMatchObject({ ok: true });
      expect(await ipc.handlers.get('vendors.list')!(fromElsewhere, {})).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN_SENDER' },
      });
    });
  });
});
