import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ScimSchemas, type ScimUser } from '../../src-main/scim/client';

export interface GatedScimVendor {
  baseUrl: string;
  /** The query string of each list request, in order. */
  queries: string[];
  /** Holds the page at this startIndex until `release`: a read can be watched, and cancelled, mid-way. */
  hold(startIndex: number): void;
  release(startIndex: number): void;
  /** Whether a request for this held page has arrived and waits. */
  waiting(startIndex: number): boolean;
  close(): Promise<void>;
}

/**
 * A vendor's SCIM `/Users` list endpoint (RFC 7644 ListResponse, paged by startIndex and count,
 * bearer token) whose pages a test can hold back. Serves only the list: what a migration's read uses.
 */
export async function startGatedScimVendor(opts: { token: string; users: ScimUser[] }): Promise<GatedScimVendor> {
  const queries: string[] = [];
  const gates = new Map<number, { open: Promise<void>; release: () => void; waiting: boolean }>();
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (req.headers.authorization !== `Bearer ${opts.token}`) {
      res.writeHead(401, { 'Content-Type': 'application/scim+json' }).end('{}');
      return;
    }
    if (!url.pathname.endsWith('/Users')) {
      res.writeHead(404, { 'Content-Type': 'application/scim+json' }).end('{}');
      return;
    }
    queries.push(url.search);
    const startIndex = Number(url.searchParams.get('startIndex') ?? '1');
    const count = Number(url.searchParams.get('count') ?? '100');
    const answer = () => {
      const page = opts.users
        .slice(startIndex - 1, startIndex - 1 + count)
        .map((u, i) => ({ ...u, id: `v${startIndex + i}` }));
      const body = {
        schemas: [ScimSchemas.listResponse],
        totalResults: opts.users.length,
        startIndex,
        itemsPerPage: page.length,
        Resources: page,
      };
      res.writeHead(200, { 'Content-Type': 'application/scim+json' }).end(JSON.stringify(body));
    };
    const gate = gates.get(startIndex);
    if (!gate) return answer();
    gate.waiting = true;
    void gate.open.then(answer);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/scim/v2`,
    queries,
    hold(startIndex) {
      let release = () => undefined as void;
      const open = new Promise<void>((resolve) => (release = resolve));
      gates.set(startIndex, { open, release, waiting: false });
    },
    release(startIndex) {
      gates.get(startIndex)?.release();
      gates.delete(startIndex);
    },
    waiting: (startIndex) => gates.get(startIndex)?.waiting === true,
    close: () =>
      new Promise<void>((resolve) => {
        for (const gate of gates.values()) gate.release();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A vendor account as a SCIM server lists it, with a Courier-style core `role`. */
export function scimAccount(userName: string, role: string, active = true): ScimUser {
  return {
    schemas: [ScimSchemas.user],
    userName,
    displayName: userName.split('@')[0] ?? userName,
    emails: [{ value: userName, type: 'work', primary: true }],
    active,
    role,
  };
}
