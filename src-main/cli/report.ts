import { writeFile } from 'node:fs/promises';
import { AppError } from '../errors';
import { parseCommandLine, wantsJson } from './args';
import type { ReportState } from '../report/model';
import { Exit, fail, type CliCommand, type CliIo, type ExitCode } from './io';
import { requireFlag } from './options';

const FORMATS = ['html', 'pdf', 'json', 'md', 'tf'] as const;
type CliFormat = (typeof FORMATS)[number];

const usage = [
  '  okta-onboard report --client <name> [--integration <label|id>] --format html|pdf|json|md|tf --out <path> [--data-dir <dir>] [--json]',
  '      reads the integration back from Okta now (read-only) and writes its configuration report;',
  '      --integration may be left out when the client has one integration (tf: all of them, one file)',
  '  okta-onboard report --portfolio --format html|pdf|json|md --out <path> [--data-dir <dir>] [--json]',
  '      every integration of every client: state, failing checks, certificate expiry, soonest first',
  '  PDF is printed by Chromium, Chrome or Edge (set OKTA_ONBOARD_CHROMIUM to its path if it is elsewhere).',
  '  Exit: 0 written and nothing fails, 1 written and a check fails, 3 written but Okta could not be read',
  '  (for any step: its state is unknown),',
  '  2 usage or input error.',
].join('\n');

/**
 * 3 when Okta could not be read (the report says so), also for one step only (its state is
 * unknown, which matters more than a known failure), 1 when a check fails, else 0.
 */
export function exitForStates(states: readonly ReportState[], partlyUnreachable = false): ExitCode {
  if (states.includes('unreadable') || partlyUnreachable) return Exit.unreachable;
  if (states.includes('failing')) return Exit.failed;
  return Exit.ok;
}

function formatOf(value: string | undefined, portfolio: boolean): CliFormat {
  const example = portfolio
    ? 'okta-onboard report --portfolio --format html --out portfolio.html'
    : 'okta-onboard report --client "Acme" --format html --out acme.html';
  const format = requireFlag(value, 'format', example);
  if (!(FORMATS as readonly string[]).includes(format))
    throw new AppError(
      'INVALID_ARGUMENT',
      `--format: "${format}" is not a report format.`,
      `Use one of: ${FORMATS.join(', ')}.`,
      'format',
    );
  if (portfolio && format === 'tf')
    throw new AppError(
      'INVALID_ARGUMENT',
      '--format tf: a Terraform file describes one Okta org, and the portfolio spans every client.',
      'Use: okta-onboard report --client <name> --format tf --out <file.tf>',
      'format',
    );
  return format as CliFormat;
}

export const command: CliCommand = {
  summary: "Export an integration's configuration report (HTML, PDF, JSON, Markdown, Terraform) or the portfolio",
  usage,
  async run(args: string[], io: CliIo): Promise<number> {
    const json = wantsJson(args);
    let values;
    try {
      ({ values } = parseCommandLine(
        args,
        {
          client: { type: 'string' },
          integration: { type: 'string' },
          portfolio: { type: 'boolean' },
          format: { type: 'string' },
          out: { type: 'string' },
        },
        { command: 'okta-onboard report', usage },
      ));
    } catch (error) {
      return fail(io, error, json);
    }
    let close: (() => Promise<void>) | undefined;
    try {
      const portfolio = values.portfolio === true;
      if (portfolio && (values.client !== undefined || values.integration !== undefined))
        throw new AppError(
          'USAGE',
          '--portfolio covers every client; it takes no --client or --integration.',
          `Use:\n${usage}`,
        );
      const format = formatOf(values.format, portfolio);
      const out = requireFlag(values.out, 'out', `--out ${portfolio ? 'portfolio' : 'acme'}.${format}`);
      const [{ openWorkspace, resolveDataDir }, { createCliRunner }, reports] = await Promise.all([
        import('../workspace/workspace'),
        import('./wizard-runner'),
        import('./report-run'),
      ]);
      const workspace = await openWorkspace(resolveDataDir(values['data-dir']));
      const cli = createCliRunner(workspace);
      close = cli.close;
      const deps = { workspace, runner: cli.runner, connect: cli.connect, audit: cli.audit };
      const written = portfolio
        ? await reports.portfolioFile(deps, format as Exclude<CliFormat, 'tf'>)
        : await reports.integrationFile(deps, requireFlag(values.client, 'client', usage), values.integration, format);
      await writeFile(out, written.bytes);
      const exit = exitForStates(written.states, written.partlyUnreachable);
      if (json) io.out(JSON.stringify({ out, format, states: written.states, exitCode: exit }, null, 2));
      else {
        io.out(`Wrote ${written.what} to ${out} (${format}, ${written.bytes.length} bytes).`);
        for (const line of written.notes) io.out(line);
      }
      return exit;
    } catch (error) {
      return fail(io, error, json);
    } finally {
      await close?.();
    }
  },
};
