import { bodyKind, readScimError } from './shapes';
import type { ScimReply } from './types';

/**
 * Names what went wrong with one SCIM answer in words an admin can act on. Each kind needs a
 * different fix: network (reachability), token (credentials), server-error (the vendor's side),
 * not-json (wrong URL, usually), status (the vendor refused this particular request).
 */
export type ReplyVerdict =
  | { kind: 'ok'; warnings: string[] }
  | { kind: 'network' | 'token' | 'server-error' | 'not-json' | 'status'; text: string };

export function judgeReply(reply: ScimReply, expected: readonly number[]): ReplyVerdict {
  const { exchange } = reply;
  if (exchange.error !== undefined) return { kind: 'network', text: exchange.error };
  if (reply.status === 401 || reply.status === 403) {
    return {
      kind: 'token',
      text: `Token refused: the vendor answered HTTP ${reply.status}${remoteDetail(reply)}. Check the bearer token the vendor issued for SCIM; Okta sends it as "Authorization: Bearer <token>".`,
    };
  }
  if (!expected.includes(reply.status)) {
    if (reply.status >= 300 && reply.status < 400) {
      const location = exchange.responseHeaders.location;
      return {
        kind: 'status',
        text: `Redirected (HTTP ${reply.status})${location ? ` to ${location}` : ''}: a redirected POST or PUT loses its body, so set the SCIM base URL to the final address instead.`,
      };
    }
    if (reply.status >= 500)
      return {
        kind: 'server-error',
        text: `Server error: the vendor answered HTTP ${reply.status}${remoteDetail(reply)}.`,
      };
    return {
      kind: 'status',
      text: `Expected HTTP ${expected.join(' or ')}, got ${reply.status}${remoteDetail(reply)}.`,
    };
  }
  const kind = bodyKind(reply.contentType, reply.body);
  const type = reply.contentType === '' ? 'no Content-Type' : reply.contentType;
  switch (kind) {
    case 'html':
      return {
        kind: 'not-json',
        text: `HTML instead of JSON (${type}): the base URL seems to point at a web page or sign-in page, not the vendor's SCIM API.`,
      };
    case 'text':
      return { kind: 'not-json', text: `Not JSON (${type}): ${excerpt(reply.body)}` };
    case 'invalid-json':
      return { kind: 'not-json', text: `Invalid JSON labelled ${type}: ${excerpt(reply.body)}` };
    case 'json-mislabelled':
      return {
        kind: 'ok',
        warnings: [
          `The JSON answer is labelled ${type}; send Content-Type application/scim+json (or application/json).`,
        ],
      };
    case 'empty':
    case 'scim-json':
    case 'json':
      return { kind: 'ok', warnings: [] };
  }
}

/** The vendor's own explanation, as Okta would quote it ("Errors reported by remote server: …"). */
export function remoteDetail(reply: ScimReply): string {
  const error = readScimError(reply.body);
  if (error) {
    const parts = [error.scimType, error.detail].filter((p): p is string => typeof p === 'string' && p !== '');
    return parts.length > 0 ? ` (${parts.join(': ')})` : '';
  }
  return reply.body === undefined ? '' : ` (${excerpt(reply.body)})`;
}

export function excerpt(body: unknown, max = 160): string {
  const text = (typeof body === 'string' ? body : JSON.stringify(body)).replace(/\s+/g, ' ').trim();
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
