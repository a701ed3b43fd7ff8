import type { StepId } from '../api/model';
import type { StepView } from '../api/steps';
import { AppError } from '../errors';
import { parseCommandLine, wantsJson } from './args';
import { Exit, exitCodeFor, fail, type CliCommand, type CliIo, type ExitCode } from './io';
import { requireFlag } from './options';
import type { StepOutcome, WizardRun } from './run-report';
import { ACTION_OPTIONS, actionUsage, actionsGiven, cliWay, secretFields, type ActionNotes } from './wizard-actions';

type Phase = 'plan' | 'apply' | 'verify';

export type { StepOutcome } from './run-report';

const usageOf = (phase: Phase) =>
  [
    `  okta-onboard ${phase} --client <name> --integration <label|id> [--step <id>]${phase === 'plan' ? ' [--save-plan <file.yaml|file.json>]' : ''} [--data-dir <dir>] [--json]`,
    ...(phase === 'apply'
      ? [
          '  okta-onboard apply --client <name> --plan-file <file.yaml|file.json> [--label <label>] [--data-dir <dir>] [--json]',
          '      creates the integration for the client from a plan file, then applies it',
        ]
      : []),
    {
      plan: '      inspects each step in Okta and prints what apply would change (nothing is written)',
      apply: '      makes the changes the app can make, then reads every step back; manual steps print what to do',
      verify: '      reads every step back from Okta now (read-only) and reports its checks',
    }[phase],
    ...(phase === 'apply'
      ? [actionUsage, '  (--save-plan belongs to plan: okta-onboard plan --help)']
      : [
          `  (${phase === 'plan' ? '' : '--save-plan belongs to plan; '}--plan-file, --label and apply's step options --set, --secret-file, --sent, --confirmed,`,
          '   --save-eml, --password-file, --saml-response-file, --mode belong to apply: okta-onboard apply --help)',
        ]),
  ].join('\n');

function outcomeOf(view: StepView, optional: boolean): StepOutcome {
  return {
    stepId: view.stepId,
    status: view.status,
    optional,
    changes: view.changes,
    checks: view.checks,
    blockers: view.blockers,
    ...(view.verifiedAt ? { verifiedAt: view.verifiedAt } : {}),
  };
}

/**
 * The exit code of a run over several steps. Precedence: 3 when any step could not reach Okta or
 * the vendor (its result is unknown, which matters more than a known failure), else 1 when any
 * step is not verified (a failed check, manual work pending, blocked by missing input), else 0.
 * `plan` only reports: unapplied changes are its answer, not a failure.
 */
export function exitForOutcomes(phase: Phase, outcomes: StepOutcome[]): Exclude<ExitCode, typeof Exit.usage> {
  const errors = outcomes.filter((o) => o.error);
  if (
    errors.some((o) => exitCodeFor(new AppError(o.error!.code, o.error!.message, o.error!.hint)) === Exit.unreachable)
  )
    return Exit.unreachable;
  if (errors.length > 0) return Exit.failed;
  if (phase === 'plan') return outcomes.some((o) => o.checks.some((c) => c.status === 'fail')) ? Exit.failed : Exit.ok;
  const counted = outcomes.filter((o) => o.status !== 'skipped' && o.status !== 'not-configured');
  return counted.every((o) => o.status === 'verified') ? Exit.ok : Exit.failed;
}

/** An optional step is not run when skipped or still unconfigured; required steps always run. */
function notRun(view: StepView, optional: boolean, named: boolean): StepOutcome | undefined {
  if (!optional) return undefined;
  if (view.skippedAt) return { ...outcomeOf(view, true), status: 'skipped', changes: [], checks: [] };
  if (named) return undefined;
  // Only the step's own missing input counts: an earlier step not done yet is that step's failure.
  const own = view.blockers.filter((b) => b.stepId === undefined);
  if (own.length > 0 && own.length === view.blockers.length)
    return { ...outcomeOf(view, true), status: 'not-configured', changes: [], checks: [] };
  return undefined;
}

const KIND_WORDS = { create: 'create', update: 'update', delete: 'delete', send: 'send', manual: 'YOU DO' } as const;

const NOT_RUN_WORDS = {
  skipped: 'skipped (optional; skipped by you, not run)',
  'not-configured': 'not configured (optional; not run)',
} as const;

/** A multi-line value (a PEM certificate) keeps its lines under the field, so it can be copied whole. */
function indented(text: string, by: string): string {
  return text.replace(/\r?\n/g, `\n${by}`);
}

export function printOutcome(io: CliIo, o: StepOutcome, target: string, secret: ReadonlySet<string>): void {
  const way = (what: { id?: string; field?: string | undefined }) => {
    const line = cliWay(o.stepId, what, target, secret);
    if (line) io.out(`      on the command line: ${line}`);
  };
  if (o.status === 'skipped' || o.status === 'not-configured') {
    io.out(`${o.stepId}: ${NOT_RUN_WORDS[o.status]}`);
    for (const b of o.blockers) {
      io.out(`  to set it up: ${b.message} ${b.hint}`);
      way(b);
    }
    return;
  }
  io.out(`${o.stepId}: ${o.status}${o.verifiedAt ? ` (verified ${o.verifiedAt})` : ''}`);
  if (o.error) {
    io.out(`  error: ${o.error.message}`);
    io.out(`  hint: ${o.error.hint}`);
  }
  for (const b of o.blockers) {
    io.out(`  blocked: ${b.message} ${b.hint}`);
    if (b.stepId === undefined) way(b);
  }
  for (const c of o.changes) {
    io.out(`  ${KIND_WORDS[c.kind]} ${c.target}: ${c.summary}`);
    // Every value, in full: a manual change is done by hand from exactly these lines.
    for (const d of c.details)
      io.out(
        `      ${d.field}: ${d.from !== undefined ? `${indented(d.from, '        ')} -> ` : ''}${indented(d.to, '        ')}`,
      );
    if (c.kind === 'manual' || c.kind === 'send') way(c);
  }
  for (const c of o.checks) io.out(`  ${c.status.padEnd(4)} ${c.label}: ${c.detail}`);
}

/** The screens' buttons named in a step's hint, said as the command line that does the same. */
function cliHint(error: AppError, clientName: string, label: string): string {
  const target = `okta-onboard apply --client "${clientName}" --integration "${label}"`;
  if (error.code === 'REGISTER_SEND_BY_HAND')
    return `Send or paste the values listed (${target} --step register --save-eml mail.eml saves the email, metadata attached), then record it: ${target} --step register --sent email|eml|copied`;
  return error.hint;
}

export function makeWizardCommand(phase: Phase): CliCommand {
  const usage = usageOf(phase);
  return {
    summary: `${phase[0]!.toUpperCase()}${phase.slice(1)} an integration's wizard steps from the command line`,
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
            step: { type: 'string' },
            'save-plan': { type: 'string' },
            'plan-file': { type: 'string' },
            label: { type: 'string' },
            ...ACTION_OPTIONS,
          },
          { command: `okta-onboard ${phase}`, usage },
        ));
      } catch (error) {
        return fail(io, error, json);
      }
      const example = `okta-onboard ${phase} --client "Acme" --integration "Mixpanel"`;
      let close: (() => Promise<void>) | undefined;
      try {
        const clientName = requireFlag(values.client, 'client', example);
        if (values['save-plan'] !== undefined && phase !== 'plan')
          throw new AppError(
            'USAGE',
            '--save-plan belongs to plan.',
            `Use: okta-onboard plan ${example.split(' ').slice(2).join(' ')} --save-plan plan.yaml`,
          );
        if (values['plan-file'] !== undefined && phase !== 'apply')
          throw new AppError(
            'USAGE',
            '--plan-file belongs to apply.',
            'Use: okta-onboard apply --client "Acme" --plan-file plan.yaml',
          );
        if (values['plan-file'] !== undefined && values.integration !== undefined)
          throw new AppError(
            'USAGE',
            '--plan-file creates a new integration; it does not take --integration.',
            'Give --label to name the new integration.',
          );
        const actions = actionsGiven(values);
        if (actions.length > 0 && (phase !== 'apply' || values.step === undefined))
          throw new AppError(
            'USAGE',
            `--${actions[0]} belongs to apply with one --step.`,
            `For example: okta-onboard apply --client "Acme" --integration "Courier" --step register --${actions[0]} ...`,
            actions[0],
          );
        const [
          { openWorkspace, resolveDataDir },
          { vendorProfile },
          { createCliRunner },
          planFiles,
          { addIntegrationFromPlan },
        ] = await Promise.all([
          import('../workspace/workspace'),
          import('../vendors'),
          import('./wizard-runner'),
          import('../plans/plan-file'),
          import('../plans/from-plan'),
        ]);
        // A plan file is validated whole before anything is created, so a bad file leaves no trace.
        const plan = values['plan-file'] !== undefined ? await planFiles.loadPlanFile(values['plan-file']) : undefined;
        const workspace = await openWorkspace(resolveDataDir(values['data-dir']));
        const client = await workspace.findClient(clientName);
        const integration = plan
          ? await addIntegrationFromPlan(workspace, client.id, plan, values.label)
          : await workspace.findIntegration(client.id, requireFlag(values.integration, 'integration', example));
        const profileSteps = vendorProfile(integration.vendorId).steps;
        const stepIds = profileSteps.map((s) => s.id);
        const isOptional = (id: StepId) => profileSteps.find((s) => s.id === id)?.optional === true;
        if (values.step !== undefined && !stepIds.includes(values.step as StepId))
          throw new AppError(
            'INVALID_ARGUMENT',
            `--step: "${values.step}" is not a step of this integration.`,
            `Use one of: ${stepIds.join(', ')}.`,
            'step',
          );
        const selected = values.step !== undefined ? [values.step as StepId] : stepIds;
        const progress = io.isTTY === true && !json;
        const cli = createCliRunner(workspace, (ref, done, total, message) => {
          if (progress) io.err(`  ${ref.stepId}: ${done}/${total} ${message}`);
        });
        close = cli.close;
        let done: ActionNotes | undefined;
        if (actions.length > 0) {
          const { runActions } = await import('./wizard-actions');
          done = await runActions(cli, workspace, integration.id, selected[0]!, values);
          if (!json) for (const note of done.notes) io.out(note);
        }
        const outcomes: StepOutcome[] = [];
        for (const [index, stepId] of selected.entries()) {
          if (progress)
            io.err(`[${index + 1}/${selected.length}] ${stepId}: ${phase === 'plan' ? 'inspecting' : `${phase}ing`}…`);
          const ref = { integrationId: integration.id, stepId };
          // A step named with --step is run even when unconfigured: the admin asked for it.
          const skipped = notRun(await cli.runner.view(ref), isOptional(stepId), values.step !== undefined);
          if (skipped) {
            outcomes.push(skipped);
            continue;
          }
          try {
            const view =
              phase === 'plan'
                ? await cli.runner.inspect(ref)
                : phase === 'apply'
                  ? await cli.runner.apply(ref)
                  : await cli.runner.verify(ref);
            outcomes.push(outcomeOf(view, isOptional(stepId)));
          } catch (error) {
            const view = await cli.runner.view(ref);
            const failure =
              error instanceof AppError
                ? { code: error.code, message: error.message, hint: cliHint(error, client.name, integration.label) }
                : { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error), hint: '' };
            // A step blocked by missing input is not an error of Okta's: it is reported with its blockers.
            if (failure.code === 'STEP_BLOCKED')
              outcomes.push({ ...outcomeOf(view, isOptional(stepId)), status: 'needs-input' });
            else outcomes.push({ ...outcomeOf(view, isOptional(stepId)), status: 'error', error: failure });
          }
        }
        const exit = exitForOutcomes(phase, outcomes);
        const savePlan = values['save-plan'];
        if (savePlan !== undefined)
          await planFiles.savePlanFile(
            savePlan,
            planFiles.planFromIntegration(await workspace.getIntegration(integration.id)),
          );
        if (json) {
          const run: WizardRun = {
            phase,
            client: { id: client.id, name: client.name },
            integration: { id: integration.id, label: integration.label, vendorId: integration.vendorId },
            ...(plan && values['plan-file'] !== undefined ? { createdFromPlan: values['plan-file'] } : {}),
            ...(savePlan !== undefined ? { savedPlan: savePlan } : {}),
            ...(done ? { actions: done } : {}),
            steps: outcomes,
            exitCode: exit,
          };
          io.out(JSON.stringify(run, null, 2));
        } else {
          if (plan) io.out(`Created "${integration.label}" for ${client.name} from ${values['plan-file']}.`);
          io.out(`${client.name} / ${integration.label}: ${phase}`);
          const target = `okta-onboard apply --client "${client.name}" --integration "${integration.label}"`;
          for (const o of outcomes) printOutcome(io, o, target, await secretFields(o.stepId));
          // The screens' "Check Okta" button is this command on the command line.
          if (outcomes.some((o) => o.changes.some((c) => c.kind === 'manual')))
            io.out(
              `Manual work ("YOU DO") is yours; when it is done, prove it: okta-onboard verify --client "${client.name}" --integration "${integration.label}"`,
            );
          io.out(
            exit === Exit.ok
              ? phase === 'plan'
                ? 'Nothing failed. Run apply to make the changes listed.'
                : 'Every step is verified.'
              : exit === Exit.unreachable
                ? 'Okta or the vendor could not be reached for some steps; their state is unknown.'
                : 'Not every step is verified: see the failed checks, blockers and manual work above, then run verify.',
          );
        }
        if (savePlan !== undefined && !json) io.out(`Saved the plan (no secrets) to ${savePlan}.`);
        return exit;
      } catch (error) {
        return fail(io, error, json);
      } finally {
        await close?.();
      }
    },
  };
}
