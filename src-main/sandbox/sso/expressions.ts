import type { AppUserRecord, UserRecord } from '../model';

/** What Okta expressions on a SAML app can see for one signed-in, assigned user. */
export interface ExpressionScope {
  user: UserRecord;
  appUser: AppUserRecord;
}

type Value = string | undefined;

/** The String functions of Okta's Expression Language this org evaluates (and their deprecated bare forms). */
const STRING_FUNCTIONS: Record<string, (args: Value[]) => Value> = {
  'String.toLowerCase': ([s]) => s?.toLowerCase(),
  'String.toUpperCase': ([s]) => s?.toUpperCase(),
  'String.substringBefore': ([s, search]) => (s === undefined || search === undefined ? undefined : before(s, search)),
  'String.substringAfter': ([s, search]) => (s === undefined || search === undefined ? undefined : after(s, search)),
  'String.append': ([s, suffix]) => (s === undefined ? undefined : s + (suffix ?? '')),
  'String.join': ([separator, ...parts]) => parts.filter((p) => p !== undefined).join(separator ?? ''),
  'String.removeSpaces': ([s]) => s?.replace(/\s+/g, ''),
  'String.replace': ([s, match, by]) => (s === undefined || match === undefined ? s : s.split(match).join(by ?? '')),
  'String.len': ([s]) => (s === undefined ? undefined : String(s.length)),
};
STRING_FUNCTIONS.toLowerCase = STRING_FUNCTIONS['String.toLowerCase']!;
STRING_FUNCTIONS.toUpperCase = STRING_FUNCTIONS['String.toUpperCase']!;
STRING_FUNCTIONS.substringBefore = STRING_FUNCTIONS['String.substringBefore']!;
STRING_FUNCTIONS.substringAfter = STRING_FUNCTIONS['String.substringAfter']!;

function before(s: string, search: string): string {
  const at = s.indexOf(search);
  return at < 0 ? s : s.slice(0, at);
}
function after(s: string, search: string): string {
  const at = s.indexOf(search);
  return at < 0 ? '' : s.slice(at + search.length);
}

/**
 * Resolves the Okta Expression Language forms attribute statements use: `user.<profile
 * attribute>`, `user.id`, `user.userName` (the app username), `appuser.<app profile attribute>`,
 * `"literal"`, `+` concatenation and the common String functions, optionally wrapped as `${…}`.
 * An attribute the profile does not have, or is empty, resolves to undefined, and Okta then leaves
 * the statement out of the assertion; so do forms this org does not evaluate.
 */
export function resolveExpression(expression: string, scope: ExpressionScope): string | undefined {
  const trimmed = expression.trim();
  const inner = /^\$\{(.*)\}$/s.exec(trimmed)?.[1]?.trim() ?? trimmed;
  const parser = new Parser(inner, scope);
  const value = parser.concatenation();
  return parser.done() && value !== '' ? value : undefined;
}

/** A small recursive-descent reader: term ('+' term)*, term = literal | reference | call. */
class Parser {
  private at = 0;
  private failed = false;
  constructor(
    private readonly source: string,
    private readonly scope: ExpressionScope,
  ) {}

  done(): boolean {
    this.space();
    return !this.failed && this.at === this.source.length;
  }

  concatenation(): Value {
    let value = this.term();
    for (;;) {
      this.space();
      if (this.source[this.at] !== '+') return value;
      this.at += 1;
      const next = this.term();
      value = value === undefined && next === undefined ? undefined : (value ?? '') + (next ?? '');
    }
  }

  private term(): Value {
    this.space();
    const rest = this.source.slice(this.at);
    const literal = /^"([^"]*)"/.exec(rest) ?? /^'([^']*)'/.exec(rest);
    if (literal) {
      this.at += literal[0].length;
      return literal[1];
    }
    const name = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*/.exec(rest);
    if (!name) {
      this.failed = true;
      return undefined;
    }
    this.at += name[0].length;
    this.space();
    if (this.source[this.at] === '(') return this.call(name[0]);
    return this.reference(name[0]);
  }

  private call(name: string): Value {
    this.at += 1;
    const args: Value[] = [];
    this.space();
    if (this.source[this.at] === ')') this.at += 1;
    else
      for (;;) {
        args.push(this.concatenation());
        this.space();
        const c = this.source[this.at];
        this.at += 1;
        if (c === ')') break;
        if (c !== ',') {
          this.failed = true;
          return undefined;
        }
      }
    const fn = STRING_FUNCTIONS[name];
    if (!fn) {
      this.failed = true;
      return undefined;
    }
    return fn(args);
  }

  private reference(path: string): Value {
    const match = /^(user|appuser|appUser)\.([A-Za-z_][A-Za-z0-9_]*)$/.exec(path);
    if (!match) {
      this.failed = true;
      return undefined;
    }
    const [, object, attribute] = match as unknown as [string, string, string];
    if (object === 'user') {
      if (attribute === 'id') return this.scope.user.id;
      if (attribute === 'userName') return this.scope.appUser.credentials.userName;
      return asText(this.scope.user.profile[attribute]);
    }
    return asText(this.scope.appUser.profile[attribute]);
  }

  private space(): void {
    while (/\s/.test(this.source[this.at] ?? '')) this.at += 1;
  }
}

/** A NameID template with `${…}` placeholders anywhere in it, e.g. `${user.firstName}.${user.lastName}`. */
export function resolveTemplate(template: string, scope: ExpressionScope): string {
  if (!template.includes('${')) return resolveExpression(template, scope) ?? '';
  return template.replace(/\$\{([^}]*)\}/g, (_whole, expr: string) => resolveExpression(expr, scope) ?? '');
}

function asText(value: unknown): string | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  if (Array.isArray(value)) return value.map(String).join(',');
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}
