import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ChannelMap } from '../api/channel';
import { contentSecurityPolicy } from '../api/csp';
import { readBody } from '../http/read-body';
import { dispatch } from '../services/dispatch';
import { hasToken, isAllowedOrigin, isLoopbackHost } from './guard';
import { readStatic } from './static-files';

export interface BridgeOptions {
  channels: ChannelMap;
  handlers: object;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  port?: number;
  /** Fixed token for tests; random per launch otherwise. */
  token?: string;
  onUnexpected?: (wireName: string, error: unknown) => void;
}

export interface Bridge {
  /** The URL to open, token in the fragment so it never reaches a server log or Referer. */
  url: string;
  origin: string;
  token: string;
  close(): Promise<void>;
}

const maxBody = 5 * 1024 * 1024;

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
  res.end(text);
}

/**
 * Browser mode: the same channel map as the preload, over HTTP on 127.0.0.1 only. Every API call
 * needs the per-launch token; Host and Origin must be this loopback server.
 */
export async function startBridge(options: BridgeOptions): Promise<Bridge> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  let port = 0;
  const server = createServer((req, res) => {
    void handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, { error: 'internal' });
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!isLoopbackHost(req.headers.host, port)) {
      send(res, 403, { error: 'Host must be 127.0.0.1 or localhost on this port.' });
      return;
    }
    if (!isAllowedOrigin(req.headers.origin, port)) {
      send(res, 403, { error: 'Cross-origin requests are refused.' });
      return;
    }
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    if (url.pathname.startsWith('/api/')) {
      if (!hasToken(req.headers, token)) {
        send(
          res,
          401,
          { error: 'Missing or wrong bridge token. Open the URL printed at start-up.' },
          { 'WWW-Authenticate': 'Bearer realm="okta-onboard"' },
        );
        return;
      }
      if (req.method !== 'POST') {
        send(res, 405, { error: 'Use POST.' }, { Allow: 'POST' });
        return;
      }
      let raw: string;
      try {
        raw = await readBody(req, maxBody);
      } catch {
        send(res, 413, { error: 'Request body over 5 MB.' });
        return;
      }
      let request: unknown;
      try {
        request = raw.trim() === '' ? {} : JSON.parse(raw);
      } catch {
        send(res, 400, {
          ok: false,
          error: { code: 'INVALID_REQUEST', message: 'The request body is not JSON.', hint: 'Send a JSON object.' },
        });
        return;
      }
      const wireName = decodeURIComponent(url.pathname.slice('/api/'.length));
      const result = await dispatch(options.channels, options.handlers, wireName, request, options.onUnexpected);
      const status = !result.ok && result.error.code === 'UNKNOWN_CHANNEL' ? 404 : 200;
      send(res, status, result);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(res, 405, { error: 'Method not allowed.' });
      return;
    }
    const file =
      (await readStatic(options.rendererDir, url.pathname)) ??
      (url.pathname.includes('.') ? undefined : await readStatic(options.rendererDir, '/'));
    if (!file) {
      send(res, 404, { error: 'Not found.' });
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
