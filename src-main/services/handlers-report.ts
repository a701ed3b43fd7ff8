import { randomBytes } from 'node:crypto';
import type { HandlersOf } from '../api/channel';
import type { ReportFormatChoice, ReportTarget, reportChannels } from '../api/channels-report';
import { AppError } from '../errors';
import { buildConfigReport, type ReportDeps } from '../report/build';
import { configDocument } from '../report/config-document';
import type { ConfigReport, PortfolioReport, ReportState } from '../report/model';
import { htmlToPdfWithChromium } from '../report/pdf-chromium';
import { buildPortfolioReport } from '../report/portfolio';
import { portfolioDocument } from '../report/portfolio-document';
import {
  configReportFileName,
  configReportHtml,
  portfolioReportHtml,
  renderConfigReport,
  renderPortfolioReport,
  type PdfPrinter,
  type RenderedReport,
} from '../report/render';
import { terraformOf } from '../report/terraform/from-report';

export interface ReportHandlerDeps extends ReportDeps {
  /** Electron's printToPDF; browser mode prints with headless Chromium. */
  printPdf?: PdfPrinter;
  /** Electron's save dialog; absent in browser mode, where the renderer downloads the file. */
  saveFile?: (suggestedName: string, content: Uint8Array) => Promise<string | undefined>;
}

type Built = { kind: 'integration'; report: ConfigReport } | { kind: 'portfolio'; report: PortfolioReport };

/** A preview is kept this long, so Export writes what the admin saw without reading the org again. */
const KEEP_MS = 10 * 60_000;
const KEEP_COUNT = 8;

const SEVERITY: ReportState[] = ['unreadable', 'failing', 'incomplete', 'verified'];

type ReportHandlers = HandlersOf<{ reports: typeof reportChannels }>['reports'];

export function createReportHandlers(deps: ReportHandlerDeps): ReportHandlers {
  const kept = new Map<string, { target: string; built: Built; at: number }>();
  const print = deps.printPdf ?? ((html: string) => htmlToPdfWithChromium(html));
  const keyOf = (t: ReportTarget) => (t.kind === 'portfolio' ? 'portfolio' : `integration:${t.integrationId}`);

  const build = async (target: ReportTarget): Promise<Built> =>
    target.kind === 'portfolio'
      ? { kind: 'portfolio', report: await buildPortfolioReport(deps) }
      : { kind: 'integration', report: await buildConfigReport(deps, target.integrationId) };

  const keep = (target: ReportTarget, built: Built): string => {
    const now = Date.now();
    for (const [id, entry] of kept) if (now - entry.at > KEEP_MS) kept.delete(id);
    while (kept.size >= KEEP_COUNT) kept.delete(kept.keys().next().value!);
    const id = `rep_${randomBytes(8).toString('hex')}`;
    kept.set(id, { target: keyOf(target), built, at: now });
    return id;
  };

  const terraform = async (report: ConfigReport): Promise<RenderedReport> => {
    const client = (await deps.workspace.listClients()).find((c) => c.id === report.client.id);
    if (!client) throw new AppError('CLIENT_NOT_FOUND', 'The client of this integration no longer exists.', '');
    const text = await terraformOf(await deps.connect(client), [report], new Date(report.generatedAt));
    return {
      fileName: configReportFileName(report, 'tf'),
      mimeType: 'text/plain; charset=utf-8',
      bytes: Buffer.from(text, 'utf8'),
    };
  };

  const render = (built: Built, format: ReportFormatChoice): Promise<RenderedReport> => {
    if (built.kind === 'portfolio') {
      if (format === 'tf')
        throw new AppError(
          'INVALID_INPUT',
          'A Terraform file describes one Okta org; the portfolio spans every client.',
          "Export Terraform from an integration's Export button.",
          'format',
        );
      return renderPortfolioReport(built.report, format, print);
    }
    return format === 'tf' ? terraform(built.report) : renderConfigReport(built.report, format, print);
  };

  return {
    preview: async (target) => {
      const built = await build(target);
      const reportId = keep(target, built);
      if (built.kind === 'portfolio')
        return {
          reportId,
          title: portfolioDocument(built.report).title,
          html: portfolioReportHtml(built.report),
          generatedAt: built.report.generatedAt,
          states: [...new Set(built.report.integrations.map((e) => e.state))].sort(
            (a, b) => SEVERITY.indexOf(a) - SEVERITY.indexOf(b),
          ),
          formats: ['html', 'pdf', 'json', 'md'],
        };
      return {
        reportId,
        title: configDocument(built.report).title,
        html: configReportHtml(built.report),
        generatedAt: built.report.generatedAt,
        states: [built.report.summary.state],
        formats: built.report.app ? ['html', 'pdf', 'json', 'md', 'tf'] : ['html', 'pdf', 'json', 'md'],
      };
    },
    export: async ({ target, format, reportId }) => {
      const previewed = reportId ? kept.get(reportId) : undefined;
      const built = previewed && previewed.target === keyOf(target) ? previewed.built : await build(target);
      const file = await render(built, format);
      if (!deps.saveFile)
        return {
          kind: 'download',
          fileName: file.fileName,
          mimeType: file.mimeType,
          base64: file.bytes.toString('base64'),
        };
      const path = await deps.saveFile(file.fileName, file.bytes);
      return path ? { kind: 'saved', path, fileName: file.fileName } : { kind: 'cancelled' };
    },
  };
}
