import type { HandlersOf } from '../api/channel';
import type { driftChannels } from '../api/channels-drift';
import { acceptCurrentState } from '../drift/accept';
import { auditAll } from '../drift/audit-all';
import type { ServiceDeps } from './handlers';

/** The Audit buttons: the same audit as `okta-onboard audit`, on the app's runner and connections. */
export function createDriftHandlers(
  deps: Pick<ServiceDeps, 'workspace' | 'steps' | 'connect' | 'audit'>,
): HandlersOf<{ drift: typeof driftChannels }>['drift'] {
  const run = (scope: Parameters<typeof auditAll>[1]) =>
    auditAll({ workspace: deps.workspace, runner: deps.steps, connect: deps.connect }, scope);
  return {
    audit: async ({ integrationId }) => {
      const integration = await deps.workspace.getIntegration(integrationId);
      return run({ clientIds: [integration.clientId], integrationIds: [integrationId] });
    },
    auditAll: () => run({}),
    accept: async ({ integrationId, stepIds }) => ({
      accepted: await acceptCurrentState(deps.workspace, integrationId, stepIds, (event) => deps.audit.append(event)),
    }),
  };
}
