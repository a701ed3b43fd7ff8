import { AppError } from '../errors';

/** Where a command writes; injected so tests can read what a command printed. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
};

/** Exit codes shared by every command. */
export const Exit = { ok: 0, failed: 1, usage: 2 } as const;

/** A command module: `okta-onboard <group> ...args`. */
export interface CliCommand {
  summary: string;
  usage: string;
  run(args: string[], io: CliIo): Promise<number>;
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
