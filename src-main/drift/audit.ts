import type { IntegrationAudit, IntegrationBaseline, StepAudit } from '../api/drift';
import type { Integration, StepId } from '../api/model';
import type { StepView } from '../api/steps';
import { Exit, exitCodeFor } from '../cli/io';
import { AppError, isAppError } from '../errors';
import type { StepRunner } from '../steps/runner';
import { vendorProfile } from '../vendors';
import type { Workspace } from '../workspace/workspace';
import { inputDigest, isCurrent, readBaseline } from './baseline-store';
import { compareFields } from './compare';
import { driftFields, fieldSetOf } from './fields';

export interface IntegrationAuditDeps {
  workspace: Workspace;
  runner: StepRunner;
  now?: () => Date;
}

/** Okta (or the vendor) could not be read: the codes the CLI answers with exit code 3. */
export const isRemoteCode = (code: string): boolean => exitCodeFor(new AppError(code, '', '')) === Exit.unreachable;

export function failureOf(error: unknown): { code: string; message: string; hint: string } {
  return isAppError(error)
    ? { code: error.code, message: error.message, hint: error.hint }
    : {
        code: 'INTERNAL',
        message: error instanceof Error ? error.message : String(error),
        hint: 'This is a bug in okta-onboard; please report it with the integration audited.',
      };
}

/** The steps an audit reads again: those looked at before (as verifyAll), skipped ones left out. */
function auditedSteps(integration: Integration, baseline: IntegrationBaseline, has: (id: StepId) => boolean): StepId[] {
  return vendorProfile(integration.vendorId)
    .steps.map((s) => s.id)
    .filter((id) => {
      const record = integration.steps[id];
      if (!record || !has(id) || record.skippedAt !== undefined) return false;
      return baseline.steps[id] !== undefined || record.inspectedAt !== undefined || record.status !== 'not-started';
    });
}

function stepResult(
  stepId: StepId,
  title: string,
  view: StepView,
  savedInput: Record<string, unknown>,
  baseline: IntegrationBaseline,
): StepAudit {
  const failingChecks = view.checks.filter((c) => c.status === 'fail');
  const current = driftFields(stepId, view.observed);
  // A baseline taken under other input, or before the wizard's last write, is not what to expect now.
  const known = baseline.steps[stepId];
  const comparable = known && isCurrent(baseline, known, inputDigest(savedInput)) ? known : undefined;
  const { changes, recordedNow } = comparable
    ? compareFields(comparable.fields, current, (comparable.fieldSet ?? 1) < fieldSetOf(stepId))
    : { changes: [], recordedNow: [] };
  const wizardWouldChange = comparable ? view.changes.map((c) => `${c.target}: ${c.summary}`) : [];
  const result: StepAudit['result'] =
    failingChecks.length > 0
      ? 'failing'
      : changes.length > 0 || wizardWouldChange.length > 0
        ? 'drift'
        : comparable
          ? 'same'
          : view.status === 'verified'
            ? 'new-baseline'
            : 'unverified';
  return {
    stepId,
    title,
    result,
    status: view.status,
    ...(comparable ? { baselineAt: comparable.verifiedAt } : {}),
    ...(view.verifiedAt ? { verifiedAt: view.verifiedAt } : {}),
    changes,
    recordedNow,
    wizardWouldChange,
    failingChecks,
  };
}

/** The integration's outcome: drift (or a failing check) first, then an unreadable org, then other errors. */
export function integrationResult(steps: readonly StepAudit[]): IntegrationAudit['result'] {
  if (steps.some((s) => s.result === 'drift' || s.result === 'failing')) return 'drift';
  if (steps.some((s) => s.result === 'error' && s.error && isRemoteCode(s.error.code))) return 'unreachable';
  if (steps.some((s) => s.result === 'error')) return 'drift';
  return 'same';
}

/**
 * Reads every step of the integration back from Okta (the runner's verify: read-only calls) and
 * compares what it reads with the last verified state, field by field. The runner keeps the
 * baseline as it verifies; an audit never overwrites one that differs (see recordVerification).
 */
export async function auditIntegration(deps: IntegrationAuditDeps, integrationId: string): Promise<IntegrationAudit> {
  const now = deps.now ?? (() => new Date());
  const auditedAt = now().toISOString();
  const integration = await deps.workspace.getIntegration(integrationId);
  const client = (await deps.workspace.listClients()).find((c) => c.id === integration.clientId);
  if (!client)
    throw new AppError('CLIENT_NOT_FOUND', 'The client of this integration no longer exists.', 'Add it again.');
  const baseline = await readBaseline(deps.workspace.dataDir, integrationId);
  const profile = vendorProfile(integration.vendorId);
  const titles = new Map(profile.steps.map((s) => [s.id, s.title]));
  const steps: StepAudit[] = [];
  const runnable = (id: StepId) => deps.runner.has(id);
  for (const stepId of auditedSteps(integration, baseline, runnable)) {
    const title = titles.get(stepId) ?? stepId;
    try {
      const view = await deps.runner.verify({ integrationId, stepId });
      // The input as saved (the baseline's digest is of it), not the view's, which adds the defaults.
      const saved = (await deps.workspace.getIntegration(integrationId)).steps[stepId]?.input ?? {};
      steps.push(stepResult(stepId, title, view, saved, baseline));
    } catch (error) {
      const known = baseline.steps[stepId];
      steps.push({
        stepId,
        title,
        result: 'error',
        status: 'failed',
        ...(known ? { baselineAt: known.verifiedAt } : {}),
        changes: [],
        recordedNow: [],
        wizardWouldChange: [],
        failingChecks: [],
        error: failureOf(error),
      });
    }
  }
  return {
    client: { id: client.id, name: client.name },
    integration: { id: integration.id, label: integration.label, vendorId: integration.vendorId },
    auditedAt,
    result: integrationResult(steps),
    steps,
  };
}
