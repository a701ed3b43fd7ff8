import { parseArgs, type ParseArgsConfig } from 'node:util';
import { AppError } from '../errors';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Options every command takes, so a script can pass them to any command alike. */
const GLOBAL_OPTIONS = {
  'data-dir': { type: 'string' },
  json: { type: 'boolean' },
} as const satisfies Options;

/**
 * Whether the command line asks for JSON, read before parsing: a usage error is then reported as
 * JSON too, so a script reading stdout always gets one JSON document. Arguments after `--` are
 * positionals, never options.
 */
export function wantsJson(args: readonly string[]): boolean {
  const end = args.indexOf('--');
  return (end < 0 ? args : args.slice(0, end)).includes('--json');
}

/** The option a parseArgs message names first, e.g. `'--client <value>'` → `client`. */
function optionNamed(message: string): string | undefined {
  return /'(?:-\w, )?--([\w-]+)/.exec(message)?.[1];
}

/** Edit distance, to suggest the option a typo meant (`--clinet` → `--client`). */
function distance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++)
      next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length]!;
}

function closest(name: string, known: readonly string[]): string | undefined {
  const ranked = known.map((k) => ({ k, d: distance(name, k) })).sort((x, y) => x.d - y.d);
  const best = ranked[0];
  return best && best.d <= Math.max(2, Math.floor(name.length / 3)) ? best.k : undefined;
}

/** A parseArgs refusal in words that name the option and the fix, with the command's usage. */
function usageError(error: Error & { code: string }, options: Options, command: string, usage: string): AppError {
  const known = Object.keys(options).sort();
  const hint = `Use:\n${usage}`;
  const name = optionNamed(error.message);
  if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const given = /'(-[^']*)'/.exec(error.message)?.[1] ?? '';
    const meant = closest(given.replace(/^-+/, ''), known);
    return new AppError(
      'USAGE',
      `Unknown option '${given}'. ${meant ? `Did you mean --${meant}? ` : ''}${command} takes ${known.map((k) => `--${k}`).join(', ')}.`,
      hint,
      given.replace(/^-+/, '') || undefined,
    );
  }
  if (error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && name !== undefined) {
    if (options[name]?.type === 'boolean')
      return new AppError('USAGE', `Option '--${name}' takes no value.`, `Write --${name} alone.\n${hint}`, name);
    const ambiguous = /ambiguous/.test(error.message);
    return new AppError(
      'USAGE',
      ambiguous
        ? `Option '--${name}' needs a value, but the next argument is another option.`
        : `Option '--${name}' needs a value.`,
      `Write --${name} <value>${ambiguous ? ` (a value that starts with "-" as --${name}=-value)` : ''}.\n${hint}`,
      name,
    );
  }
  if (error.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
    const given = /'([^']*)'/.exec(error.message)?.[1] ?? '';
    return new AppError(
      'USAGE',
      `Unexpected argument '${given}': ${command} takes options only.`,
      `Name each value with its option, e.g. --client "Acme".\n${hint}`,
    );
  }
  return new AppError('USAGE', error.message, hint);
}

function isParseArgsError(error: unknown): error is Error & { code: string } {
  return error instanceof Error && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS_');
}

/**
 * The one way every command reads its command line: node:util's strict parseArgs plus the global
 * options, with an unknown option, a missing value or a stray argument turned into a USAGE error
 * (exit 2) that names the option and the fix.
 */
export function parseCommandLine<const T extends Options>(
  args: string[],
  options: T,
  how: { command: string; usage: string; positionals?: boolean },
) {
  const all = { ...GLOBAL_OPTIONS, ...options };
  try {
    return parseArgs({ args, options: all, allowPositionals: how.positionals === true, strict: true });
  } catch (error) {
    if (isParseArgsError(error)) throw usageError(error, all, how.command, how.usage);
    throw error;
  }
}
