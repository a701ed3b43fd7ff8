import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { MigrateProgress, MigrateSummary } from '../../../src-main/api/channels-migrate';
import type { MigrateRoute, RouteEstimate } from '../../../src-main/api/step-migrate';
import { api, callFailed } from '../../api/client';
import { useUi } from '../../state/ui';

const POLL_MS = 400;

export function minutesText(minutes: number): string {
  if (minutes < 1) return `${Math.max(1, Math.round(minutes * 60))} s`;
  if (minutes < 90) return `${Math.round(minutes * 10) / 10} min`;
  return `${Math.floor(minutes / 60)} h ${Math.round(minutes % 60)} min`;
}

const ROUTE_WORDS: Record<'direct' | 'group', { title: string; how: string }> = {
  direct: {
    title: 'Direct',
    how: 'One app assignment per person, with their role (Okta’s /api/v1/apps bucket).',
  },
  group: {
    title: 'Group',
    how: 'One group per role, assigned to the app with that role; each person is added to their group (the larger group-membership bucket).',
  },
};

/** Main's progress of the running apply, and the time left from the pace of the last half minute. */
function useRunProgress(integrationId: string, running: boolean) {
  const [state, setState] = useState<{ progress: MigrateProgress; minutesLeft?: number } | undefined>(undefined);
  const samples = useRef<{ at: number; done: number }[]>([]);
  const take = useCallback((progress: MigrateProgress) => {
    const now = Date.now();
    samples.current = progress.paused
      ? []
      : [...samples.current.filter((s) => now - s.at < 30_000), { at: now, done: progress.done }];
    const first = samples.current[0];
    const latest = samples.current[samples.current.length - 1];
    let minutesLeft: number | undefined;
    if (first && latest && latest.done > first.done && latest.at > first.at) {
      const perMs = (latest.done - first.done) / (latest.at - first.at);
      minutesLeft = (progress.total - progress.done) / perMs / 60_000;
    }
    setState(minutesLeft === undefined ? { progress } : { progress, minutesLeft });
  }, []);
  useEffect(() => {
    if (!running) return;
    let live = true;
    samples.current = [];
    const poll = () =>
      void api.migrate
        .progress({ integrationId })
        .catch(callFailed)
        .then((r) => {
          if (live && r.ok) take(r.value);
        });
    poll();
    const timer = setInterval(poll, POLL_MS);
    return () => {
      live = false;
      clearInterval(timer);
      setState(undefined);
    };
  }, [integrationId, running, take]);
  return { progress: state?.progress, minutesLeft: state?.minutesLeft, take };
}

function EstimateLine({ estimate }: { estimate: RouteEstimate }) {
  return (
    <span className="muted">
      {estimate.calls.toLocaleString('en')} calls:{' '}
      {estimate.limits
        .filter((l) => l.calls > 0)
        .map(
          (l) => `${l.calls} × ${l.bucket} at ${l.perMinute === null ? 'a limit not read yet' : `${l.perMinute}/min`}`,
        )
        .join('; ')}
    </span>
  );
}

/** Step 3: the route (with the minutes each takes at the limits Okta's headers showed), the run and its control. */
export function RunPanel({
  integrationId,
  summary,
  applying,
  busy,
  apply,
  saveRoute,
}: {
  integrationId: string;
  summary: MigrateSummary;
  applying: boolean;
  busy: boolean;
  apply: () => Promise<boolean>;
  saveRoute: (route: MigrateRoute) => Promise<boolean>;
}) {
  const id = useId();
  const { progress, minutesLeft, take } = useRunProgress(integrationId, applying);
  // The admin's click shows at once; main's saved route takes over once the save (and its new plan) is in.
  const [choosing, setChoosing] = useState<MigrateRoute | undefined>(undefined);
  const wanted = choosing ?? summary.wanted;
  const work = summary.toAssign + summary.toCreate;
  const estimates = new Map(summary.estimates.map((e) => [e.route, e]));
  const direct = estimates.get('direct')?.minutes ?? null;
  const group = estimates.get('group')?.minutes ?? null;
  const sooner = direct === null || group === null ? undefined : group < direct ? 'group' : 'direct';

  async function control(command: 'pause' | 'resume' | 'cancel') {
    const r = await api.migrate.control({ integrationId, command }).catch(callFailed);
    if (r.ok) take(r.value);
    else useUi.getState().showFailure(r.error);
  }

  // Main keeps these per run, so a new run (from here or the toolbar) starts unpaused.
  const paused = progress?.paused === true;
  const cancelling = progress?.cancelling === true;
  const stoppedAt = progress?.message.startsWith('Paused') === true;
  return (
    <section className="step-section migrate-run" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>3. Route and run</h2>
      <p data-work={work}>
        {summary.toAssign.toLocaleString('en')} to assign
        {summary.toCreate > 0 ? ` and ${summary.toCreate.toLocaleString('en')} to create in Okta first` : ''}.
      </p>
      <fieldset className="choice-group migrate-routes" disabled={busy}>
        <legend>Route</legend>
        {(['auto', 'direct', 'group'] as const).map((route) => {
          const estimate = route === 'auto' ? undefined : estimates.get(route);
          return (
            <label className="choice" key={route} data-route={route}>
              <input
                type="radio"
                name={`${id}-route`}
                value={route}
                checked={wanted === route}
                onChange={() => {
                  setChoosing(route);
                  void saveRoute(route).finally(() => setChoosing(undefined));
                }}
              />
              <span>
                <strong>
                  {route === 'auto'
                    ? `Whichever finishes sooner${sooner ? ` (now: ${ROUTE_WORDS[sooner].title.toLowerCase()})` : ''}`
                    : ROUTE_WORDS[route].title}
                </strong>
                {estimate && route !== 'auto' ? (
                  <>
                    {' — '}
                    <span data-route-minutes={route}>
                      {estimate.minutes === null ? 'time unknown' : `about ${minutesText(estimate.minutes)}`}
                    </span>
                    {sooner === route ? <span className="badge sooner"> finishes sooner</span> : null}
                    <br />
                    <span>{ROUTE_WORDS[route].how}</span>
                    <br />
                    <EstimateLine estimate={estimate} />
                  </>
                ) : (
                  <>
                    <br />
                    <span className="muted">Chosen from the limits read when the plan is made.</span>
                  </>
                )}
              </span>
            </label>
          );
        })}
      </fieldset>
      {summary.route ? (
        <p className="muted" data-route-chosen={summary.route}>
          {ROUTE_WORDS[summary.route].title} route. {summary.routeWhy}
        </p>
      ) : null}
      {!applying ? (
        <div className="actions">
          <button type="button" className="primary" disabled={busy || work === 0} onClick={() => void apply()}>
            {work === 0
              ? 'Nobody to migrate'
              : `Migrate ${work.toLocaleString('en')} ${work === 1 ? 'person' : 'people'}`}
          </button>
        </div>
      ) : (
        <div className="apply-progress migrate-progress" data-apply-progress data-paused={paused}>
          <label htmlFor={`${id}-bar`}>
            {progress && progress.total > 0
              ? `${progress.done.toLocaleString('en')} of ${progress.total.toLocaleString('en')}`
              : 'Reading Okta before the first write…'}
          </label>
          <progress id={`${id}-bar`} max={Math.max(1, progress?.total ?? 1)} value={progress?.done ?? 0} />
          <p aria-live="polite" data-progress-message>
            {cancelling
              ? 'Cancelling: the current write finishes, then the run stops.'
              : paused
                ? stoppedAt
                  ? `${progress?.message}. Nothing is written until you resume.`
                  : 'Pausing: the current write finishes first…'
                : (progress?.message ?? '')}
          </p>
          {!paused && minutesLeft !== undefined ? (
            <p className="muted" data-time-left>
              About {minutesText(minutesLeft)} left at the pace of the last half minute.
            </p>
          ) : null}
          <div className="actions">
            {paused ? (
              <button type="button" onClick={() => void control('resume')} disabled={cancelling}>
                Resume
              </button>
            ) : (
              <button type="button" onClick={() => void control('pause')} disabled={cancelling}>
                Pause
              </button>
            )}
            <button type="button" onClick={() => void control('cancel')} disabled={cancelling}>
              Cancel
            </button>
          </div>
          <p className="muted">
            A cancelled run keeps what it did; Migrate again resumes with the people still to do, and never writes
            anyone twice.
          </p>
        </div>
      )}
    </section>
  );
}
