import type { StepId } from '../../src-main/api/model';
import { AppError } from '../../src-main/errors';
import { connectOrg, type OrgAuth } from '../../src-main/okta/connect';
import { sweepCrashLeftovers } from '../../src-main/services/startup-sweep';
import { wizardSteps } from '../../src-main/steps/registry';
import { StepRunner } from '../../src-main/steps/runner';
import { AuditLog } from '../../src-main/workspace/audit-log';
import { FileSecretStore } from '../../src-main/workspace/secrets';
import { Workspace } from '../../src-main/workspace/workspace';
import { fullSetup } from '../support/full-setup';

/** What the crash suite's parent hands each child (one JSON argument). */
export interface ChildJob {
  dataDir: string;
  integrationId: string;
  orgUrl: string;
  adminLogin: string;
  scim: { baseUrl: string; token: string };
}

/**
 * One run of the wizard in its own process, as the app runs after a start: the start-up clean-up
 * (open intents settled, leftovers removed), then a full Courier setup through the StepRunner with
 * the data folder's stored API token. The parent SIGKILLs it at a chosen write; the next child resumes.
 * Prints one JSON line: the start-up clean-up's result and the setup's step statuses.
 */
async function main(): Promise<void> {
  const job = JSON.parse(process.argv[2] ?? '{}') as ChildJob;
  const workspace = await Workspace.open(job.dataDir);
  const secrets = new FileSecretStore(job.dataDir);
  const audit = new AuditLog(job.dataDir);
  const connect = (client: Parameters<ConstructorParameters<typeof StepRunner>[0]['connect']>[0]) => {
    if (client.auth.method === 'none') throw new AppError('NOT_SIGNED_IN', 'not signed in', 'sign in');
    return connectOrg({
      clientId: client.id,
      orgUrl: client.orgUrl,
      auth: client.auth as OrgAuth,
      secrets,
      audit: audit.append,
    });
  };
  const runner = new StepRunner({ workspace, secrets, steps: wizardSteps, connect });
  const sweep = await sweepCrashLeftovers({
    workspace,
    openWrites: (clientId) => audit.openWrites(clientId),
    connect,
    runner,
    log: (message) => process.stderr.write(`start-up clean-up: ${message}\n`),
  });
  const integration = await workspace.getIntegration(job.integrationId);
  const client = (await workspace.listClients()).find((c) => c.id === integration.clientId);
  const apiToken = client ? await secrets.get(client.id, 'api-token') : undefined;
  const ref = (stepId: StepId) => ({ integrationId: job.integrationId, stepId });
  const report = await fullSetup('courier', {
    orgUrl: job.orgUrl,
    apiToken: apiToken ?? '',
    adminLogin: job.adminLogin,
    scim: job.scim,
    save: (stepId, input) => runner.saveInput(ref(stepId), input),
    inspect: (stepId) => runner.inspect(ref(stepId)),
    apply: (stepId) => runner.apply(ref(stepId)),
    current: () => workspace.getIntegration(job.integrationId),
  });
  const statuses = Object.fromEntries(
    Object.entries(report.views).map(([stepId, view]) => [stepId, view?.lastError?.code ?? view?.status]),
  );
  process.stdout.write(`${JSON.stringify({ sweep, statuses, retries: report.retries })}\n`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(
      `setup child failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
