import { describe, expect, it } from 'vitest';
import { createProvisioningHandlers } from '../../../src-main/services/handlers-provisioning';
import { FileSecretStore } from '../../../src-main/workspace/secrets';
import { stepHarness } from '../../support/step-harness';

const TOKEN = 'courier-scim-token-clip-77';

describe('copying the SCIM token in main', () => {
  it('puts the token the SCIM step stored on the clipboard and answers without it', async () => {
    const h = await stepHarness('courier');
    await h.save('scim', { baseUrl: 'https://api.courier.example/scim/v2', token: TOKEN });
    const copied: string[] = [];
    const handlers = createProvisioningHandlers({
      workspace: h.workspace,
      secrets: new FileSecretStore(h.dataDir),
      clipboard: { writeText: (text) => copied.push(text) },
    });
    expect(await handlers.clipboard({})).toEqual({ available: true });
    const reply = await handlers.copyScimToken({ integrationId: h.integration.id });
    expect(reply).toEqual({ copied: true });
    expect(copied).toEqual([TOKEN]);
  });

  it("says to paste the vendor's token where there is no clipboard (browser mode)", async () => {
    const h = await stepHarness('courier');
    const handlers = createProvisioningHandlers({ workspace: h.workspace, secrets: new FileSecretStore(h.dataDir) });
    expect(await handlers.clipboard({})).toEqual({ available: false });
    await expect(handlers.copyScimToken({ integrationId: h.integration.id })).rejects.toMatchObject({
      code: 'CLIPBOARD_UNAVAILABLE',
    });
  });

  it('names the missing token', async () => {
    const h = await stepHarness('courier');
    const handlers = createProvisioningHandlers({
      workspace: h.workspace,
      secrets: new FileSecretStore(h.dataDir),
      clipboard: { writeText: () => undefined },
    });
    await expect(handlers.copyScimToken({ integrationId: h.integration.id })).rejects.toMatchObject({
      code: 'SCIM_TOKEN_MISSING',
    });
  });
});
