import { validationFailed } from './errors';
import { json, type SandboxResponse } from './router';

export interface PageLimits {
  defaultLimit: number;
  maxLimit: number;
}

export interface Page<T> {
  items: T[];
  /** The `Link` header: `rel="self"` always, `rel="next"` when more items follow. */
  link: string;
}

/**
 * Okta's cursor pagination: `limit` (clamped to the endpoint's maximum) and `after`, the id of
 * the last item of the previous page. Clients must treat the next URL as opaque.
 */
export function paginate<T>(items: readonly T[], idOf: (item: T) => string, url: URL, limits: PageLimits): Page<T> {
  const limit = parseLimit(url.searchParams.get('limit'), limits);
  const after = url.searchParams.get('after');
  let start = 0;
  if (after !== null && after !== '') {
    const index = items.findIndex((item) => idOf(item) === after);
    start = index === -1 ? items.length : index + 1;
  }
  const page = items.slice(start, start + limit);
  const self = new URL(url);
  const links = [`<${self.href}>; rel="self"`];
  const last = page[page.length - 1];
  if (start + limit < items.length && last !== undefined) {
    const next = new URL(url);
    next.searchParams.set('after', idOf(last));
    next.searchParams.set('limit', String(limit));
    links.push(`<${next.href}>; rel="next"`);
  }
  return { items: page, link: links.join(', ') };
}

/** A list answered as Okta answers it: one page of `items`, each rendered, with its `Link` header. */
export function pageResponse<T extends { id: string }>(
  items: readonly T[],
  url: URL,
  limits: PageLimits,
  render: (item: T) => unknown,
): SandboxResponse {
  const page = paginate(items, (item) => item.id, url, limits);
  return json(200, page.items.map(render), { link: page.link });
}

function parseLimit(raw: string | null, limits: PageLimits): number {
  if (raw === null || raw === '') return limits.defaultLimit;
  const value = Number(raw);
  if (!Number.isInteger(value))
    throw validationFailed('limit', [
      `limit: ${raw} is not an integer; use a whole number from 1 to ${limits.maxLimit}.`,
    ]);
  if (value < 1) return limits.defaultLimit;
  return Math.min(value, limits.maxLimit);
}
