import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiFailure, VerifyAllResult } from '../../src-main/api';
import { api } from '../api/client';
import { useUi } from '../state/ui';
import { useNow, When } from './when';
import './status.css';
import '../components/manage.css';

type State =
  | { kind: 'running' }
  | { kind: 'done'; result: VerifyAllResult }
  | { kind: 'failed'; error: ApiFailure }
  | { kind: 'idle' };

/**
 * Opening an integration reads every step it has been through back from Okta, in the background
 * and with read-only calls, and says so while it runs; "Verify all" does it again on demand.
 */
export function VerifyBar({ integrationId }: { integrationId: string }) {
  const dataChanged = useUi((s) => s.dataChanged);
  const openDialog = useUi((s) => s.openDialog);
  const now = useNow();
  const [state, setState] = useState<State>({ kind: 'idle' });
  const running = useRef(false);

  const verifyAll = useCallback(async () => {
    if (running.current) return;
    running.current = true;
    setState({ kind: 'running' });
    const result = await api.integrations.verifyAll({ integrationId });
    running.current = false;
    setState(result.ok ? { kind: 'done', result: result.value } : { kind: 'failed', error: result.error });
    // Only a re-check that read something changes what the screens show; refetching otherwise
    // would only disturb a form the admin has started filling in.
    if (!result.ok || result.value.results.length > 0) dataChanged();
  }, [integrationId, dataChanged]);

  useEffect(() => {
    void verifyAll();
  }, [verifyAll]);

  let message;
  if (state.kind === 'running') {
    message = 'Re-checking every step against Okta (read-only calls, nothing is changed)…';
  } else if (state.kind === 'failed') {
    message = `Re-checking failed: ${state.error.message} ${state.error.hint}`;
  } else if (state.kind === 'done') {
    const { results } = state.result;
    const verified = results.filter((r) => r.status === 'verified').length;
    message =
      results.length === 0 ? (
        'Opening this integration re-checks every step it has been through against Okta, with read-only calls.'
      ) : (
        <>
          Re-checked {results.length} step{results.length === 1 ? '' : 's'} against Okta{' '}
          <When iso={state.result.at} now={now} />: {verified} verified
          {verified < results.length ? `, ${results.length - verified} not verified` : ''}.
        </>
      );
  }
  return (
    <div className="verify-bar" data-state={state.kind} data-testid="verify-bar">
      <p role="status" aria-live="polite">
        {message}
      </p>
      <div className="overview-actions">
        <button type="button" disabled={state.kind === 'running'} onClick={() => void verifyAll()}>
          {state.kind === 'running' ? 'Verifying…' : 'Verify all'}
        </button>
        <button type="button" onClick={() => openDialog('drift-audit', integrationId)}>
          Audit
        </button>
        <button type="button" onClick={() => openDialog('audit-log', integrationId)}>
          Audit log
        </button>
        <button type="button" onClick={() => openDialog('export-report', integrationId)}>
          Export
        </button>
      </div>
    </div>
  );
}
