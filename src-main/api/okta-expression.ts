/**
 * A reader for the Okta Expression Language as attribute statements use it (Okta's "Expression
 * Language Overview": user./appuser./app./org. references, String.*, Arrays.*, Convert.*,
 * Iso3166Convert.*, Time.*, Groups.*, the group functions, literals, `+`, comparisons and the
 * ternary). It does not evaluate; it finds what Okta would refuse or silently leave out: broken
 * syntax, unknown functions, and `user.` attributes the org's profile does not have.
 */

/** Functions Okta documents, by their full name. Deprecated bare forms are still accepted by Okta. */
const FUNCTIONS: ReadonlySet<string> = new Set([
  'String.append',
  'String.join',
  'String.len',
  'String.removeSpaces',
  'String.replace',
  'String.replaceFirst',
  'String.stringContains',
  'String.stringSwitch',
  'String.substring',
  'String.substringAfter',
  'String.substringBefore',
  'String.toUpperCase',
  'String.toLowerCase',
  'toUpperCase',
  'toLowerCase',
  'substringBefore',
  'substringAfter',
  'substring',
  'Arrays.add',
  'Arrays.remove',
  'Arrays.clear',
  'Arrays.get',
  'Arrays.flatten',
  'Arrays.contains',
  'Arrays.size',
  'Arrays.isEmpty',
  'Arrays.toCsvString',
  'Convert.toInt',
  'Convert.toNum',
  'Iso3166Convert.toAlpha2',
  'Iso3166Convert.toAlpha3',
  'Iso3166Convert.toNumeric',
  'Iso3166Convert.toName',
  'getFilteredGroups',
  'Groups.contains',
  'Groups.startsWith',
  'Groups.endsWith',
  'isMemberOfGroupName',
  'isMemberOfGroup',
  'isMemberOfAnyGroup',
  'isMemberOfGroupNameStartsWith',
  'isMemberOfGroupNameContains',
  'isMemberOfGroupNameRegex',
  'user.getLinkedObject',
  'user.getInternalProperty',
  'user.isMemberOf',
  'user.getGroups',
  'Time.now',
  'Time.fromWindowsToIso8601',
  'Time.fromUnixToIso8601',
  'Time.fromStringToIso8601',
  'Time.fromIso8601ToWindows',
  'Time.fromIso8601ToUnix',
  'Time.fromIso8601ToString',
  'getManagerUser',
  'getManagerAppUser',
  'getAssistantUser',
  'getAssistantAppUser',
  'hasDirectoryUser',
  'hasWorkdayUser',
  'findDirectoryUser',
  'findWorkdayUser',
]);

/** Objects an attribute statement can read; `user` is the Okta user profile. */
const ROOTS: ReadonlySet<string> = new Set(['user', 'appuser', 'appUser', 'app', 'org', 'session']);
/** Names Okta resolves on `user.` besides the profile's own attributes. */
const USER_BUILT_INS: ReadonlySet<string> = new Set(['id', 'userName', 'status']);
const LITERALS: ReadonlySet<string> = new Set(['true', 'false', 'null', 'NULL', 'AND', 'OR', 'and', 'or', 'not']);

type Token =
  | { kind: 'string'; text: string; at: number }
  | { kind: 'number'; text: string; at: number }
  | { kind: 'name'; text: string; at: number }
  | { kind: 'op'; text: string; at: number };

const OPERATORS = [
  '==',
  '!=',
  '>=',
  '<=',
  '&&',
  '||',
  '+',
  '-',
  '*',
  '/',
  '%',
  '!',
  '?',
  ':',
  '<',
  '>',
  ',',
  '(',
  ')',
  '{',
  '}',
  '[',
  ']',
];

function tokenize(source: string): Token[] | string {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i] as string;
    if (/\s/.test(c)) {
      i += 1;
      continue;
    }
    if (c === '"' || c === "'") {
      const end = source.indexOf(c, i + 1);
      if (end < 0) return `the text starting at position ${i + 1} has no closing ${c}`;
      tokens.push({ kind: 'string', text: source.slice(i + 1, end), at: i });
      i = end + 1;
      continue;
    }
    const number = /^\d+(\.\d+)?/.exec(source.slice(i));
    if (number) {
      tokens.push({ kind: 'number', text: number[0], at: i });
      i += number[0].length;
      continue;
    }
    // A name may follow a call's closing parenthesis: getManagerUser("active_directory").firstName.
    const afterCall = tokens[tokens.length - 1]?.text === ')' ? '\\.?' : '';
    const name = new RegExp(`^${afterCall}[A-Za-z_$][A-Za-z0-9_$]*(\\.[A-Za-z_$][A-Za-z0-9_$]*)*`).exec(
      source.slice(i),
    );
    if (name) {
      tokens.push({ kind: 'name', text: name[0], at: i });
      i += name[0].length;
      continue;
    }
    const op = OPERATORS.find((o) => source.startsWith(o, i));
    if (op) {
      tokens.push({ kind: 'op', text: op, at: i });
      i += op.length;
      continue;
    }
    if (c === '=') return 'a single "=" assigns, which Okta does not allow; compare with "=="';
    return `"${c}" is not part of Okta's expression language`;
  }
  return tokens;
}

function bracketProblem(tokens: Token[]): string | undefined {
  const pairs: Record<string, string> = { ')': '(', '}': '{', ']': '[' };
  const open: string[] = [];
  for (const t of tokens) {
    if (t.kind !== 'op') continue;
    if (t.text === '(' || t.text === '{' || t.text === '[') open.push(t.text);
    else if (t.text in pairs) {
      if (open.pop() !== pairs[t.text]) return `a "${t.text}" has no matching "${pairs[t.text]}"`;
    }
  }
  return open.length > 0 ? `a "${open[open.length - 1]}" is never closed` : undefined;
}

/** Two values side by side with nothing joining them (`user.firstName user.lastName`). */
function adjacencyProblem(tokens: Token[]): string | undefined {
  const isValue = (t: Token | undefined) =>
    t !== undefined && (t.kind !== 'op' || t.text === ')' || t.text === '}' || t.text === ']');
  const startsValue = (t: Token | undefined) =>
    t !== undefined && (t.kind !== 'op' || t.text === '(' || t.text === '{' || t.text === '!');
  for (let i = 1; i < tokens.length; i += 1) {
    const before = tokens[i - 1];
    const here = tokens[i];
    if (here?.kind === 'op' && here.text === '(' && before?.kind === 'name') continue;
    if (here?.kind === 'name' && here.text.startsWith('.')) continue;
    if (before?.kind === 'name' && LITERALS.has(before.text)) continue;
    if (here?.kind === 'name' && LITERALS.has(here.text)) continue;
    if (isValue(before) && startsValue(here))
      return `something is missing between "${tokenText(before)}" and "${tokenText(here)}" (join text with +)`;
  }
  const last = tokens[tokens.length - 1];
  if (last?.kind === 'op' && !/^[)}\]]$/.test(last.text)) return `the expression ends with "${last.text}"`;
  return undefined;
}

function tokenText(t: Token | undefined): string {
  if (!t) return '';
  return t.kind === 'string' ? `"${t.text}"` : t.text;
}

/** A `user.`/`appuser.` attribute the expression reads. */
export interface ExpressionReference {
  object: string;
  attribute: string;
}

export interface ExpressionReport {
  /** Okta would refuse or could not run it: the reason, in words. */
  error?: string;
  /** Okta would accept it but send nothing: the reason, in words (e.g. an attribute the profile lacks). */
  warning?: string;
  references: ExpressionReference[];
  /** The expression is a single `user.x` / `appuser.x`, so its value can be predicted. */
  plainReference?: ExpressionReference;
}

/** The nearest known name, for "did you mean"; undefined when nothing is close. */
export function closestName(name: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestScore = Infinity;
  for (const candidate of known) {
    const score = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (score < bestScore) {
      bestScore = score;
      best = candidate;
    }
  }
  return best !== undefined && bestScore <= Math.max(2, Math.floor(name.length / 3)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    let diagonal = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const above = row[j] as number;
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      // A swap of two neighbours ("fristName") counts as one edit, as a person would count it.
      const swapped = i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1];
      row[j] = Math.min(above + 1, (row[j - 1] as number) + 1, diagonal + (swapped ? 0 : cost));
      diagonal = above;
    }
  }
  return row[b.length] as number;
}

/**
 * Checks one attribute statement expression. `userAttributes` are the Okta user profile's
 * attribute names (the org's user schema); without them only syntax and functions are checked.
 */
export function checkExpression(expression: string, userAttributes?: readonly string[]): ExpressionReport {
  const source = expression.trim();
  if (source === '') return { error: 'Enter an Okta expression, e.g. user.email', references: [] };
  const inner = /^\$\{(.*)\}$/s.exec(source)?.[1] ?? source;
  const tokens = tokenize(inner);
  if (typeof tokens === 'string') return { error: `Not a valid Okta expression: ${tokens}.`, references: [] };
  const structural = bracketProblem(tokens) ?? adjacencyProblem(tokens);
  if (structural) return { error: `Not a valid Okta expression: ${structural}.`, references: [] };
  const references: ExpressionReference[] = [];
  let unknownRoot: string | undefined;
  for (let i = 0; i < tokens.length; i += 1) {
    const t = tokens[i] as Token;
    if (t.kind !== 'name' || LITERALS.has(t.text)) continue;
    const next = tokens[i + 1];
    const called = next?.kind === 'op' && next.text === '(';
    if (called) {
      if (!FUNCTIONS.has(t.text)) {
        const near = closestName(t.text, [...FUNCTIONS]);
        return {
          error: `"${t.text}" is not an Okta function${near ? `; did you mean ${near}?` : ''}`,
          references,
        };
      }
      continue;
    }
    // After a call, `.lastName` on its result (getManagerUser(...).lastName) is the tokenizer's name too.
    const previous = tokens[i - 1];
    if (previous?.kind === 'op' && previous.text === ')' && t.text.startsWith('.')) continue;
    const [root, attribute, ...rest] = t.text.split('.');
    if (attribute === undefined && (root === undefined || !ROOTS.has(root)))
      return {
        error: `"${t.text}" alone is not a value Okta knows; for a profile attribute write user.${t.text}, for text put it in quotes`,
        references,
      };
    if (root === undefined || !ROOTS.has(root)) {
      // Okta also reads another app's profile by its name (zendesk.firstName), so this may be right.
      unknownRoot ??= t.text;
      continue;
    }
    if (attribute === undefined)
      return { error: `"${root}" alone is not a value; name an attribute, e.g. ${root}.email`, references };
    if (rest.length > 0 && root === 'user' && attribute !== 'profile')
      return { error: `"${t.text}" reads inside "${attribute}", which Okta profiles do not nest`, references };
    references.push({
      object: root === 'appUser' ? 'appuser' : root,
      attribute: root === 'user' && attribute === 'profile' ? (rest[0] ?? '') : attribute,
    });
  }
  const plain =
    tokens.length === 1 &&
    references.length === 1 &&
    (references[0]?.object === 'user' || references[0]?.object === 'appuser')
      ? references[0]
      : undefined;
  const report: ExpressionReport = { references, ...(plain ? { plainReference: plain } : {}) };
  if (unknownRoot !== undefined) {
    const root = unknownRoot.split('.')[0] ?? '';
    report.warning = `"${unknownRoot}" reads the profile of an app named "${root}"; for the Okta profile write user.${unknownRoot.split('.').slice(1).join('.') || 'email'}`;
  }
  if (userAttributes && report.warning === undefined) {
    const known = new Set(userAttributes);
    const unknown = references.find(
      (r) => r.object === 'user' && !known.has(r.attribute) && !USER_BUILT_INS.has(r.attribute),
    );
    if (unknown) {
      const near = closestName(unknown.attribute, userAttributes);
      report.warning = `user.${unknown.attribute} is not an attribute of this org's Okta user profile, so Okta sends nothing for it${
        near ? `; did you mean user.${near}?` : '. Check People > Profile Editor for its variable name.'
      }`;
    }
  }
  return report;
}
