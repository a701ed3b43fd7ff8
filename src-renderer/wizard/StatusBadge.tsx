import type { StepStatus } from '../../src-main/api';
import { describeStatus } from './status';

const glyph = { idle: '○', attention: '!', progress: '◐', good: '✓', bad: '✕' } as const;

/** A skipped optional step shows "Skipped" whatever its last read-back said; the admin chose to leave it out. */
export function StatusBadge({ status, skipped = false }: { status: StepStatus; skipped?: boolean }) {
  const { label, tone } = skipped ? { label: 'Skipped', tone: 'idle' as const } : describeStatus(status);
  return (
    <span className={`status status-${tone}`} data-status={skipped ? 'skipped' : status}>
      <span aria-hidden="true">{glyph[tone]}</span> {label}
    </span>
  );
}
