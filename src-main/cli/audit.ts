import { z } from 'zod';
import type { AuditReport, IntegrationAudit, StepAudit } from '../api/drift';
import { StepIdSchema } from '../api/ids';
import { AppError } from '../errors';
import { parseCommandLine, wantsJson } from './args';
import { Exit, fail, type CliCommand, type CliIo } from './io';
import { parseFlag, requireFlag } from './options';

const usage = [
  '  okta-onboard audit --client <name> [--integration <label|id>] [--data-dir <dir>] [--json]',
  '      reads every verified step back from Okta (read-only) and names what changed since it was last verified',
  '  okta-onboard audit --all [--concurrency <orgs>] [--data-dir <dir>] [--json]',
  "      every client's integrations, several orgs at once (each org's calls one at a time)",
  '  okta-onboard audit --client <name> --integration <label|id> --accept [--step <id>] [--data-dir <dir>] [--json]',
  '      after review: the state the last audit read becomes the one later audits compare against',
  '',
  '  Secrets for unattended runs: OKTA_ONBOARD_TOKEN_<CLIENT> (API token or service app private key) and',
  '  OKTA_ONBOARD_SCIM_TOKEN_<CLIENT>_<INTEGRATION>, names upper-cased with other characters as "_";',
  '  otherwise the secrets stored by `okta-onboard org signin`.',
  '  Exit codes: 0 no drift; 1 drift or a failing check; 2 usage; 3 an org unreachable (and no drift found).',
].join('\n');

const RESULT_WORDS: Record<StepAudit['result'], string> = {
  same: 'as last verified',
  drift: 'CHANGED',
  failing: 'FAILING',
  'new-baseline': 'verified now (no earlier state recorded; recorded now)',
  unverified: 'not verified yet (setup unfinished; nothing to compare)',
  error: 'COULD NOT BE READ',
};

const INTEGRATION_WORDS: Record<IntegrationAudit['result'], string> = {
  same: 'no drift',
  drift: 'DRIFT',
  unreachable: 'UNREACHABLE',
};

function printIntegration(io: CliIo, audit: IntegrationAudit): void {
  io.out(`${audit.client.name} / ${audit.integration.label}: ${INTEGRATION_WORDS[audit.result]}`);
  for (const step of audit.steps) {
    const since = step.baselineAt ? ` (last verified state from ${step.baselineAt})` : '';
    io.out(`  ${step.stepId}: ${RESULT_WORDS[step.result]}${step.result === 'same' ? '' : since}`);
    for (const change of step.changes) io.out(`    - ${change.summary}`);
    for (const field of step.recordedNow) io.out(`    + ${field.summary}`);
    for (const change of step.wizardWouldChange) io.out(`    - the wizard would now change ${change}`);
    for (const check of step.failingChecks) io.out(`    fail ${check.label}: ${check.detail}`);
    if (step.error) io.out(`    error: ${step.error.message}\n    hint: ${step.error.hint}`);
  }
}

export function printReport(io: CliIo, report: AuditReport): void {
  for (const audit of report.integrations) printIntegration(io, audit);
  for (const problem of report.unreachable) {
    io.out(`${problem.client.name} (${problem.client.orgUrl}): UNREACHABLE, not audited`);
    io.out(`  error: ${problem.message}`);
    io.out(`  hint: ${problem.hint}`);
    io.out(`  not audited: ${problem.integrations.map((i) => i.label).join(', ')}`);
  }
  const s = report.summary;
  io.out(
    `${s.integrations} integration${s.integrations === 1 ? '' : 's'}: ${s.drifted} drifted or failing, ${s.unreachable} unreachable, ${s.same} as last verified.`,
  );
  if (report.exitCode === Exit.failed)
    io.out(
      'Review the changes above. Put Okta back (okta-onboard apply) or, if they are wanted, accept them: okta-onboard audit --client <name> --integration <label> --accept',
    );
}

export const command: CliCommand = {
  summary: 'Name what changed in Okta since each step was last verified (drift), for one client or all',
  usage,
  async run(args, io) {
    const json = wantsJson(args);
    let values;
    try {
      ({ values } = parseCommandLine(
        args,
        {
          client: { type: 'string' },
          integration: { type: 'string' },
          all: { type: 'boolean' },
          accept: { type: 'boolean' },
          step: { type: 'string', multiple: true },
          concurrency: { type: 'string' },
        },
        { command: 'okta-onboard audit', usage },
      ));
    } catch (error) {
      return fail(io, error, json);
    }
    let close: (() => Promise<void>) | undefined;
    try {
      if (values.all && (values.client !== undefined || values.integration !== undefined))
        throw new AppError(
          'USAGE',
          '--all audits every client; it takes no --client or --integration.',
          `Use:\n${usage}`,
        );
      if (!values.all && values.client === undefined)
        throw new AppError(
          'MISSING_ARGUMENT',
          'Name a client with --client, or audit every client with --all.',
          `Use:\n${usage}`,
          'client',
        );
      if (values.accept && values.integration === undefined)
        throw new AppError(
          'MISSING_ARGUMENT',
          '--accept needs --integration: accept one reviewed integration at a time.',
          'For example: okta-onboard audit --client "Acme" --integration "Courier" --accept',
          'integration',
        );
      if (!values.accept && values.step !== undefined)
        throw new AppError(
          'USAGE',
          '--step belongs to --accept (an audit reads every verified step).',
          `Use:\n${usage}`,
        );
      const concurrency = parseFlag(
        z.coerce.number().int('a whole number of orgs').min(1, 'at least 1').max(64, 'at most 64').default(8),
        values.concurrency,
        'concurrency',
      );
      const steps = values.step?.map((s) => parseFlag(StepIdSchema, s, 'step'));
      const [{ openWorkspace, resolveDataDir }, { createCliRunner }, { auditAll }, { EnvSecretStore }] =
        await Promise.all([
          import('../workspace/workspace'),
          import('./wizard-runner'),
          import('../drift/audit-all'),
          import('../workspace/env-secrets'),
        ]);
      const workspace = await openWorkspace(resolveDataDir(values['data-dir']));
      const client =
        values.client !== undefined
          ? await workspace.findClient(requireFlag(values.client, 'client', 'okta-onboard audit --client "Acme"'))
          : undefined;
      const integration =
        client && values.integration !== undefined
          ? await workspace.findIntegration(client.id, values.integration)
          : undefined;

      if (values.accept && integration) {
        const [{ acceptCurrentState }, { AuditLog }] = await Promise.all([
          import('../drift/accept'),
          import('../workspace/audit-log'),
        ]);
        const log = new AuditLog(workspace.dataDir);
        const accepted = await acceptCurrentState(workspace, integration.id, steps, (event) => log.append(event));
        if (json)
          io.out(JSON.stringify({ accepted, integration: { id: integration.id, label: integration.label } }, null, 2));
        else
          io.out(
            `Accepted the state last read from Okta as ${integration.label}'s verified state: ${accepted.join(', ') || 'no step had a current read'}.`,
          );
        return Exit.ok;
      }

      const names = { clients: await workspace.listClients(), integrations: await workspace.listIntegrations() };
      const progress = io.isTTY === true && !json;
      const cli = createCliRunner(workspace, undefined, (stored) => new EnvSecretStore(stored, names));
      close = cli.close;
      const report = await auditAll(
        {
          workspace,
          runner: cli.runner,
          connect: cli.connect,
          concurrency,
          ...(progress ? { onDone: (what: string) => io.err(`audited ${what}`) } : {}),
        },
        {
          ...(client ? { clientIds: [client.id] } : {}),
          ...(integration ? { integrationIds: [integration.id] } : {}),
        },
      );
      if (json) io.out(JSON.stringify(report, null, 2));
      else printReport(io, report);
      return report.exitCode;
    } catch (error) {
      return fail(io, error, json);
    } finally {
      await close?.();
    }
  },
};
