import type { VendorAnswer } from './okta-scim-client';

const MAX_ATTEMPTS = 10;
const DEFAULT_WAIT_S = 300;

/**
 * Okta's answer to a vendor's 429 (§3): wait `Retry-After` seconds (integer form only; absent or an
 * HTTP-date means 5 minutes), doubling the wait each further time, at most 10 attempts in all.
 * Waits end early when `cancelled` settles (the org is closing); the last 429 is then returned.
 */
export class RateLimitBackoff {
  private readonly timers = new Set<NodeJS.Timeout>();
  private cancelled = false;
  private readonly wakers = new Set<() => void>();

  async send(call: () => Promise<VendorAnswer>): Promise<VendorAnswer> {
    let previousWaitS: number | undefined;
    for (let attempt = 1; ; attempt += 1) {
      const reply = await call();
      if (reply.status !== 429 || attempt >= MAX_ATTEMPTS || this.cancelled) return reply;
      const header = reply.retryAfter;
      const given = header !== undefined && /^\d+$/.test(header.trim()) ? Number(header.trim()) : undefined;
      const waitS = previousWaitS === undefined ? (given ?? DEFAULT_WAIT_S) : Math.max(given ?? 0, previousWaitS * 2);
      previousWaitS = waitS;
      await this.sleep(waitS * 1000);
      if (this.cancelled) return reply;
    }
  }

  cancel(): void {
    this.cancelled = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    for (const wake of this.wakers) wake();
    this.wakers.clear();
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = (): void => {
        this.timers.delete(timer);
        this.wakers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.timers.add(timer);
      this.wakers.add(wake);
    });
  }
}
