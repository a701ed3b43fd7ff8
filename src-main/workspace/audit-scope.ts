import { AsyncLocalStorage } from 'node:async_hooks';

/** Whose work an Okta write is part of: the integration and step being applied, and who applied it. */
export interface AuditScope {
  integrationId: string;
  stepId: string;
  /** The Okta identity whose credentials made the write, e.g. `admin@acme.com (API token)`. */
  actor?: string;
}

const storage = new AsyncLocalStorage<AuditScope>();

/**
 * Runs `work` so that every audit event it causes names this scope. The Okta client is shared by
 * all of a client's integrations, so the scope travels with the call instead of through it.
 */
export function withAuditScope<T>(scope: AuditScope, work: () => Promise<T>): Promise<T> {
  return storage.run(scope, work);
}

/** The scope of the write being made now, if it is part of a step's apply. */
export function currentAuditScope(): AuditScope | undefined {
  return storage.getStore();
}
