import type { Integration, StepId, VendorId } from '../api/model';
import type { Workspace } from '../workspace/workspace';

/** A validated plan's content: the vendor, its label and each step's input (no secrets, no org facts). */
export interface PlanContent {
  vendor: VendorId;
  label?: string | undefined;
  steps: Partial<Record<StepId, Record<string, unknown>>>;
}

/**
 * A new integration for the client with each step's input as the plan gives it, the rest at the
 * vendor's defaults. The inputs are saved in one workspace write, so a crash never leaves an
 * integration with half a plan. `label` overrides the plan's; a taken label is refused by the
 * workspace (INTEGRATION_EXISTS on `label`) before anything is made.
 */
export async function addIntegrationFromPlan(
  workspace: Workspace,
  clientId: string,
  plan: PlanContent,
  label?: string,
): Promise<Integration> {
  const name = label ?? plan.label;
  const created = await workspace.addIntegration({ clientId, vendorId: plan.vendor, ...(name ? { label: name } : {}) });
  return workspace.updateIntegration(created.id, (integration) => {
    for (const [stepId, input] of Object.entries(plan.steps) as [StepId, Record<string, unknown>][]) {
      const record = integration.steps[stepId];
      if (record) record.input = { ...input };
    }
  });
}
