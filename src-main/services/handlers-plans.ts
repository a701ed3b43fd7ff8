import type { Handlers, ServiceDeps } from './handlers';
import { OrgUrlSchema, type Integration, type StepId, type VendorId } from '../api/model';
import { AppError } from '../errors';
import { API_TOKEN_SECRET, cleanApiToken } from '../okta/signin/api-token';
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

/** A real org's URL as "Add client" checks it; a wrong one is said next to the org URL field. */
function orgUrlOf(input: string): string {
  const parsed = OrgUrlSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new AppError(
    'INVALID_ARGUMENT',
    parsed.error.issues[0]?.message ?? `"${input}" is not an Okta org URL.`,
    'Enter the address your users sign in at, e.g. https://acme.okta.com.',
    'orgUrl',
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

    importClient: async ({ file, name, orgUrl, token, secrets }) => {
      const parsed = parseClientFile(file.text, file.fileName);
      const url = parsed.org.kind === 'okta' ? orgUrlOf(orgUrl ?? parsed.org.url) : undefined;
      if (token !== undefined && url === undefined)
        throw new AppError(
          'INVALID_ARGUMENT',
          'A practice client signs in by itself; it takes no API token.',
          'Leave the API token empty.',
          'token',
        );
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
      // The org and the token are proven before the first write: a refusal makes nothing (nor does a
      // taken name, which the workspace refuses with field `name`).
      const identity =
        url !== undefined && token !== undefined
          ? await (await import('../okta/signin/org-probe')).checkNewOrgToken(url, token)
          : undefined;
      let client =
        url === undefined
          ? await addPracticeClient(deps, clientName)
          : await workspace.addClient({ name: clientName, orgUrl: url, sandbox: false });
      const integrations: Integration[] = [];
      const toDo: string[] = [];
      if (url !== undefined && identity !== undefined && token !== undefined) {
        try {
          await deps.secrets.set(client.id, API_TOKEN_SECRET, cleanApiToken(token));
          client = await workspace.updateClient(client.id, (c) => {
            c.auth = { method: 'api-token' };
          });
        } catch (error) {
          toDo.push(
            `Sign in to ${clientName}'s Okta org (${url}) again: Okta accepted the API token, but it could not be kept in the secret store (${error instanceof Error ? error.message : String(error)}).`,
          );
        }
      } else if (parsed.org.kind === 'okta')
        toDo.push(
          `Sign in to ${clientName}'s Okta org (${url}): the export was made with ${SIGN_IN_WORDS[parsed.org.signIn] ?? parsed.org.signIn}; credentials are never exported.`,
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
      return {
        client,
        integrations,
        toDo,
        ...(identity && client.auth.method === 'api-token'
          ? { signedInAs: `${identity.displayName}${identity.login ? ` (${identity.login})` : ''}` }
          : {}),
      };
    },
  };
}
