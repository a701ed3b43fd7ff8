import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { runInNewContext } from 'node:vm';

/**
 * Runs Okta's own SCIM test suites (Runscope "API Monitoring Tests" exports, vendored in
 * test/fixtures/okta-scim) against servers on 127.0.0.1, as Runscope would: Okta's initial script
 * makes the variables, each request step has its {{variables}} filled in, its assertions checked
 * and its variables extracted. Pause steps call `onPause` instead of sleeping.
 */

export const OKTA_SCIM_FIXTURES = resolve(import.meta.dirname, '../fixtures/okta-scim');

interface Assertion {
  comparison: string;
  source: string;
  property?: string;
  value: string | number | null;
}

interface RunscopeStep {
  step_type: string;
  note?: string;
  method?: string;
  url?: string;
  headers?: Record<string, string | string[]>;
  body?: string;
  assertions?: Assertion[];
  variables?: Array<{ source: string; name: string | null; property: string }>;
}

export interface RunscopeTest {
  name: string;
  steps: RunscopeStep[];
}

export interface StepResult {
  note: string;
  method: string;
  /** The URL as sent, variables filled in. */
  url: string;
  status: number;
  body: unknown;
  /** One line per assertion that did not hold. */
  failures: string[];
  /** Assertions on response time: never evaluated, since our tests never time. */
  notEvaluated: string[];
}

export function loadRunscopeTest(file: string): RunscopeTest {
  return JSON.parse(readFileSync(resolve(OKTA_SCIM_FIXTURES, file), 'utf8')) as RunscopeTest;
}

/** Runs Okta's initial script (plain JavaScript with a `variables` object) and returns what it set. */
export function initialVariables(file: string): Record<string, string> {
  const values: Record<string, string> = {};
  const variables = {
    set: (name: string, value: unknown) => {
      values[name] = String(value);
    },
    get: (name: string) => values[name],
  };
  runInNewContext(readFileSync(resolve(OKTA_SCIM_FIXTURES, file), 'utf8'), { variables, Math });
  return values;
}

const fill = (text: string, vars: Record<string, string>): string =>
  text.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (_match, name: string) => vars[name] ?? `{{${name}}}`);

/** `Resources[0].name.familyName` → that value of the parsed body, or undefined. */
function pick(body: unknown, path: string): unknown {
  let current: unknown = body;
  for (const part of path.split(/\.|(?=\[)/).filter((p) => p !== '')) {
    const index = /^\[(\d+)\]$/.exec(part);
    if (current === null || typeof current !== 'object') return undefined;
    current = index
      ? Array.isArray(current)
        ? current[Number(index[1])]
        : undefined
      : (current as Record<string, unknown>)[part];
  }
  return current;
}

function holds(a: Assertion, actual: unknown, expected: string): boolean {
  switch (a.comparison) {
    case 'equal_number':
      return Number(actual) === Number(expected);
    case 'equal':
      return actual !== undefined && actual !== null && String(actual) === expected;
    case 'not_empty':
      return (
        actual !== undefined && actual !== null && actual !== '' && !(Array.isArray(actual) && actual.length === 0)
      );
    case 'has_value':
    case 'contains':
      return Array.isArray(actual) ? actual.map(String).includes(expected) : String(actual ?? '').includes(expected);
    case 'is_a_number':
      return typeof actual === 'number';
    default:
      throw new Error(`Runscope comparison ${a.comparison} is not implemented by the runner`);
  }
}

function header(value: string | string[]): string {
  return Array.isArray(value) ? value.join(', ') : value;
}

/**
 * Runs the steps in order (only those whose note is in `only`, when given) and returns one result
 * per request step. Variables extracted by a step are visible to the steps after it.
 */
export async function runRunscope(
  test: RunscopeTest,
  vars: Record<string, string>,
  opts: { only?: (note: string) => boolean; onPause?: () => Promise<void> } = {},
): Promise<StepResult[]> {
  const results: StepResult[] = [];
  for (const step of test.steps) {
    if (step.step_type === 'pause') {
      await opts.onPause?.();
      continue;
    }
    const note = (step.note ?? '').trim();
    if (step.step_type !== 'request' || (opts.only && !opts.only(note))) continue;
    const url = new URL(fill(step.url ?? '', vars)).href;
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(step.headers ?? {})) headers[name] = fill(header(value), vars);
    const body = step.body ? fill(step.body, vars) : undefined;
    const method = step.method ?? 'GET';
    const response = await fetch(url, { method, headers, ...(body === undefined ? {} : { body }) });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text === '' ? undefined : (JSON.parse(text) as unknown);
    } catch {
      // Kept as text: a JSON assertion on it then fails, as in Runscope.
    }
    const result: StepResult = {
      note,
      method,
      url,
      status: response.status,
      body: parsed,
      failures: [],
      notEvaluated: [],
    };
    for (const a of step.assertions ?? []) {
      const expected = fill(String(a.value ?? ''), vars);
      const what = a.source === 'response_json' ? (a.property ?? '') : a.source;
      if (a.source === 'response_time') {
        result.notEvaluated.push(`${what} ${a.comparison} ${expected}`);
        continue;
      }
      const actual =
        a.source === 'response_status'
          ? response.status
          : a.source === 'response_json'
            ? pick(parsed, a.property ?? '')
            : undefined;
      if (!holds(a, actual, expected))
        result.failures.push(`${what} ${a.comparison} ${expected}: got ${JSON.stringify(actual) ?? 'nothing'}`);
    }
    for (const v of step.variables ?? []) {
      if (v.name === null || v.source !== 'response_json') continue;
      const value = pick(parsed, v.property);
      if (value !== undefined && value !== null) vars[v.name] = String(value);
    }
    results.push(result);
  }
  return results;
}

/** Only Okta's required tests; the optional ones (the Groups endpoint) need what our vendors may not offer. */
export const requiredOnly = (note: string): boolean => note.startsWith('Required Test');

/** `{ note: failures }` for each step, so a test shows every failed assertion at once. */
export function verdicts(results: StepResult[]): Record<string, string[]> {
  return Object.fromEntries(results.map((r) => [r.note, r.failures]));
}
