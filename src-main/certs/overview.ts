import { CERT_LEVEL_RANK } from '../api/cert-health';
import { ROTATION_STAGE_TITLE } from '../api/cert-rotation';
import type { OverviewRow } from '../api/channels-certs';
import type { Client, Integration, VendorSummary } from '../api/model';
import { integrationProgress } from '../api/progress';
import type { CertFile } from './store';

function failingOf(integration: Integration, vendor: VendorSummary): OverviewRow['failing'] {
  return vendor.steps.flatMap((step) => {
    const record = integration.steps[step.id];
    if (!record || record.skippedAt) return [];
    // A failed read shows its error, never the checks of an earlier run as current.
    if (record.lastError) return [{ stepId: step.id, stepTitle: step.title, check: record.lastError.message }];
    return record.checks
      .filter((c) => c.status === 'fail')
      .map((c) => ({ stepId: step.id, stepTitle: step.title, check: c.label }));
  });
}

function oldestVerified(integration: Integration): string | undefined {
  const times = Object.values(integration.steps)
    .filter((r) => r?.status === 'verified' && r.verifiedAt)
    .map((r) => r?.verifiedAt ?? '');
  return times.sort()[0];
}

/** One row per integration, from what main last saw: no network. */
export function overviewRow(
  client: Client,
  integration: Integration,
  vendor: VendorSummary,
  certs: CertFile,
): OverviewRow {
  const progress = integrationProgress(integration, vendor.steps);
  const failing = failingOf(integration, vendor);
  const health = certs.health;
  const attention: string[] = [];
  if (health?.error) attention.push(`Certificate not read: ${health.error.message}`);
  else if (health?.level && health.level !== 'ok') attention.push(`Certificate: ${health.message}`);
  if (certs.rotation)
    attention.push(`Rotation in progress: ${ROTATION_STAGE_TITLE[certs.rotation.stage].toLowerCase()}`);
  if (failing.length > 0) attention.push(`${failing.length} failing check${failing.length === 1 ? '' : 's'}`);
  const oldest = oldestVerified(integration);
  return {
    clientId: client.id,
    clientName: client.name,
    practice: client.sandbox,
    integrationId: integration.id,
    label: integration.label,
    vendorName: vendor.name,
    progress: progress.text,
    complete: progress.requiredVerified === progress.required && progress.failed === 0,
    ...(oldest ? { oldestVerifiedAt: oldest } : {}),
    failing,
    ...(health ? { cert: health } : {}),
    ...(health?.level && !health.error ? { certLevel: health.level } : {}),
    ...(certs.rotation ? { rotationStage: certs.rotation.stage } : {}),
    attention,
  };
}

/**
 * Needing attention on top; then the certificate that expires soonest first (worst level, then
 * fewest days); rows whose certificate was never read after those, by client and name.
 */
export function sortOverview(rows: OverviewRow[]): OverviewRow[] {
  const rank = (r: OverviewRow) => (r.certLevel ? CERT_LEVEL_RANK[r.certLevel] : 9);
  const days = (r: OverviewRow) =>
    r.cert?.error ? Number.POSITIVE_INFINITY : (r.cert?.daysLeft ?? Number.POSITIVE_INFINITY);
  return [...rows].sort(
    (a, b) =>
      Number(b.attention.length > 0) - Number(a.attention.length > 0) ||
      rank(a) - rank(b) ||
      days(a) - days(b) ||
      a.clientName.localeCompare(b.clientName) ||
      a.label.localeCompare(b.label),
  );
}
