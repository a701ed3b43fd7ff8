import { AppError } from '../errors';

/** Where a command writes; injected so tests can read what a command printed. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** A person watches (stdout is a terminal): long commands print progress. Absent means piped. */
  isTTY?: boolean;
}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  // Progress goes to stderr, for a person watching both: a pipe or a log file on either gets none.
  isTTY: process.stdout.isTTY === true && process.stderr.isTTY === true,
};

/**
 * Exit codes shared by every command: 0 all good, 1 a check or operation failed, 2 the command
 * line or an input file is unusable, 3 Okta or the vendor could not be reached or refused us.
 */
export const Exit = { ok: 0, failed: 1, usage: 2, unreachable: 3 } as const;
export type ExitCode = (typeof Exit)[keyof typeof Exit];

export const exitCodesHelp =
  'Exit codes: 0 all good, 1 a check failed, 2 usage or input error, 3 Okta or the vendor unreachable or refusing.';

/** A command module: `okta-onboard <group> ...args`. */
export interface CliCommand {
  summary: string;
  usage: string;
  run(args: string[], io: CliIo): Promise<number>;
}

// Fixed by changing the command line or a file it names.
const inputCodes =
  /^(USAGE|INVALID_\w+|MISSING_\w+|UNKNOWN_\w+|CLIENT_NOT_FOUND|CLIENT_EXISTS|INTEGRATION_NOT_FOUND|INTEGRATION_EXISTS|ORG_URL_\w+|SCIM_BASE_URL_INVALID|SCIM_TOKEN_EMPTY|OKTA_TOKEN_FORMAT|OKTA_NOT_SIGNED_IN|SAML_RESPONSE_\w+|SAML_NO_IDP_CERTIFICATE|WORKSPACE_\w+|SECRETS_FILE_\w+|PORT_IN_USE|ROTATION_STAGE|ROTATION_IN_PROGRESS|ROTATION_SWITCHED|NO_ROTATION)$/;
// Okta (or the metadata URL it serves) or the vendor did not answer, or answered with a refusal.
const remoteCodes =
  /^(OKTA_(?!TOKEN_FORMAT$|NOT_SIGNED_IN$|SIGNIN_CORRUPT$)\w+|METADATA_URL_(UNREACHABLE|TIMEOUT|HTTP_STATUS|NOT_XML)|REGISTER_API_\w+|VENDOR_SCIM_READ_FAILED)$/;

/** The one place an error becomes an exit code, so every command answers alike. */
export function exitCodeFor(error: unknown): ExitCode {
  if (error instanceof AppError) {
    if (inputCodes.test(error.code) || /^METADATA_(?!URL_(UNREACHABLE|TIMEOUT|HTTP_STATUS|NOT_XML))/.test(error.code))
      return Exit.usage;
    if (remoteCodes.test(error.code)) return Exit.unreachable;
  }
  return Exit.failed;
}

/** Prints an error the way every command does: JSON on --json, else message and hint. */
export function reportError(io: CliIo, error: unknown, json: boolean): void {
  const failure =
    error instanceof AppError
      ? { code: error.code, message: error.message, hint: error.hint, ...(error.field ? { field: error.field } : {}) }
      : {
          code: 'INTERNAL',
          message: error instanceof Error ? error.message : String(error),
          hint: 'This is a bug in okta-onboard; please report it with the command you ran.',
        };
  if (json) {
    io.out(JSON.stringify({ error: failure }, null, 2));
  } else {
    io.err(`error: ${failure.message}`);
    if (failure.hint) io.err(`hint: ${failure.hint}`);
  }
}

/** Reports a failure and answers its exit code: the tail of every command. */
export function fail(io: CliIo, error: unknown, json: boolean): ExitCode {
  reportError(io, error, json);
  return exitCodeFor(error);
}
