import type { StepView } from '../../src-main/api';

const kindLabel = { create: 'Create', update: 'Update', delete: 'Delete', send: 'Send', manual: 'You do' } as const;

/** What applying this step would change, before anything changes. */
export function ChangePanel({ view }: { view: StepView | undefined }) {
  return (
    <aside className="changes" aria-labelledby="changes-title">
      <h2 id="changes-title">What will change</h2>
      {view?.lastError ? (
        <p className="muted" data-testid="changes-unknown">
          Unknown: the last attempt to read Okta failed, so what this step would change is not known. Check Okta again
          once the error above is fixed.
        </p>
      ) : !view || !view.inspectedAt ? (
        <p className="muted">Check the org to see what this step would change. Nothing is written until you apply.</p>
      ) : view.changes.length === 0 ? (
        <p className="muted">
          Nothing. Okta already matches this step{view.status === 'verified' ? ', and it was verified' : ''}.
        </p>
      ) : (
        <ol className="change-list">
          {view.changes.map((c) => (
            <li key={c.id} className={`change change-${c.kind}`}>
              <span className="change-kind">{kindLabel[c.kind]}</span>
              <span className="change-target">{c.target}</span>
              <span className="change-summary">{c.summary}</span>
              {c.details.length > 0 ? (
                <dl className="change-details">
                  {c.details.map((d) => (
                    <div key={d.field}>
                      <dt>{d.field}</dt>
                      <dd>
                        {d.from !== undefined ? <del>{d.from}</del> : null} <ins>{d.to}</ins>
                      </dd>
                    </div>
                  ))}
                </dl>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </aside>
  );
}
