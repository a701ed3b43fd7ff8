import type { StepId } from '../api/ids';
import { AppError } from '../errors';
import { vendorProfile } from '../vendors';
import type { Workspace } from '../workspace/workspace';

/**
 * Skips an optional step or takes the skip back. Only the vendor profile's optional steps can be
 * skipped: a required one left out would make the integration look finished when it is not.
 */
export async function setStepSkipped(
  workspace: Workspace,
  ref: { integrationId: string; stepId: StepId },
  skipped: boolean,
  now: Date,
): Promise<void> {
  const integration = await workspace.getIntegration(ref.integrationId);
  const step = vendorProfile(integration.vendorId).steps.find((s) => s.id === ref.stepId);
  if (skipped && step && !step.optional) {
    throw new AppError(
      'STEP_NOT_OPTIONAL',
      `"${step.title}" is required for this vendor and cannot be skipped.`,
      'Complete the step, or delete the integration if you no longer need it.',
      'stepId',
    );
  }
  await workspace.updateStep(ref.integrationId, ref.stepId, (record) => {
    if (skipped) record.skippedAt = now.toISOString();
    else delete record.skippedAt;
  });
}
