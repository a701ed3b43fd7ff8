import type { Client, Integration } from '../api/model';
import type { SecretStore } from './secrets';

/** `Acme Corp (EU)` → `ACME_CORP_EU`, `Über` → `UBER`: the part of an environment variable's name a client or integration gives. */
export function envNamePart(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/** The org credential of a client: its API token, or its service app's private key (PEM). */
export const orgTokenVariable = (client: Pick<Client, 'name'>): string =>
  `OKTA_ONBOARD_TOKEN_${envNamePart(client.name)}`;

/** The vendor's SCIM bearer token of one integration. */
export const scimTokenVariable = (client: Pick<Client, 'name'>, integration: Pick<Integration, 'label'>): string =>
  `OKTA_ONBOARD_SCIM_TOKEN_${envNamePart(client.name)}_${envNamePart(integration.label)}`;

const ORG_SECRETS = new Set(['api-token', 'service-app-private-key']);

/**
 * Secrets for unattended runs (a nightly `audit --all` in CI): a variable named in the README wins
 * over the stored secret; without one the stored secret is used. Nothing is ever written to the
 * environment; writes go to the store underneath.
 */
export class EnvSecretStore implements SecretStore {
  readonly kind: SecretStore['kind'];

  constructor(
    private readonly inner: SecretStore,
    private readonly names: { clients: readonly Client[]; integrations: readonly Integration[] },
    private readonly env: NodeJS.ProcessEnv = process.env,
  ) {
    this.kind = inner.kind;
  }

  private variableFor(clientId: string, name: string): string | undefined {
    const client = this.names.clients.find((c) => c.id === clientId);
    if (!client || client.sandbox) return undefined;
    if (ORG_SECRETS.has(name)) return orgTokenVariable(client);
    const scim = /^(.+):scim:token$/.exec(name);
    const integration = scim && this.names.integrations.find((i) => i.id === scim[1] && i.clientId === clientId);
    return integration ? scimTokenVariable(client, integration) : undefined;
  }

  async get(clientId: string, name: string): Promise<string | undefined> {
    const variable = this.variableFor(clientId, name);
    const value = variable === undefined ? undefined : this.env[variable]?.trim();
    return value ? value : this.inner.get(clientId, name);
  }

  set(clientId: string, name: string, value: string): Promise<void> {
    return this.inner.set(clientId, name, value);
  }

  delete(clientId: string, name?: string): Promise<void> {
    return this.inner.delete(clientId, name);
  }
}
