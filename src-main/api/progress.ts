import type { StepStatus } from './ids';
import { couldNotCheck } from './step-failure';

/** How far an integration is, counted the way an admin reads it: required steps first, skips apart. */
export interface IntegrationProgress {
  required: number;
  requiredVerified: number;
  skipped: number;
  /** Optional steps neither skipped nor verified yet. */
  optionalOpen: number;
  optionalVerified: number;
  failed: number;
  /** Steps whose last check could not reach or read Okta: not known to be failing, not verified now. */
  unchecked: number;
  /** e.g. "5 of 5 required verified, 1 skipped". */
  text: string;
}

/**
 * Counts an integration's steps. `steps` is the vendor's list (which steps are optional); a step
 * the admin skipped counts as skipped whatever its last status was, and never as verified.
 */
export function integrationProgress(
  integration: {
    steps: Partial<
      Record<string, { status: StepStatus; skippedAt?: string | undefined; lastError?: { code: string } | undefined }>
    >;
  },
  steps: readonly { id: string; optional: boolean }[],
): IntegrationProgress {
  const counts = {
    required: 0,
    requiredVerified: 0,
    skipped: 0,
    optionalOpen: 0,
    optionalVerified: 0,
    failed: 0,
    unchecked: 0,
  };
  for (const step of steps) {
    const record = integration.steps[step.id];
    if (step.optional && record?.skippedAt) {
      counts.skipped += 1;
      continue;
    }
    const verified = record?.status === 'verified';
    if (record?.status === 'failed') {
      if (couldNotCheck(record.lastError)) counts.unchecked += 1;
      else counts.failed += 1;
    }
    if (step.optional) {
      if (verified) counts.optionalVerified += 1;
      else counts.optionalOpen += 1;
    } else {
      counts.required += 1;
      if (verified) counts.requiredVerified += 1;
    }
  }
  const parts = [`${counts.requiredVerified} of ${counts.required} required verified`];
  if (counts.optionalVerified) parts.push(`${counts.optionalVerified} optional verified`);
  if (counts.skipped) parts.push(`${counts.skipped} skipped`);
  if (counts.optionalOpen) parts.push(`${counts.optionalOpen} optional to do`);
  if (counts.failed) parts.push(`${counts.failed} failed`);
  if (counts.unchecked) parts.push(`${counts.unchecked} could not be checked`);
  return { ...counts, text: parts.join(', ') };
}
