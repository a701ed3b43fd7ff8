import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../../../src-main/services/bootstrap';
import { makeTempDir } from '../../support/temp-dir';

describe('status that comes from one observation, and managing clients and integrations', () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  let services: Services;
  let client: { id: string };
  let integration: { id: string };

  beforeAll(async () => {
    temp = await makeTempDir();
    services = await createServices({ mode: 'browser', dataDir: join(temp.dir, 'data') });
    client = await services.handlers.clients.add({ kind: 'sandbox', name: 'Acme' });
    integration = await services.handlers.integrations.add({ clientId: client.id, vendorId: 'courier' });
    await services.handlers.steps.saveInput({
      integrationId: integration.id,
      stepId: 'app',
      input: { ssoAcsUrl: 'https://courier.example.com/acs', audience: 'https://courier.example.com/sp' },
    });
    await services.handlers.steps.apply({ integrationId: integration.id, stepId: 'app' });
    const metadata = await services.handlers.steps.verify({ integrationId: integration.id, stepId: 'metadata' });
    expect(metadata.status).toBe('verified');
  });

  afterAll(async () => {
    await services.close();
    await temp.remove();
  });

  it('records each write with the integration, the step and whose credentials made it', async () => {
    const entries = await services.handlers.integrations.audit({ integrationId: integration.id });
    expect(entries[0]).toMatchObject({
      operation: 'app.create',
      target: 'app "Courier"',
      outcome: 'success',
      stepId: 'app',
      actor: 'admin@acme.example (API token)',
    });
  });

  it("after a reset of the practice org, verify all shows the app missing and withholds the metadata step's old checks", async () => {
    await services.handlers.clients.resetPracticeOrg({ clientId: client.id });
    const result = await services.handlers.integrations.verifyAll({ integrationId: integration.id });
    expect(result.results).toEqual([
      { stepId: 'app', status: 'failed' },
      { stepId: 'metadata', status: 'failed' },
    ]);
    const app = await services.handlers.steps.view({ integrationId: integration.id, stepId: 'app' });
    expect(app.changes?.map((c) => c.id)).toEqual(['app.create']);
    expect(app.lastError).toBeUndefined();
    const metadata = await services.handlers.steps.view({ integrationId: integration.id, stepId: 'metadata' });
    expect(metadata.checks).toEqual([]);
    expect(metadata.changes).toEqual([]);
    expect(metadata.observed).toBeUndefined();
    expect(metadata.lastError?.at).toBeDefined();
    // What was true before the failure is kept, so the screen can say "last verified"; a second
    // failure keeps it rather than recording "failed" as what came before.
    expect(metadata.lastError).toMatchObject({ code: 'APP_GONE', before: 'verified' });
    await expect(
      services.handlers.steps.inspect({ integrationId: integration.id, stepId: 'metadata' }),
    ).rejects.toThrow();
    const again = await services.handlers.steps.view({ integrationId: integration.id, stepId: 'metadata' });
    expect(again.lastError).toMatchObject({ code: 'APP_GONE', before: 'verified' });
    expect(metadata.staleChecks?.at).toBe(metadata.verifiedAt);
    expect(metadata.staleChecks?.checks.length).toBeGreaterThan(0);
  });

  it('renames a client and an integration, refusing a name already taken', async () => {
    await services.handlers.integrations.add({ clientId: client.id, vendorId: 'courier', label: 'Courier EU' });
    await expect(
      services.handlers.integrations.rename({ integrationId: integration.id, label: 'courier eu' }),
    ).rejects.toMatchObject({ code: 'INTEGRATION_EXISTS', field: 'label' });
    const renamed = await services.handlers.integrations.rename({ integrationId: integration.id, label: 'Courier US' });
    expect(renamed.label).toBe('Courier US');
    expect((await services.handlers.clients.rename({ clientId: client.id, name: 'Acme Corp' })).name).toBe('Acme Corp');
  });

  it('deletes an integration and a client from the app only', async () => {
    await services.handlers.integrations.remove({ integrationId: integration.id });
    expect((await services.handlers.integrations.list({ clientId: client.id })).map((i) => i.label)).toEqual([
      'Courier EU',
    ]);
    await services.handlers.clients.remove({ clientId: client.id });
    expect(await services.handlers.clients.list({})).toEqual([]);
    expect(services.practiceOrg.urls()).toEqual([]);
  });
});
