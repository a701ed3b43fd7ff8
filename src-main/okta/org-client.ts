import type { AuditSink } from '../workspace/audit-log';
import { appAssignmentCalls } from './app-assignments';
import { appKeyCalls } from './app-keys';
import { appCalls } from './apps';
import { AuditedWrites, type ReconcileSummary } from './audited-writes';
import { groupCalls } from './groups';
import type { OktaHttp } from './http';
import type { AuthMethod, OktaOrgApi } from './org-api';
import type { OrgCalls } from './org-calls';
import { provisioningCalls } from './provisioning';
import type { RequestPolicy } from './request-policy';
import { schemaCalls } from './schemas';
import { userCalls } from './users';
import { whoAmI } from './who-am-i';

export interface OrgClientOptions {
  clientId: string;
  orgUrl: string;
  authMethod: AuthMethod;
  http: OktaHttp;
  policy: RequestPolicy;
  audit: AuditSink;
  /** For OAuth: the scopes the current token carries. */
  grantedScopes(): string[] | undefined;
  /** For a service app: its client id, which holds the roles instead of a user. */
  serviceClientId?: string;
}

/** OktaOrgApi over the Management API; every write is logged ahead (intent, then outcome). */
export interface OktaOrgClient extends OktaOrgApi {
  /** Settles writes an earlier run left without an outcome; also done before the first write. */
  reconcileOpenWrites(): Promise<ReconcileSummary>;
}

/**
 * Puts the org's calls together, one module per area (apps, app-keys, users, groups,
 * app-assignments, schemas, provisioning), all over one HTTP layer and one write-ahead log.
 */
export function createOrgClient(options: OrgClientOptions): OktaOrgClient {
  const { http, policy, orgUrl, authMethod } = options;
  const calls: OrgCalls = {
    http,
    write: (operation, target, probe, send) => writes.write(operation, target, probe, send),
  };
  const apps = appCalls(calls);
  const client: OktaOrgClient = {
    orgUrl,
    authMethod,
    reconcileOpenWrites: () => writes.reconcile(),
    onRequest: (listener) => policy.subscribe(listener),
    stats: () => policy.stats(),
    rateLimitOf: (method, path) => policy.limitOf(method, path),
    whoAmI: () =>
      whoAmI(http, {
        orgUrl,
        authMethod,
        scopes: options.grantedScopes(),
        ...(options.serviceClientId === undefined ? {} : { serviceClientId: options.serviceClientId }),
      }),
    ...apps,
    ...appKeyCalls(calls, apps),
    ...userCalls(calls),
    ...groupCalls(calls),
    ...appAssignmentCalls(calls),
    ...schemaCalls(calls),
    ...provisioningCalls(calls),
  };
  // The log settles a lost answer by reading Okta back through this same client.
  const writes = new AuditedWrites(options.clientId, options.audit, client);
  return client;
}
