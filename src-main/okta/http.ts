import type { ZodType } from 'zod';
import { AppError } from '../errors';
import { oktaFailure, unreachable } from './errors';
import type { Page, Paged } from './org-api';
import type { RequestPolicy } from './request-policy';

/** Plain words for what a call does and the admin role it needs, for error messages. */
export interface CallContext {
  operation: string;
  role: string;
}

/** Names this app to Okta's System Log, where admins see which client made a change. */
const USER_AGENT = `okta-onboarding-wizard node/${process.versions.node}`;

/** The `rel="next"` target of a `Link` header (Okta sends absolute URLs). */
export function nextLink(link: string | null): string | undefined {
  if (!link) return undefined;
  for (const part of link.split(',')) {
    const match = /<([^>]+)>\s*;\s*rel="?next"?/.exec(part);
    if (match?.[1]) return match[1];
  }
  return undefined;
}

export function withQuery(path: string, query: Record<string, string | number | boolean | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text === '' ? path : `${path}?${text}`;
}

/**
 * Calls Okta through our request policy (auth, pacing, retries) and parses answers with zod into
 * our shapes; failures become AppErrors that name Okta's request id.
 */
export class OktaHttp {
  constructor(
    readonly orgUrl: string,
    private readonly policy: Pick<RequestPolicy, 'fetch'>,
  ) {}

  private async raw(
    method: string,
    pathOrUrl: string,
    ctx: CallContext,
    body?: unknown,
    accept = 'application/json',
    bodyType = 'application/json',
  ): Promise<Response> {
    const url = pathOrUrl.startsWith('http') ? pathOrUrl : `${this.orgUrl}${pathOrUrl}`;
    // A Link header is followed as given; never send the org's credentials to another origin.
    if (new URL(url).origin !== new URL(this.orgUrl).origin) {
      throw new AppError(
        'OKTA_FOREIGN_LINK',
        `Okta's answer to "${ctx.operation}" pointed to another site (${new URL(url).origin}).`,
        'Check that the org URL is your Okta org and not a proxy that rewrites links.',
      );
    }
    const headers: Record<string, string> = { Accept: accept, 'User-Agent': USER_AGENT };
    if (body !== undefined) headers['Content-Type'] = bodyType;
    let response: Response;
    try {
      response = await this.policy.fetch({
        url,
        method,
        headers,
        body:
          body === undefined
            ? undefined
            : typeof body === 'string' && bodyType !== 'application/json'
              ? body
              : JSON.stringify(body),
      });
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw unreachable(this.orgUrl, ctx.operation, error, method !== 'GET');
    }
    if (response.status >= 200 && response.status < 300) return response;
    const bodyText = await response.text().catch(() => '');
    throw oktaFailure({
      orgUrl: this.orgUrl,
      operation: ctx.operation,
      status: response.status,
      bodyText,
      wwwAuthenticate: response.headers.get('www-authenticate') ?? undefined,
      roleNeeded: ctx.role,
      requestId: response.headers.get('x-okta-request-id') ?? undefined,
    });
  }

  private parse<T>(schema: ZodType<T>, value: unknown, ctx: CallContext): T {
    const parsed = schema.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new AppError(
        'OKTA_UNEXPECTED_ANSWER',
        `Okta's answer to "${ctx.operation}" did not have the expected shape (${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}).`,
        'The org may run an API version this app does not know; report this with the org URL.',
      );
    }
    return parsed.data;
  }

  async json<T>(method: string, path: string, schema: ZodType<T>, ctx: CallContext, body?: unknown): Promise<T> {
    const response = await this.raw(method, path, ctx, body);
    return this.parse(schema, await response.json(), ctx);
  }

  /** Sends `text` as is under `contentType` (a PEM certificate) and parses the JSON answer. */
  async sendText<T>(path: string, schema: ZodType<T>, ctx: CallContext, text: string, contentType: string): Promise<T> {
    const response = await this.raw('POST', path, ctx, text, 'application/json', contentType);
    return this.parse(schema, await response.json(), ctx);
  }

  /** A GET whose 404 means "absent". */
  async optional<T>(path: string, schema: ZodType<T>, ctx: CallContext): Promise<T | undefined> {
    try {
      return await this.json('GET', path, schema, ctx);
    } catch (error) {
      if (error instanceof AppError && error.code === 'OKTA_NOT_FOUND') return undefined;
      throw error;
    }
  }

  async noContent(method: string, path: string, ctx: CallContext, body?: unknown): Promise<void> {
    const response = await this.raw(method, path, ctx, body);
    await response.arrayBuffer();
  }

  async text(path: string, accept: string, ctx: CallContext): Promise<string> {
    const response = await this.raw('GET', path, ctx, undefined, accept);
    return response.text();
  }

  /** Walks `Link: rel="next"` pages lazily; `firstPage` fetches one page only. */
  paged<T>(path: string, itemSchema: ZodType<T>, ctx: CallContext): Paged<T> {
    const fetchPage = async (url: string): Promise<{ page: Page<T>; next: string | undefined }> => {
      const response = await this.raw('GET', url, ctx);
      const items = this.parse(itemSchema.array(), await response.json(), ctx);
      const next = nextLink(response.headers.get('link'));
      return { page: { items, hasMore: next !== undefined }, next };
    };
    async function* iterate(): AsyncGenerator<T[]> {
      let url: string | undefined = path;
      while (url !== undefined) {
        const { page, next }: { page: Page<T>; next: string | undefined } = await fetchPage(url);
        yield page.items;
        url = next;
      }
    }
    return {
      [Symbol.asyncIterator]: iterate,
      firstPage: async () => (await fetchPage(path)).page,
      all: async () => {
        const out: T[] = [];
        for await (const items of iterate()) out.push(...items);
        return out;
      },
    };
  }
}
