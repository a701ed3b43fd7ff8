import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { htmlToPdfWithChromium } from '../../../src-main/report/pdf-chromium';
import { buildPortfolioReport } from '../../../src-main/report/portfolio';
import { renderPortfolioReport, type RenderedReport, type ReportFormat } from '../../../src-main/report/render';
import type { ReportedSetup } from './setup';

const dir = fileURLToPath(new URL('../../../docs/samples/', import.meta.url));

/** Writes one vendor's report in every format (and, with Courier, the portfolio) as the README's samples. */
export async function writeSamples(
  vendor: string,
  out: Record<ReportFormat, RenderedReport>,
  tf: string,
  setup: ReportedSetup,
): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const [format, file] of Object.entries(out)) await writeFile(`${dir}${vendor}-report.${format}`, file.bytes);
  await writeFile(`${dir}${vendor}-report.tf`, tf);
  if (vendor !== 'courier') return;
  const portfolio = await buildPortfolioReport(setup.deps);
  for (const format of ['html', 'md', 'json'] as const)
    await writeFile(
      `${dir}portfolio.${format}`,
      (await renderPortfolioReport(portfolio, format, (html) => htmlToPdfWithChromium(html))).bytes,
    );
}
