import type { AuditedWrites } from './audited-writes';
import type { CallContext, OktaHttp } from './http';
import { ROLE_FOR } from './permissions';

/** What every area's calls share: the org's HTTP layer and the write-ahead log each write goes through. */
export interface OrgCalls {
  http: OktaHttp;
  write: AuditedWrites['write'];
}

/**
 * Okta answers unset fields as `null` but its spec types them as plain strings, so a read-modify-
 * write must leave them out rather than send the nulls back.
 */
export function withoutNulls<T>(value: T): T {
  if (Array.isArray(value)) return value.map((v: unknown) => withoutNulls(v)) as T;
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => v !== null)
      .map(([k, v]) => [k, withoutNulls(v)]),
  ) as T;
}

export const read = (operation: string): CallContext => ({ operation, role: ROLE_FOR.read });
export const appWrite = (operation: string): CallContext => ({ operation, role: ROLE_FOR.appWrite });
export const groupWrite = (operation: string): CallContext => ({ operation, role: ROLE_FOR.groupWrite });
export const userWrite = (operation: string): CallContext => ({ operation, role: ROLE_FOR.userWrite });

/**
 * The largest page each list endpoint takes (Okta's Management API spec): an app with 10,000
 * people is read in 20 calls, not the 200 the default of 50 would cost.
 */
export const PAGE_SIZE = { appUsers: 500, appGroups: 200, groupMembers: 1000, users: 200 } as const;
