import { describe, expect, it } from 'vitest';
import { exitForOutcomes, type StepOutcome } from '../../../src-main/cli/wizard';

const step = (stepId: StepOutcome['stepId'], status: StepOutcome['status'], optional = false): StepOutcome => ({
  stepId,
  status,
  optional,
  changes: [],
  checks: [],
  blockers: [],
});
const unreachable = { code: 'OKTA_UNREACHABLE', message: 'Okta did not answer.', hint: 'Check the network.' };

describe('exit codes of plan, apply and verify over several steps', () => {
  it('0 when every step that ran is verified; skipped and unconfigured optional steps do not count', () => {
    const outcomes = [
      step('app', 'verified'),
      step('bookmark', 'skipped', true),
      step('migrate', 'not-configured', true),
    ];
    expect(exitForOutcomes('apply', outcomes)).toBe(0);
    expect(exitForOutcomes('verify', outcomes)).toBe(0);
  });

  it('1 when a step that ran is not verified, optional or not', () => {
    expect(exitForOutcomes('verify', [step('app', 'verified'), step('bookmark', 'failed', true)])).toBe(1);
    expect(exitForOutcomes('apply', [step('app', 'needs-input')])).toBe(1);
    expect(exitForOutcomes('apply', [step('app', 'applied')])).toBe(1);
  });

  it('plan exits 0 on unapplied changes and 1 on a failed check', () => {
    expect(exitForOutcomes('plan', [step('app', 'planned'), step('migrate', 'not-configured', true)])).toBe(0);
    const failing = {
      ...step('app', 'failed'),
      checks: [{ id: 'x', label: 'X', status: 'fail' as const, detail: 'no', evidence: '' }],
    };
    expect(exitForOutcomes('plan', [failing])).toBe(1);
  });

  it('3 when a step could not reach Okta, even beside a failure', () => {
    expect(
      exitForOutcomes('verify', [step('app', 'failed'), { ...step('metadata', 'error'), error: unreachable }]),
    ).toBe(3);
  });
});
