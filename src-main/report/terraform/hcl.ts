/**
 * A small HCL writer that lays files out exactly as `terraform fmt` does (hclwrite's formatter):
 * two-space indents, the `=` of consecutive one-line arguments aligned, one blank line between
 * top-level blocks. We write the layout ourselves rather than formatting at run time so the output
 * needs no WebAssembly in the app; `test/unit/report/terraform-layout.test.ts` holds it against
 * hclwrite's own formatter.
 */

/** An expression written as is: a reference (`okta_app_saml.millie.id`) or a function call. */
export interface HclExpression {
  readonly expression: string;
}

export type HclValue = string | number | boolean | HclExpression | readonly HclValue[] | HclObject;

/** An object constructor (`{ role = "admin" }`), written on one line. */
export interface HclObject {
  readonly object: Readonly<Record<string, HclValue>>;
}

export type HclItem =
  | { readonly kind: 'attribute'; readonly name: string; readonly value: HclValue }
  | { readonly kind: 'block'; readonly type: string; readonly labels: readonly string[]; readonly body: HclItem[] }
  | { readonly kind: 'map'; readonly name: string; readonly entries: readonly [string, HclValue][] };

export const expr = (expression: string): HclExpression => ({ expression });
export const obj = (object: Record<string, HclValue>): HclObject => ({ object });
export const attr = (name: string, value: HclValue): HclItem => ({ kind: 'attribute', name, value });
export const block = (type: string, labels: readonly string[], body: HclItem[]): HclItem => ({
  kind: 'block',
  type,
  labels,
  body,
});
/** An argument whose value is a map written one entry per line (for `locals`). */
export const map = (name: string, entries: readonly [string, HclValue][]): HclItem => ({ kind: 'map', name, entries });

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/**
 * A quoted template string. `${` and `%{` start interpolations and directives in HCL, so a literal
 * one (an Okta template such as `${user.email}`) is escaped by doubling its first character.
 */
export function quote(text: string): string {
  const escaped = text
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t')
    .replace(/\$\{/g, () => '$${')
    .replace(/%\{/g, () => '%%{');
  return `"${escaped}"`;
}

function key(name: string): string {
  return IDENTIFIER.test(name) ? name : quote(name);
}

function isExpression(value: HclValue): value is HclExpression {
  return typeof value === 'object' && value !== null && 'expression' in value;
}

function isObject(value: HclValue): value is HclObject {
  return typeof value === 'object' && value !== null && 'object' in value;
}

export function value(v: HclValue): string {
  if (typeof v === 'string') return quote(v);
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new Error(`HCL has no literal for ${v}`);
    return String(v);
  }
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (isExpression(v)) return v.expression;
  if (isObject(v)) {
    const entries = Object.entries(v.object);
    if (entries.length === 0) return '{}';
    return `{ ${entries.map(([k, item]) => `${key(k)} = ${value(item)}`).join(', ')} }`;
  }
  return `[${(v as readonly HclValue[]).map(value).join(', ')}]`;
}

function writeBody(items: readonly HclItem[], indent: string, out: string[]): void {
  let run: { name: string; text: string }[] = [];
  const flush = () => {
    const width = Math.max(...run.map((a) => a.name.length));
    for (const a of run) out.push(`${indent}${a.name.padEnd(width)} = ${a.text}`);
    run = [];
  };
  for (const item of items) {
    if (item.kind === 'attribute') {
      run.push({ name: item.name, text: value(item.value) });
      continue;
    }
    if (run.length > 0) flush();
    if (item.kind === 'map') writeMap(item.name, item.entries, indent, out);
    else writeBlock(item.type, item.labels, item.body, indent, out);
  }
  if (run.length > 0) flush();
}

function writeMap(name: string, entries: readonly [string, HclValue][], indent: string, out: string[]): void {
  if (entries.length === 0) {
    out.push(`${indent}${name} = {}`);
    return;
  }
  out.push(`${indent}${name} = {`);
  const inner = `${indent}  `;
  const keys = entries.map(([k]) => key(k));
  const width = Math.max(...keys.map((k) => k.length));
  entries.forEach(([, v], i) => out.push(`${inner}${keys[i]!.padEnd(width)} = ${value(v)}`));
  out.push(`${indent}}`);
}

function writeBlock(type: string, labels: readonly string[], body: readonly HclItem[], indent: string, out: string[]) {
  const head = [type, ...labels.map(quote)].join(' ');
  if (body.length === 0) {
    out.push(`${indent}${head} {}`);
    return;
  }
  out.push(`${indent}${head} {`);
  writeBody(body, `${indent}  `, out);
  out.push(`${indent}}`);
}

/** Top-level blocks, one blank line apart; `comments` are `#` lines written above a block. */
export function writeFile(blocks: readonly { comments?: readonly string[]; item: HclItem }[]): string {
  const out: string[] = [];
  blocks.forEach(({ comments, item }, i) => {
    if (i > 0) out.push('');
    for (const line of comments ?? []) out.push(`# ${line.replace(/[\r\n]+/g, ' ')}`.trimEnd());
    writeBody([item], '', out);
  });
  return `${out.join('\n')}\n`;
}
