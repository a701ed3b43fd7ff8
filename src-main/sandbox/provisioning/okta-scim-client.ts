/**
 * The practice org's imitation of Okta's SCIM 2.0 client, written from Okta's documents alone and
 * sharing no code with the wizard's own SCIM client (the practice org is a test peer, not a
 * mirror). Sources, all in okta/okta-developer-docs (Apache-2.0):
 * - the SCIM 2.0 protocol reference (`docs/reference/scim/scim-20`): every request line, the
 *   `User-Agent`, the exists-check filter with `startIndex=1&count=100`, the no-path PATCH;
 * - Okta's SCIM 2.0 spec test (`standards/SCIM/SCIMFiles/Okta-SCIM-20-SPEC-Test.json`): the
 *   `Accept`, `Accept-Charset` and `Content-Type` values;
 * - the SCIM FAQ: a vendor has 60 seconds to answer.
 * `Accept-Encoding` and `Connection` are as captured from a real Okta org (OKTA-BEHAVIOUR.md §3).
 */

export const SCIM_USER_URN = 'urn:ietf:params:scim:schemas:core:2.0:User';
const PATCH_OP_URN = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const ANSWER_WITHIN_MS = 60_000;

const REQUEST_HEADERS: Readonly<Record<string, string>> = {
  'User-Agent': 'Okta SCIM Client 1.0.0',
  Accept: 'application/scim+json',
  'Accept-Charset': 'utf-8',
  'Accept-Encoding': 'gzip,deflate',
  Connection: 'close',
};
const BODY_TYPE = 'application/scim+json; charset=utf-8';

/** What the vendor answered; `status` 0 when nothing came back, with `failure` saying why. */
export interface VendorAnswer {
  status: number;
  /** Parsed JSON; the raw text when it is not JSON; undefined when empty. */
  body: unknown;
  /** The `Retry-After` header, verbatim. */
  retryAfter: string | undefined;
  failure?: string;
}

export type ScimResource = Record<string, unknown>;

export class OktaScimClient {
  constructor(
    private readonly baseUrl: string,
    private readonly token: string,
    private readonly timeoutMs = ANSWER_WITHIN_MS,
  ) {}

  /** "Test Connector Configuration" and the read after saving To App: the first two users. */
  firstUsers(): Promise<VendorAnswer> {
    return this.call('GET', '/Users?startIndex=1&count=2');
  }

  /** The exists-check before a create: `filter=<field> eq "<value>"`, one page of 100. */
  lookUp(field: string, value: string): Promise<VendorAnswer> {
    // A SCIM filter value is a JSON string (RFC 7644 §3.4.2.2), so quotes in it are escaped.
    const filter = encodeURIComponent(`${field} eq ${JSON.stringify(value)}`);
    return this.call('GET', `/Users?filter=${filter}&startIndex=1&count=100`);
  }

  read(id: string): Promise<VendorAnswer> {
    return this.call('GET', `/Users/${encodeURIComponent(id)}`);
  }

  create(user: ScimResource): Promise<VendorAnswer> {
    return this.call('POST', '/Users', user);
  }

  replace(id: string, user: ScimResource): Promise<VendorAnswer> {
    return this.call('PUT', `/Users/${encodeURIComponent(id)}`, user);
  }

  /** Catalog (OIN) apps deactivate with this PATCH; custom apps never PATCH. */
  deactivate(id: string): Promise<VendorAnswer> {
    return this.call('PATCH', `/Users/${encodeURIComponent(id)}`, {
      schemas: [PATCH_OP_URN],
      Operations: [{ op: 'replace', value: { active: false } }],
    });
  }

  private async call(method: string, path: string, body?: unknown): Promise<VendorAnswer> {
    const headers: Record<string, string> = { ...REQUEST_HEADERS, Authorization: `Bearer ${this.token}` };
    if (body !== undefined) headers['Content-Type'] = BODY_TYPE;
    const url = `${this.baseUrl.replace(/\/+$/, '')}${path}`;
    try {
      const response = await fetch(url, {
        method,
        headers,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        redirect: 'manual',
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      const text = await response.text();
      return {
        status: response.status,
        body: parsed(text),
        retryAfter: response.headers.get('retry-after') ?? undefined,
      };
    } catch (error) {
      return { status: 0, body: undefined, retryAfter: undefined, failure: unreachable(url, error) };
    }
  }
}

function parsed(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function codeOf(error: unknown): string | undefined {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    if ('code' in e && typeof e.code === 'string') return e.code;
  }
  return undefined;
}

/** Why no answer came, in the words an admin reads in the task list. */
function unreachable(url: string, error: unknown): string {
  let host: string;
  try {
    host = new URL(url).host;
  } catch {
    return `The SCIM connector base URL is not a valid URL: ${url}`;
  }
  if (error instanceof Error && error.name === 'TimeoutError')
    return `No answer from ${host} within ${ANSWER_WITHIN_MS / 1000} seconds.`;
  switch (codeOf(error)) {
    case 'ECONNREFUSED':
      return `Connection refused by ${host}.`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `Unknown host ${host.replace(/:\d+$/, '')}.`;
    case 'ECONNRESET':
    case 'UND_ERR_SOCKET':
      return `The connection to ${host} was closed before an answer arrived.`;
    default:
      return `Could not reach ${host}: ${error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error)}.`;
  }
}

/** The base URL as the console's Integration form accepts it, or why not. */
export function connectorBaseUrl(raw: string): { ok: true; url: string } | { ok: false; text: string } {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { ok: false, text: `SCIM connector base URL: "${raw}" is not a valid URL.` };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return { ok: false, text: `SCIM connector base URL: "${raw}" must start with https://.` };
  return { ok: true, url: url.href.replace(/\/+$/, '') };
}
