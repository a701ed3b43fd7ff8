import { AppError } from '../errors';
import { buildConfigReport, type ReportDeps } from '../report/build';
import type { ConfigReport, ReportState } from '../report/model';
import { htmlToPdfWithChromium } from '../report/pdf-chromium';
import { buildPortfolioReport } from '../report/portfolio';
import { renderConfigReport, renderPortfolioReport, type ReportFormat } from '../report/render';
import { terraformOf } from '../report/terraform/from-report';
import { Exit, exitCodeFor } from './io';

export interface WrittenReport {
  bytes: Buffer;
  states: ReportState[];
  /** Some step could not be read because Okta or the vendor did not answer or refused: its state is unknown. */
  partlyUnreachable: boolean;
  what: string;
  notes: string[];
}

const STATE_NOTE: Record<ReportState, string> = {
  verified: 'every required step is verified',
  failing: 'a check FAILS: see the Checks section',
  incomplete: 'some required steps are not verified yet',
  unreadable: 'Okta could NOT be read: the report says what is missing',
};

function partlyUnreachable(reports: ConfigReport[]): boolean {
  return reports.some((r) =>
    r.steps.some(
      (s) =>
        s.observation === 'unreadable' &&
        s.error !== undefined &&
        exitCodeFor(new AppError(s.error.code, s.error.message, s.error.hint)) === Exit.unreachable,
    ),
  );
}

function notesOf(reports: ConfigReport[]): string[] {
  return reports.map((r) => `${r.client.name} / ${r.integration.label}: ${STATE_NOTE[r.summary.state]}.`);
}

/** One integration's report (or, for Terraform without --integration, every integration of the client). */
export async function integrationFile(
  deps: ReportDeps,
  clientName: string,
  integrationName: string | undefined,
  format: ReportFormat | 'tf',
): Promise<WrittenReport> {
  const client = await deps.workspace.findClient(clientName);
  const all = await deps.workspace.listIntegrations(client.id);
  let chosen;
  if (integrationName !== undefined) chosen = [await deps.workspace.findIntegration(client.id, integrationName)];
  else if (all.length === 1 || (format === 'tf' && all.length > 0)) chosen = all;
  else
    throw new AppError(
      all.length === 0 ? 'INTEGRATION_NOT_FOUND' : 'MISSING_ARGUMENT',
      all.length === 0
        ? `${client.name} has no integrations to report on.`
        : `${client.name} has ${all.length} integrations; name one with --integration.`,
      all.length === 0
        ? `Add one: okta-onboard integrations add --client "${client.name}" --vendor <vendor>`
        : `One of: ${all.map((i) => `"${i.label}"`).join(', ')}.`,
      'integration',
    );
  const reports: ConfigReport[] = [];
  for (const integration of chosen) reports.push(await buildConfigReport(deps, integration.id));
  const what =
    reports.length === 1
      ? `the ${reports[0]!.vendor.name} report for ${client.name} ("${reports[0]!.integration.label}")`
      : `Terraform for ${reports.length} integrations of ${client.name}`;
  if (format === 'tf') {
    const text = await terraformOf(await deps.connect(client), reports, new Date(reports[0]!.generatedAt));
    return {
      bytes: Buffer.from(text, 'utf8'),
      states: reports.map((r) => r.summary.state),
      partlyUnreachable: partlyUnreachable(reports),
      what,
      notes: notesOf(reports),
    };
  }
  const rendered = await renderConfigReport(reports[0]!, format, (html) => htmlToPdfWithChromium(html));
  return {
    bytes: rendered.bytes,
    states: [reports[0]!.summary.state],
    partlyUnreachable: partlyUnreachable(reports),
    what,
    notes: notesOf(reports),
  };
}

export async function portfolioFile(deps: ReportDeps, format: ReportFormat): Promise<WrittenReport> {
  const report = await buildPortfolioReport(deps);
  const rendered = await renderPortfolioReport(report, format, (html) => htmlToPdfWithChromium(html));
  const attention = report.integrations.filter((e) => e.state !== 'verified');
  return {
    bytes: rendered.bytes,
    states: report.integrations.map((e) => e.state),
    partlyUnreachable: false,
    what: `the portfolio of ${report.integrations.length} integrations`,
    notes: attention.map((e) => `${e.client.name} / ${e.integration.label}: ${STATE_NOTE[e.state]}.`),
  };
}
