import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../../../src-main/services/bootstrap';
import { makeTempDir } from '../../support/temp-dir';

describe('the practice org', () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  let services: Services;

  beforeAll(async () => {
    temp = await makeTempDir();
    services = await createServices({ mode: 'browser', dataDir: join(temp.dir, 'data') });
  });

  afterAll(async () => {
    await services.close();
    await temp.remove();
  });

  it('starts on first use, on loopback, and a practice client is signed in to it by itself', async () => {
    expect(services.practiceOrg.url).toBeUndefined();
    const client = await services.handlers.clients.add({ kind: 'sandbox', name: 'Practice' });
    expect(client).toMatchObject({ sandbox: true, auth: { method: 'api-token' } });
    expect(services.practiceOrg.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
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
});
