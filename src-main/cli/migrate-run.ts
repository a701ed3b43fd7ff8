import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { MigrateObserved } from '../api/step-migrate';
import type { StepView } from '../api/steps';
import { AppError } from '../errors';
import { parseCommandLine } from './args';
import { Exit, type CliIo } from './io';

export const runUsage = [
  '  okta-onboard migrate plan|apply --client <name> --integration <id> (--vendor-users <csv> | --vendor-scim)',
  '                                  [--route direct|group|auto] [--data-dir <dir>] [--json]',
  '',
  "  Imports the vendor's current users into the integration, then runs its migrate step (the screen's",
  '  own step): plan shows the classes, the route and the minutes each route takes at the limits Okta',
  '  reports; apply assigns everyone (Ctrl-C cancels; apply again resumes without doing anything twice).',
  '',
  '  --vendor-users <file>   the vendor export (CSV or TSV), as for migrate match',
  "  --vendor-scim           read the vendor's accounts live from its SCIM endpoint, with the base URL",
  '                          and bearer token saved on the SCIM check step (paged, 100 a page)',
].join('\n');

/** `migrate plan|apply`: imports the export, sets the route, and runs the migrate step through the StepRunner. */
export async function planOrApply(phase: 'plan' | 'apply', args: string[], io: CliIo): Promise<number> {
  const { values } = parseCommandLine(
    args,
    {
      client: { type: 'string' },
      integration: { type: 'string' },
      'vendor-users': { type: 'string' },
      'vendor-scim': { type: 'boolean' },
      route: { type: 'string' },
    },
    { command: `okta-onboard migrate ${phase}`, usage: runUsage },
  );
  for (const flag of ['client', 'integration'] as const) {
    if (!values[flag])
      throw new AppError(
        'MISSING_ARGUMENT',
        `--${flag} is required.`,
        'For example: okta-onboard migrate plan --client Acme --integration courier --vendor-users team.csv',
        flag,
      );
  }
  const scim = values['vendor-scim'] === true;
  if (scim === (values['vendor-users'] !== undefined))
    throw new AppError(
      scim ? 'INVALID_ARGUMENT' : 'MISSING_ARGUMENT',
      scim ? 'Give --vendor-users or --vendor-scim, not both.' : '--vendor-users <csv> or --vendor-scim is required.',
      "Use --vendor-users team.csv for the vendor's export, or --vendor-scim to read its accounts live over SCIM.",
      'vendor-users',
    );
  const route = values.route ?? 'auto';
  if (!['auto', 'direct', 'group'].includes(route))
    throw new AppError(
      'INVALID_ARGUMENT',
      `--route: "${route}" is not a route.`,
      'Use direct, group or auto.',
      'route',
    );
  const path = values['vendor-users'];
  let bytes: Uint8Array | undefined;
  if (path !== undefined) {
    try {
      bytes = await readFile(path);
    } catch {
      throw new AppError(
        'INVALID_ARGUMENT',
        `--vendor-users ${path}: the file cannot be read.`,
        'Give the path of the exported CSV file.',
        'vendor-users',
      );
    }
  }
  const [
    { openWorkspace, resolveDataDir },
    { createCliRunner },
    { importVendorExport, importVendorScim },
    { controlMigration },
    { scimSourceOf },
  ] = await Promise.all([
    import('../workspace/workspace'),
    import('./wizard-runner'),
    import('../migrate/import'),
    import('../migrate/control'),
    import('../migrate/scim-source'),
  ]);
  const workspace = await openWorkspace(resolveDataDir(values['data-dir']));
  const client = await workspace.findClient(values.client as string);
  const integration = await workspace.findIntegration(client.id, values.integration as string);
  const json = values.json === true;
  const progress = io.isTTY === true && !json;
  const cli = createCliRunner(workspace, (_ref, done, total, message) => {
    if (progress) io.err(`  ${done}/${total} ${message}`);
  });
  // Ctrl-C stops a SCIM read after its page in flight, or a run after its writes in flight.
  const reading = new AbortController();
  const cancel = () => {
    reading.abort();
    controlMigration(integration.id, 'cancel');
  };
  process.once('SIGINT', cancel);
  try {
    if (bytes !== undefined && path !== undefined) {
      await importVendorExport(workspace.dataDir, integration.id, { bytes, fileName: basename(path) }, new Date());
    } else {
      const source = await scimSourceOf(integration, cli.secrets);
      const read = await importVendorScim(
        workspace.dataDir,
        integration.id,
        {
          ...source,
          signal: reading.signal,
          onPage: (done, total) => progress && io.err(`  read ${done} of ${total} vendor accounts`),
        },
        new Date(),
      );
      if (!json)
        io.out(
          `Read ${read.rows} active accounts from ${read.fileName}${read.inactive ? ` (${read.inactive} deactivated at the vendor, left out)` : ''}.`,
        );
    }
    const ref = { integrationId: integration.id, stepId: 'migrate' as const };
    await cli.runner.saveInput(ref, { route });
    const view = phase === 'plan' ? await cli.runner.inspect(ref) : await cli.runner.apply(ref);
    report(io, view, json);
    const failed = view.checks.some((c) => c.status === 'fail') || view.status === 'failed';
    return failed ? Exit.failed : Exit.ok;
  } finally {
    process.removeListener('SIGINT', cancel);
    await cli.close();
  }
}

function report(io: CliIo, view: StepView, json: boolean): void {
  const observed = view.observed as MigrateObserved | undefined;
  if (json) {
    io.out(JSON.stringify({ status: view.status, observed, changes: view.changes, checks: view.checks }, null, 2));
    return;
  }
  if (observed) {
    io.out(
      `Classes: ${Object.entries(observed.counts)
        .map(([c, n]) => `${c} ${n}`)
        .join(', ')}`,
    );
    for (const e of observed.estimates)
      io.out(
        `Route ${e.route}: ${e.calls} calls, ${e.minutes === null ? 'time unknown' : `${e.minutes.toFixed(1)} min`} (${e.limits
          .filter((l) => l.calls > 0)
          .map((l) => `${l.bucket} at ${l.perMinute ?? '?'}/min`)
          .join('; ')})`,
      );
    io.out(`Route used: ${observed.route}. ${observed.routeWhy}`);
  }
  for (const c of view.changes) io.out(`- ${c.summary}`);
  for (const c of view.checks) io.out(`[${c.status}] ${c.label}: ${c.detail}`);
  io.out(`Status: ${view.status}`);
}
