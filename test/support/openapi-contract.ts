import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/**
 * Okta's Management API contract (test/fixtures/okta-openapi, normalized for ajv), for checking
 * what a client sends and what the sandbox answers.
 *
 *   validateRequest('POST', '/api/v1/apps?activate=true', body)            -> string[] violations
 *   validateResponse('GET', '/api/v1/apps/0oa1', 200, 'application/json', body) -> string[]
 *
 * An empty list means the exchange conforms. URLs may be absolute or paths; query strings are
 * checked against the operation's declared parameters. Responses have `null` properties removed
 * first, as the spec README says real Okta responses need.
 */

const SPEC_PATH = fileURLToPath(
  new URL('../fixtures/okta-openapi/management-2026.06.3.normalized.json', import.meta.url),
);
const SPEC_ID = 'okta-management';

type Json = Record<string, unknown>;

interface Operation {
  template: string;
  method: string;
  operationId: string;
  definition: Json;
  pathParameters: Json[];
}

interface Loaded {
  spec: Json;
  ajv: Ajv;
  routes: { template: string; pattern: RegExp; literals: number; methods: Map<string, Operation> }[];
  compiled: WeakMap<object, ValidateFunction>;
}

let loaded: Loaded | undefined;

function load(): Loaded {
  if (loaded) return loaded;
  const spec = JSON.parse(readFileSync(SPEC_PATH, 'utf8')) as Json;
  const ajv = new Ajv({ strict: false, allErrors: true, logger: false });
  addFormats.default(ajv);
  for (const format of ['int32', 'int64', 'float', 'double', 'byte', 'binary', 'password']) ajv.addFormat(format, true);
  ajv.addSchema({ $id: SPEC_ID, components: spec.components }, SPEC_ID);
  const routes: Loaded['routes'] = [];
  for (const [template, item] of Object.entries(spec.paths as Record<string, Json>)) {
    const shared = (item.parameters as Json[] | undefined) ?? [];
    const methods = new Map<string, Operation>();
    for (const method of ['get', 'post', 'put', 'patch', 'delete']) {
      const definition = item[method] as Json | undefined;
      if (!definition) continue;
      methods.set(method.toUpperCase(), {
        template,
        method: method.toUpperCase(),
        operationId: String(definition.operationId ?? `${method} ${template}`),
        definition,
        pathParameters: [...shared, ...((definition.parameters as Json[] | undefined) ?? [])],
      });
    }
    const source = template
      .split('/')
      .map((s) => (s.startsWith('{') ? '[^/]+' : s.replace(/[.*+?^$()|[\]\\]/g, '\\$&')))
      .join('/');
    routes.push({
      template,
      pattern: new RegExp(`^${source}/?$`),
      literals: template.split('/').filter((s) => s && !s.startsWith('{')).length,
      methods,
    });
  }
  routes.sort((a, b) => b.literals - a.literals);
  loaded = { spec, ajv, routes, compiled: new WeakMap() };
  return loaded;
}

function toUrl(url: string): URL {
  return new URL(url, 'http://sandbox.invalid');
}

/** The spec operation serving `method url`, e.g. `{ template: '/api/v1/apps/{appId}', operationId: 'getApplication' }`. */
export function findOperation(method: string, url: string): { template: string; operationId: string } | undefined {
  const op = lookup(method, url);
  return op ? { template: op.template, operationId: op.operationId } : undefined;
}

function lookup(method: string, url: string): Operation | undefined {
  const { routes } = load();
  const path = toUrl(url).pathname;
  for (const route of routes) {
    if (route.pattern.test(path)) {
      const op = route.methods.get(method.toUpperCase());
      if (op) return op;
    }
  }
  return undefined;
}

/** Follows a local `$ref` (`#/components/...`) inside the spec document. */
function deref(value: unknown): Json | undefined {
  let current = value as Json | undefined;
  for (let hops = 0; current && typeof current.$ref === 'string' && hops < 10; hops += 1) {
    const pointer = (current.$ref as string).replace(/^#\//, '').split('/');
    current = pointer.reduce<unknown>(
      (node, key) => (node as Json | undefined)?.[key.replace(/~1/g, '/').replace(/~0/g, '~')],
      load().spec,
    ) as Json | undefined;
  }
  return current;
}

/** Points the schema's `#/components/...` refs at the registered spec document. */
function rebase(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(rebase);
  if (typeof schema !== 'object' || schema === null) return schema;
  return Object.fromEntries(
    Object.entries(schema).map(([k, v]) => [
      k,
      k === '$ref' && typeof v === 'string' && v.startsWith('#/') ? `${SPEC_ID}${v}` : rebase(v),
    ]),
  );
}

function validator(schema: Json): ValidateFunction {
  const { ajv, compiled } = load();
  let fn = compiled.get(schema);
  if (!fn) {
    fn = ajv.compile(rebase(schema) as Json);
    compiled.set(schema, fn);
  }
  return fn;
}

/** The properties and values a oneOf branch pins with `enum` on required properties (the normalized discriminator). */
function pins(schema: unknown, depth = 0): [string, unknown[]][] {
  const node = deref(schema);
  if (!node || depth > 6) return [];
  const found: [string, unknown[]][] = [];
  for (const [name, property] of Object.entries((node.properties as Record<string, unknown> | undefined) ?? {})) {
    const values = deref(property)?.enum;
    if ((node.required as unknown[] | undefined)?.includes(name) && Array.isArray(values)) found.push([name, values]);
  }
  for (const part of (node.allOf as unknown[] | undefined) ?? []) found.push(...pins(part, depth + 1));
  return found;
}

/**
 * Validates `value`, choosing a oneOf branch by its pinned discriminator first so a failure
 * reports that branch's errors rather than every branch's; arrays are checked item by item.
 * A top-level oneOf without discriminator passes when any branch does: the spec uses oneOf for
 * alternatives that are not exclusive (AppUserUpdateRequest: credentials or profile, neither required).
 */
function check(schema: Json, value: unknown, prefix: string, path = ''): string[] {
  const node = deref(schema) ?? schema;
  if (Array.isArray(value) && node.type === 'array' && node.items) {
    return value.flatMap((item, i) => check(node.items as Json, item, prefix, `${path}/${i}`));
  }
  if (Array.isArray(node.oneOf) && typeof value === 'object' && value !== null) {
    const branches = (node.oneOf as Json[]).filter((branch) => {
      const required = pins(branch);
      return required.length > 0 && required.every(([name, values]) => values.includes((value as Json)[name]));
    });
    if (branches.length === 1 && branches[0]) return check(branches[0], value, prefix, path);
    const unpinned = (node.oneOf as Json[]).every((branch) => pins(branch).length === 0);
    if (unpinned && (node.oneOf as Json[]).some((branch) => validator(deref(branch) ?? branch)(value))) return [];
  }
  const fn = validator(node);
  return fn(value) ? [] : describe(prefix, fn, path);
}

function describe(prefix: string, fn: ValidateFunction, path: string): string[] {
  return (fn.errors ?? []).map(
    (e) =>
      `${prefix}: ${path + e.instancePath || '(body)'} ${e.message ?? 'is invalid'}${e.params && 'allowedValues' in e.params ? ` (${JSON.stringify(e.params.allowedValues)})` : ''}${e.params && 'additionalProperty' in e.params ? ` (${String(e.params.additionalProperty)})` : ''}`,
  );
}

function isEmptyObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && Object.keys(value).length === 0;
}

/** Removes `null`-valued object properties, recursively (array items stay). */
export function dropNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(dropNulls);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => v !== null)
      .map(([k, v]) => [k, dropNulls(v)]),
  );
}

function schemaFor(content: unknown, contentType: string): Json | undefined {
  const map = content as Record<string, { schema?: Json }> | undefined;
  if (!map) return undefined;
  const base = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  return (map[base] ?? Object.entries(map).find(([k]) => k.toLowerCase() === base)?.[1])?.schema;
}

/** `contentType` names the body's media type: a `format: binary` body (a PEM certificate) is checked as text. */
export function validateRequest(
  method: string,
  url: string,
  body?: unknown,
  contentType = 'application/json',
): string[] {
  const op = lookup(method, url);
  const label = `${method.toUpperCase()} ${toUrl(url).pathname}`;
  if (!op) return [`${label}: no such operation in the Okta Management API`];
  const violations: string[] = [];
  const declared = new Map(
    op.pathParameters
      .map(deref)
      .filter((p): p is Json => p?.in === 'query')
      .map((p) => [String(p.name), p]),
  );
  for (const [name, value] of toUrl(url).searchParams) {
    const parameter = declared.get(name);
    if (!parameter) {
      violations.push(`${label}: query parameter "${name}" is not declared by ${op.operationId}`);
      continue;
    }
    const schema = parameter.schema as Json | undefined;
    if (!schema) continue;
    const coerced =
      schema.type === 'integer' || schema.type === 'number'
        ? Number(value)
        : schema.type === 'boolean'
          ? value === 'true'
            ? true
            : value === 'false'
              ? false
              : value
          : value;
    violations.push(...check(schema, coerced, `${label} ?${name}=${value}`));
  }
  const requestBody = deref(op.definition.requestBody);
  if (body === undefined) {
    if (requestBody?.required === true) violations.push(`${label}: ${op.operationId} requires a request body`);
    return violations;
  }
  const schema = schemaFor(requestBody?.content, contentType);
  if (!schema) return [...violations, `${label}: ${op.operationId} takes no ${contentType} request body`];
  if (schema.format === 'binary') {
    return typeof body === 'string' && body !== ''
      ? violations
      : [...violations, `${label}: an empty ${contentType} body`];
  }
  return [...violations, ...check(schema, body, `${label} request`)];
}

export function validateResponse(
  method: string,
  url: string,
  status: number,
  contentType: string | null | undefined,
  body: unknown,
): string[] {
  const op = lookup(method, url);
  const label = `${method.toUpperCase()} ${toUrl(url).pathname} ${status}`;
  if (!op) return [`${label}: no such operation in the Okta Management API`];
  const responses = op.definition.responses as Record<string, unknown>;
  // Any operation can answer 401/403/429/5xx in Okta's error format; the spec lists them on some only.
  const generic =
    status >= 400 ? { content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } } : undefined;
  const declared =
    deref(responses[String(status)] ?? responses[`${String(status)[0]}XX`] ?? responses.default) ?? generic;
  if (!declared) return [`${label}: status ${status} is not documented for ${op.operationId}`];
  const hasBody = body !== undefined && body !== '';
  // `content: {}` documents nothing about the body (Okta's lifecycle calls answer `{}` under it).
  if (isEmptyObject(declared.content)) return [];
  if (!declared.content) return hasBody ? [`${label}: ${op.operationId} documents no body for ${status}`] : [];
  if (!hasBody) return [`${label}: ${op.operationId} documents a body for ${status} but none came`];
  const type = contentType ?? '';
  const schema = schemaFor(declared.content, type);
  if (!schema)
    return [
      `${label}: content type "${type}" is not documented (documented: ${Object.keys(declared.content).join(', ')})`,
    ];
  return check(schema, dropNulls(body), label);
}
