/**
 * A failure an admin can act on. Thrown anywhere below the api layer; the dispatcher turns it into
 * the `{ code, message, hint }` value that crosses to the renderer, and the CLI prints it.
 */
export class AppError extends Error {
  readonly code: string;
  readonly hint: string;
  readonly field: string | undefined;

  constructor(code: string, message: string, hint: string, field?: string) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.hint = hint;
    this.field = field;
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}
