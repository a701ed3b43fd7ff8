import type { StepStatus } from '../api/model';
import type { Change, Check, StepRecord, StepView } from '../api/steps';

/** Status after a read-back: what `plan` still wants and what `verify` found. */
export function statusAfterCheck(changes: Change[], checks: Check[]): StepStatus {
  if (checks.some((c) => c.status === 'fail')) return changes.some((c) => c.kind === 'manual') ? 'applied' : 'failed';
  if (changes.length > 0) return changes.every((c) => c.kind === 'manual') ? 'applied' : 'planned';
  return 'verified';
}

/**
 * What the screen may show as current. After a failed observation nothing from the earlier one is
 * current: its observed state and plan are withheld and its checks are handed over as history, so
 * the badge, the checks and "what will change" never disagree. The record keeps them, because
 * later runs read recorded results (a SCIM preflight, an end-to-end proof) from it.
 */
export function currentObservation(record: StepRecord): StepRecord & Pick<StepView, 'staleChecks'> {
  if (!record.lastError) return record;
  const { observed: _observed, ...rest } = record;
  const staleAt = record.verifiedAt ?? record.inspectedAt;
  return {
    ...rest,
    changes: [],
    checks: [],
    ...(staleAt && record.checks.length > 0 ? { staleChecks: { at: staleAt, checks: record.checks } } : {}),
  };
}
