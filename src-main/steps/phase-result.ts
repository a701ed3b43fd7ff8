import type { StepContext } from './step';

/**
 * Hands what an apply produced (a preflight report, an end-to-end result) to the inspect that
 * follows it in the same phase: the runner re-inspects with the same context, and inspect must
 * stay read-only, so it cannot redo the work. The runner then keeps it in the step record's
 * `observed`, where later phases read it.
 */
export class PhaseResult<T> {
  private readonly byContext = new WeakMap<object, T>();

  keep<I>(ctx: StepContext<I>, value: T): void {
    this.byContext.set(ctx, value);
  }

  get<I>(ctx: StepContext<I>): T | undefined {
    return this.byContext.get(ctx);
  }
}
