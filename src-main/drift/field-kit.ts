import type { z } from 'zod';
import type { DriftField } from '../api/drift';

/** The three shapes a drift field takes; an empty string counts as "Okta has nothing there". */
export const value = (key: string, label: string, v: string | undefined | null): DriftField => ({
  key,
  label,
  kind: 'value',
  value: v === undefined || v === '' ? null : v,
});

/** Sorted and without repeats, so two reads in another order are the same set. */
export const set = (key: string, label: string, values: readonly string[]): DriftField => ({
  key,
  label,
  kind: 'set',
  value: [...new Set(values)].sort(),
});

export const onOff = (key: string, label: string, on: boolean): DriftField => ({
  key,
  label,
  kind: 'switch',
  value: on ? 'on' : 'off',
});

/** The step's fields from an observation of its shape; undefined for one that does not parse (from another version). */
export function parsed<S extends z.ZodType>(
  schema: S,
  observed: unknown,
  pick: (o: z.output<S>) => DriftField[],
): DriftField[] | undefined {
  const result = schema.safeParse(observed);
  return result.success ? pick(result.data) : undefined;
}
