import type { Client } from '../api/model';
import { AppError } from '../errors';
import type { OktaOrgApi } from '../okta/org-api';
import type { AuditSink } from '../workspace/audit-log';
import type { SecretStore } from '../workspace/secrets';
import type { PracticeOrg } from './practice-org';

/**
 * Connects to a client's org. A sandbox client is re-pointed at its own practice org as it runs now
 * (its port changes with every launch; its state is kept), so practice work survives a restart.
 */
export interface OrgConnector {
  connect(client: Client): Promise<OktaOrgApi>;
  /** Drops cached connections of a client after its credentials changed. */
  forget(clientId: string): void;
}

export function createOrgConnector(deps: {
  secrets: SecretStore;
  audit: AuditSink;
  practiceOrg: PracticeOrg;
}): OrgConnector {
  const cache = new Map<string, Promise<OktaOrgApi>>();
  const connect = async (client: Client): Promise<OktaOrgApi> => {
    if (client.auth.method === 'none') {
      throw new AppError(
        'NOT_SIGNED_IN',
        `No credentials for "${client.name}" yet.`,
        'Sign in to the org first: paste an API token, sign in as an admin, or set up a service app.',
      );
    }
    const auth = client.auth;
    let orgUrl = client.orgUrl;
    if (client.sandbox) {
      const practice = await deps.practiceOrg.ensureStarted(client.id);
      orgUrl = practice.url;
      await deps.secrets.set(client.id, 'api-token', practice.apiToken);
    }
    const key = `${client.id}@${orgUrl}:${auth.method}`;
    let connection = cache.get(key);
    if (!connection) {
      connection = import('../okta/connect').then(({ connectOrg }) =>
        connectOrg({ clientId: client.id, orgUrl, auth, secrets: deps.secrets, audit: deps.audit }),
      );
      cache.set(key, connection);
      connection.catch(() => cache.delete(key));
    }
    return connection;
  };
  return {
    connect,
    forget(clientId) {
      for (const key of cache.keys()) if (key.startsWith(`${clientId}@`)) cache.delete(key);
    },
  };
}
