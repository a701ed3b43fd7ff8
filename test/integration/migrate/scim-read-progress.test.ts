import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScimReadProgress } from '../../../src-main/api/channels-migrate';
import type { SandboxOrg } from '../../../src-main/sandbox/server';
import { createServices, type Services } from '../../../src-main/services/bootstrap';
import { attachPracticeOrg } from '../../../src-main/services/practice-org';
import { scimAccount, startGatedScimVendor, type GatedScimVendor } from '../../support/gated-scim-vendor';
import { startSandbox } from '../../support/sandbox';
import { makeTempDir } from '../../support/temp-dir';

const TOKEN = 'courier-scim-token-progress-7';

async function until(ok: () => boolean | Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!(await ok())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** The screen's SCIM source through its channels: progress from totalResults, and cancel mid-read. */
describe("reading the vendor's accounts over SCIM: progress and cancel", () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  let services: Services;
  let org: SandboxOrg;
  let vendor: GatedScimVendor;
  let integrationId: string;

  const progress = (): Promise<ScimReadProgress> => services.handlers.migrate.readProgress({ integrationId });

  beforeAll(async () => {
    temp = await makeTempDir();
    org = await startSandbox();
    // 250 accounts, 100 a page: pages at startIndex 1, 101 and 201; every 50th deactivated.
    const users = Array.from({ length: 250 }, (_, i) =>
      scimAccount(`person.${i + 1}@acme.example`, 'DEVELOPER', (i + 1) % 50 !== 0),
    );
    vendor = await startGatedScimVendor({ token: TOKEN, users });
    services = await createServices({
      mode: 'browser',
      dataDir: join(temp.dir, 'data'),
      practiceOrg: attachPracticeOrg(org.url, org.apiToken),
    });
    const client = await services.handlers.clients.add({ kind: 'sandbox', name: 'Acme' });
    integrationId = (await services.handlers.integrations.add({ clientId: client.id, vendorId: 'courier' })).id;
    await services.handlers.steps.saveInput({
      integrationId,
      stepId: 'scim',
      input: { baseUrl: vendor.baseUrl, token: TOKEN },
    });
  }, 60_000);

  afterAll(async () => {
    await services?.close();
    await vendor?.close();
    await org?.close();
    await temp?.remove();
  });

  it('says nothing runs before a read', async () => {
    expect(await progress()).toEqual({ active: false, read: 0, total: null, cancelling: false });
    await expect(services.handlers.migrate.cancelRead({ integrationId })).rejects.toMatchObject({
      code: 'MIGRATE_READ_NOT_RUNNING',
    });
  });

  it("cancels mid-read after the page in flight: nothing imported, the vendor's next page never asked for", async () => {
    vendor.queries.length = 0;
    vendor.hold(101);
    const reading = services.handlers.migrate.importScim({ integrationId });
    const outcome = reading.then(
      () => undefined,
      (e: unknown) => e,
    );
    await until(() => vendor.waiting(101), 'the second page to be asked for');
    expect(await progress()).toEqual({ active: true, read: 100, total: 250, cancelling: false });
    // One read at a time per integration, and no file import while it runs.
    await expect(services.handlers.migrate.importScim({ integrationId })).rejects.toMatchObject({
      code: 'MIGRATE_READ_RUNNING',
    });
    await expect(
      services.handlers.migrate.import({
        integrationId,
        uploadId: 'x',
        fileName: 'team.csv',
        mapping: { email: 'Email' },
      }),
    ).rejects.toMatchObject({ code: 'MIGRATE_READ_RUNNING' });
    expect(await services.handlers.migrate.cancelRead({ integrationId })).toEqual({
      active: true,
      read: 100,
      total: 250,
      cancelling: true,
    });
    vendor.release(101);
    expect(await outcome).toMatchObject({
      code: 'MIGRATE_READ_CANCELLED',
      message: "The read of the vendor's accounts was cancelled after 100 of 250.",
      hint: 'Nothing was imported; an earlier import is kept. Read again when you are ready.',
    });
    expect(vendor.queries).toEqual(['?startIndex=1&count=100', '?startIndex=101&count=100']);
    expect(await progress()).toEqual({ active: false, read: 0, total: null, cancelling: false });
    expect((await services.handlers.migrate.summary({ integrationId })).state).toBe('none');
  });

  it('counts the accounts read against totalResults page by page, then imports the active ones', async () => {
    vendor.hold(201);
    const reading = services.handlers.migrate.importScim({ integrationId });
    await until(() => vendor.waiting(201), 'the third page to be asked for');
    expect(await progress()).toEqual({ active: true, read: 200, total: 250, cancelling: false });
    vendor.release(201);
    expect(await reading).toMatchObject({ rows: 245, inactive: 5, fileName: `SCIM ${vendor.baseUrl}/Users` });
    expect(await progress()).toEqual({ active: false, read: 0, total: null, cancelling: false });
    expect((await services.handlers.migrate.summary({ integrationId })).imported?.rows).toBe(245);
  });
});
