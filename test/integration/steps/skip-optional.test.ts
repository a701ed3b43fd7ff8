import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { integrationProgress } from '../../../src-main/api/progress';
import { createServices, type Services } from '../../../src-main/services/bootstrap';
import { makeTempDir } from '../../support/temp-dir';

describe('skipping an optional step', () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  let dataDir: string;
  let services: Services;
  let integrationId: string;

  beforeAll(async () => {
    temp = await makeTempDir();
    dataDir = join(temp.dir, 'data');
    services = await createServices({ mode: 'browser', dataDir });
    const client = await services.handlers.clients.add({ kind: 'sandbox', name: 'Acme' });
    integrationId = (await services.handlers.integrations.add({ clientId: client.id, vendorId: 'courier' })).id;
  });

  afterAll(async () => {
    await services.close();
    await temp.remove();
  });

  it("skips Courier's bookmark, stores it in the workspace file and counts it as skipped", async () => {
    const view = await services.handlers.steps.skip({ integrationId, stepId: 'bookmark', skipped: true });
    expect(view.skippedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    const onDisk = JSON.parse(await readFile(join(dataDir, 'workspace.json'), 'utf8')) as {
      integrations: { steps: Record<string, { skippedAt?: string }> }[];
    };
    expect(onDisk.integrations[0]?.steps.bookmark?.skippedAt).toBe(view.skippedAt);
    const integration = await services.handlers.integrations.get({ integrationId });
    const vendor = (await services.handlers.vendors.list({})).find((v) => v.id === 'courier')!;
    const progress = integrationProgress(integration, vendor.steps);
    expect(progress.skipped).toBe(1);
    // Courier's other optional step, migrating existing users, is still to do.
    expect(progress.optionalOpen).toBe(1);
    expect(progress.text).toBe(
      `0 of ${vendor.steps.filter((s) => !s.optional).length} required verified, 1 skipped, 1 optional to do`,
    );
  });

  it('keeps the skip when the workspace is opened again, and un-skips on request', async () => {
    await services.close();
    services = await createServices({ mode: 'browser', dataDir });
    expect((await services.handlers.steps.view({ integrationId, stepId: 'bookmark' })).skippedAt).toBeDefined();
    const view = await services.handlers.steps.skip({ integrationId, stepId: 'bookmark', skipped: false });
    expect(view.skippedAt).toBeUndefined();
  });

  it('refuses to skip a required step, naming it', async () => {
    await expect(services.handlers.steps.skip({ integrationId, stepId: 'app', skipped: true })).rejects.toMatchObject({
      code: 'STEP_NOT_OPTIONAL',
      field: 'stepId',
    });
    expect((await services.handlers.steps.view({ integrationId, stepId: 'app' })).skippedAt).toBeUndefined();
  });
});
