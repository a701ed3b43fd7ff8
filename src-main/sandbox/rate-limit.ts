export interface RateLimitOptions {
  /** Requests allowed per one-minute window across the Management API. */
  perMinute: number;
}

export interface RateLimitDecision {
  allowed: boolean;
  headers: Record<string, string>;
}

/** Okta-style fixed window: the first request opens a minute; `X-Rate-Limit-Reset` is its end in epoch seconds. */
export class RateLimiter {
  private perMinute: number;
  private windowEnds = 0;
  private used = 0;

  constructor(options: RateLimitOptions) {
    this.perMinute = options.perMinute;
  }

  configure(options: RateLimitOptions): void {
    this.perMinute = options.perMinute;
    this.windowEnds = 0;
    this.used = 0;
  }

  take(nowMs: number = Date.now()): RateLimitDecision {
    if (nowMs >= this.windowEnds) {
      this.windowEnds = Math.ceil((nowMs + 60_000) / 1000) * 1000;
      this.used = 0;
    }
    const allowed = this.used < this.perMinute;
    if (allowed) this.used += 1;
    return {
      allowed,
      headers: {
        'x-rate-limit-limit': String(this.perMinute),
        'x-rate-limit-remaining': String(Math.max(0, this.perMinute - this.used)),
        'x-rate-limit-reset': String(this.windowEnds / 1000),
      },
    };
  }
}
