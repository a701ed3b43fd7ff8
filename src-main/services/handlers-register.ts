import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { HandlersOf } from '../api/channel';
import type { registerChannels } from '../api/channels-register';
import type { Client, Integration, StepId } from '../api/model';
import { RegisterInputSchema, type RegisterInput } from '../api/step-register';
import type { StepView } from '../api/steps';
import { AppError } from '../errors';
import { buildEml } from '../steps/eml';
import { mailtoLink, registrationEmail, registrationValues } from '../steps/register-message';
import { vendorProfile } from '../vendors';
import type { VendorProfile } from '../vendors/profile';
import type { ServiceDeps } from './handlers';
import { idFileName } from '../workspace/id-file-name';

export interface LoadedStep {
  integration: Integration;
  client: Client;
  profile: VendorProfile;
  view: StepView;
}

/** An integration with its client, profile and the step's view (input merged over its defaults). */
export async function loadStep(
  deps: Pick<ServiceDeps, 'steps' | 'workspace'>,
  integrationId: string,
  stepId: StepId,
): Promise<LoadedStep> {
  const view = await deps.steps.view({ integrationId, stepId });
  const integration = await deps.workspace.getIntegration(integrationId);
  const client = (await deps.workspace.listClients()).find((c) => c.id === integration.clientId);
  if (!client)
    throw new AppError('CLIENT_NOT_FOUND', 'The client of this integration no longer exists.', 'Add the client again.');
  return { integration, client, profile: vendorProfile(integration.vendorId), view };
}

function registerInput(view: StepView): RegisterInput {
  const parsed = RegisterInputSchema.safeParse(view.input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue?.path.map(String).join('.') ?? '';
  throw new AppError(
    'INVALID_INPUT',
    `${field ? `${field}: ` : ''}${issue?.message ?? 'invalid input'}`,
    'Correct the highlighted field and save first.',
    field || undefined,
  );
}

const ref = (integrationId: string) => ({ integrationId, stepId: 'register' as const });

export function createRegisterHandlers(
  deps: Pick<ServiceDeps, 'steps' | 'workspace' | 'connect'>,
): HandlersOf<{ register: typeof registerChannels }>['register'] {
  const now = () => new Date();
  return {
    prepareEmail: async ({ integrationId }) => {
      const { integration, client, profile, view } = await loadStep(deps, integrationId, 'register');
      const input = registerInput(view);
      const email = registrationEmail(profile, input, registrationValues(profile, integration.facts, input));
      const appId = integration.facts.appId;
      if (!appId)
        throw new AppError(
          'REGISTER_NO_APP',
          'The Okta app is not known yet, so its metadata cannot be attached.',
          'Finish the app step first.',
        );
      const metadataXml = await (await deps.connect(client)).getAppMetadataXml(appId);
      const eml = buildEml({
        ...email,
        date: now(),
        attachments: [
          { fileName: 'okta-idp-metadata.xml', contentType: 'application/samlmetadata+xml', content: metadataXml },
        ],
      });
      const fileName = `${profile.id}-sso-registration.eml`;
      const folder = join(deps.workspace.dataDir, 'registrations', idFileName(integration.id));
      await mkdir(folder, { recursive: true });
      const path = join(folder, fileName);
      await writeFile(path, eml, { mode: 0o600 });
      return {
        ...email,
        mailto: mailtoLink(email),
        eml: { fileName, path, base64: Buffer.from(eml).toString('base64') },
      };
    },
    markSent: async ({ integrationId, via }) => {
      const { integration, profile, view } = await loadStep(deps, integrationId, 'register');
      const values = registrationValues(profile, integration.facts, registerInput(view));
      await deps.workspace.updateIntegration(integrationId, (i) => {
        i.facts.registration = {
          via,
          sentAt: now().toISOString(),
          values: Object.fromEntries(values.map((v) => [v.key, v.value])),
        };
      });
      return deps.steps.verify(ref(integrationId));
    },
    markConfirmed: async ({ integrationId }) => {
      await deps.workspace.updateIntegration(integrationId, (i) => {
        if (!i.facts.registration) {
          throw new AppError(
            'REGISTER_NOT_SENT',
            'Nothing was sent to the vendor yet, so there is nothing to confirm.',
            'Send the values first and mark them as sent.',
          );
        }
        i.facts.registration = { ...i.facts.registration, confirmedAt: now().toISOString() };
      });
      return deps.steps.verify(ref(integrationId));
    },
    postToApi: ({ integrationId }) => deps.steps.apply(ref(integrationId)),
  };
}
