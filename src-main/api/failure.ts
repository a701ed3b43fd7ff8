import { z } from 'zod';

/** A failure as it crosses to the renderer: what went wrong and what to do about it. */
export const ApiFailureSchema = z.object({
  code: z.string(),
  message: z.string(),
  hint: z.string(),
  /** The request field at fault, as a dotted path, when the failure is about one. */
  field: z.string().optional(),
});
export type ApiFailure = z.infer<typeof ApiFailureSchema>;

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiFailure };

export function resultSchema<T extends z.ZodType>(value: T) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), value }),
    z.object({ ok: z.literal(false), error: ApiFailureSchema }),
  ]);
}

/** Turns zod issues into the failure the UI shows, naming the first field at fault. */
export function validationFailure(issues: readonly z.core.$ZodIssue[], what: 'request' | 'reply'): ApiFailure {
  const first = issues[0];
  const field = first && first.path.length > 0 ? first.path.map(String).join('.') : undefined;
  const describe = (i: z.core.$ZodIssue) =>
    i.path.length > 0 ? `${i.path.map(String).join('.')}: ${i.message}` : i.message;
  if (what === 'reply') {
    return {
      code: 'INVALID_REPLY',
      message: `The app answered with data it does not understand (${issues.map(describe).join('; ')}).`,
      hint: 'This is a bug; please report it with the step you were on.',
    };
  }
  // One issue reads best as its own sentence under the field; several are listed with their paths.
  const message = issues.length === 1 && first ? first.message : issues.map(describe).join('; ');
  return {
    code: 'INVALID_REQUEST',
    message,
    hint: field ? `Correct ${field} and try again.` : 'Correct the request and try again.',
    ...(field ? { field } : {}),
  };
}
