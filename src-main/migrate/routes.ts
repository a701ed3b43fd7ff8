import type { RouteEstimate } from '../api/step-migrate';

/** The calls a migration makes, per kind; each kind sits in one of Okta's buckets. */
export interface MigrationWork {
  /** People to give the app (matched, plus created). */
  people: number;
  /** Okta users to create first (same on both routes). */
  create: number;
  /** Role groups that do not exist yet (group route). */
  groupsToCreate: number;
  /** Role groups to assign to the app, or whose role to set (group route). */
  groupsToAssign: number;
}

/** Requests per minute for this token in each bucket, from `rateLimitOf`; undefined: not read yet. */
export interface BucketLimits {
  /** `/api/v1/apps*`: app users and app group assignments. */
  apps: number | undefined;
  /** `/api/v1`: group membership `PUT /api/v1/groups/{id}/users/{userId}`. */
  membership: number | undefined;
  /** `/api/v1/groups`: create a group. */
  groups: number | undefined;
  /** `/api/v1/users`: create a user. */
  users: number | undefined;
}

function estimate(
  route: 'direct' | 'group',
  parts: { bucket: string; calls: number; perMinute: number | undefined }[],
): RouteEstimate {
  const used = parts.filter((p) => p.calls > 0);
  const unknown = used.some((p) => p.perMinute === undefined || p.perMinute <= 0);
  // The step's phases (create users, role groups, people) run one after another, so their times add up;
  // within a phase the pacer keeps several requests in flight up to the bucket's limit.
  const minutes = unknown ? null : used.reduce((sum, p) => sum + p.calls / (p.perMinute as number), 0);
  return {
    route,
    calls: used.reduce((sum, p) => sum + p.calls, 0),
    minutes,
    limits: parts.map((p) => ({ bucket: p.bucket, calls: p.calls, perMinute: p.perMinute ?? null })),
  };
}

/** Both routes' cost at the limits read from Okta's headers; never a guessed limit. */
export function estimateRoutes(
  work: MigrationWork,
  limits: BucketLimits,
): { direct: RouteEstimate; group: RouteEstimate } {
  const create = { bucket: 'POST /api/v1/users', calls: work.create, perMinute: limits.users };
  return {
    direct: estimate('direct', [
      create,
      { bucket: 'POST /api/v1/apps/{id}/users', calls: work.people, perMinute: limits.apps },
    ]),
    group: estimate('group', [
      create,
      { bucket: 'POST /api/v1/groups', calls: work.groupsToCreate, perMinute: limits.groups },
      { bucket: 'PUT /api/v1/apps/{id}/groups/{groupId}', calls: work.groupsToAssign, perMinute: limits.apps },
      { bucket: 'PUT /api/v1/groups/{id}/users/{userId}', calls: work.people, perMinute: limits.membership },
    ]),
  };
}

/** The admin's route, or for `auto` the one that finishes sooner at the limits read. */
export function chooseRoute(
  wanted: 'auto' | 'direct' | 'group',
  routes: { direct: RouteEstimate; group: RouteEstimate },
): { route: 'direct' | 'group'; why: string } {
  const fmt = (m: number | null) => (m === null ? 'unknown (limit not read)' : `${formatMinutes(m)}`);
  const both = `direct ${fmt(routes.direct.minutes)}, group ${fmt(routes.group.minutes)}`;
  if (wanted !== 'auto') return { route: wanted, why: `Chosen by the admin (${both}).` };
  const d = routes.direct.minutes;
  const g = routes.group.minutes;
  if (d === null || g === null) {
    return {
      route: 'direct',
      why: `A limit could not be read, so the route with one call per person is kept (${both}).`,
    };
  }
  return g < d
    ? { route: 'group', why: `The group route finishes sooner (${both}).` }
    : { route: 'direct', why: `The direct route finishes as soon or sooner (${both}).` };
}

export function formatMinutes(minutes: number): string {
  if (minutes < 1) return `${Math.max(1, Math.round(minutes * 60))} s`;
  if (minutes < 90) return `${Math.round(minutes * 10) / 10} min`;
  return `${Math.floor(minutes / 60)} h ${Math.round(minutes % 60)} min`;
}
