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
  const detail = issues.map((i) => `${i.path.length > 0 ? i.path.map(String).join('.') : '(root)'}: ${i.message}`).join('; ');
  return what === 'request'
    ? { code: 'INVALID_REQUEST', message: `Invalid ${field ?? 'request'}: ${detail}`, hint: 'Correct the highlighted field and try again.', ...(field ? { field } : {}) }
    : { code: 'INVALID_REPLY', message: `The app answered with data it does not understand (${detail}).`, hint: 'This is a bug; please report it with the step you were on.' };
}
