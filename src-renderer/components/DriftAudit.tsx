import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiFailure, AuditReport, IntegrationAudit, StepAudit } from '../../src-main/api';
import { api } from '../api/client';
import { change } from '../api/use-main';
import { useUi } from '../state/ui';
import { exactTime } from '../wizard/when';
import './drift.css';

type State = { kind: 'running' } | { kind: 'done'; report: AuditReport } | { kind: 'failed'; error: ApiFailure };

const STEP_WORDS: Record<StepAudit['result'], string> = {
  same: 'As last verified',
  drift: 'Changed in Okta',
  failing: 'Failing a check',
  'new-baseline': 'Verified now; nothing was recorded before, so this state is recorded',
  unverified: 'Not verified yet (setup unfinished); nothing to compare',
  error: 'Could not be read',
};

const INTEGRATION_WORDS: Record<IntegrationAudit['result'], string> = {
  same: 'No drift',
  drift: 'Drift found',
  unreachable: 'Okta could not be read',
};

function StepResult({ step }: { step: StepAudit }) {
  return (
    <li className="drift-step" data-result={step.result} data-step={step.stepId}>
      <strong>{step.title}</strong>: {STEP_WORDS[step.result]}
      {step.baselineAt && step.result !== 'same' ? (
        <span className="muted"> (compared with the state verified {exactTime(step.baselineAt)})</span>
      ) : null}
      {step.changes.length + step.recordedNow.length + step.wizardWouldChange.length + step.failingChecks.length > 0 ||
      step.error ? (
        <ul>
          {step.changes.map((c) => (
            <li key={c.key} data-testid="drift-change">
              {c.summary}
            </li>
          ))}
          {step.recordedNow.map((r) => (
            <li key={r.key} className="muted" data-testid="drift-recorded-now">
              {r.summary}
            </li>
          ))}
          {step.wizardWouldChange.map((w) => (
            <li key={w}>The wizard would now change {w}</li>
          ))}
          {step.failingChecks.map((c) => (
            <li key={c.id} className="drift-failing">
              Fails: {c.label}: {c.detail}
            </li>
          ))}
          {step.error ? (
            <li className="drift-failing">
              {step.error.message} {step.error.hint}
            </li>
          ) : null}
        </ul>
      ) : null}
    </li>
  );
}

/**
 * Accepting is a decision about what Okta has now, so it is offered only after the changes were
 * shown, names the steps it covers and asks for a confirmation; it is recorded in the audit log.
 */
function AcceptCurrent({ audit }: { audit: IntegrationAudit }) {
  const stepIds = audit.steps.filter((s) => s.result === 'drift' || s.result === 'failing').map((s) => s.stepId);
  const [reviewed, setReviewed] = useState(false);
  const [accepted, setAccepted] = useState<string | undefined>(undefined);
  if (stepIds.length === 0) return null;
  if (accepted) return <p role="status">{accepted}</p>;
  return (
    <div className="drift-accept">
      <label>
        <input type="checkbox" checked={reviewed} onChange={(e) => setReviewed(e.target.checked)} /> I reviewed these
        changes; they are wanted
      </label>
      <button
        type="button"
        disabled={!reviewed}
        onClick={() =>
          void change(api.drift.accept({ integrationId: audit.integration.id, stepIds })).then((result) => {
            if (!result.ok) return;
            setAccepted(
              `Accepted as the verified state of ${audit.integration.label}: ${result.value.accepted.join(', ')}. Recorded in the audit log.`,
            );
          })
        }
      >
        Accept the current state as verified
      </button>
      <p className="muted">
        Later audits compare against what Okta has now. Failing checks still fail: to put Okta back instead, open the
        step and Apply.
      </p>
    </div>
  );
}

function IntegrationResult({ audit }: { audit: IntegrationAudit }) {
  const same = audit.steps.filter((s) => s.result === 'same');
  const others = audit.steps.filter((s) => s.result !== 'same');
  return (
    <section
      className="drift-integration"
      data-result={audit.result}
      aria-label={`${audit.client.name} / ${audit.integration.label}`}
    >
      <h3>
        {audit.client.name} / {audit.integration.label}: {INTEGRATION_WORDS[audit.result]}
      </h3>
      {others.length > 0 ? (
        <ul className="drift-steps">
          {others.map((s) => (
            <StepResult key={s.stepId} step={s} />
          ))}
        </ul>
      ) : null}
      {same.length > 0 ? <p className="muted">As last verified: {same.map((s) => s.title).join(', ')}.</p> : null}
      {audit.steps.length === 0 ? <p className="muted">No step has been verified yet; nothing to compare.</p> : null}
      <AcceptCurrent audit={audit} />
    </section>
  );
}

/** The Audit button's dialog: the same report as `okta-onboard audit`, for one integration or all of them. */
export function DriftAudit({ integrationId }: { integrationId: string | undefined }) {
  const [state, setState] = useState<State>({ kind: 'running' });
  const dataChanged = useUi((s) => s.dataChanged);
  const running = useRef(false);
  const run = useCallback(async () => {
    if (running.current) return;
    running.current = true;
    setState({ kind: 'running' });
    const result = integrationId ? await api.drift.audit({ integrationId }) : await api.drift.auditAll({});
    running.current = false;
    setState(result.ok ? { kind: 'done', report: result.value } : { kind: 'failed', error: result.error });
    // The audit re-verified the steps: the screens behind the dialog show what it read.
    dataChanged();
  }, [integrationId, dataChanged]);
  useEffect(() => {
    void run();
  }, [run]);

  if (state.kind === 'running')
    return (
      <p role="status" aria-live="polite">
        Reading {integrationId ? 'every verified step' : "every client's integrations"} from Okta again (read-only
        calls, nothing is changed)…
      </p>
    );
  if (state.kind === 'failed')
    return (
      <div className="inline-error" role="alert">
        <strong>{state.error.message}</strong> <span>{state.error.hint}</span>
      </div>
    );
  const { report } = state;
  const s = report.summary;
  return (
    <div className="drift-report" data-testid="drift-report">
      <p role="status">
        Audited {exactTime(report.finishedAt)}: {s.integrations} integration{s.integrations === 1 ? '' : 's'},{' '}
        {s.drifted} with drift or a failing check, {s.unreachable} unreachable, {s.same} as last verified.
      </p>
      {report.integrations.map((audit) => (
        <IntegrationResult key={audit.integration.id} audit={audit} />
      ))}
      {report.unreachable.map((p) => (
        <section key={p.client.id} className="drift-integration" data-result="unreachable">
          <h3>
            {p.client.name}: Okta could not be read ({p.client.orgUrl})
          </h3>
          <p>
            {p.message} {p.hint}
          </p>
          <p className="muted">Not audited: {p.integrations.map((i) => i.label).join(', ')}.</p>
        </section>
      ))}
      <div className="actions">
        <button type="button" onClick={() => void run()}>
          Audit again
        </button>
      </div>
    </div>
  );
}
