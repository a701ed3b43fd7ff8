import type { Client } from '../api/model';
import { AppError } from '../errors';
import type { OktaOrgApi } from '../okta/org-api';
import type { AuditSink } from '../workspace/audit-log';
import type { SecretStore } from '../workspace/secrets';
import type { PracticeOrg } from './practice-org';

/**
 * Connects to a client's org. A sandbox client is re-pointed at the practice org running now
 * (its port and token change with every launch), so practice work survives a restart.
 */
export function createOrgConnector(deps: { secrets: SecretStore; audit: AuditSink; practiceOrg: PracticeOrg }): (client: Client) => Promise<OktaOrgApi> {
  const cache = new Map<string, Promise<OktaOrgApi>>();
  return async (client) => {
    if (client.auth.method === 'none') {
      throw new AppError('NOT_SIGNED_IN', `No credentials for "${client.name}" yet.`, 'Sign in to the org first: paste an API token, sign in as an admin, or set up a service app.');
    }
    const auth = client.auth;
    let orgUrl = client.orgUrl;
    if (client.sandbox) {
      const practice = await deps.practiceOrg.ensureStarted();
      orgUrl = practice.url;
      await deps.secrets.set(client.id, 'api-token', practice.apiToken);
    }
    const key = `${client.id}@${orgUrl}:${auth.method}`;
    let connection = cache.get(key);
    if (!connection) {
      connection = import('../okta/connect').then(({ connectOrg }) => connectOrg({ clientId: client.id, orgUrl, auth, secrets: deps.secrets, audit: deps.audit }));
      cache.set(key, connection);
      connection.catch(() => cache.delete(key));
    }
    return connection;
  };
}
