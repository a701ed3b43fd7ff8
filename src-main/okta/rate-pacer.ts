/**
 * Keeps an org's calls under its rate limits before Okta has to say 429. Okta counts per endpoint
 * bucket and reports the bucket on every answer (`X-Rate-Limit-Limit/-Remaining/-Reset`), so we
 * keep one budget per bucket, spend from it as requests leave, and re-sync from the headers.
 * One pacer is shared by every client of the same org: the limit is the org's, not ours.
 */

interface Bucket {
  limit: number;
  remaining: number;
  /** Local clock time (ms) at which Okta resets this bucket. */
  resetAt: number;
  /** Requests sent that have not answered yet; they spend budget the headers do not show yet. */
  inFlight: number;
  /** Before the first answer we know nothing: send one request, hold the rest. */
  probing: boolean;
  /**
   * Requests per window this token may make, learnt from a 429 that came while the headers still
   * showed room: Okta gives each API token or OAuth app a share of the bucket (50% by default)
   * but may report the whole org's bucket in the headers.
   */
  share?: number;
  waiters: Array<() => void>;
}

export interface RateHeaders {
  limit: number | undefined;
  remaining: number | undefined;
  /** Epoch seconds. */
  reset: number | undefined;
  /** The answer's `Date` header in ms, to correct for clock skew. */
  serverDate: number | undefined;
}

export interface PacerClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realClock: PacerClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/**
 * The bucket a call counts against, after Okta's "Management rate limits" page: `/api/v1/apps/{id}`
 * is not `/api/v1/apps/{id}/users`, a group's members are not the group, and a GET of one user is
 * not a write to it. Limits are never assumed: each bucket's numbers come from its own answers.
 */
export function bucketOf(path: string, method = 'GET'): string {
  const clean = path.split('?')[0] ?? path;
  if (clean.startsWith('/api/v1/users/me')) return '/api/v1/users/me';
  const parts = clean.split('/').filter((p) => p !== '');
  if (parts[0] !== 'api') return `/${parts.slice(0, 3).join('/')}`;
  const [, , resource, id, ...rest] = parts;
  if (resource === 'apps') return id !== undefined && rest.length === 0 ? '/api/v1/apps/{id}' : '/api/v1/apps*';
  if (resource === 'groups' || resource === 'users') {
    if (id === undefined) return `/api/v1/${resource}`;
    if (rest.length > 0) return '/api/v1';
    if (resource === 'users') return method === 'GET' ? '/api/v1/users/{idOrLogin} GET' : '/api/v1/users/{id}';
    return '/api/v1/groups/{id}';
  }
  return `/${parts.slice(0, 3).join('/')}`;
}

export class RatePacer {
  private readonly buckets = new Map<string, Bucket>();

  constructor(private readonly clock: PacerClock = realClock) {}

  /** The share of `path`'s bucket this token was found to have, if a 429 has shown it. */
  shareOf(path: string, method = 'GET'): number | undefined {
    return this.buckets.get(bucketOf(path, method))?.share;
  }

  /**
   * What this token may spend per window on `path`'s bucket, as the last answer (or a 429) showed;
   * undefined before any answer from that bucket. Plans estimate durations from this.
   */
  limitOf(path: string, method = 'GET'): number | undefined {
    const bucket = this.buckets.get(bucketOf(path, method));
    if (!bucket || bucket.probing || bucket.limit === Number.MAX_SAFE_INTEGER) return undefined;
    return bucket.limit;
  }

  /** Waits until the bucket has room, reserves one request, and returns how long it waited. */
  async acquire(path: string, method = 'GET'): Promise<number> {
    const key = bucketOf(path, method);
    const started = this.clock.now();
    for (;;) {
      const bucket = this.buckets.get(key);
      if (!bucket) {
        this.buckets.set(key, { limit: 0, remaining: 0, resetAt: 0, inFlight: 1, probing: true, waiters: [] });
        return this.clock.now() - started;
      }
      if (bucket.probing) {
        await new Promise<void>((resolve) => bucket.waiters.push(resolve));
        continue;
      }
      const now = this.clock.now();
      if (now >= bucket.resetAt) {
        bucket.remaining = Math.max(bucket.remaining, bucket.limit - bucket.inFlight);
        bucket.resetAt = Number.POSITIVE_INFINITY;
      }
      if (bucket.remaining > 0) {
        bucket.remaining -= 1;
        bucket.inFlight += 1;
        return this.clock.now() - started;
      }
      if (bucket.resetAt === Number.POSITIVE_INFINITY) {
        // The window rolled over but no answer has told us the new reset time yet: wait for one.
        await new Promise<void>((resolve) => bucket.waiters.push(resolve));
        continue;
      }
      await this.clock.sleep(bucket.resetAt - now);
    }
  }

  /** Records an answer's rate-limit headers (or their absence) for the request `acquire` let out. */
  settle(path: string, headers: RateHeaders, method = 'GET'): void {
    const bucket = this.buckets.get(bucketOf(path, method));
    if (!bucket) return;
    bucket.inFlight = Math.max(0, bucket.inFlight - 1);
    const { limit, remaining, reset } = headers;
    if (limit !== undefined && remaining !== undefined && reset !== undefined) {
      // Date has one-second resolution, so up to a second of the difference is the header's
      // rounding, not the clocks'; only the rest is skew. A little margin keeps us from racing
      // the server's reset.
      const seen = headers.serverDate === undefined ? 0 : this.clock.now() - headers.serverDate;
      const resetAt = reset * 1000 + Math.max(0, seen - 1000) + 50;
      const newWindow = bucket.probing || bucket.resetAt === Number.POSITIVE_INFINITY || resetAt > bucket.resetAt + 500;
      // With a learnt share, what is left to us is the share less what the window has used.
      const left = bucket.share === undefined ? remaining : Math.min(remaining, bucket.share - (limit - remaining));
      bucket.limit = bucket.share === undefined ? limit : Math.min(limit, bucket.share);
      bucket.remaining = newWindow
        ? Math.max(0, left - bucket.inFlight)
        : Math.min(bucket.remaining, Math.max(0, left - bucket.inFlight));
      bucket.resetAt = resetAt;
    } else if (bucket.probing) {
      // No rate-limit headers on this endpoint: do not pace it.
      bucket.limit = Number.MAX_SAFE_INTEGER;
      bucket.remaining = Number.MAX_SAFE_INTEGER;
      bucket.resetAt = Number.POSITIVE_INFINITY;
    }
    bucket.probing = false;
    for (const wake of bucket.waiters.splice(0)) wake();
  }

  /** The request got no answer (dropped connection): give its reservation back. */
  release(path: string, method = 'GET'): void {
    const key = bucketOf(path, method);
    const bucket = this.buckets.get(key);
    if (!bucket) return;
    bucket.inFlight = Math.max(0, bucket.inFlight - 1);
    if (bucket.probing) {
      this.buckets.delete(key);
    } else if (bucket.resetAt !== Number.POSITIVE_INFINITY) {
      bucket.remaining += 1;
    }
    for (const wake of bucket.waiters.splice(0)) wake();
  }

  /**
   * A 429 says the bucket is empty for us whatever the headers show; nothing more leaves until its
   * reset. When the headers still showed room, the refusal was this token's share running out:
   * remember the share, so later windows are paced to it instead of running into 429s again.
   */
  exhausted(path: string, headers: RateHeaders, method = 'GET'): number {
    const { limit, remaining } = headers;
    if (limit !== undefined && remaining !== undefined && remaining > 0) {
      const bucket = this.buckets.get(bucketOf(path, method));
      const used = limit - remaining;
      if (bucket && used > 0) bucket.share = Math.min(bucket.share ?? Number.POSITIVE_INFINITY, used);
    }
    this.settle(path, { ...headers, remaining: 0 }, method);
    const bucket = this.buckets.get(bucketOf(path, method));
    if (!bucket || bucket.resetAt === Number.POSITIVE_INFINITY) return 1000;
    return Math.max(0, bucket.resetAt - this.clock.now());
  }
}

const shared = new Map<string, RatePacer>();

/** The pacer every client of `orgUrl` in this process shares. */
export function pacerFor(orgUrl: string): RatePacer {
  const key = new URL(orgUrl).origin;
  let pacer = shared.get(key);
  if (!pacer) {
    pacer = new RatePacer();
    shared.set(key, pacer);
  }
  return pacer;
}
