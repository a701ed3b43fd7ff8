import { readFile } from 'node:fs/promises';
import { AppError } from '../errors';
import { parseCommandLine, wantsJson } from './args';
import type { PreflightReport } from '../scim/preflight';
import type { ScimExchange } from '../scim/types';
import { Exit, exitCodesHelp, fail, reportError, type CliCommand, type CliIo, type ExitCode } from './io';
import { parseFlag, requireFlag } from './options';

const EXAMPLE = 'okta-onboard scim preflight --base-url https://api.vendor.example/scim/v2 --token-file ./scim-token';

const usage = [
  '  okta-onboard scim preflight --base-url <url> --token-file <file> [--test-user <userName>] [--timeout-ms <ms>] [--json]',
  '',
  "  Calls the vendor's SCIM endpoint the way Okta will (lookup, create, read, PUT, deactivate,",
  '  PATCH, duplicate create) on a throw-away test user, which it deactivates and deletes at the end.',
  '',
  '  --base-url    the SCIM connector base URL, without /Users, e.g. https://api.vendor.example/scim/v2',
  "  --token-file  a file holding the vendor's SCIM bearer token (read from a file so it stays out of",
  '                shell history; it is never printed)',
  "  --test-user   the test user's userName, when the vendor only accepts its customers' email domains",
  '  --timeout-ms  per-request timeout (default 15000)',
  '  --json        print the report as JSON',
  '',
  '  The vendor unreachable, or refusing the token, exits 3.',
  `  ${exitCodesHelp}`,
].join('\n');

const STATUS_LABEL = { pass: 'PASS', warning: 'WARN', fail: 'FAIL', skipped: 'SKIP' } as const;

function usageError(io: CliIo, json: boolean, message: string, hint: string, field?: string): number {
  reportError(io, new AppError('USAGE', message, hint, field), json);
  return Exit.usage;
}

async function readToken(path: string): Promise<string> {
  let token: string;
  try {
    // Admins often copy the whole header value; Okta and the preflight add "Bearer " themselves.
    token = (await readFile(path, 'utf8')).trim().replace(/^bearer\s+/i, '');
  } catch (error) {
    const code = error !== null && typeof error === 'object' && 'code' in error ? String(error.code) : '';
    const why =
      code === 'ENOENT'
        ? 'does not exist'
        : code === 'EACCES'
          ? 'cannot be read (permission denied)'
          : code === 'EISDIR'
            ? 'is a folder, not a file'
            : `cannot be read (${code || String(error)})`;
    throw new AppError(
      'USAGE',
      `The token file ${path} ${why}.`,
      "Save the vendor's SCIM bearer token, alone, in a file only you can read (chmod 600) and pass its path with --token-file.",
      'token-file',
    );
  }
  if (token === '')
    throw new AppError(
      'USAGE',
      `The token file ${path} is empty.`,
      'Put the vendor\'s SCIM bearer token, alone, in the file (no "Bearer " prefix).',
      'token-file',
    );
  return token;
}

/**
 * 3 when the first check that failed did so because the vendor never answered, refused the token
 * or was unavailable (502-504): what it stopped is untested, not failed. Else 1 for a failed check
 * and 0 when none failed. (The first call, ServiceProviderConfig, only warns: Okta never reads it.)
 */
export function preflightExitCode(report: PreflightReport): ExitCode {
  const failed = report.checks.find((c) => c.status === 'fail');
  if (!failed) return Exit.ok;
  const refusedOrSilent =
    failed.exchanges.length > 0 &&
    failed.exchanges.every(
      (e) => e.error !== undefined || e.status === 401 || e.status === 403 || (e.status >= 502 && e.status <= 504),
    );
  return refusedOrSilent ? Exit.unreachable : Exit.failed;
}

function exchangeLine(exchange: ScimExchange, baseUrl: string): string {
  const target = exchange.url.startsWith(baseUrl) ? exchange.url.slice(baseUrl.length) || '/' : exchange.url;
  const answer =
    exchange.error !== undefined
      ? exchange.error
      : `${exchange.status}${exchange.responseHeaders['content-type'] ? ` ${exchange.responseHeaders['content-type'].split(';')[0] ?? ''}` : ''}`;
  return `        ${exchange.method} ${decodeURIComponent(target)} → ${answer} (${Math.round(exchange.durationMs)} ms)`;
}

export function formatReport(report: PreflightReport): string {
  const width = Math.max(...report.checks.map((c) => c.name.length));
  const lines = [
    `SCIM preflight of ${report.baseUrl} (started ${report.startedAt})`,
    `Test user: ${report.testUser.userName}${report.testUser.id ? ` (id ${report.testUser.id})` : ''}, left active: ${report.testUser.leftActive ? 'YES' : 'no'}`,
    '',
  ];
  for (const check of report.checks) {
    lines.push(`${STATUS_LABEL[check.status]}  ${check.name.padEnd(width)}  ${check.detail}`);
    for (const exchange of check.exchanges) lines.push(exchangeLine(exchange, report.baseUrl));
  }
  const count = (status: keyof typeof STATUS_LABEL) => report.checks.filter((c) => c.status === status).length;
  lines.push(
    '',
    `${count('pass')} passed, ${count('warning')} warning(s), ${count('fail')} failed, ${count('skipped')} skipped.`,
  );
  return lines.join('\n');
}

export const command: CliCommand = {
  summary: "Preflight a vendor's SCIM 2.0 endpoint the way Okta will call it",
  usage,
  async run(args: string[], io: CliIo): Promise<number> {
    const json = wantsJson(args);
    let parsed;
    try {
      parsed = parseCommandLine(
        args,
        {
          'base-url': { type: 'string' },
          'token-file': { type: 'string' },
          'test-user': { type: 'string' },
          'timeout-ms': { type: 'string' },
        },
        { command: 'okta-onboard scim', usage, positionals: true },
      );
    } catch (error) {
      return fail(io, error, json);
    }
    const { values, positionals } = parsed;
    if (positionals[0] !== 'preflight' || positionals.length > 1) {
      return usageError(
        io,
        json,
        positionals.length === 0 ? 'Missing subcommand.' : `Unknown subcommand "${positionals.join(' ')}".`,
        'The scim command has one subcommand: okta-onboard scim preflight --base-url <url> --token-file <file>.',
      );
    }
    const timeoutText = values['timeout-ms'];
    const timeoutMs = timeoutText === undefined ? undefined : Number(timeoutText);
    if (timeoutMs !== undefined && (!Number.isInteger(timeoutMs) || timeoutMs < 1 || timeoutMs > 60_000)) {
      return usageError(
        io,
        json,
        `--timeout-ms "${timeoutText ?? ''}" is not a whole number of milliseconds between 1 and 60000.`,
        'Okta waits up to 60 s for a SCIM answer; e.g. --timeout-ms 15000.',
        'timeout-ms',
      );
    }
    try {
      // The screen's own rule (https, no /Users, loopback http only for local test servers).
      const { ScimBaseUrlSchema } = await import('../api/step-scim');
      const baseUrl = parseFlag(ScimBaseUrlSchema, requireFlag(values['base-url'], 'base-url', EXAMPLE), 'base-url');
      const token = await readToken(requireFlag(values['token-file'], 'token-file', EXAMPLE));
      const { runScimPreflight } = await import('../scim/preflight');
      const report = await runScimPreflight({
        baseUrl,
        token,
        ...(timeoutMs !== undefined ? { timeoutMs } : {}),
        ...(values['test-user'] !== undefined ? { testUserName: values['test-user'] } : {}),
      });
      io.out(json ? JSON.stringify(report, null, 2) : formatReport(report));
      return preflightExitCode(report);
    } catch (error) {
      return fail(io, error, json);
    }
  },
};
