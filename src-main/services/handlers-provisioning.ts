import type { HandlersOf } from '../api/channel';
import type { provisioningChannels } from '../api/channels-provisioning';
import { AppError } from '../errors';
import { secretKey } from '../steps/runner';
import type { ServiceDeps } from './handlers';

type ProvisioningHandlers = HandlersOf<{ provisioning: typeof provisioningChannels }>['provisioning'];

const scimTokenKey = (integrationId: string): string => secretKey({ integrationId, stepId: 'scim' }, 'token');

export function createProvisioningHandlers(
  deps: Pick<ServiceDeps, 'workspace' | 'secrets' | 'clipboard'>,
): ProvisioningHandlers {
  return {
    clipboard: async () => ({ available: deps.clipboard !== undefined }),
    copyScimToken: async ({ integrationId }) => {
      if (deps.clipboard === undefined) {
        throw new AppError(
          'CLIPBOARD_UNAVAILABLE',
          'This window cannot copy the token: in browser mode the wizard keeps it away from the page.',
          'Paste the SCIM bearer token the vendor gave you into Okta yourself, or use the desktop app.',
        );
      }
      const integration = await deps.workspace.getIntegration(integrationId);
      const token = await deps.secrets.get(integration.clientId, scimTokenKey(integrationId));
      if (token === undefined) {
        throw new AppError(
          'SCIM_TOKEN_MISSING',
          'No SCIM bearer token is stored for this integration.',
          'Enter it on the SCIM check step first.',
        );
      }
      deps.clipboard.writeText(token);
      return { copied: true };
    },
  };
}
