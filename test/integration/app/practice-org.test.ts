import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../../../src-main/services/bootstrap';
import { practiceOrgFile } from '../../../src-main/services/practice-org';
import { makeTempDir } from '../../support/temp-dir';

describe('the practice org', () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  let dataDir: string;
  let services: Services;

  beforeAll(async () => {
    temp = await makeTempDir();
    dataDir = join(temp.dir, 'data');
    services = await createServices({ mode: 'browser', dataDir });
  });

  afterAll(async () => {
    await services.close();
    await temp.remove();
  });

  it('starts on first use, on loopback, and a practice client is signed in to it by itself', async () => {
    expect(services.practiceOrg.urls()).toEqual([]);
    const client = await services.handlers.clients.add({ kind: 'sandbox', name: 'Practice' });
    expect(client).toMatchObject({ sandbox: true, auth: { method: 'api-token' } });
    expect(services.practiceOrg.urls()).toEqual([client.orgUrl]);
    expect(client.orgUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const status = await services.handlers.okta.status({ clientId: client.id });
    expect(status).toMatchObject({
      state: 'signed-in',
      caller: { login: 'admin@acme.example', authMethod: 'api-token' },
    });
  });

  it('runs a step against it: the Courier app is planned from the sandbox', async () => {
    const [client] = await services.workspace.listClients();
    const integration = await services.handlers.integrations.add({ clientId: client!.id, vendorId: 'courier' });
    const view = await services.handlers.steps.saveInput({
      integrationId: integration.id,
      stepId: 'app',
      input: { ssoAcsUrl: 'https://courier.example.com/acs', audience: 'https://courier.example.com/sp' },
    });
    expect(view.status).toBe('planned');
    expect(view.changes?.map((c) => c.id)).toEqual(['app.create']);
  });

  it('keeps what was written in the data folder (readable only by the user) and finds it after a restart', async () => {
    const [client] = await services.workspace.listClients();
    const [integration] = await services.workspace.listIntegrations(client!.id);
    const applied = await services.handlers.steps.apply({ integrationId: integration!.id, stepId: 'app' });
    expect(applied.status).toBe('verified');
    const file = practiceOrgFile(dataDir, client!.id);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await readFile(file, 'utf8')).toContain('"label":"Courier"');

    await services.close();
    services = await createServices({ mode: 'browser', dataDir });
    const again = await services.handlers.steps.verify({ integrationId: integration!.id, stepId: 'app' });
    expect(again.status).toBe('verified');
    expect(again.changes).toEqual([]);
  });

  it("gives a second practice client its own org, which has none of the first client's apps", async () => {
    const [first] = await services.workspace.listClients();
    const second = await services.handlers.clients.add({ kind: 'sandbox', name: 'Second practice' });
    await services.handlers.okta.status({ clientId: first!.id });
    expect(second.orgUrl).not.toBe(first!.orgUrl);
    const integration = await services.handlers.integrations.add({ clientId: second.id, vendorId: 'courier' });
    const view = await services.handlers.steps.saveInput({
      integrationId: integration.id,
      stepId: 'app',
      input: { ssoAcsUrl: 'https://courier.example.com/acs', audience: 'https://courier.example.com/sp' },
    });
    expect(view.changes?.map((c) => c.id)).toEqual(['app.create']);
  });
});
