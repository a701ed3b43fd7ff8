import type { Client } from '../api/model';
import { createOrgConnector } from '../services/org-connection';
import { createPracticeOrg } from '../services/practice-org';
import { wizardSteps } from '../steps/registry';
import { StepRunner, type StepRef } from '../steps/runner';
import { AuditLog, type AuditInput } from '../workspace/audit-log';
import { currentAuditScope } from '../workspace/audit-scope';
import type { OktaOrgApi } from '../okta/org-api';
import { FileSecretStore, type SecretStore } from '../workspace/secrets';
import type { Workspace } from '../workspace/workspace';

export interface CliRunner {
  runner: StepRunner;
  secrets: FileSecretStore;
  /** The connection the runner's steps use (one per client), for reads outside a step. */
  connect(client: Client): Promise<OktaOrgApi>;
  /** The client audit logs (reports read the writes made for an integration). */
  audit: AuditLog;
  close(): Promise<void>;
}

/**
 * The StepRunner the app's services use, wired the same way (org connector, audit log with its
 * scope, the practice org for practice clients), so the CLI runs exactly the screens' steps.
 */
export function createCliRunner(
  workspace: Workspace,
  onProgress?: (ref: StepRef, done: number, total: number, message: string) => void,
  /** Reads secrets through another store first (the environment, for unattended runs). */
  wrapSecrets?: (stored: SecretStore) => SecretStore,
): CliRunner {
  const stored = new FileSecretStore(workspace.dataDir);
  const secrets = wrapSecrets ? wrapSecrets(stored) : stored;
  const practiceOrg = createPracticeOrg({
    dataDir: workspace.dataDir,
    onStarted: (clientId, url) =>
      workspace
        .updateClient(clientId, (client: Client) => {
          client.orgUrl = url;
        })
        .then(
          () => undefined,
          () => undefined,
        ),
  });
  const audit = new AuditLog(workspace.dataDir);
  const connector = createOrgConnector({
    secrets,
    // Keeps the log's openWrites (as the app does): a client's first write settles what a killed run left open.
    audit: Object.assign((event: AuditInput) => audit.append({ ...event, ...currentAuditScope() }), {
      openWrites: (clientId: string) => audit.openWrites(clientId),
    }),
    practiceOrg,
  });
  const runner = new StepRunner({
    workspace,
    secrets,
    connect: connector.connect,
    steps: wizardSteps,
    ...(onProgress ? { onProgress } : {}),
  });
  return { runner, secrets: stored, connect: connector.connect, audit, close: () => practiceOrg.close() };
}
