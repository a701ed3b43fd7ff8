import type { Integration } from '../api/model';
import {
  EndToEndSchema,
  ProvisioningInputSchema,
  type EndToEnd,
  type ProvisioningInput,
  type ProvisioningObserved,
} from '../api/step-provisioning';
import { AppError } from '../errors';
import { appInstanceUrl } from '../okta/console-links';
import type { AppFeature, OktaOrgApi } from '../okta/org-api';
import { PhaseResult } from './phase-result';
import { sameToken } from './scim-report';
import { runEndToEnd } from './provisioning-e2e';
import { ChangeId, planProvisioning, proofBlockedText, proofBlockers, provisioningChecks } from './provisioning-plan';
import { defineStep, type StepContext } from './step';

/** Okta usually pushes within seconds; two minutes covers a busy org without stalling the admin. */
const DEFAULT_WAIT_SECONDS = 120;

const freshRuns = new PhaseResult<EndToEnd>();

function recordedRun(integration: Integration): EndToEnd | undefined {
  const observed = integration.steps.provisioning?.observed;
  if (typeof observed !== 'object' || observed === null || !('endToEnd' in observed)) return undefined;
  const parsed = EndToEndSchema.safeParse(observed.endToEnd);
  return parsed.success ? parsed.data : undefined;
}

type Enabled = 'ENABLED' | 'DISABLED';
const statusOf = (value: { status?: string } | undefined): Enabled =>
  value?.status === 'ENABLED' ? 'ENABLED' : 'DISABLED';

function readFeature(features: AppFeature[]): ProvisioningObserved['userProvisioning'] {
  const feature = features.find((f) => f.name === 'USER_PROVISIONING');
  if (feature === undefined) return undefined;
  return {
    status: feature.status,
    create: statusOf(feature.capabilities.create?.lifecycleCreate),
    updateProfile: statusOf(feature.capabilities.update?.profile),
    deactivate: statusOf(feature.capabilities.update?.lifecycleDeactivate),
  };
}

async function roleAttribute(
  okta: OktaOrgApi,
  appId: string,
  externalName: string | undefined,
): Promise<ProvisioningObserved['roleAttribute']> {
  if (externalName === undefined) return undefined;
  const schema = await okta.getAppUserSchema(appId);
  const found = Object.entries(schema.custom).find(([, p]) => p.externalName === externalName);
  if (found === undefined) return undefined;
  const [name, property] = found;
  const values = (property.oneOf?.map((o) => o.const) ?? property.enum ?? []).map(String);
  return { name, values };
}

async function requireToken(ctx: StepContext<ProvisioningInput>): Promise<string> {
  const token = await ctx.readSecret('scim', 'token');
  if (token === undefined)
    throw new AppError(
      'SCIM_TOKEN_MISSING',
      'The SCIM bearer token is not stored in this app.',
      'Enter it on the SCIM check step and run the preflight; this step uses the same token.',
    );
  return token;
}

async function enableThroughApi(
  ctx: StepContext<ProvisioningInput>,
  okta: OktaOrgApi,
  observed: ProvisioningObserved,
  changeIds: Set<string>,
): Promise<void> {
  if (changeIds.has(ChangeId.connection)) {
    const connection = await okta.setProvisioningConnection(observed.app.id, {
      baseUrl: observed.scimBaseUrl,
      token: await requireToken(ctx),
    });
    if (connection.status !== 'ENABLED') await okta.activateProvisioningConnection(observed.app.id);
  }
  if (changeIds.has(ChangeId.features)) {
    await okta.updateUserProvisioningFeature(observed.app.id, {
      create: { lifecycleCreate: { status: 'ENABLED' } },
      update: { profile: { status: 'ENABLED' }, lifecycleDeactivate: { status: 'ENABLED' } },
    });
  }
}

async function endToEnd(
  ctx: StepContext<ProvisioningInput>,
  okta: OktaOrgApi,
  observed: ProvisioningObserved,
  enablingFeatures: boolean,
): Promise<EndToEnd> {
  if (!ctx.input.testUser)
    throw new AppError(
      'PROVISIONING_TEST_USER_MISSING',
      'Choose the Okta user to assign for the end-to-end test.',
      'Enter the login of an active Okta user who is not assigned to the app yet; the test unassigns them again.',
      'testUser',
    );
  if (observed.path === 'console' && !observed.appFeatures.includes('SCIM_PROVISIONING')) {
    throw new AppError(
      'PROVISIONING_NOT_ON',
      `Provisioning is not switched on for ${observed.app.label} in Okta yet, so a test user would not be pushed.`,
      'Open the Provisioning tab with the link above, enter the values shown and save, then run the test again.',
    );
  }
  const blockers = proofBlockers(observed, enablingFeatures);
  if (blockers.length > 0) {
    const settings = blockers.map((b) => b.setting).join(' and ');
    throw new AppError(
      'PROVISIONING_PROOF_CANNOT_PASS',
      `The end-to-end test did not start: ${proofBlockedText(blockers, observed.app.label)}`,
      observed.path === 'console'
        ? `Open ${observed.app.label}'s Provisioning tab with the link above > To App > Edit, enable ${settings}, Save, then press Check Okta and run the test again.`
        : `Apply the change that turns on ${settings} (or enable it in Okta on ${observed.app.label}'s Provisioning tab > To App), then run the test again.`,
    );
  }
  const role = observed.roleAttribute;
  const roleValue = ctx.input.testRole || role?.values[0];
  if (role !== undefined && ctx.input.testRole && role.values.length > 0 && !role.values.includes(ctx.input.testRole)) {
    throw new AppError(
      'PROVISIONING_TEST_ROLE_INVALID',
      `"${ctx.input.testRole}" is not one of the role values: ${role.values.join(', ')}.`,
      'Pick one of the listed roles.',
      'testRole',
    );
  }
  return runEndToEnd({
    okta,
    app: observed.app,
    scimBaseUrl: observed.scimBaseUrl,
    token: await requireToken(ctx),
    testUser: ctx.input.testUser,
    ...(role !== undefined && roleValue ? { role: { attribute: role.name, value: roleValue } } : {}),
    waitMs: ctx.input.waitSeconds * 1000,
    now: ctx.now,
    progress: (message) => ctx.progress(0, 1, message),
    temporaries: ctx.temporaries,
  });
}

/**
 * Switches SCIM provisioning on where Okta's API allows it (catalog apps with a provisioning
 * connection), guides the console otherwise, and proves either end to end with a test user.
 */
export const provisioningStep = defineStep<ProvisioningInput, ProvisioningObserved>({
  id: 'provisioning',
  input: ProvisioningInputSchema,
  defaults: () => ({ waitSeconds: DEFAULT_WAIT_SECONDS }),
  needs: [
    { step: 'app', fact: 'appId', why: "Provisioning is set on the vendor's Okta app, which does not exist yet." },
    { step: 'scim', fact: 'scimBaseUrl', why: "The vendor's SCIM endpoint has not passed the SCIM check yet." },
  ],

  async inspect(ctx) {
    const appId = ctx.facts.appId ?? '';
    const scimBaseUrl = ctx.facts.scimBaseUrl ?? '';
    const okta = await ctx.okta();
    const app = await okta.getApp(appId);
    if (app === undefined)
      throw new AppError(
        'APP_NOT_FOUND',
        `The app ${appId} is no longer in Okta.`,
        'Run the app step again to create it.',
      );
    const connection = await okta.getProvisioningConnection(app.id);
    const path = connection.status === 'UNKNOWN' || connection.authScheme === 'UNKNOWN' ? 'console' : 'api';
    const userProvisioning =
      path === 'api' && connection.status === 'ENABLED' ? readFeature(await okta.listFeatures(app.id)) : undefined;
    const run = freshRuns.get(ctx) ?? recordedRun(ctx.integration);
    const token = await ctx.readSecret('scim', 'token');
    const sameTarget = run !== undefined && run.appId === app.id && run.scimBaseUrl === scimBaseUrl;
    const sameSecret = run !== undefined && token !== undefined && sameToken(run.tokenDigest, token);
    return {
      app: { id: app.id, name: app.name, label: app.label },
      path,
      scimBaseUrl,
      tokenStored: token !== undefined,
      appFeatures: app.features,
      ...(path === 'api'
        ? {
            connection: {
              status: connection.status,
              authScheme: connection.authScheme,
              ...(connection.baseUrl ? { baseUrl: connection.baseUrl } : {}),
            },
          }
        : {}),
      ...(userProvisioning ? { userProvisioning } : {}),
      // Okta serves the Provisioning tab as the app page's `#tab-user-management` fragment.
      consoleUrl: appInstanceUrl(okta.orgUrl, app.name, app.id, 'user-management'),
      ...(await roleAttribute(okta, app.id, ctx.profile.role?.externalName).then((r) =>
        r ? { roleAttribute: r } : {},
      )),
      ...(run ? { endToEnd: run } : {}),
      endToEndCurrent: sameTarget && sameSecret,
      tokenChanged: sameTarget && !sameSecret,
    };
  },

  plan: planProvisioning,

  async apply(ctx, changes, observed) {
    const ids = new Set(changes.map((c) => c.id));
    const okta = await ctx.okta();
    if (observed.path === 'api') await enableThroughApi(ctx, okta, observed, ids);
    if (!ids.has(ChangeId.endToEnd)) return;
    const run = await endToEnd(ctx, okta, observed, observed.path === 'api' && ids.has(ChangeId.features));
    ctx.progress(1, 1, run.passed ? 'The end-to-end test passed.' : 'The end-to-end test failed.');
    freshRuns.keep(ctx, run);
  },

  async verify(_ctx, observed) {
    return provisioningChecks(observed);
  },
});
