import type { RequestEvent, RequestStats } from './org-api';
import { RatePacer, realClock, type PacerClock, type RateHeaders } from './rate-pacer';

/** Sets the Authorization (and DPoP) headers for one request; called again on every attempt. */
export interface Authorizer {
  headersFor(method: string, url: string): Promise<Record<string, string>>;
  /** Called once after a 401: drop a cached access token so the next attempt fetches a new one. */
  invalidate?(): void;
}

/** One call as OktaHttp hands it to the policy. */
export interface PolicyRequest {
  url?: string;
  method?: string;
  headers?: Record<string, unknown>;
  body?: unknown;
}

export interface PolicyOptions {
  orgUrl: string;
  authorizer: Authorizer;
  pacer: RatePacer;
  clock?: PacerClock;
  /** Attempts for one call, counting the first. */
  maxAttempts?: number;
  /** First back-off after a 5xx or dropped connection; doubles each time, with jitter. */
  baseDelayMs?: number;
  fetchImpl?: typeof fetch;
  /** One attempt gives up after this long; a read is then retried, a write reported. */
  attemptTimeoutMs?: number;
  /**
   * How long one request may wait out 429s in all before its 429 is handed back. Okta's windows
   * are a minute, so this is many windows: only an org that never lets the call through hits it.
   */
  maxRateLimitWaitMs?: number;
}

/**
 * Re-sent after a 5xx or a dropped connection: reads, and the idempotent writes (RFC 9110 §9.2.2).
 * Okta's PUTs replace the whole resource and its DELETEs remove one, so a second copy changes
 * nothing the first did not; a POST may create twice and is never re-sent blindly.
 */
const RETRYABLE_METHODS = new Set(['GET', 'HEAD', 'PUT', 'DELETE']);

function header(response: Response, name: string): number | undefined {
  const value = response.headers.get(name);
  if (value === null || value.includes(',')) return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}

export function rateHeaders(response: Response): RateHeaders {
  const date = response.headers.get('date');
  const serverDate = date === null ? undefined : Date.parse(date);
  return {
    limit: header(response, 'x-rate-limit-limit'),
    remaining: header(response, 'x-rate-limit-remaining'),
    reset: header(response, 'x-rate-limit-reset'),
    serverDate: serverDate !== undefined && Number.isFinite(serverDate) ? serverDate : undefined,
  };
}

function toHeaderRecord(headers: Record<string, unknown> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(headers ?? {})) {
    if (typeof value === 'string') out[key] = value;
    else if (typeof value === 'number') out[key] = String(value);
  }
  return out;
}

/**
 * Our request policy (unlike the Okta SDK's DefaultRequestExecutor, which retries a 429 twice and
 * never paces ahead): pace from the rate-limit headers, wait out a 429 until its reset (a 429 was
 * not processed, so any method may be re-sent), retry 5xx and dropped connections with jittered
 * back-off for reads and idempotent writes (PUT, DELETE), and never re-send a POST whose outcome
 * is unknown (the audited write reads Okta back instead).
 */
export class RequestPolicy {
  private readonly subscribers = new Set<(event: RequestEvent) => void>();
  private readonly counters: RequestStats = { requests: 0, retries: 0, rateLimited: 0, throttledMs: 0, failed: 0 };
  private readonly clock: PacerClock;
  private readonly maxAttempts: number;
  private readonly baseDelayMs: number;
  private readonly fetchImpl: typeof fetch;
  private readonly attemptTimeoutMs: number;
  private readonly maxRateLimitWaitMs: number;

  constructor(private readonly options: PolicyOptions) {
    this.clock = options.clock ?? realClock;
    this.maxAttempts = options.maxAttempts ?? 6;
    this.baseDelayMs = options.baseDelayMs ?? 200;
    this.fetchImpl = options.fetchImpl ?? fetch;
    this.attemptTimeoutMs = options.attemptTimeoutMs ?? 30_000;
    this.maxRateLimitWaitMs = options.maxRateLimitWaitMs ?? 15 * 60_000;
  }

  subscribe(listener: (event: RequestEvent) => void): () => void {
    this.subscribers.add(listener);
    return () => this.subscribers.delete(listener);
  }

  stats(): RequestStats {
    return { ...this.counters };
  }

  /** This token's per-window limit for the bucket of `method path`, once an answer has shown it. */
  limitOf(method: string, path: string): number | undefined {
    return this.options.pacer.limitOf(path, method);
  }

  private publish(event: RequestEvent): void {
    for (const listener of this.subscribers) listener(event);
  }

  /** Resolves with the final answer after pacing and retries; turning failures into errors is the caller's. */
  async fetch(request: PolicyRequest): Promise<Response> {
    const url = request.url ?? '';
    const method = (request.method ?? 'GET').toUpperCase();
    const parsed = new URL(url);
    const path = `${parsed.pathname}${parsed.search}`;
    const safe = RETRYABLE_METHODS.has(method);
    const { pacer } = this.options;
    let invalidated = false;
    let rateLimitedMs = 0;
    // Attempts count sends that may have reached Okta's handler; a 429 is a send that did not.
    let attempt = 0;
    for (;;) {
      attempt += 1;
      const waited = await pacer.acquire(parsed.pathname, method);
      if (waited > 0) {
        this.counters.throttledMs += waited;
        this.publish({ kind: 'throttle', method, path, status: undefined, attempt, waitMs: waited });
      }
      let auth: Record<string, string>;
      try {
        auth = await this.options.authorizer.headersFor(method, url);
      } catch (error) {
        // Signing in again failed (e.g. the refresh token was revoked): nothing was sent.
        pacer.release(parsed.pathname, method);
        this.counters.failed += 1;
        throw error;
      }
      const headers = { ...toHeaderRecord(request.headers), ...auth };
      let response: Response;
      this.counters.requests += 1;
      try {
        response = await this.fetchImpl(url, {
          method,
          headers,
          body: typeof request.body === 'string' ? request.body : undefined,
          redirect: 'manual',
          signal: AbortSignal.timeout(this.attemptTimeoutMs),
        });
      } catch (error) {
        pacer.release(parsed.pathname, method);
        if (!safe || attempt >= this.maxAttempts) {
          this.counters.failed += 1;
          throw error;
        }
        await this.retryAfter(this.backoff(attempt), method, path, undefined, attempt);
        continue;
      }
      if (response.status === 429) {
        this.counters.rateLimited += 1;
        // A 429 was not processed, so any method may be re-sent, and it never counts as an attempt:
        // a storm of them ends in waiting, not in a failure. Remaining 0 is the window spent;
        // Remaining above 0 is this token's share of the bucket (or Okta's concurrency limit):
        // either way nothing more should leave before the reset the answer names.
        const waitMs = pacer.exhausted(parsed.pathname, rateHeaders(response), method);
        rateLimitedMs += waitMs;
        if (rateLimitedMs > this.maxRateLimitWaitMs) return this.finish(response, method, path, attempt);
        await response.body?.cancel();
        this.counters.throttledMs += waitMs;
        await this.retryAfter(waitMs + Math.random() * 100, method, path, 429, attempt);
        attempt -= 1;
        continue;
      }
      pacer.settle(parsed.pathname, rateHeaders(response), method);
      if (response.status === 401 && !invalidated && this.options.authorizer.invalidate) {
        invalidated = true;
        this.options.authorizer.invalidate();
        await response.body?.cancel();
        await this.retryAfter(0, method, path, 401, attempt);
        continue;
      }
      if (response.status >= 500 && safe && attempt < this.maxAttempts) {
        await response.body?.cancel();
        await this.retryAfter(this.backoff(attempt), method, path, response.status, attempt);
        continue;
      }
      return this.finish(response, method, path, attempt);
    }
  }

  private finish(response: Response, method: string, path: string, attempt: number): Response {
    if (response.status >= 400) this.counters.failed += 1;
    this.publish({ kind: 'response', method, path, status: response.status, attempt, waitMs: 0 });
    return response;
  }

  private backoff(attempt: number): number {
    const ceiling = this.baseDelayMs * 2 ** (attempt - 1);
    return ceiling / 2 + Math.random() * (ceiling / 2);
  }

  private async retryAfter(
    waitMs: number,
    method: string,
    path: string,
    status: number | undefined,
    attempt: number,
  ): Promise<void> {
    this.counters.retries += 1;
    this.publish({ kind: 'retry', method, path, status, attempt, waitMs });
    if (waitMs > 0) await this.clock.sleep(waitMs);
  }
}
