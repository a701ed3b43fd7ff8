import { join } from 'node:path';
import { afterAll } from 'vitest';
import type { Client, Integration, StepId, VendorId } from '../../src-main/api/model';
import type { StepView } from '../../src-main/api/steps';
import { connectOrg, type OrgAuth } from '../../src-main/okta/connect';
import type { OktaOrgApi } from '../../src-main/okta/org-api';
import type { SandboxOptions, SandboxOrg } from '../../src-main/sandbox/server';
import { StepRunner } from '../../src-main/steps/runner';
import { wizardSteps } from '../../src-main/steps/registry';
import { AppError } from '../../src-main/errors';
import { AuditLog, type AuditInput } from '../../src-main/workspace/audit-log';
import { currentAuditScope } from '../../src-main/workspace/audit-scope';
import { FileSecretStore } from '../../src-main/workspace/secrets';
import { Workspace } from '../../src-main/workspace/workspace';
import { startSandbox } from './sandbox';
import { makeTempDir } from './temp-dir';

export interface StepHarness {
  org: SandboxOrg;
  workspace: Workspace;
  runner: StepRunner;
  client: Client;
  integration: Integration;
  audit: AuditLog;
  secrets: FileSecretStore;
  dataDir: string;
  /** Saves input for a step of this integration (as the screen would) and returns the view. */
  save(stepId: StepId, input: Record<string, unknown>): Promise<StepView>;
  inspect(stepId: StepId): Promise<StepView>;
  apply(stepId: StepId): Promise<StepView>;
  verify(stepId: StepId): Promise<StepView>;
  /** The integration as main has it now (facts, step records). */
  current(): Promise<Integration>;
  /** The client's org, connected as the runner connects it. */
  connect(client: Client): Promise<OktaOrgApi>;
}

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  await Promise.all(cleanups.splice(0).map((c) => c()));
});

/**
 * Everything a step needs, for real: a sandbox org on 127.0.0.1, a workspace in a temp folder,
 * a client signed in with the sandbox's API token, an integration for `vendorId`, and the
 * runner wired to `connectOrg` exactly as the app wires it.
 */
export async function stepHarness(
  vendorId: VendorId,
  options: { sandbox?: SandboxOptions; scopedAudit?: boolean } = {},
): Promise<StepHarness> {
  const temp = await makeTempDir();
  cleanups.push(temp.remove);
  const org = await startSandbox(options.sandbox ?? {});
  const dataDir = join(temp.dir, 'data');
  const workspace = await Workspace.open(dataDir);
  const secrets = new FileSecretStore(dataDir);
  const audit = new AuditLog(dataDir);
  const client = await workspace.addClient({
    name: 'Acme (sandbox)',
    orgUrl: org.url,
    sandbox: false,
    auth: { method: 'api-token' },
  });
  await secrets.set(client.id, 'api-token', org.apiToken);
  const integration = await workspace.addIntegration({ clientId: client.id, vendorId });
  const connect = (c: Client) => {
    if (c.auth.method === 'none') throw new AppError('NOT_SIGNED_IN', 'not signed in', 'sign in');
    // With `scopedAudit`, each write names its integration and step, as the app's services log it.
    const sink = options.scopedAudit
      ? (event: AuditInput) => audit.append({ ...event, ...currentAuditScope() })
      : audit.append;
    return connectOrg({ clientId: c.id, orgUrl: c.orgUrl, auth: c.auth as OrgAuth, secrets, audit: sink });
  };
  const runner = new StepRunner({ workspace, secrets, steps: wizardSteps, connect });
  const ref = (stepId: StepId) => ({ integrationId: integration.id, stepId });
  return {
    org,
    workspace,
    runner,
    client,
    integration,
    audit,
    secrets,
    dataDir,
    save: (stepId, input) => runner.saveInput(ref(stepId), input),
    inspect: (stepId) => runner.inspect(ref(stepId)),
    apply: (stepId) => runner.apply(ref(stepId)),
    verify: (stepId) => runner.verify(ref(stepId)),
    current: () => workspace.getIntegration(integration.id),
    connect,
  };
}
