import type { IncomingHttpHeaders } from 'node:http';
import type { Caller } from './auth';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * What a route needs from the caller.
 * - `none`: public (metadata, OAuth endpoints, the SSO page); no Authorization is read.
 * - `self`: any valid API credential; OAuth tokens need `okta.users.read.self` or `okta.users.read`
 *   (what `/users/me` takes).
 * - a resource: an admin credential; GET needs `okta.<resource>.read` or `.manage`, other methods
 *   `.manage`; reads need any admin role, writes a role that may change that resource.
 */
export type RouteAuth = 'none' | 'self' | ApiResource;
export type ApiResource = 'apps' | 'users' | 'groups' | 'schemas' | 'roles';

export interface SandboxRequest {
  method: HttpMethod;
  /** Absolute URL of the request against the org's own base URL. */
  url: URL;
  /** Values of the `{name}` segments of the route's path. */
  params: Record<string, string>;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** The body as received (JSON, form-encoded or empty). */
  rawBody: string;
  /** `rawBody` parsed as JSON when it is JSON, else `undefined`; routes narrow it with zod. */
  body: unknown;
  /** Who called; `undefined` only on `auth: 'none'` routes. */
  caller: Caller | undefined;
}

/** A JSON, text or empty answer; `headers` are added to the standard ones (rate limit, CORS-free). */
export type SandboxResponse =
  | { status: number; json: unknown; headers?: Record<string, string> }
  | { status: number; text: string; contentType: string; headers?: Record<string, string> }
  | { status: number; headers?: Record<string, string> };

export type RouteHandler = (req: SandboxRequest) => SandboxResponse | Promise<SandboxResponse>;

export interface RouteDefinition {
  method: HttpMethod;
  /** OpenAPI-style template: `/api/v1/apps/{appId}/users/{userId}`. */
  path: string;
  auth: RouteAuth;
  /** Counted by `writeCount()`; defaults to true for non-GET methods. */
  mutating?: boolean;
  handler: RouteHandler;
}

interface CompiledRoute {
  route: RouteDefinition;
  segments: string[];
}

export type RouteMatch =
  | { kind: 'found'; route: RouteDefinition; params: Record<string, string> }
  | { kind: 'method-not-allowed' }
  | { kind: 'not-found' };

/** Routes keyed by segment count so a lookup only compares paths that could match. */
export class Router {
  private readonly bySegmentCount = new Map<number, CompiledRoute[]>();

  add(...routes: RouteDefinition[]): void {
    for (const route of routes) {
      const segments = route.path.split('/').filter((s) => s.length > 0);
      const list = this.bySegmentCount.get(segments.length) ?? [];
      list.push({ route, segments });
      this.bySegmentCount.set(segments.length, list);
    }
  }

  match(method: string, pathname: string): RouteMatch {
    const parts = pathname.split('/').filter((s) => s.length > 0);
    const candidates = this.bySegmentCount.get(parts.length) ?? [];
    let pathMatched = false;
    let best: { route: RouteDefinition; params: Record<string, string>; literals: number } | undefined;
    for (const { route, segments } of candidates) {
      const params = matchSegments(segments, parts);
      if (!params) continue;
      pathMatched = true;
      if (route.method !== method) continue;
      const literals = segments.filter((s) => !s.startsWith('{')).length;
      // A literal segment beats a parameter: /users/me before /users/{id}.
      if (!best || literals > best.literals) best = { route, params, literals };
    }
    if (best) return { kind: 'found', route: best.route, params: best.params };
    return pathMatched ? { kind: 'method-not-allowed' } : { kind: 'not-found' };
  }
}

function matchSegments(template: string[], parts: string[]): Record<string, string> | undefined {
  const params: Record<string, string> = {};
  for (let i = 0; i < template.length; i += 1) {
    const t = template[i]!;
    const p = parts[i]!;
    if (t.startsWith('{') && t.endsWith('}')) {
      let value: string;
      try {
        value = decodeURIComponent(p);
      } catch {
        return undefined;
      }
      params[t.slice(1, -1)] = value;
    } else if (t !== p) {
      return undefined;
    }
  }
  return params;
}

export function isMutating(route: RouteDefinition): boolean {
  return route.mutating ?? route.method !== 'GET';
}

export function json(status: number, body: unknown, headers?: Record<string, string>): SandboxResponse {
  return headers ? { status, json: body, headers } : { status, json: body };
}

export function noContent(): SandboxResponse {
  return { status: 204 };
}
