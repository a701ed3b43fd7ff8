import { Suspense, useCallback, useEffect, useState } from 'react';
import type { ApiFailure, ApiResult, Integration, StepView, VendorSummary } from '../../src-main/api';
import { api, callFailed } from '../api/client';
import { change } from '../api/use-main';
import { useUi } from '../state/ui';
import { stepScreens } from '../steps';
import { Checks } from './Checks';
import { Leftovers } from './Leftovers';
import { StatusBadge } from './StatusBadge';
import { StatusLine } from './StatusLine';
import { exactTime } from './when';

type Phase = 'inspect' | 'apply' | 'verify' | 'save' | 'skip';

/** The frame every step shares: the guide's words, the step's own screen, actions and checks. */
export function StepScreen({
  vendor,
  integration,
  onView,
}: {
  vendor: VendorSummary;
  integration: Integration;
  onView: (view: StepView | undefined) => void;
}) {
  const stepId = integration.currentStep;
  const step = vendor.steps.find((s) => s.id === stepId);
  const revision = useUi((s) => s.revision);
  const [view, setView] = useState<StepView | undefined>(undefined);
  const [viewFailure, setViewFailure] = useState<ApiFailure | undefined>(undefined);
  const [reads, setReads] = useState(0);
  const [busy, setBusy] = useState<Phase | undefined>(undefined);
  const [fieldError, setFieldError] = useState<{ field: string; message: string } | undefined>(undefined);
  const ref = { integrationId: integration.id, stepId };

  const show = useCallback(
    (next: StepView | undefined) => {
      setView(next);
      onView(next);
    },
    [onView],
  );

  useEffect(() => {
    let live = true;
    void api.steps
      .view({ integrationId: integration.id, stepId })
      .catch(callFailed)
      .then((result) => {
        if (!live) return;
        // A step that cannot be read says so, with a way to try again, instead of showing nothing.
        setViewFailure(result.ok ? undefined : result.error);
        show(result.ok ? result.value : undefined);
      });
    return () => {
      live = false;
    };
  }, [integration.id, stepId, revision, reads, show]);

  async function run(phase: Phase, call: () => Promise<ApiResult<StepView>>): Promise<boolean> {
    setBusy(phase);
    let result: ApiResult<StepView>;
    try {
      result = await change(call(), { fieldsInline: phase === 'save' });
    } finally {
      // Whatever happened, the buttons come back: a failed call must never leave the step locked.
      setBusy(undefined);
    }
    if (result.ok) {
      setFieldError(undefined);
      // "Did not start" next to a screen that now reads fine would contradict it.
      useUi.getState().clearErrors();
      show(result.value);
      return true;
    }
    // A failed check is recorded by main (the step's status, lastError and its time): read it back
    // now, so the badge, the rail and the overview say what is true instead of the last success.
    // Not after a failed apply: main records a refusal before any write (the provisioning proof's
    // "did not start") as a failed observation too, which would take away the screen the refusal's
    // hint points to; the toast says what happened and the next Check Okta reads the step.
    if (phase === 'inspect' || phase === 'verify') useUi.getState().dataChanged();
    const { field, message } = result.error;
    // Main prefixes the field for messages read out of context; under the field itself it is noise.
    if (field)
      setFieldError({ field, message: message.startsWith(`${field}: `) ? message.slice(field.length + 2) : message });
    return false;
  }

  const leaveScreen = useUi((s) => s.leaveScreen);
  // A message belongs to the step that raised it; moving to another step takes it away.
  useEffect(() => () => leaveScreen(), [stepId, leaveScreen]);

  const Screen = stepScreens[stepId];
  const skipped = step?.optional === true && view?.skippedAt !== undefined;
  const automatic = view?.changes.filter((c) => c.kind !== 'manual').length ?? 0;

  return (
    <section className="step" aria-labelledby="step-title" data-step-screen={stepId}>
      <header className="step-header">
        <div>
          <p className="eyebrow">
            {vendor.name} · step {vendor.steps.findIndex((s) => s.id === stepId) + 1} of {vendor.steps.length}
          </p>
          <h1 id="step-title">{step?.title ?? stepId}</h1>
          <p className="guide-quote">{step?.summary}</p>
        </div>
        {view ? (
          <div className="step-status">
            <StatusBadge status={view.status} skipped={skipped} lastError={view.lastError} />
            <StatusLine view={view} />
          </div>
        ) : null}
      </header>
      {skipped && view?.skippedAt ? (
        <p className="needs-input" data-skipped>
          You skipped this optional step on {exactTime(view.skippedAt)}. The overview counts it as skipped, not
          verified; un-skip it to set it up.
        </p>
      ) : null}
      {/* Input still to enter is not an error: one calm line; the words show next to each field after Save. */}
      {view?.blockers.some((b) => b.field) ? (
        <p className="needs-input" data-needs-input>
          To continue, fill in {[...new Set(view.blockers.flatMap((b) => (b.label ? [b.label] : [])))].join(', ')} above
          and save.
        </p>
      ) : null}
      {view?.blockers.some((b) => !b.field) ? (
        <ul className="blockers" aria-label="Before this step can run">
          {view.blockers
            .filter((b) => !b.field)
            .map(({ message, hint, stepId: earlier }) => (
              <li key={message}>
                <strong>{message}</strong> <span>{hint}</span>{' '}
                {earlier ? (
                  <button
                    type="button"
                    className="link-button"
                    onClick={() =>
                      void change(api.integrations.open({ integrationId: integration.id, stepId: earlier }))
                    }
                  >
                    Go to “{vendor.steps.find((s) => s.id === earlier)?.title ?? earlier}”
                  </button>
                ) : null}
              </li>
            ))}
        </ul>
      ) : null}
      {viewFailure ? (
        <div className="inline-error" role="alert" data-view-failure>
          <strong>This step could not be read: {viewFailure.message}</strong>
          <span>{viewFailure.hint}</span>{' '}
          <button type="button" onClick={() => setReads((n) => n + 1)}>
            Try again
          </button>
        </div>
      ) : null}
      {view ? <Leftovers leftovers={view.leftovers} /> : null}
      {view?.lastError ? (
        <div className="inline-error" role="alert">
          <strong>{view.lastError.message}</strong>
          <span>{view.lastError.hint}</span>
        </div>
      ) : null}
      {view && Screen ? (
        <Suspense fallback={<p className="muted">Loading…</p>}>
          <Screen
            view={view}
            vendor={vendor}
            integration={integration}
            busy={busy !== undefined}
            applying={busy === 'apply'}
            apply={() => run('apply', () => api.steps.apply(ref))}
            fieldError={fieldError}
            save={(input) => run('save', () => api.steps.saveInput({ ...ref, input }))}
          />
        </Suspense>
      ) : null}
      <div className="step-actions" role="toolbar" aria-label="Step actions">
        <button
          type="button"
          disabled={busy !== undefined}
          onClick={() => void run('inspect', () => api.steps.inspect(ref))}
        >
          {busy === 'inspect' ? 'Checking…' : 'Check Okta'}
        </button>
        <button
          type="button"
          className="primary"
          disabled={busy !== undefined || !view?.inspectedAt || (automatic === 0 && !view.leftovers.length)}
          onClick={() => void run('apply', () => api.steps.apply(ref))}
        >
          {busy === 'apply'
            ? 'Applying…'
            : automatic > 0
              ? `Apply ${automatic} change${automatic === 1 ? '' : 's'}`
              : view?.leftovers.length
                ? 'Remove what was left'
                : 'Nothing to apply'}
        </button>
        <button
          type="button"
          disabled={busy !== undefined || !view?.inspectedAt}
          onClick={() => void run('verify', () => api.steps.verify(ref))}
        >
          {busy === 'verify' ? 'Verifying…' : 'Verify'}
        </button>
        {step?.optional ? (
          <button
            type="button"
            disabled={busy !== undefined}
            onClick={() => void run('skip', () => api.steps.skip({ ...ref, skipped: !skipped }))}
          >
            {busy === 'skip' ? 'Saving…' : skipped ? 'Un-skip this step' : 'Skip this optional step'}
          </button>
        ) : null}
      </div>
      {view ? (
        view.staleChecks ? (
          <Checks checks={view.staleChecks.checks} staleAt={view.staleChecks.at} />
        ) : (
          <Checks checks={view.checks} />
        )
      ) : null}
    </section>
  );
}
