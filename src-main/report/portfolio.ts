import type { Client, Integration } from '../api/model';
import { isAppError } from '../errors';
import { vendorProfile } from '../vendors';
import { buildConfigReport, GENERATOR, type ReportDeps } from './build';
import { CONFIG_REPORT_VERSION, type ConfigReport, type PortfolioEntry, type PortfolioReport } from './model';

function entryOf(client: Client, integration: Integration, report: ConfigReport): PortfolioEntry {
  const soonest = [...(report.saml?.certificates ?? [])].sort(
    (a, b) => Date.parse(a.notAfter) - Date.parse(b.notAfter),
  )[0];
  return {
    client: { id: client.id, name: client.name, orgUrl: client.orgUrl },
    integration: { id: integration.id, label: integration.label, vendor: report.vendor.name },
    state: report.summary.state,
    verifiedRequired: report.summary.verifiedRequired,
    requiredSteps: report.summary.requiredSteps,
    failingChecks: report.checks
      .filter((c) => c.result === 'fail')
      .map((c) => ({ stepId: c.stepId, label: c.label, detail: c.detail })),
    ...(soonest
      ? {
          certificateExpiry: {
            notAfter: soonest.notAfter,
            daysToExpiry: soonest.daysToExpiry,
            subject: soonest.subject,
          },
        }
      : {}),
    ...(report.problems.length > 0 ? { problem: report.problems.map((p) => p.message).join(' ') } : {}),
  };
}

/** Soonest certificate expiry first; those without a certificate after, by client and label. */
export function portfolioOrder(a: PortfolioEntry, b: PortfolioEntry): number {
  const ta = a.certificateExpiry ? Date.parse(a.certificateExpiry.notAfter) : Number.POSITIVE_INFINITY;
  const tb = b.certificateExpiry ? Date.parse(b.certificateExpiry.notAfter) : Number.POSITIVE_INFINITY;
  if (ta !== tb) return ta < tb ? -1 : 1;
  return `${a.client.name}\u0000${a.integration.label}`.localeCompare(`${b.client.name}\u0000${b.integration.label}`);
}

/**
 * Every integration of every client, each read back afresh as its own report is. One client's
 * org being unreachable does not stop the others: its integrations are listed as unreadable.
 */
export async function buildPortfolioReport(deps: ReportDeps): Promise<PortfolioReport> {
  const now = deps.now ?? (() => new Date());
  const entries: PortfolioEntry[] = [];
  for (const client of await deps.workspace.listClients()) {
    for (const integration of await deps.workspace.listIntegrations(client.id)) {
      try {
        entries.push(entryOf(client, integration, await buildConfigReport(deps, integration.id)));
      } catch (error) {
        const profile = vendorProfile(integration.vendorId);
        entries.push({
          client: { id: client.id, name: client.name, orgUrl: client.orgUrl },
          integration: { id: integration.id, label: integration.label, vendor: profile.name },
          state: 'unreadable',
          verifiedRequired: 0,
          requiredSteps: profile.steps.filter((s) => !s.optional).length,
          failingChecks: [],
          problem: isAppError(error) ? error.message : error instanceof Error ? error.message : String(error),
        });
      }
    }
  }
  return {
    kind: 'okta-onboard-portfolio-report',
    schemaVersion: CONFIG_REPORT_VERSION,
    generatedAt: now().toISOString(),
    generator: { ...GENERATOR },
    integrations: entries.sort(portfolioOrder),
  };
}
