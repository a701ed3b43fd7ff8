import type { HandlersOf } from '../api/channel';
import type { Channels } from '../api/channels';
import type { AuditLog } from '../workspace/audit-log';
import type { SecretStore } from '../workspace/secrets';
import type { Workspace } from '../workspace/workspace';
import { vendorProfiles, vendorSummary } from '../vendors';
import { AppError } from '../errors';
import { createOktaHandlers } from './handlers-okta';
import { createManageHandlers } from './handlers-manage';
import { createRegisterHandlers } from './handlers-register';
import { createCertHandlers } from './handlers-certs';
import { createTestLoginHandlers } from './handlers-test-login';
import type { LoginCapture } from '../saml/login-capture/types';
import type { PracticeOrg } from './practice-org';
import type { StepRunner } from '../steps/runner';
import type { Client } from '../api/model';
import type { OktaOrgApi } from '../okta/org-api';
import { createSamlHandlers } from './handlers-saml';
import { createDirectoryHandlers } from './handlers-directory';
import { createProvisioningHandlers } from './handlers-provisioning';
import { createReportHandlers } from './handlers-report';
import { createMigrateHandlers } from './handlers-migrate';
import { createDriftHandlers } from './handlers-drift';
import { setStepSkipped } from '../steps/skip';
import { addPracticeClient } from './practice-client';
import { createPlanHandlers } from './handlers-plans';
import type { ProgressBoard } from '../directory/progress-board';
import type { ExportReader } from '../migrate/worker/export-reader';

export interface ServiceDeps {
  mode: 'electron' | 'browser';
  workspace: Workspace;
  secrets: SecretStore;
  /** Shown when secrets are not protected by the OS keychain. */
  secretWarning?: string;
  /** What happened at start to a plaintext secrets file when a keychain was available. */
  secretsMoved?: string;
  audit: AuditLog;
  practiceOrg: PracticeOrg;
  steps: StepRunner;
  /** The client's org, signed in with its stored credentials (sandbox clients re-pointed at the practice org). */
  connect(client: Client): Promise<OktaOrgApi>;
  forgetConnection(clientId: string): void;
  /** Opens a URL in the system browser (Electron); browser mode hands URLs to the renderer instead. */
  openExternal?: (url: string) => Promise<void>;
  /** The test-login sign-in window (Electron only): takes the SAMLResponse posted to the vendor's ACS URL. */
  loginCapture?: LoginCapture;
  /** Progress of running applies, written by the runner's `onProgress`; screens poll it. */
  progress?: ProgressBoard;
  /** The system clipboard (Electron), so a secret can be copied without crossing to the renderer. */
  clipboard?: { writeText(text: string): void };
  /** Asks where to save a file and writes it (Electron's save dialog); undefined when the admin cancelled. Browser mode downloads instead. */
  saveFile?: (suggestedName: string, content: string | Uint8Array) => Promise<string | undefined>;
  /** Prints a report's HTML to PDF (Electron's printToPDF); browser mode uses headless Chromium. */
  printPdf?: (html: string) => Promise<Buffer>;
  /** Reads vendor exports for the migrate screen (a worker thread in the app); absent: read in this thread. */
  exportReader?: ExportReader;
}

export type Handlers = HandlersOf<Channels>;

/** Main's implementation of every channel; the truth lives here, not in the renderer. */
export function createHandlers(deps: ServiceDeps): Handlers {
  const { workspace } = deps;
  const manage = createManageHandlers(deps);
  const migrate = createMigrateHandlers(deps);
  return {
    workspace: {
      info: async () => ({
        dataDir: workspace.dataDir,
        mode: deps.mode,
        secretStorage: deps.secrets.kind,
        ...(deps.secretWarning ? { secretWarning: deps.secretWarning } : {}),
        ...(deps.secretsMoved ? { secretsMoved: deps.secretsMoved } : {}),
        ...(workspace.setAside ? { setAside: workspace.setAside } : {}),
      }),
    },
    vendors: {
      list: async () => Object.values(vendorProfiles).map(vendorSummary),
    },
    clients: {
      list: () => workspace.listClients(),
      add: async (request) => {
        if (request.kind === 'sandbox') return addPracticeClient(deps, request.name);
        return workspace.addClient({ name: request.name, orgUrl: request.orgUrl, sandbox: false });
      },
      ...manage.clients,
    },
    integrations: {
      list: ({ clientId }) => workspace.listIntegrations(clientId),
      add: (request) =>
        workspace.addIntegration({
          clientId: request.clientId,
          vendorId: request.vendorId,
          ...(request.label ? { label: request.label } : {}),
        }),
      get: ({ integrationId }) => workspace.getIntegration(integrationId),
      open: ({ integrationId, stepId }) =>
        workspace.updateIntegration(integrationId, (integration) => {
          if (!(stepId in integration.steps)) {
            throw new AppError(
              'STEP_NOT_IN_VENDOR',
              `The step "${stepId}" is not part of this integration.`,
              'Pick a step from the rail.',
              'stepId',
            );
          }
          integration.currentStep = stepId;
        }),
      verifyAll: ({ integrationId }) => deps.steps.verifyAll(integrationId),
      ...manage.integrations,
    },
    okta: createOktaHandlers(deps),
    register: createRegisterHandlers(deps),
    testLogin: createTestLoginHandlers(deps),
    steps: {
      view: (ref) => deps.steps.view(ref),
      saveInput: ({ input, ...ref }) => deps.steps.saveInput(ref, input),
      inspect: (ref) => deps.steps.inspect(ref),
      apply: (ref) =>
        ref.stepId === 'migrate'
          ? migrate.whileApplying(ref.integrationId, () => deps.steps.apply(ref))
          : deps.steps.apply(ref),
      verify: (ref) => deps.steps.verify(ref),
      skip: async ({ skipped, ...ref }) => {
        await setStepSkipped(workspace, ref, skipped, new Date());
        return deps.steps.view(ref);
      },
    },
    saml: createSamlHandlers(deps),
    directory: createDirectoryHandlers(deps),
    provisioning: createProvisioningHandlers(deps),
    migrate: migrate.handlers,
    plans: createPlanHandlers(deps),
    certs: createCertHandlers(deps),
    drift: createDriftHandlers(deps),
    reports: createReportHandlers({
      workspace,
      runner: deps.steps,
      connect: deps.connect,
      audit: deps.audit,
      ...(deps.printPdf ? { printPdf: deps.printPdf } : {}),
      ...(deps.saveFile ? { saveFile: deps.saveFile } : {}),
    }),
  };
}
