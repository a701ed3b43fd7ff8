import { oktaError } from './errors';

/**
 * Okta's `filter` / `search` expressions in the basic forms clients use:
 * `attr op "value"` (op: eq, ne, sw, co) or `attr pr`, joined by `and` / `or` (and binds
 * tighter), without parentheses. Comparisons ignore case, like Okta's.
 */
export type Predicate = (record: unknown) => boolean;

const TERM = /^\s*([A-Za-z][\w.]*)\s+(?:(eq|ne|sw|co)\s+("(?:[^"\\]|\\.)*"|true|false|-?\d+)|(pr))\s*$/i;

export function parseExpression(expression: string, allowed: readonly string[]): Predicate {
  const anyOf = splitOutsideQuotes(expression, 'or').map((clause) =>
    splitOutsideQuotes(clause, 'and').map((term) => parseTerm(term, allowed)),
  );
  return (record) => anyOf.some((all) => all.every((p) => p(record)));
}

function parseTerm(term: string, allowed: readonly string[]): Predicate {
  const m = TERM.exec(term);
  if (!m) throw invalidSearch(term);
  const [, attribute = '', op, literal, present] = m;
  if (!allowed.includes(attribute) && !(attribute.startsWith('profile.') && allowed.includes('profile.*')))
    throw invalidSearch(term);
  const keys = attribute.split('.');
  const read = (record: unknown): unknown => {
    let value = record;
    for (const key of keys)
      value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
    return value;
  };
  if (present) return (record) => read(record) !== undefined && read(record) !== null;
  const expected = literal!.startsWith('"') ? (JSON.parse(literal!) as string) : literal!;
  const want = String(expected).toLowerCase();
  const operator = op!.toLowerCase();
  return (record) => {
    const value = read(record);
    if (value === undefined || value === null) return operator === 'ne';
    const have = String(value).toLowerCase();
    switch (operator) {
      case 'eq':
        return have === want;
      case 'ne':
        return have !== want;
      case 'sw':
        return have.startsWith(want);
      default:
        return have.includes(want);
    }
  };
}

/** Splits on a keyword surrounded by spaces that is not inside a quoted value. */
function splitOutsideQuotes(text: string, keyword: string): string[] {
  const parts: string[] = [];
  let inQuotes = false;
  let start = 0;
  const lower = text.toLowerCase();
  const needle = ` ${keyword} `;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (c === '\\') {
      i += 1;
      continue;
    }
    if (c === '"') inQuotes = !inQuotes;
    else if (!inQuotes && lower.startsWith(needle, i)) {
      parts.push(text.slice(start, i));
      start = i + needle.length;
      i = start - 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

function invalidSearch(term: string): ReturnType<typeof oktaError> {
  return oktaError(400, 'E0000031', 'Invalid search criteria.', [
    `The expression "${term.trim()}" is not supported; use attribute op "value" with eq, ne, sw or co.`,
  ]);
}
