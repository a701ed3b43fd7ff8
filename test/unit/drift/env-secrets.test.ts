import { describe, expect, it } from 'vitest';
import type { Client, Integration } from '../../../src-main/api/model';
import { EnvSecretStore, envNamePart } from '../../../src-main/workspace/env-secrets';
import type { SecretStore } from '../../../src-main/workspace/secrets';

const stored: SecretStore = {
  kind: 'user-file',
  get: async (clientId, name) => `stored:${clientId}:${name}`,
  set: async () => undefined,
  delete: async () => undefined,
};

const client = (id: string, name: string, sandbox = false) => ({ id, name, sandbox }) as Client;
const names = {
  clients: [client('cli_1', 'Acme Corp (EU)'), client('cli_2', 'Practice', true)],
  integrations: [{ id: 'int_1', clientId: 'cli_1', label: 'Courier US' } as Integration],
};

describe('secrets from the environment for unattended runs', () => {
  it('names a variable from a client name: upper case without accents, every other run of characters one "_"', () => {
    expect(envNamePart('Acme Corp (EU)')).toBe('ACME_CORP_EU');
    expect(envNamePart('  über-firma GmbH ')).toBe('UBER_FIRMA_GMBH');
  });

  it("the client's variable serves its API token and its service app key, and wins over the stored one", async () => {
    const store = new EnvSecretStore(stored, names, { OKTA_ONBOARD_TOKEN_ACME_CORP_EU: ' 00abc ' });
    expect(await store.get('cli_1', 'api-token')).toBe('00abc');
    expect(await store.get('cli_1', 'service-app-private-key')).toBe('00abc');
    expect(await store.get('cli_1', 'oauth-tokens')).toBe('stored:cli_1:oauth-tokens');
  });

  it("an integration's SCIM token has its own variable; without a variable the stored secret is used", async () => {
    const store = new EnvSecretStore(stored, names, { OKTA_ONBOARD_SCIM_TOKEN_ACME_CORP_EU_COURIER_US: 'scim-1' });
    expect(await store.get('cli_1', 'int_1:scim:token')).toBe('scim-1');
    expect(await store.get('cli_1', 'int_9:scim:token')).toBe('stored:cli_1:int_9:scim:token');
    expect(await new EnvSecretStore(stored, names, {}).get('cli_1', 'api-token')).toBe('stored:cli_1:api-token');
  });

  it('a practice client is never read from the environment (its org hands out its own token)', async () => {
    const store = new EnvSecretStore(stored, names, { OKTA_ONBOARD_TOKEN_PRACTICE: 'x' });
    expect(await store.get('cli_2', 'api-token')).toBe('stored:cli_2:api-token');
  });
});
