import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ChannelMap } from '../api/channel';
import { contentSecurityPolicy } from '../api/csp';
import type { ApiFailure } from '../api/failure';
import { isAppError } from '../errors';
import { readBody } from '../http/read-body';
import { dispatch, toFailure } from '../services/dispatch';
import { checkJsonText, requestLimits } from '../services/request-limits';
import { hasToken, isAllowedOrigin, isLoopbackHost } from './guard';
import { bridgeLogLine, type BridgeLogEntry } from './log';
import { readStatic } from './static-files';

export { bridgeLogLine, type BridgeLogEntry } from './log';

export interface BridgeOptions {
  channels: ChannelMap;
  handlers: object;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  port?: number;
  /** Fixed token for tests; random per launch otherwise. */
  token?: string;
  /** Receives one entry per failed request (never a body, header or the token); stderr by default. */
  log?: (entry: BridgeLogEntry) => void;
}

export interface Bridge {
  /** The URL to open, token in the fragment so it never reaches a server log or Referer. */
  url: string;
  origin: string;
  token: string;
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
  res.end(text);
}

/**
 * Browser mode: the same channel map as the preload, over HTTP on 127.0.0.1 only. Every API call
 * needs the per-launch token; Host and Origin must be this loopback server. Every failure is
 * answered as `{ ok: false, error: { code, message, hint } }` and logged.
 */
export async function startBridge(options: BridgeOptions): Promise<Bridge> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const log = options.log ?? ((entry: BridgeLogEntry) => process.stderr.write(`${bridgeLogLine(entry)}\n`));
  // The token is the one secret the bridge itself holds; no log line may carry it.
  const redact = (text: string) => text.split(token).join('[token]');
  let port = 0;

  function fail(
    res: ServerResponse,
    status: number,
    failure: ApiFailure,
    context: { method: string; path: string; channel?: string; cause?: unknown },
    headers: Record<string, string> = {},
  ): void {
    const cause = context.cause instanceof Error ? (context.cause.stack ?? context.cause.message) : undefined;
    log({
      status,
      code: failure.code,
      method: context.method,
      path: redact(context.path),
      ...(context.channel !== undefined ? { channel: redact(context.channel) } : {}),
      message: redact(failure.message),
      ...(cause ? { cause: redact(cause) } : {}),
    });
    if (res.headersSent) {
      res.destroy();
      return;
    }
    send(res, status, { ok: false, error: failure }, headers);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      fail(res, 500, internal(), { method: req.method ?? '', path: pathOf(req), cause: error });
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const context = { method: req.method ?? '', path: pathOf(req) };
    if (!isLoopbackHost(req.headers.host, port)) {
      fail(res, 403, failure('FORBIDDEN_HOST', 'Host must be 127.0.0.1 or localhost on this port.'), context);
      return;
    }
    if (!isAllowedOrigin(req.headers.origin, port)) {
      fail(res, 403, failure('FORBIDDEN_ORIGIN', 'Cross-origin requests are refused.'), context);
      return;
    }
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    if (url.pathname.startsWith('/api/')) {
      if (!hasToken(req.headers, token)) {
        fail(
          res,
          401,
          failure('BRIDGE_TOKEN_REJECTED', 'Missing or wrong bridge token.', 'Open the URL printed at start-up.'),
          context,
          { 'WWW-Authenticate': 'Bearer realm="okta-onboard"' },
        );
        return;
      }
      if (req.method !== 'POST') {
        fail(res, 405, failure('METHOD_NOT_ALLOWED', 'Use POST.'), context, { Allow: 'POST' });
        return;
      }
      const wireName = decodeWireName(url.pathname.slice('/api/'.length));
      const channelContext = { ...context, channel: wireName ?? url.pathname.slice('/api/'.length) };
      if (wireName === undefined) {
        fail(res, 404, unknownChannel(channelContext.channel), channelContext);
        return;
      }
      let raw: string;
      try {
        raw = await readBody(req, requestLimits.maxBytes);
      } catch (error) {
        if (!isAppError(error)) throw error;
        fail(res, 413, toFailure(error), channelContext, { Connection: 'close' });
        return;
      }
      let request: unknown;
      try {
        checkJsonText(raw);
      } catch (error) {
        const refused = toFailure(error);
        fail(res, refused.code === 'REQUEST_TOO_LARGE' ? 413 : 400, refused, channelContext);
        return;
      }
      try {
        request = raw.trim() === '' ? {} : JSON.parse(raw);
      } catch {
        fail(
          res,
          400,
          failure('INVALID_REQUEST', 'The request body is not JSON.', 'Send a JSON object.'),
          channelContext,
        );
        return;
      }
      const result = await dispatch(options.channels, options.handlers, wireName, request, (_wire, error) =>
        log({
          status: 200,
          code: 'INTERNAL',
          method: context.method,
          path: redact(context.path),
          channel: redact(channelContext.channel),
          message: 'The handler threw an unexpected error.',
          cause: redact(error instanceof Error ? (error.stack ?? error.message) : String(error)),
        }),
      );
      if (result.ok) {
        send(res, 200, result);
      } else if (result.error.code === 'UNKNOWN_CHANNEL') {
        fail(res, 404, result.error, channelContext);
      } else {
        // A typed answer the screen shows (validation, Okta said no...): 200 like every reply.
        log({
          status: 200,
          code: result.error.code,
          method: context.method,
          path: redact(context.path),
          channel: redact(channelContext.channel),
          message: redact(result.error.message),
        });
        send(res, 200, result);
      }
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      fail(res, 405, failure('METHOD_NOT_ALLOWED', 'Method not allowed.'), context, { Allow: 'GET, HEAD' });
      return;
    }
    const file =
      (await readStatic(options.rendererDir, url.pathname)) ??
      (url.pathname.includes('.') ? undefined : await readStatic(options.rendererDir, '/'));
    if (!file) {
      fail(res, 404, failure('NOT_FOUND', 'Not found.'), context);
      return;
    }
    res.writeHead(200, {
      'Content-Type': file.type,
      'Content-Security-Policy': contentSecurityPolicy,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': file.type.startsWith('text/html') ? 'no-store' : 'public, max-age=31536000, immutable',
    });
    res.end(req.method === 'HEAD' ? undefined : file.body);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/#token=${token}`,
    origin,
    token,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function failure(
  code: string,
  message: string,
  hint = 'Reload the page; if it keeps happening, restart the app.',
): ApiFailure {
  return { code, message, hint };
}

function unknownChannel(name: string): ApiFailure {
  return failure(
    'UNKNOWN_CHANNEL',
    `There is no "${name.slice(0, 100)}" operation.`,
    'The renderer and main are out of step; reload the page.',
  );
}

function internal(): ApiFailure {
  return failure(
    'INTERNAL',
    'Something went wrong inside the app; it was logged.',
    'Try again; if it keeps happening, report it with the step you were on.',
  );
}

/** The path without its query: a query string could carry anything, and the log keeps no data. */
function pathOf(req: IncomingMessage): string {
  const raw = req.url ?? '/';
  const query = raw.indexOf('?');
  return (query < 0 ? raw : raw.slice(0, query)).slice(0, 200);
}

/** A channel name with a bad %-escape is no channel: undefined, answered as UNKNOWN_CHANNEL. */
function decodeWireName(encoded: string): string | undefined {
  try {
    return decodeURIComponent(encoded);
  } catch {
    return undefined;
  }
}
