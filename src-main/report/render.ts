import { configDocument } from './config-document';
import { renderDocumentHtml } from './html';
import { renderConfigJson, renderPortfolioJson } from './json';
import { renderDocumentMarkdown } from './markdown';
import type { ConfigReport, PortfolioReport } from './model';
import { portfolioDocument } from './portfolio-document';

/** The formats every report comes in (Terraform, per integration only, is added where it is rendered). */
export const REPORT_FORMATS = ['html', 'pdf', 'json', 'md'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface RenderedReport {
  fileName: string;
  mimeType: string;
  bytes: Buffer;
}

/** Prints the report's HTML to PDF: Electron's printToPDF in the app, headless Chromium elsewhere. */
export type PdfPrinter = (html: string) => Promise<Buffer>;

const TYPES: Record<ReportFormat, { ext: string; mimeType: string }> = {
  html: { ext: 'html', mimeType: 'text/html; charset=utf-8' },
  pdf: { ext: 'pdf', mimeType: 'application/pdf' },
  json: { ext: 'json', mimeType: 'application/json' },
  md: { ext: 'md', mimeType: 'text/markdown; charset=utf-8' },
};

/** A file name that is safe on every OS: lower-case words joined by dashes. */
export function fileSlug(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/[^\w\s-]/g, '')
      .trim()
      .toLowerCase()
      .replace(/[\s_-]+/g, '-')
      .slice(0, 40)
      .replace(/-+$/, '') || 'report'
  );
}

export function configReportFileName(report: ConfigReport, ext: string): string {
  return `okta-${fileSlug(report.client.name)}-${fileSlug(report.integration.label)}-${report.generatedAt.slice(0, 10)}.${ext}`;
}

export function configReportHtml(report: ConfigReport): string {
  return renderDocumentHtml(configDocument(report));
}

export function portfolioReportHtml(report: PortfolioReport): string {
  return renderDocumentHtml(portfolioDocument(report));
}

async function bytesOf(
  format: ReportFormat,
  html: () => string,
  json: () => string,
  md: () => string,
  printPdf: PdfPrinter,
): Promise<Buffer> {
  switch (format) {
    case 'html':
      return Buffer.from(html(), 'utf8');
    case 'json':
      return Buffer.from(json(), 'utf8');
    case 'md':
      return Buffer.from(md(), 'utf8');
    case 'pdf':
      return printPdf(html());
  }
}

export async function renderConfigReport(
  report: ConfigReport,
  format: ReportFormat,
  printPdf: PdfPrinter,
): Promise<RenderedReport> {
  const bytes = await bytesOf(
    format,
    () => configReportHtml(report),
    () => renderConfigJson(report),
    () => renderDocumentMarkdown(configDocument(report)),
    printPdf,
  );
  return { fileName: configReportFileName(report, TYPES[format].ext), mimeType: TYPES[format].mimeType, bytes };
}

export async function renderPortfolioReport(
  report: PortfolioReport,
  format: ReportFormat,
  printPdf: PdfPrinter,
): Promise<RenderedReport> {
  const bytes = await bytesOf(
    format,
    () => portfolioReportHtml(report),
    () => renderPortfolioJson(report),
    () => renderDocumentMarkdown(portfolioDocument(report)),
    printPdf,
  );
  return {
    fileName: `okta-portfolio-${report.generatedAt.slice(0, 10)}.${TYPES[format].ext}`,
    mimeType: TYPES[format].mimeType,
    bytes,
  };
}
