import type { StepStatus } from '../../src-main/api';

function assertNever(value: never): never {
  throw new Error(`Unexpected step status: ${String(value)}`);
}

/** Label and tone of each status; exhaustive so a new status cannot be forgotten. */
export function describeStatus(status: StepStatus): {
  label: string;
  tone: 'idle' | 'attention' | 'progress' | 'good' | 'bad';
} {
  switch (status) {
    case 'not-started':
      return { label: 'Not started', tone: 'idle' };
    case 'needs-input':
      return { label: 'Needs input', tone: 'attention' };
    case 'planned':
      return { label: 'Planned', tone: 'progress' };
    case 'applied':
      return { label: 'Applied', tone: 'progress' };
    case 'verified':
      return { label: 'Verified', tone: 'good' };
    case 'failed':
      return { label: 'Failed', tone: 'bad' };
    default:
      return assertNever(status);
  }
}
