/**
 * Okta's Management API buckets, per minute, as Okta's "Management rate limits" page listed them
 * (okta-developer-docs, docs/reference/rl-global-mgmt, December 2025), and its concurrency limits
 * ("Additional rate limits"). Data, not logic: each bucket names the calls it covers.
 */
export type OrgPlan = 'integrator-free' | 'one-app' | 'enterprise' | 'workforce';

/**
 * What each bucket covers:
 * - `apps`: /api/v1/apps and /api/v1/apps/{id}/* (create, list, assignments)
 * - `app-by-id`: /api/v1/apps/{id} (get, update, delete an app)
 * - `groups`: /api/v1/groups (create, list)
 * - `group-by-id`: /api/v1/groups/{id} (get, update, delete a group)
 * - `users`: GET or POST /api/v1/users (create, list)
 * - `user-by-id-write`: POST, PUT or DELETE /api/v1/users/{id}
 * - `user-by-id-get`: GET /api/v1/users/{idOrLogin}
 * - `logs`: /api/v1/logs
 * - `other`: most other /api/v1 calls (e.g. group membership)
 */
export type BucketId =
  'apps' | 'app-by-id' | 'groups' | 'group-by-id' | 'users' | 'user-by-id-write' | 'user-by-id-get' | 'logs' | 'other';

export const PLAN_LIMITS: Record<OrgPlan, Record<BucketId, number>> = {
  'integrator-free': {
    apps: 20,
    'app-by-id': 100,
    groups: 100,
    'group-by-id': 100,
    users: 100,
    'user-by-id-write': 100,
    'user-by-id-get': 100,
    logs: 20,
    other: 100,
  },
  'one-app': {
    apps: 100,
    'app-by-id': 600,
    groups: 600,
    'group-by-id': 600,
    users: 600,
    'user-by-id-write': 600,
    'user-by-id-get': 1000,
    logs: 50,
    other: 600,
  },
  enterprise: {
    apps: 100,
    'app-by-id': 600,
    groups: 600,
    'group-by-id': 600,
    users: 600,
    'user-by-id-write': 600,
    'user-by-id-get': 1000,
    logs: 50,
    other: 600,
  },
  workforce: {
    apps: 100,
    'app-by-id': 500,
    groups: 500,
    'group-by-id': 1000,
    users: 600,
    'user-by-id-write': 600,
    'user-by-id-get': 2000,
    logs: 120,
    other: 1200,
  },
};

/** Simultaneous API requests per org ("Additional rate limits", concurrent rate limits). */
export const PLAN_CONCURRENCY: Record<OrgPlan, number> = {
  'integrator-free': 15,
  'one-app': 35,
  enterprise: 75,
  workforce: 75,
};

/** Which bucket a Management API call counts against. */
export function bucketFor(method: string, path: string): BucketId {
  const parts =
    path
      .split('?')[0]
      ?.split('/')
      .filter((p) => p !== '') ?? [];
  // parts: ['api', 'v1', resource, id?, ...]
  const [, , resource, id, ...rest] = parts;
  if (resource === 'apps') return id !== undefined && rest.length === 0 ? 'app-by-id' : 'apps';
  if (resource === 'groups') {
    if (id === undefined) return 'groups';
    return rest.length === 0 ? 'group-by-id' : 'other';
  }
  if (resource === 'users') {
    if (id === undefined) return method === 'GET' || method === 'POST' ? 'users' : 'other';
    if (rest.length > 0) return 'other';
    return method === 'GET' ? 'user-by-id-get' : 'user-by-id-write';
  }
  if (resource === 'logs') return 'logs';
  return 'other';
}
