import { randomBytes } from 'node:crypto';
import type { Client, ClientAuth, Integration, StepId, VendorId } from '../api/model';
import type { StepRecord } from '../api/steps';
import { removeBaseline } from '../drift/baseline-store';
import { AppError } from '../errors';
import { vendorProfile } from '../vendors';
import { removeLeftoverTempFiles } from './atomic-file';
import { withFileLock } from './file-lock';
import {
  readWorkspaceFile,
  workspacePath,
  writeWorkspaceFile,
  type SetAside,
  type WorkspaceData,
} from './workspace-file';

export { resolveDataDir } from './data-dir';

function lockPath(dataDir: string): string {
  return `${workspacePath(dataDir)}.lock`;
}

function newId(prefix: string): string {
  return `${prefix}_${randomBytes(8).toString('hex')}`;
}

/**
 * Clients and integrations on disk. Every change takes the workspace lock (shared by every process
 * on the machine), re-reads the file inside it, applies itself and writes atomically, so the
 * desktop app and a CLI run side by side never lose each other's changes. Within one process the
 * changes also queue, so they do not contend for the lock with each other.
 */
export class Workspace {
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    readonly dataDir: string,
    private readonly now: () => Date,
    /** Set when the workspace file was unusable and moved aside at open. */
    readonly setAside: SetAside | undefined,
  ) {}

  static async open(dataDir: string, now: () => Date = () => new Date()): Promise<Workspace> {
    const { setAside } = await withFileLock(lockPath(dataDir), 'workspace', async () => {
      // Under the lock no other process is mid-write, so every temp file left is a killed writer's.
      await removeLeftoverTempFiles(workspacePath(dataDir));
      return readWorkspaceFile(dataDir, now);
    });
    return new Workspace(dataDir, now, setAside);
  }

  private async read(): Promise<WorkspaceData> {
    const { data, setAside } = await readWorkspaceFile(this.dataDir, this.now);
    if (setAside) {
      throw new AppError(
        'WORKSPACE_CORRUPT',
        `The workspace file became unreadable: ${setAside.reason}. It was moved to ${setAside.movedTo}.`,
        'Nothing was overwritten. Restore it from that file, or start again.',
      );
    }
    return data;
  }

  private mutate<T>(change: (data: WorkspaceData) => T): Promise<T> {
    const next = this.queue.then(() =>
      withFileLock(lockPath(this.dataDir), 'workspace', async (assertHeld) => {
        const data = await this.read();
        const result = change(data);
        assertHeld();
        await writeWorkspaceFile(this.dataDir, data);
        return result;
      }),
    );
    this.queue = next.catch(() => undefined);
    return next;
  }

  async listClients(): Promise<Client[]> {
    return (await this.read()).clients;
  }

  /** Finds a client by id or by name, ignoring case. */
  async findClient(nameOrId: string): Promise<Client> {
    const clients = await this.listClients();
    const wanted = nameOrId.trim().toLowerCase();
    const found = clients.find((c) => c.id === nameOrId) ?? clients.find((c) => c.name.toLowerCase() === wanted);
    if (!found) {
      const known = clients.map((c) => `"${c.name}"`).join(', ');
      throw new AppError(
        'CLIENT_NOT_FOUND',
        `No client named "${nameOrId}".`,
        known
          ? `Known clients: ${known}.`
          : 'Add one first: okta-onboard clients add --name "Acme" --org-url https://acme.okta.com',
      );
    }
    return found;
  }

  addClient(input: { name: string; orgUrl: string; sandbox: boolean; auth?: ClientAuth }): Promise<Client> {
    return this.mutate((data) => {
      if (data.clients.some((c) => c.name.toLowerCase() === input.name.toLowerCase())) {
        throw new AppError(
          'CLIENT_EXISTS',
          `A client named "${input.name}" already exists.`,
          'Choose another name, or use the existing client.',
          'name',
        );
      }
      const client: Client = {
        id: newId('cli'),
        name: input.name,
        orgUrl: input.orgUrl,
        sandbox: input.sandbox,
        auth: input.auth ?? { method: 'none' },
        createdAt: this.now().toISOString(),
      };
      data.clients.push(client);
      return client;
    });
  }

  updateClient(clientId: string, change: (client: Client) => void): Promise<Client> {
    return this.mutate((data) => {
      const client = data.clients.find((c) => c.id === clientId);
      if (!client) throw new AppError('CLIENT_NOT_FOUND', `No client with id ${clientId}.`, 'Reload the client list.');
      change(client);
      return client;
    });
  }

  /** Renames a client; names stay unique, ignoring case. Nothing in Okta changes. */
  renameClient(clientId: string, name: string): Promise<Client> {
    return this.mutate((data) => {
      const client = data.clients.find((c) => c.id === clientId);
      if (!client) throw new AppError('CLIENT_NOT_FOUND', `No client with id ${clientId}.`, 'Reload the client list.');
      if (data.clients.some((c) => c.id !== clientId && c.name.toLowerCase() === name.toLowerCase())) {
        throw new AppError('CLIENT_EXISTS', `A client named "${name}" already exists.`, 'Choose another name.', 'name');
      }
      client.name = name;
      return client;
    });
  }

  async removeClient(clientId: string): Promise<void> {
    const removed = await this.mutate((data) => {
      if (!data.clients.some((c) => c.id === clientId)) {
        throw new AppError('CLIENT_NOT_FOUND', `No client with id ${clientId}.`, 'Reload the client list.');
      }
      const gone = data.integrations.filter((i) => i.clientId === clientId);
      data.clients = data.clients.filter((c) => c.id !== clientId);
      data.integrations = data.integrations.filter((i) => i.clientId !== clientId);
      return gone;
    });
    for (const integration of removed) await removeBaseline(this.dataDir, integration.id);
  }

  async listIntegrations(clientId?: string): Promise<Integration[]> {
    const all = (await this.read()).integrations;
    return clientId ? all.filter((i) => i.clientId === clientId) : all;
  }

  async getIntegration(integrationId: string): Promise<Integration> {
    const found = (await this.read()).integrations.find((i) => i.id === integrationId);
    if (!found)
      throw new AppError(
        'INTEGRATION_NOT_FOUND',
        `No integration with id ${integrationId}.`,
        'Reload, or add the integration again.',
      );
    return found;
  }

  /** Finds one of a client's integrations by id or by label, ignoring case. */
  async findIntegration(clientId: string, labelOrId: string): Promise<Integration> {
    const integrations = await this.listIntegrations(clientId);
    const wanted = labelOrId.trim().toLowerCase();
    const found =
      integrations.find((i) => i.id === labelOrId) ?? integrations.find((i) => i.label.toLowerCase() === wanted);
    if (!found) {
      const known = integrations.map((i) => `"${i.label}"`).join(', ');
      throw new AppError(
        'INTEGRATION_NOT_FOUND',
        `This client has no integration named "${labelOrId}".`,
        known ? `Its integrations: ${known}.` : 'It has no integrations yet.',
        'integration',
      );
    }
    return found;
  }

  addIntegration(input: { clientId: string; vendorId: VendorId; label?: string }): Promise<Integration> {
    const profile = vendorProfile(input.vendorId);
    return this.mutate((data) => {
      if (!data.clients.some((c) => c.id === input.clientId)) {
        throw new AppError(
          'CLIENT_NOT_FOUND',
          `No client with id ${input.clientId}.`,
          'Add the client first.',
          'clientId',
        );
      }
      const label = input.label && input.label.length > 0 ? input.label : profile.name;
      if (
        data.integrations.some((i) => i.clientId === input.clientId && i.label.toLowerCase() === label.toLowerCase())
      ) {
        throw new AppError(
          'INTEGRATION_EXISTS',
          `This client already has an integration named "${label}".`,
          'Open the existing one, or give this one another label.',
          'label',
        );
      }
      const first = profile.steps[0];
      if (!first)
        throw new AppError(
          'VENDOR_HAS_NO_STEPS',
          `The ${profile.name} profile has no steps.`,
          'This is a bug in the vendor profile.',
        );
      const steps: Partial<Record<StepId, StepRecord>> = {};
      for (const step of profile.steps) steps[step.id] = { status: 'not-started', input: {}, changes: [], checks: [] };
      const integration: Integration = {
        id: newId('int'),
        clientId: input.clientId,
        vendorId: input.vendorId,
        label,
        createdAt: this.now().toISOString(),
        currentStep: first.id,
        steps,
        facts: {},
      };
      data.integrations.push(integration);
      return integration;
    });
  }

  /** Renames (relabels) an integration; labels stay unique within the client. Nothing in Okta changes. */
  renameIntegration(integrationId: string, label: string): Promise<Integration> {
    return this.mutate((data) => {
      const integration = data.integrations.find((i) => i.id === integrationId);
      if (!integration)
        throw new AppError('INTEGRATION_NOT_FOUND', `No integration with id ${integrationId}.`, 'Reload the list.');
      const taken = data.integrations.some(
        (i) =>
          i.id !== integrationId &&
          i.clientId === integration.clientId &&
          i.label.toLowerCase() === label.toLowerCase(),
      );
      if (taken) {
        throw new AppError(
          'INTEGRATION_EXISTS',
          `This client already has an integration named "${label}".`,
          'Choose another name.',
          'label',
        );
      }
      integration.label = label;
      return integration;
    });
  }

  /** Forgets an integration (its inputs, results, facts and last verified state). Nothing in Okta changes. */
  async removeIntegration(integrationId: string): Promise<Integration> {
    const removed = await this.mutate((data) => {
      const integration = data.integrations.find((i) => i.id === integrationId);
      if (!integration)
        throw new AppError('INTEGRATION_NOT_FOUND', `No integration with id ${integrationId}.`, 'Reload the list.');
      data.integrations = data.integrations.filter((i) => i.id !== integrationId);
      return integration;
    });
    await removeBaseline(this.dataDir, integrationId);
    return removed;
  }

  /** Applies a change to one integration and saves it; the step must belong to its vendor. */
  updateIntegration(integrationId: string, change: (integration: Integration) => void): Promise<Integration> {
    return this.mutate((data) => {
      const integration = data.integrations.find((i) => i.id === integrationId);
      if (!integration)
        throw new AppError(
          'INTEGRATION_NOT_FOUND',
          `No integration with id ${integrationId}.`,
          'Reload, or add the integration again.',
        );
      change(integration);
      return integration;
    });
  }

  /** Changes one step's record of an integration and stamps it; the step must belong to its vendor. */
  updateStep(
    integrationId: string,
    stepId: StepId,
    change: (record: StepRecord, integration: Integration) => void,
  ): Promise<Integration> {
    return this.updateIntegration(integrationId, (integration) => {
      const record = integration.steps[stepId];
      if (!record) {
        throw new AppError(
          'STEP_NOT_IN_VENDOR',
          `The step "${stepId}" is not part of this integration.`,
          'Pick a step from the rail.',
          'stepId',
        );
      }
      change(record, integration);
      record.updatedAt = this.now().toISOString();
    });
  }
}

export function openWorkspace(dataDir: string): Promise<Workspace> {
  return Workspace.open(dataDir);
}
