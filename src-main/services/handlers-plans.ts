import type { Handlers, ServiceDeps } from './handlers';
import type { Integration, StepId, VendorId } from '../api/model';
import { AppError } from '../errors';
import { addIntegrationFromPlan } from '../plans/from-plan';
import { clientFileOf, clientFileText, parseClientFile, secretNamesOf } from '../plans/client-file';
import { parsePlanFile, planFromIntegration, planText } from '../plans/plan-file';
import { fieldLabel } from '../steps/blockers';
import { secretKey } from '../steps/runner';
import { vendorProfile } from '../vendors';
import { addPracticeClient } from './practice-client';

/** A file name from a label: letters, digits and hyphens, never a path. */
function fileStem(label: string): string {
  return (
    label
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'export'
  );
}

const SIGN_IN_WORDS: Record<string, string> = {
  'api-token': 'an API token',
  'oauth-pkce': 'admin sign-in (OAuth)',
  'service-app': 'a service app',
  none: 'no sign-in yet',
};

/**
 * Plan files and client files for the screens. Validation is the CLI's (`src-main/plans`), so a
 * file the CLI refuses is refused here with the same path-naming message. Nothing here calls Okta.
 */
export function createPlanHandlers(deps: ServiceDeps): Handlers['plans'] {
  const { workspace } = deps;

  async function secretsSet(integration: Integration): Promise<{ stepId: StepId; field: string }[]> {
    const names = secretNamesOf(integration.vendorId);
    const present = await Promise.all(
      names.map(
        async (n) =>
          (await deps.secrets.get(
            integration.clientId,
            secretKey({ integrationId: integration.id, stepId: n.stepId }, n.field),
          )) !== undefined,
      ),
    );
    return names.filter((_, i) => present[i]);
  }

  return {
    exportIntegration: async ({ integrationId, format }) => {
      const integration = await workspace.getIntegration(integrationId);
      const fileName = `${fileStem(integration.label)}.plan.${format}`;
      return { fileName, text: planText(fileName, planFromIntegration(integration)) };
    },

    importIntegration: async ({ clientId, file, label }) => {
      const plan = parsePlanFile(file.text, file.fileName);
      await workspace.findClient(clientId);
      return addIntegrationFromPlan(workspace, clientId, plan, label);
    },

    duplicate: async ({ integrationId, clientId, label }) => {
      const source = await workspace.getIntegration(integrationId);
      await workspace.findClient(clientId);
      return addIntegrationFromPlan(workspace, clientId, planFromIntegration(source), label);
    },

    exportClient: async ({ clientId }) => {
      const client = await workspace.findClient(clientId);
      const integrations = await workspace.listIntegrations(clientId);
      const secrets = new Map<string, { stepId: StepId; field: string }[]>();
      for (const integration of integrations) secrets.set(integration.id, await secretsSet(integration));
      const file = clientFileOf(client, integrations, (i) => secrets.get(i.id) ?? []);
      return { fileName: `${fileStem(client.name)}.client.yaml`, text: clientFileText(file) };
    },

    readClient: async ({ file }) => {
      const parsed = parseClientFile(file.text, file.fileName);
      return {
        name: parsed.name,
        org: parsed.org,
        integrations: parsed.integrations.map((i) => ({
          vendorId: i.vendor,
          label: i.label,
          steps: Object.keys(i.steps) as StepId[],
          secrets: i.secretsLeftOut.map((s) => ({
            ...s,
            label: `${vendorProfile(i.vendor as VendorId).steps.find((p) => p.id === s.stepId)?.title ?? s.stepId}: ${fieldLabel(s.field)}`,
          })),
        })),
      };
    },

    importClient: async ({ file, name, secrets }) => {
      const parsed = parseClientFile(file.text, file.fileName);
      for (const [index, secret] of secrets.entries()) {
        const known = parsed.integrations[secret.integration]?.secretsLeftOut ?? [];
        if (!known.some((k) => k.stepId === secret.stepId && k.field === secret.field))
          throw new AppError(
            'INVALID_ARGUMENT',
            `secrets[${index}]: the file's integration ${secret.integration + 1} has no secret "${secret.stepId}.${secret.field}".`,
            'Enter only the secrets the import asks for.',
            'secrets',
          );
      }
      const clientName = name ?? parsed.name;
      // Everything is checked before the first write; a taken name is refused by the workspace (field `name`).
      const client =
        parsed.org.kind === 'practice'
          ? await addPracticeClient(deps, clientName)
          : await workspace.addClient({ name: clientName, orgUrl: parsed.org.url, sandbox: false });
      const integrations: Integration[] = [];
      const toDo: string[] = [];
      if (parsed.org.kind === 'okta')
        toDo.push(
          `Sign in to ${clientName}'s Okta org (${parsed.org.url}): the export was made with ${SIGN_IN_WORDS[parsed.org.signIn] ?? parsed.org.signIn}; credentials are never exported.`,
        );
      for (const [index, plan] of parsed.integrations.entries()) {
        const integration = await addIntegrationFromPlan(workspace, client.id, plan, plan.label);
        integrations.push(integration);
        for (const wanted of plan.secretsLeftOut) {
          const given = secrets.find(
            (s) => s.integration === index && s.stepId === wanted.stepId && s.field === wanted.field,
          );
          const key = secretKey({ integrationId: integration.id, stepId: wanted.stepId }, wanted.field);
          if (given) await deps.secrets.set(client.id, key, given.value);
          else
            toDo.push(
              `${integration.label}: enter the ${fieldLabel(wanted.field)} again on its "${vendorProfile(integration.vendorId).steps.find((s) => s.id === wanted.stepId)?.title ?? wanted.stepId}" step (secrets are never exported).`,
            );
        }
      }
      return { client, integrations, toDo };
    },
  };
}
