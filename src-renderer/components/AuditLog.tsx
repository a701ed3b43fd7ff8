import type { Integration } from '../../src-main/api';
import { api } from '../api/client';
import { useMain } from '../api/use-main';
import { exactTime } from '../wizard/when';

/** What this integration wrote to Okta, newest first: when, which step, by whom, and the result. */
export function AuditLog({ integration }: { integration: Integration }) {
  const entries = useMain(() => api.integrations.audit({ integrationId: integration.id }), `audit:${integration.id}`);
  if (entries.state === 'loading') return <p className="muted">Loading…</p>;
  if (entries.state === 'failed') {
    return (
      <div className="inline-error" role="alert">
        <strong>{entries.error.message}</strong> <span>{entries.error.hint}</span>
      </div>
    );
  }
  if (entries.value.length === 0) {
    return <p className="muted">Nothing has been written to Okta for {integration.label} yet.</p>;
  }
  return (
    <div className="audit-log">
      <table>
        <caption className="muted">
          {entries.value.length} write{entries.value.length === 1 ? '' : 's'} to Okta, newest first. Secrets are never
          recorded.
        </caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Step</th>
            <th scope="col">What</th>
            <th scope="col">By</th>
            <th scope="col">Result</th>
          </tr>
        </thead>
        <tbody>
          {entries.value.map((e, index) => (
            <tr key={`${e.time}-${index}`} data-outcome={e.outcome}>
              <td>
                <time dateTime={e.time}>{exactTime(e.time)}</time>
              </td>
              <td>{e.stepId ?? ''}</td>
              <td>
                <code>{e.operation}</code> {e.target}
              </td>
              <td>{e.actor ?? 'not recorded'}</td>
              <td className={`audit-${e.outcome}`}>
                {e.outcome === 'success'
                  ? 'Succeeded'
                  : e.outcome === 'failure'
                    ? 'Failed'
                    : 'Not known yet (the answer never came; checked against Okta on the next run)'}
                {e.detail ? `: ${e.detail}` : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
