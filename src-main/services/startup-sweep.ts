import type { Client } from '../api/model';
import type { OktaOrgApi } from '../okta/org-api';
import type { ReconcileSummary } from '../okta/audited-writes';
import type { StepRunner } from '../steps/runner';
import type { OpenWrite } from '../workspace/audit-log';
import type { Workspace } from '../workspace/workspace';

/** What the start-up sweep did for one client; `failure` when its org could not be reached or read. */
export interface SweepResult {
  clientId: string;
  reconciled?: ReconcileSummary;
  /** Per integration: test objects still recorded after the clean-up ran. */
  leftovers: Record<string, number>;
  failures: string[];
}

/** A client whose writes the log reconciles (the app's OktaOrgClient); other OktaOrgApis have none. */
function reconcilable(okta: OktaOrgApi): okta is OktaOrgApi & { reconcileOpenWrites(): Promise<ReconcileSummary> } {
  return typeof (okta as { reconcileOpenWrites?: unknown }).reconcileOpenWrites === 'function';
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Finishes on start what a crash left: for every client with open write intents or an integration
 * with recorded test objects, connects with what is stored (API token, saved OAuth session, service
 * app key, the practice org; never a sign-in prompt), settles the open intents by reading Okta and
 * removes the leftovers. A client that cannot be connected is skipped and logged: its intents are
 * settled before its next write and its leftovers stay listed on the step's screen, as before.
 */
export async function sweepCrashLeftovers(deps: {
  workspace: Workspace;
  openWrites(clientId: string): Promise<OpenWrite[]>;
  connect(client: Client): Promise<OktaOrgApi>;
  runner: Pick<StepRunner, 'finishLeftovers'>;
  log?: (message: string) => void;
}): Promise<SweepResult[]> {
  const log = deps.log ?? ((message: string) => console.warn(`start-up clean-up: ${message}`));
  const results: SweepResult[] = [];
  for (const client of await deps.workspace.listClients()) {
    const result: SweepResult = { clientId: client.id, leftovers: {}, failures: [] };
    const withLeftovers = (await deps.workspace.listIntegrations(client.id)).filter(
      (i) => (i.temporaries ?? []).length > 0,
    );
    let open: OpenWrite[] = [];
    try {
      open = await deps.openWrites(client.id);
    } catch (error) {
      result.failures.push(`reading the audit log: ${reason(error)}`);
    }
    if (open.length === 0 && withLeftovers.length === 0 && result.failures.length === 0) continue;
    results.push(result);
    if (client.auth.method === 'none') {
      result.failures.push('no stored credentials; left for the next sign-in');
    } else {
      if (open.length > 0) {
        try {
          const okta = await deps.connect(client);
          if (reconcilable(okta)) result.reconciled = await okta.reconcileOpenWrites();
        } catch (error) {
          result.failures.push(`settling ${open.length} open write(s): ${reason(error)}`);
        }
      }
      for (const integration of withLeftovers) {
        try {
          result.leftovers[integration.id] = await deps.runner.finishLeftovers(integration.id);
        } catch (error) {
          result.failures.push(`removing test objects of ${integration.id}: ${reason(error)}`);
        }
      }
    }
    if (result.reconciled && result.reconciled.stillOpen > 0)
      log(`"${client.name}": ${result.reconciled.stillOpen} write(s) could not be read back yet`);
    for (const [integrationId, left] of Object.entries(result.leftovers))
      if (left > 0) log(`"${client.name}" ${integrationId}: ${left} test object(s) could not be removed yet`);
    for (const failure of result.failures) log(`"${client.name}": ${failure}`);
  }
  return results;
}
