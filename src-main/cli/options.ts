import { z } from 'zod';
import { AppError } from '../errors';

/** Runs a zod schema over one CLI value and turns its first issue into a usage error naming the flag. */
export function parseFlag<T extends z.ZodType>(schema: T, value: unknown, flag: string): z.output<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const message = result.error.issues[0]?.message ?? 'invalid value';
  throw new AppError(
    'INVALID_ARGUMENT',
    `--${flag}: ${message}`,
    `Run the command with --help to see what --${flag} takes.`,
    flag,
  );
}

export function requireFlag(value: string | undefined, flag: string, example: string): string {
  if (value === undefined || value.trim() === '') {
    throw new AppError('MISSING_ARGUMENT', `--${flag} is required.`, `For example: ${example}`, flag);
  }
  return value;
}
