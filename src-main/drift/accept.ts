import { userInfo } from 'node:os';
import type { StepId } from '../api/model';
import type { AuditSink } from '../workspace/audit-log';
import { AppError } from '../errors';
import { currentObservation } from '../steps/runner';
import type { Workspace } from '../workspace/workspace';
import { acceptState } from './baseline-store';

/**
 * After review, the admin takes what the latest read of Okta showed as the state to compare
 * against from now on (each step named, or every step with a current observation). A step whose
 * latest read failed has nothing current to accept and is refused by name.
 */
export async function acceptCurrentState(
  workspace: Workspace,
  integrationId: string,
  stepIds: readonly StepId[] | undefined,
  audit: AuditSink,
  now: () => Date = () => new Date(),
): Promise<StepId[]> {
  const integration = await workspace.getIntegration(integrationId);
  const chosen = stepIds ?? (Object.keys(integration.steps) as StepId[]);
  const accepted: StepId[] = [];
  for (const stepId of chosen) {
    const record = integration.steps[stepId];
    if (!record)
      throw new AppError(
        'INVALID_ARGUMENT',
        `"${stepId}" is not a step of ${integration.label}.`,
        'Name a step the integration has.',
        'stepId',
      );
    const current = currentObservation(record);
    if (current.observed === undefined || current.verifiedAt === undefined) {
      if (stepIds) {
        throw new AppError(
          'DRIFT_NOTHING_TO_ACCEPT',
          `The ${stepId} step has no current read of Okta to accept${record.lastError ? ` (its last read failed: ${record.lastError.message})` : ''}.`,
          'Run the audit again; accept once the step reads Okta.',
          'stepId',
        );
      }
      continue;
    }
    await acceptState({
      dataDir: workspace.dataDir,
      integrationId,
      stepId,
      input: record.input,
      observed: current.observed,
      verifiedAt: current.verifiedAt,
      acceptedAt: now().toISOString(),
    });
    accepted.push(stepId);
  }
  // Accepting is a decision someone made: it goes into the integration's audit log beside the writes.
  if (accepted.length > 0)
    await audit({
      clientId: integration.clientId,
      integrationId,
      operation: 'drift.accept',
      target: `${integration.label}: ${accepted.join(', ')}`,
      outcome: 'success',
      detail: "Okta's state as last read accepted as the verified state after a drift audit (nothing written to Okta)",
      actor: `${userInfo().username} (user of this computer)`,
    });
  return accepted;
}
