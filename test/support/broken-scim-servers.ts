import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import SCIMMY from 'scimmy';
import { ScimSchemas, type ScimUser } from '../../src-main/scim/types';
import { matchIgnoringUserNameCase, type RecordedScimRequest, type ScimTestServer } from './scim-server';

/**
 * SCIM endpoints that each get one thing wrong, the way real vendors do:
 * - no-filter: ignores `filter` and lists every user (two are already there)
 * - server-error: answers 500 to everything
 * - slow: never answers until closed (beyond any client timeout)
 * - not-scim-json: answers JSON of its own invention, not SCIM
 * - html: answers an HTML sign-in page
 * - duplicate-accepted: creates a second user with a userName already taken
 * - minimal: legitimate but bare — no /ServiceProviderConfig, PATCH 501, DELETE 405
 * - breaks-after-create: creates the user, then answers 503 to everything (an outage mid-run)
 * - empty-create-body: creates the user but answers 201 with no body
 */
export type BrokenScimKind =
  | 'no-filter'
  | 'server-error'
  | 'slow'
  | 'not-scim-json'
  | 'html'
  | 'duplicate-accepted'
  | 'minimal'
  | 'breaks-after-create'
  | 'empty-create-body';

type Stored = ScimUser & { id: string };

const SCIM_JSON = 'application/scim+json; charset=utf-8';

function send(res: ServerResponse, status: number, body?: unknown, contentType = SCIM_JSON): void {
  if (body === undefined) {
    res.writeHead(status).end();
    return;
  }
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(text) }).end(text);
}

function scimError(res: ServerResponse, status: number, detail: string, scimType?: string): void {
  send(res, status, {
    schemas: [ScimSchemas.error],
    status: String(status),
    ...(scimType ? { scimType } : {}),
    detail,
  });
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text === '' ? undefined : (JSON.parse(text) as unknown);
}

function asUser(body: unknown): ScimUser {
  if (body === null || typeof body !== 'object' || !('userName' in body) || typeof body.userName !== 'string')
    throw new Error('not a user');
  return body as ScimUser;
}

function seed(): Map<string, Stored> {
  const users = new Map<string, Stored>();
  for (const userName of ['existing.one@vendor.example', 'existing.two@vendor.example']) {
    const id = randomUUID();
    users.set(id, { schemas: [ScimSchemas.user], id, userName, active: true });
  }
  return users;
}

const SIGN_IN_PAGE =
  '<!DOCTYPE html><html><head><title>Sign in</title></head><body><form action="/login"></form></body></html>';

export async function startBrokenScimServer(kind: BrokenScimKind, opts: { token: string }): Promise<ScimTestServer> {
  const users = kind === 'no-filter' ? seed() : new Map<string, Stored>();
  const requests: RecordedScimRequest[] = [];
  const held: ServerResponse[] = [];
  let broken = false;

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const body = await readJson(req);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers[name] = value;
    requests.push({ method: req.method ?? '', path: `${url.pathname}${url.search}`, headers, body });

    if (kind === 'slow') {
      held.push(res);
      return;
    }
    if (kind === 'html') return send(res, 200, SIGN_IN_PAGE, 'text/html; charset=utf-8');
    if (req.headers.authorization !== `Bearer ${opts.token}`) return scimError(res, 401, 'Bearer token not recognised');
    if (kind === 'server-error') return scimError(res, 500, 'Internal error: database unavailable');
    if (broken) return scimError(res, 503, 'Service unavailable: maintenance');

    const path = url.pathname.replace(/^\/scim\/v2/, '');
    const match = /^\/Users\/([^/]+)$/.exec(path);
    const user = match?.[1] === undefined ? undefined : users.get(decodeURIComponent(match[1]));

    if (kind === 'not-scim-json') {
      if (path === '/Users' && req.method === 'GET')
        return send(res, 200, { data: [...users.values()], total: users.size }, 'application/json');
      return send(res, 404, { error: 'not found' }, 'application/json');
    }
    if (path === '/ServiceProviderConfig' && req.method === 'GET') {
      if (kind === 'minimal') return scimError(res, 404, 'Endpoint not found');
      return send(res, 200, {
        schemas: [ScimSchemas.serviceProviderConfig],
        patch: { supported: true },
        filter: { supported: true, maxResults: 100 },
      });
    }
    if (path === '/Users' && req.method === 'GET') {
      const all = [...users.values()];
      const filter = url.searchParams.get('filter');
      const found =
        filter && kind !== 'no-filter' ? matchIgnoringUserNameCase(new SCIMMY.Types.Filter(filter), all) : all;
      const startIndex = Number(url.searchParams.get('startIndex') ?? '1');
      const count = Number(url.searchParams.get('count') ?? '100');
      const page = found.slice(startIndex - 1, startIndex - 1 + count);
      return send(res, 200, {
        schemas: [ScimSchemas.listResponse],
        totalResults: found.length,
        startIndex,
        itemsPerPage: page.length,
        Resources: page,
      });
    }
    if (path === '/Users' && req.method === 'POST') {
      const incoming = asUser(body);
      const taken = [...users.values()].some((u) => u.userName.toLowerCase() === incoming.userName.toLowerCase());
      if (taken && kind !== 'duplicate-accepted')
        return scimError(res, 409, `userName ${incoming.userName} is already taken`, 'uniqueness');
      const { password: _password, ...kept } = incoming;
      const stored: Stored = { ...kept, id: randomUUID() };
      users.set(stored.id, stored);
      broken = kind === 'breaks-after-create';
      return send(res, 201, kind === 'empty-create-body' ? undefined : stored);
    }
    if (!match) return scimError(res, 404, 'Endpoint not found');
    if (!user) return scimError(res, 404, 'User not found');
    if (req.method === 'GET') return send(res, 200, user);
    if (req.method === 'PUT') {
      const { password: _password, ...kept } = asUser(body);
      const stored: Stored = { ...kept, id: user.id };
      users.set(user.id, stored);
      return send(res, 200, stored);
    }
    if (req.method === 'PATCH') {
      if (kind === 'minimal') return scimError(res, 501, 'PATCH is not implemented');
      const operations = (body as { Operations?: { op: string; value?: unknown }[] } | undefined)?.Operations ?? [];
      const patched: Stored = { ...user };
      for (const op of operations)
        if (op.op === 'replace' && op.value && typeof op.value === 'object') Object.assign(patched, op.value);
      users.set(user.id, patched);
      return send(res, 200, patched);
    }
    if (req.method === 'DELETE') {
      if (kind === 'minimal') return scimError(res, 405, 'Users cannot be deleted, only deactivated');
      users.delete(user.id);
      return send(res, 204);
    }
    return scimError(res, 405, `${req.method ?? ''} is not allowed here`);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) =>
      scimError(res, 400, error instanceof Error ? error.message : String(error), 'invalidSyntax'),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/scim/v2`,
    users: () => [...users.values()].map((u) => structuredClone(u)),
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        held.forEach((res) => res.destroy());
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
