import { AuditLog, type AuditInput } from '../workspace/audit-log';
import { currentAuditScope } from '../workspace/audit-scope';
import { FileSecretStore, type SecretCipher } from '../workspace/secrets';
import { moveSecretsIntoKeychain } from '../workspace/secrets-to-keychain';
import { Workspace } from '../workspace/workspace';
import { createHandlers, type Handlers } from './handlers';
import { createPracticeOrg, type PracticeOrg } from './practice-org';
import { createOrgConnector } from './org-connection';
import { StepRunner } from '../steps/runner';
import { wizardSteps } from '../steps/registry';
import type { LoginCapture } from '../saml/login-capture/types';
import { ProgressBoard } from '../directory/progress-board';
import { ExportReader } from '../migrate/worker/export-reader';
import { sweepCrashLeftovers, type SweepResult } from './startup-sweep';

export interface Services {
  handlers: Handlers;
  workspace: Workspace;
  practiceOrg: PracticeOrg;
  /** The start-up clean-up of what a crash left (startup-sweep.ts); runs in the background, never rejects. */
  startupSweep: Promise<SweepResult[]>;
  close(): Promise<void>;
}

/**
 * Everything main serves, wired once for Electron and browser mode alike. Electron passes its
 * safeStorage as the cipher; browser mode and the CLI keep secrets in a 0600 file.
 */
export async function createServices(options: {
  mode: 'electron' | 'browser';
  dataDir: string;
  cipher?: SecretCipher;
  practiceOrg?: PracticeOrg;
  openExternal?: (url: string) => Promise<void>;
  loginCapture?: LoginCapture;
  clipboard?: { writeText(text: string): void };
  saveFile?: (suggestedName: string, content: string | Uint8Array) => Promise<string | undefined>;
  printPdf?: (html: string) => Promise<Buffer>;
  /** The built migrate-worker.js: vendor exports are then read on that thread, off main's event loop. */
  migrateWorker?: URL;
}): Promise<Services> {
  const workspace = await Workspace.open(options.dataDir);
  // With a keychain, secrets left in the plaintext file (browser mode, the CLI) move into it first.
  const secretsMoved = options.cipher ? await moveSecretsIntoKeychain(options.dataDir, options.cipher) : undefined;
  const secrets = new FileSecretStore(options.dataDir, options.cipher);
  const practiceOrg =
    options.practiceOrg ??
    createPracticeOrg({
      dataDir: options.dataDir,
      // The client's record follows its org to the new port, so the CLI and the console links see it.
      onStarted: (clientId, url) =>
        workspace
          .updateClient(clientId, (client) => {
            client.orgUrl = url;
          })
          .catch(() => undefined),
    });
  const audit = new AuditLog(options.dataDir);
  // Each write names the integration, step and identity it was made for (see audit-scope.ts).
  const connector = createOrgConnector({
    secrets,
    // Keeps the log's openWrites, so a client reconciles what an earlier run left open.
    audit: Object.assign((event: AuditInput) => audit.append({ ...event, ...currentAuditScope() }), {
      openWrites: (clientId: string) => audit.openWrites(clientId),
    }),
    practiceOrg,
  });
  const connect = connector.connect;
  const progress = new ProgressBoard();
  const steps = new StepRunner({ workspace, secrets, connect, steps: wizardSteps, onProgress: progress.report });
  // Not awaited: start never waits on Okta; a step's screen still lists what this could not remove.
  const startupSweep = sweepCrashLeftovers({
    workspace,
    openWrites: (clientId) => audit.openWrites(clientId),
    connect,
    runner: steps,
  }).catch((error: unknown) => {
    console.warn('start-up clean-up failed:', error instanceof Error ? error.message : error);
    return [];
  });
  const exportReader = options.migrateWorker ? ExportReader.onWorker(options.migrateWorker) : ExportReader.inProcess();
  const handlers = createHandlers({
    mode: options.mode,
    workspace,
    secrets,
    ...(secrets.warning ? { secretWarning: secrets.warning } : {}),
    ...(secretsMoved ? { secretsMoved } : {}),
    audit,
    practiceOrg,
    connect,
    forgetConnection: connector.forget,
    ...(options.openExternal ? { openExternal: options.openExternal } : {}),
    ...(options.loginCapture ? { loginCapture: options.loginCapture } : {}),
    ...(options.clipboard ? { clipboard: options.clipboard } : {}),
    ...(options.saveFile ? { saveFile: options.saveFile } : {}),
    ...(options.printPdf ? { printPdf: options.printPdf } : {}),
    progress,
    steps,
    exportReader,
  });
  const close = async () => {
    await exportReader.close();
    await practiceOrg.close();
  };
  return { handlers, workspace, practiceOrg, startupSweep, close };
}
