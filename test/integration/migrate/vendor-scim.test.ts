import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../src-main/errors';
import { importVendorExport, importVendorScim, setDecisions } from '../../../src-main/migrate/import';
import { readMigration } from '../../../src-main/migrate/store';
import { readVendorScim } from '../../../src-main/migrate/vendor-scim';
import { readVendorUsers } from '../../../src-main/migrate/vendor-users';
import { ScimClient, ScimSchemas, type ScimUser } from '../../../src-main/scim/client';
import { startScimServer, type ScimTestServer } from '../../support/scim-server';
import { withTempDir } from '../../support/temp-dir';

const TOKEN = 'vendor-scim-token-migrate-41';
const COURIER_ROLE = { externalName: 'role', externalNamespace: ScimSchemas.user };

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

function account(i: number): ScimUser {
  return {
    schemas: [ScimSchemas.user],
    userName: `person.${i}@acme.example`,
    name: { givenName: 'Person', familyName: String(i) },
    displayName: `Person ${i}`,
    // The primary email is not always the first one a vendor lists.
    emails: [
      { value: `p${i}@old.example`, type: 'other' },
      { value: `Person.${i}@Acme.example`, type: 'work', primary: true },
    ],
    active: i % 25 !== 0,
    role: ['ADMINISTRATOR', 'DEVELOPER', 'MANAGER'][i % 3],
  };
}

async function scimmyWith(n: number): Promise<ScimTestServer> {
  const server = await startScimServer({ token: TOKEN });
  closers.push(() => server.close());
  const client = new ScimClient({ baseUrl: server.baseUrl, token: TOKEN });
  for (let i = 1; i <= n; i += 1) {
    const reply = await client.createUser(account(i));
    expect(reply.status).toBe(201);
  }
  return server;
}

interface Quirks {
  /** The most a page ever holds, whatever `count` asked for. */
  cap?: number;
  /** Answers every page from the start, as if startIndex were not sent. */
  ignoreStartIndex?: boolean;
  /** Answers 429 (Retry-After: 0) to the first request for each of these startIndex values. */
  busyAt?: number[];
}

/** A vendor's SCIM list endpoint with the quirks real ones have; records each query it got. */
async function quirkyVendor(users: ScimUser[], quirks: Quirks): Promise<{ baseUrl: string; queries: string[] }> {
  const queries: string[] = [];
  const busy = new Set(quirks.busyAt ?? []);
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    queries.push(url.search);
    if (req.headers.authorization !== `Bearer ${TOKEN}`) {
      res.writeHead(401, { 'Content-Type': 'application/scim+json' }).end('{}');
      return;
    }
    const startIndex = quirks.ignoreStartIndex ? 1 : Number(url.searchParams.get('startIndex') ?? '1');
    if (busy.delete(startIndex)) {
      res.writeHead(429, { 'Retry-After': '0' }).end();
      return;
    }
    const count = Math.min(Number(url.searchParams.get('count') ?? '100'), quirks.cap ?? Number.POSITIVE_INFINITY);
    const page = users
      .slice(startIndex - 1, startIndex - 1 + count)
      .map((u, i) => ({ ...u, id: `v${startIndex + i}` }));
    const body = {
      schemas: [ScimSchemas.listResponse],
      totalResults: users.length,
      startIndex,
      itemsPerPage: page.length,
      Resources: page,
    };
    res.writeHead(200, { 'Content-Type': 'application/scim+json' }).end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  return { baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/scim/v2`, queries };
}

const fast = { sleep: async () => undefined };

async function failure(work: Promise<unknown>): Promise<{ code: string; message: string; hint: string }> {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e as AppError,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return { code: error.code, message: error.message, hint: error.hint };
}

describe('live read of the vendor SCIM endpoint as the migration source', () => {
  it('reads every page of a real SCIM server into the rows a CSV import gives: primary email, userName, role', async () => {
    const server = await scimmyWith(230);
    const pages: [number, number][] = [];
    const read = await readVendorScim({
      baseUrl: server.baseUrl,
      token: TOKEN,
      role: COURIER_ROLE,
      onPage: (done, total) => pages.push([done, total]),
    });
    const lists = server.requests.filter((r) => r.method === 'GET').map((r) => r.path);
    expect(lists).toEqual([
      '/scim/v2/Users?startIndex=1&count=100',
      '/scim/v2/Users?startIndex=101&count=100',
      '/scim/v2/Users?startIndex=201&count=100',
    ]);
    expect(pages).toEqual([
      [100, 230],
      [200, 230],
      [230, 230],
    ]);
    // Every 25th account is deactivated at the vendor: counted, not migrated.
    expect([read.rows.length, read.inactive, read.totalResults]).toEqual([221, 9, 230]);
    const first = read.rows[0]!;
    expect(first.slice(0, 4)).toEqual(['person.1@acme.example', 'Person.1@Acme.example', 'Person 1', 'DEVELOPER']);
    const users = readVendorUsers(
      { headers: read.headers, rows: read.rows, delimiter: ',', encoding: 'utf-8' },
      { email: 'email', login: 'userName', name: 'displayName', role: 'role' },
    );
    expect(users[1]).toEqual({
      row: 2,
      email: 'Person.2@Acme.example',
      login: 'person.2@acme.example',
      name: 'Person 2',
      role: 'MANAGER',
    });
  }, 120_000);

  it('follows totalResults when the server gives fewer than asked, and waits out a busy answer', async () => {
    const users = Array.from({ length: 53 }, (_, i) => account(i + 1));
    const vendor = await quirkyVendor(users, { cap: 7, busyAt: [15] });
    const read = await readVendorScim({ baseUrl: vendor.baseUrl, token: TOKEN, role: COURIER_ROLE, ...fast });
    expect(read.rows.length + read.inactive).toBe(53);
    expect(new Set(read.rows.map((r) => r[0])).size).toBe(read.rows.length);
    // startIndex moves on by what each page held: 1, 8, 15 (busy, asked again), 22, … 50.
    expect(vendor.queries.map((q) => new URLSearchParams(q).get('startIndex'))).toEqual([
      '1',
      '8',
      '15',
      '15',
      '22',
      '29',
      '36',
      '43',
      '50',
    ]);
    expect(read.pages).toBe(8);
  });

  it('stops when cancelled, before asking for the next page, and while waiting out a busy vendor', async () => {
    const users = Array.from({ length: 30 }, (_, i) => account(i + 1));
    const vendor = await quirkyVendor(users, { cap: 10 });
    const controller = new AbortController();
    const pages: [number, number][] = [];
    const stopped = await failure(
      readVendorScim({
        baseUrl: vendor.baseUrl,
        token: TOKEN,
        signal: controller.signal,
        onPage: (read, total) => {
          pages.push([read, total]);
          if (read === 10) controller.abort();
        },
      }),
    );
    expect(stopped).toEqual({
      code: 'MIGRATE_READ_CANCELLED',
      message: "The read of the vendor's accounts was cancelled after 10 of 30.",
      hint: 'Nothing was imported; an earlier import is kept. Read again when you are ready.',
    });
    expect([pages, vendor.queries]).toEqual([[[10, 30]], ['?startIndex=1&count=100']]);

    // A vendor that says "come back in 120 s": the cancel ends the wait at once, with no second request.
    const busy = createServer((_req, res) => res.writeHead(429, { 'Retry-After': '120' }).end());
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    closers.push(() => new Promise<void>((resolve) => busy.close(() => resolve())));
    const later = new AbortController();
    const reading = failure(
      readVendorScim({
        baseUrl: `http://127.0.0.1:${(busy.address() as AddressInfo).port}/scim/v2`,
        token: TOKEN,
        signal: later.signal,
      }),
    );
    setImmediate(() => later.abort());
    expect(await reading).toMatchObject({ code: 'MIGRATE_READ_CANCELLED' });
  });

  it('stops with a clear message when the server ignores startIndex and repeats its first page', async () => {
    const users = Array.from({ length: 30 }, (_, i) => account(i + 1));
    const vendor = await quirkyVendor(users, { cap: 10, ignoreStartIndex: true });
    expect(await failure(readVendorScim({ baseUrl: vendor.baseUrl, token: TOKEN, ...fast }))).toMatchObject({
      code: 'VENDOR_SCIM_READ_FAILED',
      message:
        "The vendor's SCIM endpoint answered startIndex=11 with accounts it had already listed, so its paging cannot be followed (10 of 30 read).",
    });
  });

  it('names a refused token and sends the admin to the SCIM check step', async () => {
    const vendor = await quirkyVendor([account(1)], {});
    expect(await failure(readVendorScim({ baseUrl: vendor.baseUrl, token: 'stale', ...fast }))).toEqual({
      code: 'VENDOR_SCIM_READ_FAILED',
      message: `The vendor refused the SCIM bearer token (HTTP 401 from ${vendor.baseUrl}/Users).`,
      hint: 'Enter a current SCIM token on the SCIM check step, then read again.',
    });
  });

  it('keeps the read as the migration file; reading the same accounts again keeps decisions and results', async () => {
    const server = await scimmyWith(12);
    await withTempDir(async (dataDir) => {
      const source = { baseUrl: server.baseUrl, token: TOKEN, role: COURIER_ROLE };
      const preview = await importVendorScim(dataDir, 'int_1', source, new Date('2026-11-27T10:00:00Z'));
      expect(preview).toMatchObject({
        fileName: `SCIM ${server.baseUrl}/Users`,
        rows: 12,
        inactive: 0,
        mapping: { email: 'email', login: 'userName', name: 'displayName', role: 'role' },
      });
      await setDecisions(dataDir, 'int_1', { 3: 'drop' });
      await importVendorScim(dataDir, 'int_1', source, new Date('2026-11-27T11:00:00Z'));
      expect((await readMigration(dataDir, 'int_1'))?.decisions).toEqual({ 3: 'drop' });
      // Another source replaces the rows and with them the decisions.
      const csv = new TextEncoder().encode('Email\nsomeone@acme.example\n');
      await importVendorExport(dataDir, 'int_1', { bytes: csv, fileName: 'team.csv' }, new Date());
      expect((await readMigration(dataDir, 'int_1'))?.decisions).toEqual({});
    });
  }, 60_000);
});
