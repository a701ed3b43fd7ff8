import { AppError } from '../errors';
import { ScimClient, ScimSchemas, type ScimReply, type ScimUser } from '../scim/client';
import type { RoleSpec } from '../vendors/profile';
import { MAX_TABLE_ROWS } from './read-table';

/** The columns a SCIM read is kept under, so it is stored and matched exactly like a CSV export. */
export const SCIM_COLUMNS = { login: 'userName', email: 'email', name: 'displayName', role: 'role' } as const;
export const SCIM_HEADERS = [SCIM_COLUMNS.login, SCIM_COLUMNS.email, SCIM_COLUMNS.name, SCIM_COLUMNS.role, 'id'];

/**
 * Okta's own SCIM client pages at 100 (`startIndex=1&count=100`); most vendors cap a page there or
 * lower, and a server may always answer fewer than asked (RFC 7644 §3.4.2.4).
 */
export const SCIM_PAGE_SIZE = 100;
/** A vendor that answers 429 or 503 is waited out this many times per page, then reported. */
const BUSY_RETRIES = 5;

export interface VendorScimRead {
  headers: string[];
  /** One row per active vendor account, in SCIM_HEADERS order. */
  rows: string[][];
  /** Accounts the vendor reports as deactivated (`active: false`): not migrated, only counted. */
  inactive: number;
  /** `totalResults` of the last page, as the vendor counted its accounts. */
  totalResults: number;
  pages: number;
}

export interface VendorScimOptions {
  baseUrl: string;
  token: string;
  /** The vendor's role attribute (Courier's `role`); absent when the vendor has no roles. */
  role?: Pick<RoleSpec, 'externalName' | 'externalNamespace'>;
  pageSize?: number;
  /** Called after each page, for a progress bar: accounts read so far, and the vendor's total. */
  onPage?: (read: number, total: number) => void;
  /** Waits before retrying a busy vendor; tests pass a fast one. */
  sleep?: (ms: number) => Promise<void>;
  /** Cancels the read: checked before each page and while waiting out a busy vendor. */
  signal?: AbortSignal;
}

interface ListResponse {
  totalResults: number;
  resources: ScimUser[];
}

function refuse(message: string, next: string): AppError {
  return new AppError('VENDOR_SCIM_READ_FAILED', message, next);
}

function listResponse(reply: ScimReply, url: string): ListResponse {
  const where = url.replace(/\?.*$/, '');
  if (reply.status === 0)
    throw refuse(
      `The vendor's SCIM endpoint did not answer: ${reply.exchange.error ?? 'no response'}.`,
      'Check the SCIM base URL on the SCIM check step, then read again.',
    );
  if (reply.status === 401 || reply.status === 403)
    throw refuse(
      `The vendor refused the SCIM bearer token (HTTP ${reply.status} from ${where}).`,
      'Enter a current SCIM token on the SCIM check step, then read again.',
    );
  if (reply.status !== 200)
    throw refuse(
      `The vendor's SCIM endpoint answered HTTP ${reply.status} to ${where}.`,
      'Read again later, or import the vendor’s user export (CSV) instead.',
    );
  const body = reply.body as Record<string, unknown> | undefined;
  const schemas = body && Array.isArray(body.schemas) ? body.schemas : [];
  const resources = body?.Resources ?? [];
  if (!body || typeof body !== 'object' || !schemas.includes(ScimSchemas.listResponse) || !Array.isArray(resources))
    throw refuse(
      `The vendor's answer to ${where} is not a SCIM ListResponse.`,
      'Check that the SCIM base URL ends at the SCIM root (…/scim/v2), or import the vendor’s user export (CSV) instead.',
    );
  const total = typeof body.totalResults === 'number' ? body.totalResults : Number.NaN;
  if (!Number.isInteger(total) || total < 0)
    throw refuse(
      `The vendor's ListResponse from ${where} has no valid totalResults.`,
      'Import the vendor’s user export (CSV) instead.',
    );
  return { totalResults: total, resources: resources as ScimUser[] };
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** The primary email (RFC 7643 §2.4: at most one is primary), else the first, else the userName. */
export function scimEmail(user: ScimUser): string {
  const emails = Array.isArray(user.emails) ? user.emails : [];
  const chosen = emails.find((e) => e?.primary === true) ?? emails[0];
  return text(chosen?.value) || text(user.userName);
}

/** The vendor's role as the vendor's SCIM server holds it: the profile's attribute, in its namespace. */
export function scimRole(user: ScimUser, role: VendorScimOptions['role']): string {
  if (!role) return '';
  if (role.externalNamespace === ScimSchemas.user) return text(user[role.externalName]);
  const extension = user[role.externalNamespace];
  return extension && typeof extension === 'object'
    ? text((extension as Record<string, unknown>)[role.externalName])
    : '';
}

function scimName(user: ScimUser): string {
  const name = user.name;
  const formatted = text(name?.formatted);
  const parts = [text(name?.givenName), text(name?.familyName)].filter((p) => p !== '').join(' ');
  return text(user.displayName) || formatted || parts;
}

function cancelled(read: number, total: number | undefined): AppError {
  return new AppError(
    'MIGRATE_READ_CANCELLED',
    `The read of the vendor's accounts was cancelled after ${read}${total === undefined ? '' : ` of ${total}`}.`,
    'Nothing was imported; an earlier import is kept. Read again when you are ready.',
  );
}

async function page(
  client: ScimClient,
  startIndex: number,
  count: number,
  sleep: (ms: number) => Promise<void>,
  stopped: () => boolean,
) {
  for (let attempt = 1; ; attempt += 1) {
    const reply = await client.listUsers({ startIndex, count });
    if ((reply.status !== 429 && reply.status !== 503) || attempt > BUSY_RETRIES) return reply;
    // Retry-After in seconds (RFC 9110 §10.2.3); without one, back off 1, 2, 4 … s.
    const after = Number(reply.exchange.responseHeaders['retry-after']);
    await sleep(Number.isFinite(after) && after >= 0 ? Math.min(after, 120) * 1000 : 1000 * 2 ** (attempt - 1));
    if (stopped()) return undefined;
  }
}

/**
 * Reads every account the vendor has through its SCIM endpoint, page by page as RFC 7644 §3.4.2.4
 * describes: `startIndex` moves on by what each page held (a server may give fewer than `count`),
 * until `totalResults` are read or a page comes back empty. A server that ignores `startIndex` and
 * repeats a page is stopped, not followed for ever.
 */
export async function readVendorScim(options: VendorScimOptions): Promise<VendorScimRead> {
  const client = new ScimClient({ baseUrl: options.baseUrl, token: options.token });
  const count = options.pageSize ?? SCIM_PAGE_SIZE;
  const signal = options.signal;
  const sleep =
    options.sleep ??
    ((ms: number) =>
      new Promise<void>((resolve) => {
        // A cancel ends the wait for a busy vendor at once, not after its Retry-After.
        const timer = setTimeout(done, ms);
        function done() {
          clearTimeout(timer);
          signal?.removeEventListener('abort', done);
          resolve();
        }
        if (signal?.aborted) done();
        else signal?.addEventListener('abort', done, { once: true });
      }));
  const stopped = () => signal?.aborted === true;
  const seen = new Set<string>();
  const rows: string[][] = [];
  let inactive = 0;
  let startIndex = 1;
  let totalResults: number | undefined;
  let pages = 0;
  for (;;) {
    if (stopped()) throw cancelled(seen.size, totalResults);
    const reply = await page(client, startIndex, count, sleep, stopped);
    if (!reply || stopped()) throw cancelled(seen.size, totalResults);
    const list = listResponse(reply, reply.exchange.url);
    pages += 1;
    totalResults = list.totalResults;
    let fresh = 0;
    for (const user of list.resources) {
      const key = text(user.id) || text(user.userName);
      if (seen.has(key)) continue;
      seen.add(key);
      fresh += 1;
      if (user.active === false) {
        inactive += 1;
        continue;
      }
      rows.push([text(user.userName), scimEmail(user), scimName(user), scimRole(user, options.role), text(user.id)]);
    }
    options.onPage?.(seen.size, list.totalResults);
    if (seen.size > MAX_TABLE_ROWS)
      throw refuse(
        `The vendor has more than ${MAX_TABLE_ROWS.toLocaleString('en')} accounts; at most that many are read.`,
        'Export the users in parts (CSV) and import them one after another.',
      );
    if (seen.size >= list.totalResults || list.resources.length === 0) break;
    if (fresh === 0)
      throw refuse(
        `The vendor's SCIM endpoint answered startIndex=${startIndex} with accounts it had already listed, so its paging cannot be followed (${seen.size} of ${list.totalResults} read).`,
        'Import the vendor’s user export (CSV) instead.',
      );
    startIndex += list.resources.length;
  }
  return { headers: [...SCIM_HEADERS], rows, inactive, totalResults: totalResults ?? 0, pages };
}
