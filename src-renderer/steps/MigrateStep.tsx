import { useCallback, useEffect, useState } from 'react';
import type { MigrateSummary } from '../../src-main/api/channels-migrate';
import type { ApiFailure } from '../../src-main/api';
import { api, callFailed } from '../api/client';
import { change } from '../api/use-main';
import { useUi } from '../state/ui';
import { exactTime } from '../wizard/when';
import { ImportPanel } from './migrate/ImportPanel';
import { NO_FILTER, ReviewTable } from './migrate/ReviewTable';
import { RoleMapping, savedRoleMap } from './migrate/RoleMapping';
import { RunPanel } from './migrate/RunPanel';
import type { StepScreenProps } from './types';
import './migrate.css';

/** The summary main computes from the import and its last match (no call to Okta), read again after every change. */
function useSummary(integrationId: string, live: boolean) {
  const revision = useUi((s) => s.revision);
  const [summary, setSummary] = useState<MigrateSummary | undefined>(undefined);
  const [failure, setFailure] = useState<ApiFailure | undefined>(undefined);
  const [reads, setReads] = useState(0);
  useEffect(() => {
    let current = true;
    void api.migrate
      .summary({ integrationId })
      .catch(callFailed)
      .then((r) => {
        if (!current) return;
        if (r.ok) {
          setSummary(r.value);
          setFailure(undefined);
        } else setFailure(r.error);
      });
    return () => {
      current = false;
    };
  }, [integrationId, revision, reads]);
  useEffect(() => {
    if (!live) return;
    const timer = setInterval(() => setReads((n) => n + 1), 2000);
    return () => clearInterval(timer);
  }, [live]);
  const reload = useCallback(() => setReads((n) => n + 1), []);
  return { summary, failure, reload };
}

/** What is left to do at the vendor, in the guide's words, with the rows each point is about. */
function FollowUp({ summary }: { summary: MigrateSummary }) {
  const count = (c: string) => summary.classes.find((x) => x.id === c)?.rows ?? 0;
  const consumer = count('consumer');
  const dropped = summary.notInOkta.drop + summary.notInOkta.undecided;
  return (
    <section className="step-section migrate-follow-up" aria-labelledby="migrate-follow-up-title">
      <h2 id="migrate-follow-up-title">4. Then, in {summary.vendorName}</h2>
      {summary.followUp.length > 0 ? (
        <ul data-follow-up>
          {summary.followUp.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      ) : null}
      {summary.guideSteps.length > 0 ? (
        <>
          <h3>The guide&rsquo;s steps for existing users</h3>
          <ol>
            {summary.guideSteps.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ol>
        </>
      ) : null}
      {summary.state === 'matched' ? (
        <ul className="migrate-follow-up-rows">
          {summary.outsideDomains.length > 0 ? (
            <li data-outside-domains>
              Outside the integration&rsquo;s domains:{' '}
              {summary.outsideDomains.map((d) => `${d.domain} (${d.rows})`).join(', ')}.
            </li>
          ) : null}
          {consumer > 0 ? (
            <li>
              {consumer} consumer address{consumer === 1 ? '' : 'es'} (filter “Consumer address” above).
            </li>
          ) : null}
          {dropped > 0 ? (
            <li>
              {dropped} {dropped === 1 ? 'person' : 'people'} not in Okta and not created: they keep their{' '}
              {summary.vendorName} account without Okta.
            </li>
          ) : null}
        </ul>
      ) : null}
    </section>
  );
}

/** The migrate step: import the vendor's users, review the match, choose the route, run it, and follow up. */
export default function MigrateStep({ view, integration, busy, applying, apply, save }: StepScreenProps) {
  const { summary, failure, reload } = useSummary(integration.id, applying);
  const [filter, setFilter] = useState(NO_FILTER);
  const [matching, setMatching] = useState(false);

  const match = useCallback(async () => {
    setMatching(true);
    await change(api.steps.inspect({ integrationId: integration.id, stepId: 'migrate' }));
    setMatching(false);
    reload();
  }, [integration.id, reload]);

  if (failure)
    return (
      <div className="inline-error" role="alert">
        <strong>{failure.message}</strong> <span>{failure.hint}</span>{' '}
        <button type="button" onClick={reload}>
          Try again
        </button>
      </div>
    );
  if (!summary) return <p className="muted">Reading the import…</p>;
  return (
    <div className="migrate-step" data-migrate-state={summary.state}>
      <ImportPanel integrationId={integration.id} summary={summary} disabled={busy} onImported={match} />
      {summary.state === 'imported' ? (
        <section className="step-section" aria-label="Match">
          <p>
            The import has not been matched against Okta{view.inspectedAt ? ' since it changed' : ''}.{' '}
            <button type="button" className="primary" disabled={busy || matching} onClick={() => void match()}>
              {matching ? 'Matching…' : 'Match against Okta'}
            </button>
          </p>
        </section>
      ) : null}
      {summary.state === 'matched' ? (
        <>
          <p className="muted" data-matched-at>
            Matched against Okta{summary.matchedAt ? ` ${exactTime(summary.matchedAt)}` : ''}: Okta&rsquo;s users, the
            app&rsquo;s people and its roles were read then.{' '}
            <button type="button" className="link-button" disabled={busy || matching} onClick={() => void match()}>
              {matching ? 'Matching…' : 'Match again'}
            </button>
          </p>
          <RoleMapping
            summary={summary}
            saved={savedRoleMap(view.input)}
            disabled={busy || matching || applying}
            save={async (roleMap) => {
              const saved = await save({ roleMap });
              reload();
              return saved;
            }}
          />
          <ReviewTable
            integrationId={integration.id}
            summary={summary}
            locked={applying}
            live={applying}
            filter={filter}
            setFilter={setFilter}
            onDecided={async () => reload()}
          />
          <RunPanel
            integrationId={integration.id}
            summary={summary}
            applying={applying}
            busy={busy || matching}
            apply={apply}
            saveRoute={(route) => save({ route })}
          />
          {summary.results.done + summary.results.failed > 0 ? (
            <section className="step-section" aria-label="Results" data-results>
              <p>
                Results so far: <strong data-results-done>{summary.results.done} done</strong>,{' '}
                <strong data-results-failed>{summary.results.failed} failed</strong>.{' '}
                {summary.results.failed > 0 ? (
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => setFilter({ ...NO_FILTER, result: 'failed' })}
                  >
                    Show the failed rows
                  </button>
                ) : null}
              </p>
            </section>
          ) : null}
        </>
      ) : null}
      <FollowUp summary={summary} />
    </div>
  );
}
