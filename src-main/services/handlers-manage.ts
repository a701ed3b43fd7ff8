import type { Handlers, ServiceDeps } from './handlers';
import { AppError } from '../errors';
import { secretKey } from '../steps/runner';
import { wizardSteps } from '../steps/registry';
import type { Integration, StepId } from '../api/model';
import type { SecretStore } from '../workspace/secrets';
import { writesOf } from '../workspace/audit-log';

/** Deletes the secret inputs (e.g. a SCIM token) an integration's steps kept in the secret store. */
export async function deleteIntegrationSecrets(secrets: SecretStore, integration: Integration): Promise<void> {
  for (const [stepId, step] of Object.entries(wizardSteps)) {
    for (const field of step?.secretInputs ?? [])
      await secrets.delete(
        integration.clientId,
        secretKey({ integrationId: integration.id, stepId: stepId as StepId }, field),
      );
  }
}

/**
 * Renaming and deleting clients and integrations, the practice org's reset and the audit viewer.
 * Everything here changes the app's own records only; none of it writes to a customer's Okta org.
 */
export function createManageHandlers(deps: ServiceDeps): {
  clients: Pick<Handlers['clients'], 'rename' | 'remove' | 'resetPracticeOrg'>;
  integrations: Pick<Handlers['integrations'], 'rename' | 'remove' | 'audit'>;
} {
  const { workspace } = deps;
  return {
    clients: {
      rename: ({ clientId, name }) => workspace.renameClient(clientId, name),
      remove: async ({ clientId }) => {
        const client = (await workspace.listClients()).find((c) => c.id === clientId);
        await workspace.removeClient(clientId);
        await deps.secrets.delete(clientId);
        deps.forgetConnection(clientId);
        if (client?.sandbox) await deps.practiceOrg.discard(clientId);
        return {};
      },
      resetPracticeOrg: async ({ clientId }) => {
        const client = await workspace.findClient(clientId);
        if (!client.sandbox) {
          throw new AppError(
            'NOT_A_PRACTICE_ORG',
            `"${client.name}" uses a real Okta org (${client.orgUrl}); only a practice org can be reset.`,
            'Change a real org in its Admin Console.',
          );
        }
        if ((await deps.practiceOrg.discard(clientId)) === 'external') {
          throw new AppError(
            'PRACTICE_ORG_EXTERNAL',
            `The practice org of "${client.name}" runs in another process (okta-onboard sandbox).`,
            'Stop that process and start it again to get a fresh practice org.',
          );
        }
        deps.forgetConnection(clientId);
        const org = await deps.practiceOrg.ensureStarted(clientId);
        await deps.secrets.set(clientId, 'api-token', org.apiToken);
        return workspace.updateClient(clientId, (c) => {
          c.orgUrl = org.url;
        });
      },
    },
    integrations: {
      rename: ({ integrationId, label }) => workspace.renameIntegration(integrationId, label),
      remove: async ({ integrationId }) => {
        await deleteIntegrationSecrets(deps.secrets, await workspace.removeIntegration(integrationId));
        return {};
      },
      audit: async ({ integrationId }) => {
        const integration = await workspace.getIntegration(integrationId);
        const events = writesOf(await deps.audit.read(integration.clientId));
        return events
          .filter((e) => e.integrationId === integrationId)
          .reverse()
          .map(({ time, operation, target, outcome, detail, stepId, actor }) => ({
            time,
            operation,
            target,
            outcome,
            ...(detail === undefined ? {} : { detail }),
            ...(stepId === undefined ? {} : { stepId }),
            ...(actor === undefined ? {} : { actor }),
          }));
      },
    },
  };
}
