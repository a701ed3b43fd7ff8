import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { OKTA_SCIM_FIXTURES } from './runscope';

/** One request as Okta's SCIM 2.0 protocol reference shows it (an ```http block). */
export interface DocumentedRequest {
  /** The heading it sits under, e.g. "Determine if the User already exists". */
  section: string;
  method: string;
  /** Path and query exactly as printed, e.g. `/scim/v2/Users?filter=userName%20eq%20...`. */
  target: string;
  headers: Record<string, string>;
  body?: Record<string, unknown>;
}

/**
 * The User requests of Okta's SCIM 2.0 protocol reference (test/fixtures/okta-scim/
 * scim-20-protocol-reference.md, from okta/okta-developer-docs), read from its ```http examples.
 */
export function documentedUserRequests(): DocumentedRequest[] {
  const text = readFileSync(resolve(OKTA_SCIM_FIXTURES, 'scim-20-protocol-reference.md'), 'utf8');
  const requests: DocumentedRequest[] = [];
  let section = '';
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i += 1) {
    const heading = /^#{2,4} (.+)$/.exec(lines[i] ?? '');
    if (heading?.[1] !== undefined) section = heading[1].trim();
    if (lines[i]?.trim() !== '```http') continue;
    const block: string[] = [];
    for (i += 1; i < lines.length && lines[i]?.trim() !== '```'; i += 1) block.push(lines[i] ?? '');
    const requestLine = /^(GET|POST|PUT|PATCH|DELETE) (\S+) HTTP\/1\.1$/.exec(block[0]?.trim() ?? '');
    if (!requestLine?.[1] || !requestLine[2] || !requestLine[2].startsWith('/scim/v2/Users')) continue;
    const blank = block.findIndex((l) => l.trim() === '');
    const headerLines = block.slice(1, blank === -1 ? undefined : blank);
    const headers = Object.fromEntries(
      headerLines.map((l) => [l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()]),
    );
    const bodyText =
      blank === -1
        ? ''
        : block
            .slice(blank + 1)
            .join('\n')
            .trim();
    requests.push({
      section,
      method: requestLine[1],
      target: requestLine[2],
      headers,
      ...(bodyText === '' ? {} : { body: JSON.parse(bodyText) as Record<string, unknown> }),
    });
  }
  return requests;
}

/** The documented requests of a section and method; throws when the reference has none. */
export function documented(section: string, method: string): DocumentedRequest[] {
  const found = documentedUserRequests().filter((r) => r.section === section && r.method === method);
  if (found.length === 0) throw new Error(`no documented ${method} request under "${section}"`);
  return found;
}

/** The keys of an object, nested objects and arrays of objects as `a.b` / `a[].b`, in order. */
export function shape(value: unknown, prefix = ''): string[] {
  if (Array.isArray(value)) return value.length === 0 ? [`${prefix}[]`] : shape(value[0], `${prefix}[]`);
  if (value === null || typeof value !== 'object') return [prefix];
  return Object.entries(value).flatMap(([key, inner]) => shape(inner, prefix === '' ? key : `${prefix}.${key}`));
}
