import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { IpcMainInvokeEvent } from 'electron';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channels } from '../../../src-main/api/channels';
import { registerIpcHandlers } from '../../../src-main/app/ipc';
import { createServices, type Services } from '../../../src-main/services/bootstrap';
import { makeTempDir } from '../../support/temp-dir';

type Listener = (event: IpcMainInvokeEvent, request: unknown) => unknown;

const fromApp = { senderFrame: { url: 'file:///app/out/renderer/index.html' } } as unknown as IpcMainInvokeEvent;

function nested(levels: number): Record<string, unknown> {
  let value: Record<string, unknown> = {};
  for (let level = 0; level < levels; level += 1) value = { a: value };
  return value;
}

describe('IPC under hostile requests (Electron objects injected)', () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  let services: Services;
  const listeners = new Map<string, Listener>();
  const invoke = (wire: string, request: unknown) => listeners.get(wire)!(fromApp, request);
  let integrationId = '';

  beforeAll(async () => {
    temp = await makeTempDir();
    services = await createServices({ mode: 'browser', dataDir: temp.dir });
    registerIpcHandlers(
      { handle: (name: string, l: Listener) => listeners.set(name, l) },
      channels,
      services.handlers,
      {
        app: { file: '/app/out/renderer/index.html' },
      },
    );
    const client = (await invoke('clients.add', { kind: 'org', name: 'Acme', orgUrl: 'https://acme.okta.com' })) as {
      value: { id: string };
    };
    const integration = (await invoke('integrations.add', { clientId: client.value.id, vendorId: 'millie' })) as {
      value: { id: string };
    };
    integrationId = integration.value.id;
  });

  afterAll(async () => {
    await services.close();
    await temp.remove();
  });

  it('refuses a 20,000-level input with REQUEST_TOO_DEEP instead of overflowing the stack', async () => {
    const result = await invoke('steps.saveInput', { integrationId, stepId: 'slug', input: nested(20_000) });
    expect(result).toMatchObject({ ok: false, error: { code: 'REQUEST_TOO_DEEP' } });
  });

  it('refuses over 5 MB of input with REQUEST_TOO_LARGE', async () => {
    const result = await invoke('steps.saveInput', {
      integrationId,
      stepId: 'slug',
      input: { companySlug: 'acme', junk: 'x'.repeat(5 * 1024 * 1024 + 10) },
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'REQUEST_TOO_LARGE' } });
  });

  it('saves only the keys of the step schema from an input carrying junk', async () => {
    const result = await invoke('steps.saveInput', {
      integrationId,
      stepId: 'slug',
      input: { companySlug: 'acme', junk: 'x'.repeat(100_000), deep: nested(20) },
    });
    expect(result).toMatchObject({ ok: true });
    const file = JSON.parse(await readFile(join(temp.dir, 'workspace.json'), 'utf8')) as {
      integrations: { steps: { slug: { input: unknown } } }[];
    };
    expect(file.integrations[0]?.steps.slug.input).toEqual({ companySlug: 'acme' });
  });
});
