import { couldNotCheck, type StepRecord, type StepStatus } from '../../src-main/api';
import { describeStatus } from './status';

const glyph = { idle: '○', attention: '!', progress: '◐', good: '✓', bad: '✕' } as const;

/**
 * A skipped optional step shows "Skipped" whatever its last read-back said; the admin chose to leave
 * it out. A step whose last check could not reach or read Okta is not known to be failing: it says
 * "Could not check" (its status stays main's "failed": it is not verified now).
 */
export function StatusBadge({
  status,
  skipped = false,
  lastError,
}: {
  status: StepStatus;
  skipped?: boolean;
  lastError?: StepRecord['lastError'];
}) {
  const { label, tone } = skipped
    ? { label: 'Skipped', tone: 'idle' as const }
    : status === 'failed' && couldNotCheck(lastError)
      ? { label: 'Could not check', tone: 'attention' as const }
      : describeStatus(status);
  return (
    <span className={`status status-${tone}`} data-status={skipped ? 'skipped' : status}>
      <span aria-hidden="true">{glyph[tone]}</span> {label}
    </span>
  );
}
