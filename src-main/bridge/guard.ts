import { timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Host must name this server on loopback: defeats DNS rebinding of a public name to 127.0.0.1. */
export function isLoopbackHost(hostHeader: string | undefined, port: number): boolean {
  if (!hostHeader) return false;
  try {
    const url = new URL(`http://${hostHeader}`);
    return loopbackHosts.has(url.hostname) && Number(url.port || '80') === port;
  } catch {
    return false;
  }
}

/** A browser always sends Origin on cross-site POSTs; only this server's own origin may call. */
export function isAllowedOrigin(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return true;
  try {
    const url = new URL(origin);
    return url.protocol === 'http:' && loopbackHosts.has(url.hostname) && Number(url.port || '80') === port;
  } catch {
    return false;
  }
}

export function hasToken(headers: IncomingHttpHeaders, token: string): boolean {
  const header = headers.authorization;
  if (!header?.startsWith('Bearer ')) return false;
  const given = Buffer.from(header.slice('Bearer '.length));
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
