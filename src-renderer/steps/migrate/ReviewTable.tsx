import { useEffect, useId, useRef, useState } from 'react';
import type { MigrateClass, MigrateSummary, ReviewFilter, ReviewRow } from '../../../src-main/api/channels-migrate';
import type { ApiFailure } from '../../../src-main/api';
import { api, callFailed, runsInBrowser } from '../../api/client';
import { download } from '../../download';
import { useUi } from '../../state/ui';

const PAGE = 50;
type Filter = Required<Omit<ReviewFilter, 'classes'>> & { classes: MigrateClass[] };
export const NO_FILTER: Filter = { classes: [], result: 'any', decision: 'any', query: '' };

const RESULT_WORDS = { done: 'Done', failed: 'Failed', skipped: 'Skipped' } as const;

/**
 * Step 2: the rows as main matched them, one page at a time (never the whole import in this page),
 * with a filter per class, decisions for "not in Okta" rows, and the export.
 */
export function ReviewTable({
  integrationId,
  summary,
  locked,
  live,
  filter,
  setFilter,
  onDecided,
}: {
  integrationId: string;
  summary: MigrateSummary;
  /** A run is on: decisions wait until it ends. */
  locked: boolean;
  /** Re-read the page every few seconds (results arriving while apply runs). */
  live: boolean;
  filter: Filter;
  setFilter: (next: Filter) => void;
  onDecided: () => Promise<void>;
}) {
  const id = useId();
  const revision = useUi((s) => s.revision);
  const key = JSON.stringify(filter);
  // A new filter starts at its first page.
  const [paging, setPaging] = useState({ key, offset: 0 });
  const offset = paging.key === key ? paging.offset : 0;
  const setOffset = (next: number) => setPaging({ key, offset: next });
  const [page, setPage] = useState<{ total: number; rows: ReviewRow[] } | undefined>(undefined);
  const [failure, setFailure] = useState<ApiFailure | undefined>(undefined);
  const [notice, setNotice] = useState<string | undefined>(undefined);
  const [working, setWorking] = useState(false);
  const [query, setQuery] = useState(filter.query);
  const [reads, setReads] = useState(0);
  const ticket = useRef(0);
  // Typing searches after a short pause, so main is asked once per word, not per key.
  useEffect(() => {
    if (query === filter.query) return;
    const timer = setTimeout(() => setFilter({ ...filter, query }), 250);
    return () => clearTimeout(timer);
  }, [query, filter, setFilter]);

  useEffect(() => {
    const mine = ++ticket.current;
    void api.migrate
      .rows({ integrationId, filter, offset, limit: PAGE })
      .catch(callFailed)
      .then((r) => {
        if (mine !== ticket.current) return;
        if (r.ok) {
          setPage(r.value);
          setFailure(undefined);
        } else setFailure(r.error);
      });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` stands for the filter.
  }, [integrationId, key, offset, revision, reads, summary]);

  useEffect(() => {
    if (!live) return;
    const timer = setInterval(() => setReads((n) => n + 1), 1500);
    return () => clearInterval(timer);
  }, [live]);

  async function decide(decision: 'create' | 'drop' | 'undecided', target: { rows: number[] } | { filter: Filter }) {
    setWorking(true);
    const r = await api.migrate.decide({ integrationId, decision, target }).catch(callFailed);
    setWorking(false);
    if (!r.ok) {
      useUi.getState().showFailure(r.error);
      return;
    }
    if ('filter' in target)
      setNotice(
        `${r.value.changed} row${r.value.changed === 1 ? '' : 's'} marked “${decision === 'undecided' ? 'undecided' : decision === 'create' ? 'create in Okta' : 'drop'}”.`,
      );
    await onDecided();
  }

  async function exportCsv() {
    setWorking(true);
    const r = await api.migrate.exportReview({ integrationId, filter }).catch(callFailed);
    setWorking(false);
    if (!r.ok) {
      useUi.getState().showFailure(r.error);
      return;
    }
    if (r.value.kind === 'download') {
      download(r.value.fileName, r.value.csv, 'text/csv;charset=utf-8');
      setNotice(`${r.value.rows} rows exported as ${r.value.fileName}.`);
    } else if (r.value.kind === 'saved') setNotice(`${r.value.rows} rows saved to ${r.value.path}.`);
    else setNotice('Export cancelled.');
  }

  const toggle = (c: MigrateClass) =>
    setFilter({
      ...filter,
      classes: filter.classes.includes(c) ? filter.classes.filter((x) => x !== c) : [...filter.classes, c],
    });
  const notInOkta = summary.classes.find((c) => c.id === 'not-in-okta')?.rows ?? 0;
  const undecidedFilter: Filter = { ...NO_FILTER, classes: ['not-in-okta'], decision: 'undecided' };
  const total = page?.total ?? 0;
  const last = Math.min(offset + PAGE, total);

  return (
    <section className="step-section migrate-review" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>2. Review the match</h2>
      <div className="migrate-classes" role="group" aria-label="Show rows by class">
        <button
          type="button"
          aria-pressed={filter.classes.length === 0}
          onClick={() => setFilter({ ...filter, classes: [] })}
        >
          All <span className="count">{(summary.imported?.rows ?? 0).toLocaleString('en')}</span>
        </button>
        {summary.classes.map((c) => (
          <button
            type="button"
            key={c.id}
            aria-pressed={filter.classes.includes(c.id)}
            data-class-count={c.id}
            data-rows={c.rows}
            className={`class-${c.id}`}
            disabled={c.rows === 0 && !filter.classes.includes(c.id)}
            onClick={() => toggle(c.id)}
          >
            {c.title} <span className="count">{c.rows.toLocaleString('en')}</span>
          </button>
        ))}
      </div>
      <div className="migrate-filters">
        <div className="field">
          <label htmlFor={`${id}-search`}>Search rows</label>
          <input
            id={`${id}-search`}
            type="search"
            value={query}
            placeholder="email, login, role or reason"
            onChange={(e) => setQuery(e.currentTarget.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-result`}>Result</label>
          <select
            id={`${id}-result`}
            value={filter.result}
            onChange={(e) => setFilter({ ...filter, result: e.currentTarget.value as Filter['result'] })}
          >
            <option value="any">Any</option>
            <option value="pending">Not run yet</option>
            <option value="done">Done</option>
            <option value="failed">Failed</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-decision`}>Decision (not in Okta)</label>
          <select
            id={`${id}-decision`}
            value={filter.decision}
            onChange={(e) => setFilter({ ...filter, decision: e.currentTarget.value as Filter['decision'] })}
          >
            <option value="any">Any</option>
            <option value="undecided">Undecided</option>
            <option value="create">Create in Okta</option>
            <option value="drop">Drop</option>
          </select>
        </div>
        <div className="actions">
          <button type="button" disabled={working || total === 0} onClick={() => void exportCsv()}>
            {runsInBrowser ? 'Download' : 'Save'} these {total.toLocaleString('en')} rows as CSV
          </button>
        </div>
      </div>
      {notInOkta > 0 ? (
        <div className="migrate-bulk" data-not-in-okta={notInOkta}>
          <p>
            {notInOkta.toLocaleString('en')} {notInOkta === 1 ? 'person is' : 'people are'} not in Okta:{' '}
            {summary.notInOkta.create} to create, {summary.notInOkta.drop} dropped, {summary.notInOkta.undecided}{' '}
            undecided. Undecided rows are left out, like dropped ones.
          </p>
          <div className="actions">
            <button
              type="button"
              disabled={locked || working || summary.notInOkta.undecided === 0}
              onClick={() => void decide('create', { filter: undecidedFilter })}
            >
              Create all {summary.notInOkta.undecided} undecided in Okta
            </button>
            <button
              type="button"
              disabled={locked || working || summary.notInOkta.undecided === 0}
              onClick={() => void decide('drop', { filter: undecidedFilter })}
            >
              Drop all {summary.notInOkta.undecided} undecided
            </button>
            {filter.query !== '' || filter.classes.length > 0 ? (
              <button
                type="button"
                disabled={locked || working || total === 0}
                onClick={() => void decide('create', { filter })}
              >
                Create the “not in Okta” rows shown in Okta
              </button>
            ) : null}
          </div>
        </div>
      ) : null}
      {notice ? (
        <p role="status" className="muted" data-review-notice>
          {notice}
        </p>
      ) : null}
      {failure ? (
        <div className="inline-error" role="alert">
          <strong>{failure.message}</strong> <span>{failure.hint}</span>
        </div>
      ) : null}
      <div className="table-scroll" tabIndex={0} role="region" aria-labelledby={`${id}-caption`}>
        <table className="step-table migrate-table" data-review-total={total}>
          <caption id={`${id}-caption`}>
            {total === 0
              ? 'No rows match the filter.'
              : `Rows ${(offset + 1).toLocaleString('en')}–${last.toLocaleString('en')} of ${total.toLocaleString('en')}`}
          </caption>
          <thead>
            <tr>
              <th scope="col">Row</th>
              <th scope="col">Email</th>
              <th scope="col">Class and reason</th>
              <th scope="col">Okta user</th>
              <th scope="col">Role</th>
              <th scope="col">Decision</th>
              <th scope="col">Result</th>
            </tr>
          </thead>
          <tbody>
            {(page?.rows ?? []).map((r) => (
              <tr key={r.row} data-review-row={r.row} data-class={r.class} data-result={r.result?.status ?? ''}>
                <td>{r.row}</td>
                <td>{r.email || <span className="muted">(empty)</span>}</td>
                <td>
                  <strong>{summary.classes.find((c) => c.id === r.class)?.title ?? r.class}</strong>
                  <br />
                  <span className="muted">{r.reason}</span>
                </td>
                <td>{r.login ?? ''}</td>
                <td>
                  {r.vendorRole ?? ''}
                  {r.role && r.role !== r.vendorRole ? ` → ${r.role}` : ''}
                </td>
                <td>
                  {r.class === 'not-in-okta' ? (
                    <select
                      aria-label={`Decision for row ${r.row} (${r.email})`}
                      value={r.decision ?? 'undecided'}
                      disabled={locked || working}
                      onChange={(e) =>
                        void decide(e.currentTarget.value as 'create' | 'drop' | 'undecided', { rows: [r.row] })
                      }
                    >
                      <option value="undecided">Undecided</option>
                      <option value="create">Create in Okta</option>
                      <option value="drop">Drop</option>
                    </select>
                  ) : null}
                </td>
                <td>
                  {r.result ? (
                    <span className={`row-result result-${r.result.status}`} title={r.result.at}>
                      {RESULT_WORDS[r.result.status]}: {r.result.message}
                    </span>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <nav className="actions migrate-pages" aria-label="Review pages">
        <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
          Previous {PAGE}
        </button>
        <button type="button" disabled={last >= total} onClick={() => setOffset(offset + PAGE)}>
          Next {PAGE}
        </button>
      </nav>
    </section>
  );
}
