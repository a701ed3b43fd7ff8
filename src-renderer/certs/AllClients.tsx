import { useState, type ReactNode } from 'react';
import type { Overview, OverviewRow } from '../../src-main/api/channels-certs';
import { api } from '../api/client';
import { change, useMain } from '../api/use-main';
import { useUi } from '../state/ui';
import { useNow, When } from '../wizard/when';
import { CertBadge } from './cert-level';
import './certs.css';

/** A column of the overview table; others add theirs (an audit, a plan) without touching the rest. */
export interface OverviewColumn {
  id: string;
  title: string;
  cell(row: OverviewRow): ReactNode;
}

function StateCell({ row }: { row: OverviewRow }) {
  const now = useNow();
  return (
    <>
      <span>{row.progress}</span>
      <br />
      <span className="muted">
        {row.oldestVerifiedAt ? (
          <>
            Last verified <When iso={row.oldestVerifiedAt} now={now} />
          </>
        ) : (
          'Not verified yet'
        )}
      </span>
    </>
  );
}

function CertCell({ row }: { row: OverviewRow }) {
  const now = useNow();
  return (
    <>
      <CertBadge health={row.cert} />
      {row.cert ? (
        <>
          <br />
          <span>{row.cert.message}</span>{' '}
          <span className="muted">
            (read <When iso={row.cert.readAt} now={now} />)
          </span>
        </>
      ) : null}
    </>
  );
}

export const OVERVIEW_COLUMNS: OverviewColumn[] = [
  { id: 'state', title: 'State', cell: (row) => <StateCell row={row} /> },
  {
    id: 'failing',
    title: 'Failing checks',
    cell: (row) =>
      row.failing.length === 0 ? (
        <span className="muted">None</span>
      ) : (
        <ul>
          {row.failing.map((f) => (
            <li key={`${f.stepId}:${f.check}`}>
              {f.stepTitle}: {f.check}
            </li>
          ))}
        </ul>
      ),
  },
  { id: 'cert', title: 'Signing certificate', cell: (row) => <CertCell row={row} /> },
];

function matches(row: OverviewRow, query: string): boolean {
  const q = query.trim().toLowerCase();
  return q === '' || [row.clientName, row.label, row.vendorName].some((t) => t.toLowerCase().includes(q));
}

/**
 * Every client's integrations in one table: the ones that need the admin on top (a certificate
 * within 90 days or unreadable, a rotation under way, failing checks), then the soonest expiry.
 * Built from what main last read; "Check all certificates" reads every org now.
 */
export function AllClients({
  columns = OVERVIEW_COLUMNS,
  actions,
}: {
  columns?: OverviewColumn[];
  actions?: ReactNode;
}) {
  const selectClient = useUi((s) => s.selectClient);
  const selectIntegration = useUi((s) => s.selectIntegration);
  const loaded = useMain(() => api.certs.overview({}), 'overview');
  const [checking, setChecking] = useState(false);
  const [query, setQuery] = useState('');
  const overview: Overview | undefined = loaded.state === 'ready' ? loaded.value : undefined;

  async function checkAll() {
    setChecking(true);
    await change(api.certs.checkAll({}));
    setChecking(false);
  }
  function open(row: OverviewRow) {
    selectClient(row.clientId);
    selectIntegration(row.integrationId);
  }

  const rows = (overview?.rows ?? []).filter((r) => matches(r, query));
  const attention = rows.filter((r) => r.attention.length > 0).length;
  return (
    <section className="overview all-clients" aria-labelledby="all-clients-title">
      <div className="overview-header">
        <h1 id="all-clients-title">All clients</h1>
        <div className="overview-actions">
          <button type="button" disabled={checking} onClick={() => void checkAll()}>
            {checking ? 'Reading certificates from Okta…' : 'Check all certificates'}
          </button>
          {actions}
        </div>
      </div>
      <label className="field">
        <span>Find an integration (client, name or vendor)</span>
        <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
      </label>
      <p role="status" aria-live="polite">
        {overview
          ? `${rows.length} integration${rows.length === 1 ? '' : 's'}; ${attention} need${attention === 1 ? 's' : ''} attention.`
          : 'Loading…'}
      </p>
      <table aria-label="Integrations of every client">
        <thead>
          <tr>
            <th scope="col">Integration</th>
            {columns.map((c) => (
              <th key={c.id} scope="col">
                {c.title}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr
              key={row.integrationId}
              className={row.attention.length > 0 ? 'needs-attention' : ''}
              data-integration={row.label}
              data-client={row.clientName}
            >
              <td>
                <button type="button" className="link-button" onClick={() => open(row)}>
                  {row.clientName} · {row.label}
                </button>
                <br />
                <span className="muted">
                  {row.vendorName}
                  {row.practice ? ' · practice org' : ''}
                </span>
                {row.attention.length > 0 ? (
                  <ul aria-label="Needs attention">
                    {row.attention.map((a) => (
                      <li key={a}>{a}</li>
                    ))}
                  </ul>
                ) : null}
              </td>
              {columns.map((c) => (
                <td key={c.id}>{c.cell(row)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
