import { randomBytes } from 'node:crypto';
import { AppError } from '../errors';
import {
  ScimSchemas,
  type NetworkFailure,
  type ScimExchange,
  type ScimPatchOperation,
  type ScimReply,
  type ScimUser,
} from './types';

export type { NetworkFailure, ScimExchange, ScimPatchOperation, ScimReply, ScimUser } from './types';
export { ScimSchemas } from './types';

/** Okta abandons a SCIM call after 60 s; waiting longer would only hide a vendor problem. */
export const OKTA_SCIM_TIMEOUT_MS = 60_000;

const REDACTED = '••••';

/**
 * The headers Okta's SCIM client sends, as captured from a real Okta org (OKTA-BEHAVIOUR.md §3),
 * so a vendor that accepts our calls will accept Okta's.
 */
const OKTA_HEADERS: Readonly<Record<string, string>> = {
  Accept: 'application/scim+json',
  'Accept-Charset': 'utf-8',
  'Accept-Encoding': 'gzip,deflate',
  'User-Agent': 'Okta SCIM Client 1.0.0',
  Connection: 'close',
};
const BODY_CONTENT_TYPE = 'application/scim+json; charset=utf-8';

export interface ScimClientOptions {
  baseUrl: string;
  token: string;
  timeoutMs?: number;
  onExchange?: (exchange: ScimExchange) => void;
}

/**
 * A SCIM 2.0 client that calls a vendor exactly as Okta does. It never throws for HTTP or network
 * outcomes: a refused connection, a reset or a timeout comes back as a reply with `status: 0` and
 * `exchange.error` / `exchange.failure` set, so callers can show every exchange, failed or not.
 * Only an unusable base URL or token throws (an AppError, at construction).
 */
export class ScimClient {
  readonly baseUrl: string;
  private readonly token: string;
  private readonly timeoutMs: number;
  private readonly onExchange: ((exchange: ScimExchange) => void) | undefined;

  constructor(opts: ScimClientOptions) {
    this.baseUrl = normaliseBaseUrl(opts.baseUrl);
    if (opts.token.trim() === '') {
      throw new AppError(
        'SCIM_TOKEN_EMPTY',
        'The SCIM bearer token is empty.',
        'Paste the API token the vendor issued for SCIM; Okta sends it as "Authorization: Bearer <token>".',
        'token',
      );
    }
    this.token = opts.token.trim();
    this.timeoutMs = opts.timeoutMs ?? OKTA_SCIM_TIMEOUT_MS;
    this.onExchange = opts.onExchange;
  }

  listUsers(q: { startIndex?: number; count?: number; filter?: string }): Promise<ScimReply> {
    const params: string[] = [];
    if (q.filter !== undefined) params.push(`filter=${encodeURIComponent(q.filter)}`);
    if (q.startIndex !== undefined) params.push(`startIndex=${q.startIndex}`);
    if (q.count !== undefined) params.push(`count=${q.count}`);
    return this.send('GET', params.length > 0 ? `/Users?${params.join('&')}` : '/Users');
  }

  /** Okta's exists-check before a create: the same filter, paging and encoding. */
  findUserByUserName(userName: string): Promise<ScimReply> {
    return this.listUsers({ filter: userNameFilter(userName), startIndex: 1, count: 100 });
  }

  getUser(id: string): Promise<ScimReply> {
    return this.send('GET', `/Users/${encodeURIComponent(id)}`);
  }

  createUser(user: ScimUser): Promise<ScimReply> {
    return this.send('POST', '/Users', user);
  }

  replaceUser(id: string, user: ScimUser): Promise<ScimReply> {
    return this.send('PUT', `/Users/${encodeURIComponent(id)}`, user);
  }

  patchUser(id: string, operations: ScimPatchOperation[]): Promise<ScimReply> {
    return this.send('PATCH', `/Users/${encodeURIComponent(id)}`, {
      schemas: [ScimSchemas.patchOp],
      Operations: operations,
    });
  }

  /** For the preflight's clean-up only: Okta itself never deletes users. */
  deleteUser(id: string): Promise<ScimReply> {
    return this.send('DELETE', `/Users/${encodeURIComponent(id)}`);
  }

  getServiceProviderConfig(): Promise<ScimReply> {
    return this.send('GET', '/ServiceProviderConfig');
  }

  private async send(method: string, pathAndQuery: string, body?: unknown): Promise<ScimReply> {
    const url = `${this.baseUrl}${pathAndQuery}`;
    const headers: Record<string, string> = { ...OKTA_HEADERS, Authorization: `Bearer ${this.token}` };
    if (body !== undefined) headers['Content-Type'] = BODY_CONTENT_TYPE;
    const exchange: ScimExchange = {
      method,
      url,
      requestHeaders: { ...headers, Authorization: `Bearer ${REDACTED}` },
      ...(body !== undefined ? { requestBody: redactBody(body) } : {}),
      status: 0,
      responseHeaders: {},
      durationMs: 0,
    };
    const started = performance.now();
    let contentType = '';
    try {
      const response = await fetch(url, {
        method,
        headers,
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        signal: AbortSignal.timeout(this.timeoutMs),
        redirect: 'manual',
      });
      exchange.status = response.status;
      response.headers.forEach((value, name) => {
        exchange.responseHeaders[name] = value;
      });
      contentType = response.headers.get('content-type') ?? '';
      const parsed = parseBody(await response.text(), contentType);
      if (parsed !== undefined) exchange.responseBody = parsed;
    } catch (error) {
      const failure = classifyNetworkError(error);
      exchange.failure = failure;
      exchange.error = describeNetworkFailure(failure, url, this.timeoutMs, error);
    }
    exchange.durationMs = Math.round((performance.now() - started) * 10) / 10;
    this.onExchange?.(exchange);
    return { status: exchange.status, body: exchange.responseBody, contentType, exchange };
  }
}

/** A SCIM filter compares against a JSON string, so quotes and backslashes in the name are escaped. */
export function userNameFilter(userName: string): string {
  return `userName eq ${JSON.stringify(userName)}`;
}

export interface OktaPerson {
  userName: string;
  givenName: string;
  familyName: string;
  email: string;
  /** The Okta user id (`00u…`): Okta sends it as `externalId`. */
  externalId: string;
  active?: boolean;
  /** Mapped attributes: core-namespace names go top level, extension URNs are added to `schemas`. */
  extra?: Record<string, unknown>;
}

/**
 * The body Okta POSTs to create a user. Okta sends a random placeholder password even when
 * password sync is off, and leaves out mapped attributes whose value is empty.
 */
export function buildOktaUser(person: OktaPerson): ScimUser {
  const schemas: string[] = [ScimSchemas.user];
  const extra: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(person.extra ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    extra[name] = value;
    if (name.startsWith('urn:') && !schemas.includes(name)) schemas.push(name);
  }
  return {
    schemas,
    userName: person.userName,
    name: { givenName: person.givenName, familyName: person.familyName },
    emails: [{ primary: true, value: person.email, type: 'work' }],
    displayName: `${person.givenName} ${person.familyName}`,
    locale: 'en-US',
    externalId: person.externalId,
    groups: [],
    password: randomBytes(9).toString('base64url'),
    active: person.active ?? true,
    ...extra,
  };
}

function normaliseBaseUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw invalidBaseUrl(`"${raw}" is not a URL.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw invalidBaseUrl(`"${raw}" uses ${url.protocol} — a SCIM endpoint is reached over https.`);
  if (url.search !== '' || url.hash !== '')
    throw invalidBaseUrl(`"${raw}" has a query or fragment; the SCIM base URL is the part before /Users.`);
  if (url.username !== '' || url.password !== '')
    throw invalidBaseUrl(
      'The SCIM base URL carries a user name or password; Okta authenticates with the bearer token instead.',
    );
  return url.href.replace(/\/+$/, '');
}

function invalidBaseUrl(message: string): AppError {
  return new AppError(
    'SCIM_BASE_URL_INVALID',
    message,
    "Use the vendor's SCIM connector base URL without /Users, e.g. https://api.vendor.example/scim/v2",
    'baseUrl',
  );
}

function redactBody(body: unknown): unknown {
  if (body === null || typeof body !== 'object' || Array.isArray(body) || !('password' in body)) return body;
  return { ...body, password: REDACTED };
}

function parseBody(text: string, contentType: string): unknown {
  if (text === '') return undefined;
  const looksJson = /json/i.test(contentType) || /^\s*[[{]/.test(text);
  if (!looksJson) return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function errorCode(error: unknown): string {
  if (error === null || typeof error !== 'object') return '';
  const code = 'code' in error && typeof error.code === 'string' ? error.code : '';
  if (code !== '') return code;
  if ('errors' in error && Array.isArray(error.errors)) return errorCode(error.errors[0]);
  return 'cause' in error ? errorCode(error.cause) : '';
}

/** fetch wraps the useful reason ("bad port", "other side closed") in `cause`. */
function causeMessage(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return error.cause instanceof Error ? error.cause.message : error.message;
}

function classifyNetworkError(error: unknown): NetworkFailure {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return 'timeout';
  const code = errorCode(error);
  if (code === 'ECONNREFUSED') return 'refused';
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET' || code === 'EPIPE') return 'reset';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'dns';
  if (/^(ERR_TLS|ERR_SSL|CERT_|UNABLE_TO_|DEPTH_ZERO|SELF_SIGNED)/.test(code)) return 'tls';
  if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT' || code === 'ETIMEDOUT') return 'timeout';
  return 'network';
}

function describeNetworkFailure(failure: NetworkFailure, url: string, timeoutMs: number, error: unknown): string {
  const host = new URL(url).host;
  switch (failure) {
    case 'timeout':
      return `No answer within ${timeoutMs} ms (timeout).`;
    case 'refused':
      return `Connection refused by ${host}: nothing is listening there.`;
    case 'reset':
      return `The connection to ${host} was reset or closed before a complete answer.`;
    case 'dns':
      return `The host name ${new URL(url).hostname} could not be resolved (DNS).`;
    case 'tls':
      return `The TLS handshake with ${host} failed (${errorCode(error)}): the certificate is not trusted or does not match.`;
    case 'network':
      if (causeMessage(error) === 'bad port')
        return `Port ${new URL(url).port} is on the Fetch standard's list of blocked ports, so no request was sent; use the vendor's real SCIM port (usually 443).`;
      return `The request to ${host} failed: ${errorCode(error) || causeMessage(error)}.`;
  }
}
