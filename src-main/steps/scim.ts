import {
  PreflightRecordSchema,
  ScimInputSchema,
  type PreflightRecord,
  type ScimInput,
  type ScimObserved,
} from '../api/step-scim';
import type { Change, Check } from '../api/steps';
import type { Integration } from '../api/model';
import { ScimClient } from '../scim/client';
import { CheckName, defaultTestUserName, runScimPreflight, type PreflightReport } from '../scim/preflight';
import { AppError } from '../errors';
import { PhaseResult } from './phase-result';
import { preflightChecks, preflightPassed, recordPreflight, sameToken } from './scim-report';
import { defineStep } from './step';
import { removeVendorUser, type NewTemporary, type TemporaryLedger } from './temporaries';

type VendorUser = Extract<NewTemporary, { kind: 'vendor-user' }>;

export const RUN_PREFLIGHT = 'scim-preflight';

const freshReports = new PhaseResult<PreflightRecord>();

/** The report an earlier phase kept in this step's record. */
function recordedReport(integration: Integration): PreflightRecord | undefined {
  const observed = integration.steps.scim?.observed;
  if (typeof observed !== 'object' || observed === null || !('report' in observed)) return undefined;
  const parsed = PreflightRecordSchema.safeParse(observed.report);
  return parsed.success ? parsed.data : undefined;
}

/** After a preflight that threw: its own clean-up ran, so this is a second look by the user's name. */
async function settle(ledger: TemporaryLedger, id: string, testUser: VendorUser, token: string): Promise<void> {
  try {
    await removeVendorUser({ scimToken: async () => token }, testUser);
    await ledger.removed(id);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    await ledger.failed(id, { message: error.message, hint: error.hint });
  }
}

/** Pure: a preflight is due while none has passed against this URL with this token. */
export function planScim(input: ScimInput, observed: ScimObserved): Change[] {
  if (observed.current && observed.report !== undefined && preflightPassed(observed.report)) return [];
  const testUser = input.testUserName || 'okta-onboard-preflight-<random>@example.com';
  const details: Change['details'] = [
    { field: 'SCIM base URL', to: input.baseUrl },
    { field: 'Test user', to: testUser },
    {
      field: 'Calls, as Okta makes them',
      to: 'GET /ServiceProviderConfig, GET /Users, POST /Users, GET /Users/{id}, PUT /Users/{id}, PATCH /Users/{id}, then deactivate and DELETE the test user',
    },
  ];
  if (observed.current && observed.report !== undefined) {
    const failed = observed.report.checks.filter((c) => c.status === 'fail').map((c) => c.name);
    details.push({
      field: 'Last run',
      from: `failed: ${failed.join(', ') || 'the test user was left active'}`,
      to: 'run again',
    });
  }
  return [
    {
      id: RUN_PREFLIGHT,
      kind: 'send',
      target: `SCIM endpoint ${input.baseUrl}`,
      summary: `Run the SCIM preflight against ${input.baseUrl} (creates and then deactivates test user ${testUser}, deleting it where the vendor allows)`,
      details,
    },
  ];
}

/** Pure: the recorded preflight as read-back checks, or why there is none for this URL and token. */
export function scimChecks(observed: ScimObserved): Check[] {
  if (observed.report === undefined) {
    return [
      {
        id: 'scim-preflight-run',
        label: 'SCIM preflight',
        status: 'fail',
        detail: `The preflight has not run against ${observed.baseUrl} yet. Apply to run it.`,
      },
    ];
  }
  if (!observed.current) {
    const changed =
      observed.report.baseUrl === observed.baseUrl
        ? 'the bearer token changed'
        : `it ran against ${observed.report.baseUrl}`;
    return [
      {
        id: 'scim-preflight-run',
        label: 'SCIM preflight',
        status: 'fail',
        detail: `The last preflight does not count for ${observed.baseUrl}: ${changed}. Apply to run it again.`,
      },
    ];
  }
  return preflightChecks(observed.report);
}

/**
 * Before Okta is switched on, calls the vendor's SCIM endpoint the way Okta will, on a clearly
 * named test user that is deactivated (and deleted where allowed) afterwards. Inspect only reads
 * the recorded report; apply runs the preflight.
 */
export const scimStep = defineStep<ScimInput, ScimObserved>({
  id: 'scim',
  input: ScimInputSchema,
  secretInputs: ['token'],
  defaults: (profile) => ({ baseUrl: profile.scim?.baseUrl ?? '', testUserName: '' }),

  async inspect(ctx) {
    const report = freshReports.get(ctx) ?? recordedReport(ctx.integration);
    const current =
      report !== undefined && report.baseUrl === ctx.input.baseUrl && sameToken(report.tokenDigest, ctx.input.token);
    return { baseUrl: ctx.input.baseUrl, ...(report === undefined ? {} : { report }), current };
  },

  plan: planScim,

  async apply(ctx, changes) {
    if (!changes.some((c) => c.id === RUN_PREFLIGHT)) return;
    // An unusable URL or token throws here, before anything is recorded or sent.
    new ScimClient({ baseUrl: ctx.input.baseUrl, token: ctx.input.token });
    const testUser: VendorUser = {
      kind: 'vendor-user',
      scimBaseUrl: ctx.input.baseUrl,
      userName: ctx.input.testUserName?.trim() || defaultTestUserName(),
      remove: 'delete',
    };
    // Recorded before the preflight creates it, so a crash mid-preflight leaves a trace the next apply clears.
    const temporaryId = await ctx.temporaries.record(testUser);
    let report: PreflightReport;
    try {
      report = await runScimPreflight({
        baseUrl: ctx.input.baseUrl,
        token: ctx.input.token,
        now: ctx.now(),
        testUserName: testUser.userName,
      });
    } catch (error) {
      await settle(ctx.temporaries, temporaryId, testUser, ctx.input.token);
      throw error;
    }
    const cleanUp = report.checks.find((c) => c.name === CheckName.cleanUp);
    if (report.testUser.leftActive)
      await ctx.temporaries.failed(temporaryId, {
        message: cleanUp?.detail ?? `The test user ${testUser.userName} may still be active at the vendor.`,
        hint: 'Run the SCIM check again once the vendor answers: it removes the test user first. Or deactivate or delete it by hand at the vendor.',
      });
    else await ctx.temporaries.removed(temporaryId);
    const record = recordPreflight(report, ctx.input.token);
    freshReports.keep(ctx, record);
    // A failed run withdraws the URL, so provisioning never uses an endpoint that did not pass.
    ctx.learn({ scimBaseUrl: preflightPassed(record) ? record.baseUrl : undefined });
  },

  async verify(_ctx, observed) {
    return scimChecks(observed);
  },
});
