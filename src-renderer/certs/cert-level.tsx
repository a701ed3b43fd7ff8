import type { CertHealth, CertLevel } from '../../src-main/api/cert-health';
import { useNow, When } from '../wizard/when';

const LEVEL_WORDS: Record<CertLevel, string> = {
  ok: 'Valid',
  plan: 'Expires within 90 days',
  soon: 'Expires within 30 days',
  urgent: 'Expires within 7 days',
  expired: 'Expired',
};

const LEVEL_CLASS: Record<CertLevel, string> = {
  ok: 'status-good',
  plan: 'status-attention',
  soon: 'status-attention',
  urgent: 'status-bad',
  expired: 'status-bad',
};

/** The certificate's level as a badge in words (never colour alone). */
export function CertBadge({ health }: { health: CertHealth | undefined }) {
  if (!health) return <span className="cert-badge status-idle">Certificate not read yet</span>;
  if (health.error) return <span className="cert-badge status-bad">Certificate not read</span>;
  const level = health.level ?? 'ok';
  return (
    <span className={`cert-badge ${LEVEL_CLASS[level]}`} data-level={level}>
      {LEVEL_WORDS[level]}
    </span>
  );
}

/** The certificate's one-line message and when Okta was read for it. */
export function CertLine({ health }: { health: CertHealth | undefined }) {
  const now = useNow();
  if (!health) return <span className="muted">The signing certificate has not been read from Okta yet.</span>;
  return (
    <span data-testid="cert-line">
      {health.message}{' '}
      <span className="muted">
        (read from Okta <When iso={health.readAt} now={now} />)
      </span>
      {health.error ? <span className="muted"> {health.error.hint}</span> : null}
    </span>
  );
}
