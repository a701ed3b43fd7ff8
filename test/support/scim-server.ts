import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders, Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import SCIMMY from 'scimmy';
import SCIMMYRouters from 'scimmy-routers';
import type { ScimUser } from '../../src-main/scim/types';

export interface RecordedScimRequest {
  method: string;
  /** Path and query as received, e.g. `/scim/v2/Users?filter=...`. */
  path: string;
  headers: Record<string, string>;
  body: unknown;
}

export interface ScimTestServer {
  /** e.g. `http://127.0.0.1:41234/scim/v2` — what an admin pastes as the SCIM connector base URL. */
  baseUrl: string;
  users(): ScimUser[];
  requests: RecordedScimRequest[];
  close(): Promise<void>;
}

/** The scimmy server, which can also play a vendor slow to answer. */
export interface ScimmyTestServer extends ScimTestServer {
  /**
   * Holds every user create (POST /Users) until `release()`: a vendor slow to answer, so a test can
   * see what the wizard shows while it waits. Other requests are answered as usual.
   */
  holdCreates(): { release(): void };
}

/** The slice of express 5 this server uses; the project carries no @types/express. */
interface ExpressRequest {
  method: string;
  originalUrl: string;
  headers: IncomingHttpHeaders;
  body?: unknown;
}
interface ExpressApp {
  use(...handlers: unknown[]): void;
  listen(port: number, host: string, ready: () => void): Server;
}
interface ExpressModule {
  (): ExpressApp;
  json(options: { type: string[] }): unknown;
}
const express = createRequire(import.meta.url)('express') as ExpressModule;

type StoredUser = ScimUser & { id: string; meta: { created: string; lastModified: string } };

/**
 * How the server evaluates `filter`:
 * - `standard`: as RFC 7643/7644 say (userName is caseExact:false, so `eq` on it ignores case)
 * - `ignored`: lists every user whatever the filter says (a vendor without filter support)
 * - `case-sensitive`: scimmy's own `eq`, an exact string comparison, also on userName
 */
export type FilterBehaviour = 'standard' | 'ignored' | 'case-sensitive';

interface Store {
  users: Map<string, StoredUser>;
  filtering: FilterBehaviour;
}

/**
 * SCIMMY keeps declared resources in module-level state, so one set of handlers serves every
 * server in the process; each request carries its own server's store through the router context.
 */
function declareUsersOnce(): void {
  if (SCIMMY.Resources.declared('User')) return;
  // Vendors such as Courier take a top-level `role` string in the core User namespace.
  SCIMMY.Schemas.User.extend([new SCIMMY.Types.Attribute('string', 'role')]);
  SCIMMY.Resources.declare(SCIMMY.Resources.User.extend(SCIMMY.Schemas.EnterpriseUser, false))
    .egress((resource, ctx: unknown) => {
      const users = [...storeOf(ctx).users.values()];
      if (resource.id !== undefined) {
        const user = storeOf(ctx).users.get(resource.id);
        if (!user) throw new SCIMMY.Types.Error(404, '', `Resource ${resource.id} not found`);
        return user;
      }
      const { filtering } = storeOf(ctx);
      if (!resource.filter || filtering === 'ignored') return users;
      if (filtering === 'case-sensitive') return resource.filter.match(users);
      return matchIgnoringUserNameCase(resource.filter, users);
    })
    .ingress((resource, instance, ctx: unknown) => {
      const { users } = storeOf(ctx);
      const data = JSON.parse(JSON.stringify(instance)) as ScimUser;
      const taken = [...users.values()].find(
        (u) => u.userName.toLowerCase() === data.userName.toLowerCase() && u.id !== resource.id,
      );
      if (taken) throw new SCIMMY.Types.Error(409, 'uniqueness', `userName ${data.userName} is already taken`);
      const now = new Date().toISOString();
      const previous = resource.id === undefined ? undefined : users.get(resource.id);
      if (resource.id !== undefined && !previous)
        throw new SCIMMY.Types.Error(404, '', `Resource ${resource.id} not found`);
      const id = previous?.id ?? randomUUID();
      const stored: StoredUser = { ...data, id, meta: { created: previous?.meta.created ?? now, lastModified: now } };
      users.set(id, stored);
      return stored;
    })
    .degress((resource, ctx: unknown) => {
      if (resource.id === undefined || !storeOf(ctx).users.delete(resource.id)) {
        throw new SCIMMY.Types.Error(404, '', `Resource ${resource.id ?? ''} not found`);
      }
    });
}

type Expression = Record<string, unknown>;

/** userName comparisons ignore case (RFC 7643 §4.1.1: caseExact false); other attributes keep scimmy's rules. */
export function matchIgnoringUserNameCase<T extends { id: string; userName: string }>(
  filter: SCIMMY.Types.Filter,
  users: T[],
): T[] {
  const lower = (value: unknown): unknown =>
    typeof value === 'string' ? value.toLowerCase() : Array.isArray(value) ? value.map(lower) : value;
  const expressions = (filter as unknown as Expression[]).map((expression) =>
    Object.fromEntries(
      Object.entries(expression).map(([name, test]) => [name, name.toLowerCase() === 'username' ? lower(test) : test]),
    ),
  );
  const folded = users.map((user) => ({ ...user, userName: user.userName.toLowerCase() }));
  const hits = new Set((new SCIMMY.Types.Filter(expressions).match(folded) as T[]).map((user) => user.id));
  return users.filter((user) => hits.has(user.id));
}

function storeOf(ctx: unknown): Store {
  if (ctx !== null && typeof ctx === 'object' && 'users' in ctx && ctx.users instanceof Map && 'filtering' in ctx)
    return ctx as Store;
  throw new Error('scim-server: request context carries no user store');
}

/** A real SCIM 2.0 service provider (scimmy + scimmy-routers on express 5) on 127.0.0.1, port 0. */
export async function startScimServer(opts: { token: string; filtering?: FilterBehaviour }): Promise<ScimmyTestServer> {
  declareUsersOnce();
  const store: Store = { users: new Map(), filtering: opts.filtering ?? 'standard' };
  const requests: RecordedScimRequest[] = [];
  const app = express();
  app.use(express.json({ type: ['application/scim+json', 'application/json'] }));
  // Express 5 re-parses req.query on every read, which silently undoes scimmy-routers' cast of
  // startIndex/count to numbers (so `count` would be ignored); a plain property keeps the cast.
  app.use((req: ExpressRequest & { query: unknown }, _res: unknown, next: () => void) => {
    Object.defineProperty(req, 'query', {
      value: { ...(req.query as object) },
      writable: true,
      configurable: true,
      enumerable: true,
    });
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers[name] = value;
    requests.push({ method: req.method, path: req.originalUrl, headers, body: req.body as unknown });
    next();
  });
  let held: Promise<void> | undefined;
  app.use(async (req: ExpressRequest, _res: unknown, next: () => void) => {
    if (held && req.method === 'POST' && /\/Users\/?$/.test(req.originalUrl.split('?')[0] ?? '')) await held;
    next();
  });
  app.use(
    '/scim/v2',
    new SCIMMYRouters({
      type: 'bearer',
      handler: (req: { header(name: string): string | undefined }) => {
        if (req.header('Authorization') !== `Bearer ${opts.token}`) throw new Error('Bearer token not recognised');
        return 'okta-provisioning';
      },
      context: () => store,
    }),
  );
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/scim/v2`,
    users: () => [...store.users.values()].map((u) => structuredClone(u)),
    requests,
    holdCreates: () => {
      let release = () => undefined as void;
      held = new Promise<void>((resolve) => (release = resolve));
      return {
        release: () => {
          held = undefined;
          release();
        },
      };
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
