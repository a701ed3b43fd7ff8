import { useRef, type KeyboardEvent } from 'react';
import { couldNotCheck, type Integration, type StepId, type VendorSummary } from '../../src-main/api';
import { StatusBadge } from './StatusBadge';
import { exactTime } from './when';

/**
 * The vendor's steps in order. One tab stop; arrow keys, Home and End move between steps
 * (roving focus), and moving selects, so the main panel follows the keyboard.
 */
export function StepRail({
  vendor,
  integration,
  onSelect,
}: {
  vendor: VendorSummary;
  integration: Integration;
  onSelect: (stepId: StepId) => void;
}) {
  const list = useRef<HTMLOListElement>(null);
  const ids = vendor.steps.map((s) => s.id);
  const current = integration.currentStep;

  function move(to: number) {
    const target = ids[Math.max(0, Math.min(ids.length - 1, to))];
    if (!target) return;
    onSelect(target);
    list.current?.querySelector<HTMLButtonElement>(`[data-step="${target}"]`)?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLOListElement>) {
    const index = ids.indexOf(current);
    const keys: Record<string, number> = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: ids.length - 1 };
    const to = keys[event.key];
    if (to !== undefined) {
      event.preventDefault();
      move(to);
    }
  }

  return (
    <nav className="rail" aria-label={`${vendor.name} steps`}>
      <ol ref={list} onKeyDown={onKeyDown}>
        {vendor.steps.map((step, index) => {
          const record = integration.steps[step.id];
          const status = record?.status ?? 'not-started';
          const unchecked = couldNotCheck(record?.lastError);
          const readBack = record?.lastError?.at
            ? `${unchecked ? `Could not check (${unchecked})` : 'Check failed'} at ${exactTime(record.lastError.at)}${
                record.verifiedAt ? `; last read back at ${exactTime(record.verifiedAt)}` : ''
              }`
            : record?.verifiedAt
              ? `Last read back from Okta at ${exactTime(record.verifiedAt)}`
              : 'Not read back from Okta yet';
          const selected = step.id === current;
          return (
            <li key={step.id}>
              <button
                type="button"
                data-step={step.id}
                className={`rail-step${selected ? ' selected' : ''}`}
                aria-current={selected ? 'step' : undefined}
                tabIndex={selected ? 0 : -1}
                title={readBack}
                onClick={() => onSelect(step.id)}
              >
                <span className="rail-index">{index + 1}</span>
                <span className="rail-title">
                  {step.title}
                  {step.optional ? <small> optional</small> : null}
                </span>
                <StatusBadge
                  status={status}
                  skipped={step.optional && record?.skippedAt !== undefined}
                  lastError={record?.lastError}
                />
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
