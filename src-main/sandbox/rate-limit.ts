import { bucketFor, PLAN_CONCURRENCY, PLAN_LIMITS, type BucketId, type OrgPlan } from './rate-limits-okta';

/**
 * Either one budget for the whole Management API (tests that want a 429 at a known count), or
 * Okta's own buckets for an org plan, each API token (or OAuth app) capped at a share of each
 * bucket, 50% unless the admin changed it, as in Okta.
 */
export type RateLimitOptions =
  | { perMinute: number }
  | {
      plan: OrgPlan;
      /** Percent of each bucket one token may use (Okta's default: 50). */
      tokenSharePercent?: number;
      /**
       * What X-Rate-Limit-* report: the limit enforced for the calling token (default), or the
       * org's whole bucket, which is what makes a 429 arrive with Remaining above 0.
       */
      headersReport?: 'token' | 'org';
    };

export interface RateLimitDecision {
  allowed: boolean;
  /** Refused for too many requests at once rather than per minute. */
  concurrency?: boolean;
  headers: Record<string, string>;
  /** Call when the request has been answered, to free its concurrency slot. */
  done(): void;
}

interface Window {
  endsAt: number;
  used: number;
  byToken: Map<string, number>;
}

/** Okta-style fixed windows: a bucket's first request opens a minute; `X-Rate-Limit-Reset` is its end in epoch seconds. */
export class RateLimiter {
  private options: RateLimitOptions;
  private windows = new Map<BucketId | 'all', Window>();
  private inFlight = 0;

  constructor(
    options: RateLimitOptions,
    private readonly now: () => number = Date.now,
  ) {
    this.options = options;
  }

  configure(options: RateLimitOptions): void {
    this.options = options;
    this.windows.clear();
  }

  /** The limits in force, for the practice org's settings and for benchmarks that print them. */
  describe(): { plan?: OrgPlan; tokenSharePercent?: number; buckets: Partial<Record<BucketId | 'all', number>> } {
    if ('perMinute' in this.options) return { buckets: { all: this.options.perMinute } };
    return {
      plan: this.options.plan,
      tokenSharePercent: this.options.tokenSharePercent ?? 50,
      buckets: PLAN_LIMITS[this.options.plan],
    };
  }

  take(method: string, path: string, token: string, nowMs: number = this.now()): RateLimitDecision {
    const options = this.options;
    const bucket: BucketId | 'all' = 'perMinute' in options ? 'all' : bucketFor(method, path);
    const orgLimit = 'perMinute' in options ? options.perMinute : PLAN_LIMITS[options.plan][bucket as BucketId];
    const tokenLimit =
      'perMinute' in options ? orgLimit : Math.floor((orgLimit * (options.tokenSharePercent ?? 50)) / 100);
    const window = this.window(bucket, nowMs);
    const reset = String(window.endsAt / 1000);
    const free = (): void => undefined;

    if (!('perMinute' in options)) {
      const concurrency = PLAN_CONCURRENCY[options.plan];
      if (this.inFlight >= concurrency) {
        // Okta reports the concurrent values while the concurrency limit is exceeded; its reset is an estimate.
        return {
          allowed: false,
          concurrency: true,
          done: free,
          headers: {
            'x-rate-limit-limit': String(concurrency),
            'x-rate-limit-remaining': '0',
            'x-rate-limit-reset': String(Math.ceil(nowMs / 1000)),
          },
        };
      }
    }
    const byToken = window.byToken.get(token) ?? 0;
    const allowed = window.used < orgLimit && byToken < tokenLimit;
    if (allowed) {
      window.used += 1;
      window.byToken.set(token, byToken + 1);
    }
    const reportOrg = !('perMinute' in options) && options.headersReport === 'org';
    const headers = reportOrg
      ? { limit: orgLimit, remaining: orgLimit - window.used }
      : {
          limit: tokenLimit,
          remaining: Math.min(tokenLimit - (window.byToken.get(token) ?? 0), orgLimit - window.used),
        };
    let released = false;
    if (allowed) this.inFlight += 1;
    return {
      allowed,
      done: allowed
        ? () => {
            if (released) return;
            released = true;
            this.inFlight -= 1;
          }
        : free,
      headers: {
        'x-rate-limit-limit': String(headers.limit),
        'x-rate-limit-remaining': String(Math.max(0, headers.remaining)),
        'x-rate-limit-reset': reset,
      },
    };
  }

  private window(bucket: BucketId | 'all', nowMs: number): Window {
    let window = this.windows.get(bucket);
    if (!window || nowMs >= window.endsAt) {
      window = { endsAt: Math.ceil((nowMs + 60_000) / 1000) * 1000, used: 0, byToken: new Map() };
      this.windows.set(bucket, window);
    }
    return window;
  }
}
