import type { StepStatus } from '../../src-main/api';
import { describeStatus } from './status';

const glyph = { idle: '○', attention: '!', progress: '◐', good: '✓', bad: '✕' } as const;

export function StatusBadge({ status }: { status: StepStatus }) {
  const { label, tone } = describeStatus(status);
  return (
    <span className={`status status-${tone}`} data-status={status}>
      <span aria-hidden="true">{glyph[tone]}</span> {label}
    </span>
  );
}
