import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { authenticate, lookupAccessToken, type AccessTokenValidator, type Caller } from './auth';
import type { SandboxContext, SandboxPlugin } from './context';
import {
  internalError,
  malformedBody,
  methodNotAllowed,
  newRequestId,
  notFound,
  OktaApiError,
  rateLimited,
} from './errors';
import { decideFault, type FaultKind, type FaultOptions } from './faults';
import { builtInPlugins } from './plugins';
import { RateLimiter, type RateLimitOptions } from './rate-limit';
import { readBody } from '../http/read-body';
import { isMutating, json, Router, type HttpMethod, type SandboxResponse } from './router';
import { seedOrg, type SeedOptions, type SeededIdentities } from './seed';
import type { OrgState } from './state';

/**
 * An injected 429 stands for Okta's concurrency limit: its headers then report the concurrent
 * values (limit 75 for Enterprise and Workforce orgs, none remaining, a reset that is only an
 * estimate), not the per-minute bucket (Okta's "Additional rate limits" page).
 */
function concurrencyHeaders(nowMs: number): Record<string, string> {
  return {
    'x-rate-limit-limit': '75',
    'x-rate-limit-remaining': '0',
    'x-rate-limit-reset': String(Math.ceil(nowMs / 1000)),
  };
}

export interface SandboxOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** `false`: only the two admins and their tokens; otherwise the realistic org, or a generated one. */
  seed?: SeedOptions | false;
  /** Default 6000/min: generous so tests only meet 429 when they ask for it. */
  rateLimit?: RateLimitOptions;
  /**
   * The org's clock (ms since the epoch) for rate-limit windows and the Date header; a benchmark
   * speeds it up to run an hour of rate-limited work in minutes, with the client on the same clock.
   */
  clock?: () => number;
  faults?: FaultOptions;
  /** The Super Admin's SSWS token; random unless given. */
  apiToken?: string;
  /** Plugins installed after the built-in Management API routes. */
  plugins?: SandboxPlugin[];
  /** An org saved earlier (practice orgs across launches), instead of seeding a new one. */
  restore?: { state: OrgState; identities: SeededIdentities };
  /** Called after every Management API write the org counted, e.g. to save a practice org. */
  onWrite?: () => void;
}

export interface RequestLogEntry {
  method: string;
  path: string;
  status: number;
  /** A write the org counted (POST/PUT/DELETE on a mutating route that reached its handler). */
  mutating: boolean;
  /** The injected fault, if any, and the injected delay. */
  fault?: Exclude<FaultKind, 'none'>;
  delayMs?: number;
  /** Message of an unexpected exception (answered 500), to debug the sandbox itself. */
  failure?: string;
}

export interface SandboxOrg extends SeededIdentities {
  /** `http://127.0.0.1:PORT`, no trailing slash. */
  url: string;
  state: OrgState;
  context: SandboxContext;
  setFaults(faults: FaultOptions | undefined): void;
  setRateLimit(options: RateLimitOptions): void;
  /** Mutating Management API calls so far: a second, idempotent apply must not raise it. */
  writeCount(): number;
  /** Requests in arrival order (the latest 10,000 to 20,000 of them). */
  requestLog(): readonly RequestLogEntry[];
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 5 * 1024 * 1024;
/** The log keeps the latest requests only, so a sandbox left running for days stays small. */
const LOG_LIMIT = 10_000;
const DEFAULT_RATE_LIMIT = 6000;

export async function createSandboxOrg(options: SandboxOptions = {}): Promise<SandboxOrg> {
  const router = new Router();
  let baseUrl = '';
  let validator: AccessTokenValidator = lookupAccessToken;
  let faults = options.faults;
  const cleanups: (() => void | Promise<void>)[] = [];
  let log: RequestLogEntry[] = [];
  let writes = 0;
  const record = (entry: RequestLogEntry): void => {
    log.push(entry);
    if (log.length > LOG_LIMIT * 2) log = log.slice(-LOG_LIMIT);
  };
  const now = options.clock ?? Date.now;
  const limiter = new RateLimiter(options.rateLimit ?? { perMinute: DEFAULT_RATE_LIMIT }, now);
  const { state, identities } = options.restore ?? seedOrg(options.seed, options.apiToken);

  const context: SandboxContext = {
    state,
    router,
    get baseUrl() {
      return baseUrl;
    },
    setAccessTokenValidator(v) {
      validator = v;
    },
    onClose(cleanup) {
      cleanups.push(cleanup);
    },
  };
  for (const plugin of [...builtInPlugins, ...(options.plugins ?? [])]) plugin.install(context);
  // Sandbox-only: lets a test in another process (browser-mode e2e) count writes at the org itself.
  router.add({
    method: 'GET',
    path: '/sandbox/v1/stats',
    auth: 'apps',
    handler: () => json(200, { writeCount: writes }),
  });

  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, errorResponse(internalError()));
      record({ method: req.method ?? '', path: req.url ?? '', status: 500, mutating: false, failure: String(error) });
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', baseUrl);
    const method = (req.method ?? 'GET').toUpperCase();
    const rawBody = await readBody(req, MAX_BODY_BYTES);
    const entry: RequestLogEntry = { method, path: url.pathname + url.search, status: 0, mutating: false };
    record(entry);
    const scripted = await faults?.script?.(method, url.pathname);
    const fault = scripted === undefined ? decideFault(faults, method, url.pathname) : { kind: scripted, delayMs: 0 };
    const reply = (response: SandboxResponse): void => {
      entry.status = response.status;
      // The org did the work; only the answer is lost on the way back.
      if (fault.kind === 'lost-answer') req.socket.destroy();
      else send(res, response, now);
    };

    if (fault.kind !== 'none') entry.fault = fault.kind;
    if (fault.delayMs > 0) {
      entry.delayMs = fault.delayMs;
      await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
    }
    if (fault.kind === 'drop') {
      req.socket.destroy();
      return;
    }
    const isApi = url.pathname.startsWith('/api/');
    const token = req.headers.authorization ?? '';
    const rate = isApi ? limiter.take(method, url.pathname, token) : undefined;
    if (rate) res.once('close', rate.done);
    const rateHeaders = rate?.headers ?? {};
    if (fault.kind === 'rate-limit') return reply(errorResponse(rateLimited(), concurrencyHeaders(now())));
    if (rate && !rate.allowed) return reply(errorResponse(rateLimited(), rateHeaders));
    if (fault.kind === 'server-error') return reply(errorResponse(internalError(), rateHeaders));

    const match = router.match(method, url.pathname);
    if (match.kind === 'not-found') return reply(errorResponse(notFound(url.pathname, 'Endpoint'), rateHeaders));
    if (match.kind === 'method-not-allowed') return reply(errorResponse(methodNotAllowed(), rateHeaders));
    const { route, params } = match;
    try {
      let caller: Caller | undefined;
      if (route.auth !== 'none') {
        caller = await authenticate(
          { auth: route.auth, method: route.method, url, headers: req.headers, orgUrl: baseUrl },
          state,
          validator,
        );
      }
      const body = parseBody(rawBody, req.headers['content-type']);
      entry.mutating = isApi && isMutating(route);
      if (entry.mutating) writes += 1;
      const response = await route.handler({
        method: method as HttpMethod,
        url,
        params,
        query: url.searchParams,
        headers: req.headers,
        rawBody,
        body,
        caller,
      });
      reply({ ...response, headers: { ...rateHeaders, ...response.headers } });
      if (entry.mutating && response.status < 400) options.onWrite?.();
    } catch (error) {
      if (!(error instanceof OktaApiError)) throw error;
      reply(errorResponse(error, rateHeaders));
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    ...identities,
    url: baseUrl,
    state,
    context,
    setFaults(next) {
      faults = next;
    },
    setRateLimit(next) {
      limiter.configure(next);
    },
    writeCount: () => writes,
    requestLog: () => log,
    async close() {
      for (const cleanup of cleanups) await cleanup();
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** JSON bodies become values; anything else (forms, XML) stays in `rawBody` only. */
function parseBody(rawBody: string, contentType: string | undefined): unknown {
  if (rawBody.trim() === '') return undefined;
  const looksJson = contentType === undefined ? /^\s*[[{]/.test(rawBody) : contentType.includes('json');
  if (!looksJson) return undefined;
  try {
    return JSON.parse(rawBody) as unknown;
  } catch {
    throw malformedBody();
  }
}

function errorResponse(error: OktaApiError, extraHeaders: Record<string, string> = {}): SandboxResponse {
  const headers = { ...extraHeaders, ...error.headers };
  return error.body ? { status: error.status, json: error.body, headers } : { status: error.status, headers };
}

function send(res: ServerResponse, response: SandboxResponse, now: () => number = Date.now): void {
  const headers: Record<string, string> = {
    date: new Date(now()).toUTCString(),
    'x-okta-request-id': newRequestId(),
    ...response.headers,
  };
  let payload: string | undefined;
  if ('json' in response) {
    payload = JSON.stringify(response.json);
    headers['content-type'] = 'application/json';
  } else if ('text' in response) {
    payload = response.text;
    headers['content-type'] = response.contentType;
  }
  if (payload !== undefined) headers['content-length'] = String(Buffer.byteLength(payload));
  else if (response.status !== 204 && response.status !== 304) headers['content-length'] = '0';
  res.writeHead(response.status, headers);
  res.end(payload);
}
