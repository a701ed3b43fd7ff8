import type { ConfigReport, PortfolioReport } from './model';

const SCHEMA_BASE = 'https://okta-onboard.dev/schemas';

/** The report as JSON, naming its schema (docs/schemas/config-report.schema.json) so editors and validators find it. */
export function renderConfigJson(report: ConfigReport): string {
  return `${JSON.stringify({ $schema: `${SCHEMA_BASE}/config-report.schema.json`, ...report }, null, 2)}\n`;
}

export function renderPortfolioJson(report: PortfolioReport): string {
  return `${JSON.stringify({ $schema: `${SCHEMA_BASE}/portfolio-report.schema.json`, ...report }, null, 2)}\n`;
}
