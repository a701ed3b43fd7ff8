import { couldNotCheck, type StepView } from '../../src-main/api';
import { useNow, When } from './when';
import './status.css';

/**
 * When this step was last read back from Okta, under its badge. "Verified" is only ever said with
 * the time it was true; a failed check says whether Okta was read at all, when, and what was last
 * known (verified, or only read back) before it.
 */
export function StatusLine({ view }: { view: StepView }) {
  const now = useNow();
  let text;
  if (view.lastError) {
    const reason = couldNotCheck(view.lastError);
    // What was last known, and when: "verified" only if the step was verified before this failure.
    const lastVerified = view.lastError.before === 'verified' && view.verifiedAt ? view.verifiedAt : undefined;
    text = (
      <>
        {reason ? `Could not check: ${reason}` : 'Check failed'}
        {view.lastError.at ? (
          <>
            {' '}
            <When iso={view.lastError.at} now={now} />
          </>
        ) : null}
        .{' '}
        {lastVerified ? (
          <>
            Last verified <When iso={lastVerified} now={now} />.
          </>
        ) : view.staleChecks ? (
          <>
            Last read back <When iso={view.staleChecks.at} now={now} />.
          </>
        ) : (
          'Nothing about this step is known to be current.'
        )}
      </>
    );
  } else if (view.status === 'verified' && view.verifiedAt) {
    text = (
      <>
        Verified <When iso={view.verifiedAt} now={now} />
      </>
    );
  } else if (view.inspectedAt) {
    text = (
      <>
        Last checked against Okta <When iso={view.inspectedAt} now={now} />
      </>
    );
  } else {
    text = 'Not checked against Okta yet';
  }
  return (
    <p className="status-line" data-testid="status-line">
      {text}
    </p>
  );
}
