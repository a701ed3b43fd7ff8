import {
  TestLoginInputSchema,
  type LoginMode,
  type LoginResult,
  type TestLoginInput,
  type TestLoginObserved,
} from '../api/step-test-login';
import type { Change, Check } from '../api/steps';
import { addressProblem } from '../api/mail-domains';
import { AppError } from '../errors';
import type { OktaOrgApi } from '../okta/org-api';
import { inspectMetadata } from '../saml/metadata';
import { addressRuleFor } from './domain-rules';
import type { VendorProfile } from '../vendors/profile';
import { userProfileAttributes } from './expression-findings';
import { checkCapture, expectedAttributes, samlTargets } from './login-expectations';
import { defineStep, type StepContext } from './step';

export const MODE_LABEL: Record<LoginMode, string> = { idp: 'IdP-initiated', sp: 'SP-initiated' };

const HTTP_REDIRECT = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect';

const CHECK_LABEL: Record<string, string> = {
  decode: 'Decoded SAMLResponse',
  signature: 'Signature',
  issuer: 'Issuer',
  audience: 'Audience',
  recipient: 'Recipient',
  destination: 'Destination',
  'validity-window': 'Time window',
  'name-id': "NameID is the user's email",
  'in-response-to': 'InResponseTo',
};

function checkLabel(name: string): string {
  return CHECK_LABEL[name] ?? (name.startsWith('attribute:') ? `Attribute ${name.slice('attribute:'.length)}` : name);
}

/**
 * IdP-initiated must always pass. SP-initiated must too where the vendor has a login page the
 * profile knows, so the test can start there; otherwise it is optional: shown when tested, not
 * required to verify.
 */
export function requiredModes(modes: readonly LoginMode[], profile: VendorProfile): LoginMode[] {
  return modes.filter((mode) => mode === 'idp' || profile.login.spInitiatedUrl !== undefined);
}

/** Pure: assign the user first; then sign in, once per required mode, until each has passed. */
export function testLoginPlan(observed: TestLoginObserved): Change[] {
  const who = observed.user.login;
  if (observed.addressProblem) {
    return [
      {
        id: 'test-login-user-address',
        kind: 'manual',
        target: 'Test user',
        summary: `Choose another test user: ${observed.addressProblem}`,
        details: [],
      },
    ];
  }
  if (!observed.assigned) {
    return [
      {
        id: 'test-login-assign',
        kind: 'manual',
        target: `Okta app "${observed.app.label}"`,
        summary: `Assign ${who} to "${observed.app.label}" first (the "Assign users" step or the app's Assignments tab): Okta refuses unassigned users.`,
        details: [],
      },
    ];
  }
  return observed.required.flatMap((mode): Change[] => {
    const result = observed.results[mode];
    if (result?.valid) return [];
    const failed = result ? result.checks.filter((c) => c.status === 'fail').map((c) => checkLabel(c.name)) : [];
    return [
      {
        id: `test-login-${mode}`,
        kind: 'manual',
        target: `${observed.app.label} sign-in as ${who}`,
        summary: result
          ? `Sign in as ${who} again (${MODE_LABEL[mode]}): the last test failed ${failed.join(', ')}.`
          : `Sign in as ${who} (${MODE_LABEL[mode]}) and capture the SAMLResponse.`,
        details: [
          {
            field: 'Starts at',
            to:
              (mode === 'idp' ? observed.start.idp : observed.start.sp) ??
              (mode === 'sp' ? `an AuthnRequest to ${observed.start.idpSsoUrl}` : 'the Okta dashboard tile'),
          },
        ],
      },
    ];
  });
}

function resultChecks(result: LoginResult): Check[] {
  return result.checks.map((c) => ({
    id: `${result.mode}:${c.name}`,
    label: `${MODE_LABEL[result.mode]} · ${checkLabel(c.name)}`,
    status: c.status,
    detail: c.detail,
    ...(c.name === 'decode' && result.assertionXml ? { evidence: result.assertionXml } : {}),
  }));
}

/** Pure: the user's assignment, then every check of the latest result per mode. */
export function testLoginChecks(observed: TestLoginObserved): Check[] {
  const checks: Check[] = [
    {
      id: 'test-user',
      label: 'Test user assigned',
      status: observed.assigned ? 'pass' : 'fail',
      detail: observed.assigned
        ? `${observed.user.login} (${observed.user.id}) is assigned to "${observed.app.label}".`
        : `${observed.user.login} is not assigned to "${observed.app.label}": assign the user first, then test again.`,
    },
  ];
  if (observed.addressProblem)
    checks.push({
      id: 'test-user-address',
      label: "The vendor accepts the test user's address",
      status: 'fail',
      detail: `${observed.addressProblem} A login with this user proves nothing about the people who will use SSO.`,
    });
  for (const mode of ['idp', 'sp'] as const) {
    const result = observed.results[mode];
    if (result) checks.push(...resultChecks(result));
    else if (observed.required.includes(mode))
      checks.push({
        id: `${mode}:not-run`,
        label: `${MODE_LABEL[mode]} login`,
        status: 'warn',
        detail: `Not tested yet: sign in as ${observed.user.login}.`,
      });
  }
  return checks;
}

function sameUser(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** Where an AuthnRequest goes, as the app's metadata says now (the org's URL may have moved since the metadata step). */
async function currentSsoUrl(okta: OktaOrgApi, appId: string, learned: string, now: Date): Promise<string> {
  const services = inspectMetadata(await okta.getAppMetadataXml(appId), now).ssoServices;
  return (services.find((s) => s.binding === HTTP_REDIRECT) ?? services[0])?.location ?? learned;
}

async function inspectLogin(ctx: StepContext<TestLoginInput>): Promise<TestLoginObserved> {
  const { appId, idpIssuer, idpSsoUrl, certificatePem } = ctx.facts;
  if (!appId || !idpIssuer || !idpSsoUrl || !certificatePem) {
    throw new AppError(
      'TEST_LOGIN_NOT_READY',
      'The app, its issuer, SSO URL and certificate are not all known yet.',
      'Finish the app and metadata steps first.',
    );
  }
  const okta = await ctx.okta();
  const app = await okta.getApp(appId);
  if (!app)
    throw new AppError(
      'TEST_LOGIN_APP_GONE',
      `The Okta app ${appId} no longer exists.`,
      'Run the app step again to find or create it.',
    );
  const user = await okta.getUser(ctx.input.userLogin);
  if (!user) {
    throw new AppError(
      'TEST_USER_NOT_FOUND',
      `No Okta user "${ctx.input.userLogin}".`,
      'Enter the Okta username of an existing, active user, e.g. alice@acme.com.',
      'userLogin',
    );
  }
  const email = user.profile.email ?? user.profile.login;
  const profileAttributes = async () => {
    const read = await userProfileAttributes(okta);
    return Array.isArray(read) ? read : undefined;
  };
  const expected = {
    issuer: idpIssuer,
    ...samlTargets(ctx.profile, app),
    nameId: email,
    attributes: expectedAttributes(ctx.profile, user, app, await profileAttributes()),
  };
  const results: TestLoginObserved['results'] = {};
  for (const mode of ['idp', 'sp'] as const) {
    const capture = ctx.input[`${mode}Capture`];
    if (capture && sameUser(capture.userLogin, user.profile.login))
      results[mode] = await checkCapture(mode, capture, expected, certificatePem);
  }
  const embed = app.appLinks[0]?.href ?? ctx.facts.embedLink;
  const addressIssue = addressProblem(email, addressRuleFor(ctx.profile, ctx.integration));
  return {
    user: { id: user.id, login: user.profile.login, email, status: user.status },
    ...(addressIssue ? { addressProblem: addressIssue } : {}),
    assigned: (await okta.getAppUser(app.id, user.id)) !== undefined,
    app: { id: app.id, label: app.label },
    required: requiredModes(ctx.input.modes, ctx.profile),
    expected,
    start: {
      ...(embed ? { idp: embed } : {}),
      ...(ctx.profile.login.spInitiatedUrl ? { sp: ctx.profile.login.spInitiatedUrl } : {}),
      idpSsoUrl: await currentSsoUrl(okta, app.id, idpSsoUrl, ctx.now()),
    },
    results,
  };
}

/** Test login: real sign-ins as a test user, each SAMLResponse checked the way the vendor will. */
export const testLoginStep = defineStep<TestLoginInput, TestLoginObserved>({
  id: 'test-login',
  input: TestLoginInputSchema,
  defaults: (profile) => ({ modes: profile.login.idpInitiated ? ['idp', 'sp'] : ['sp'] }),
  needs: [
    { step: 'app', fact: 'appId', why: 'The test signs in to the Okta app, which does not exist yet.' },
    { step: 'metadata', fact: 'idpIssuer', why: 'The response is checked against the Identity Provider Issuer.' },
    { step: 'metadata', fact: 'idpSsoUrl', why: 'SP-initiated logins go to the IdP SSO URL.' },
    {
      step: 'metadata',
      fact: 'certificatePem',
      why: "The response signature is checked against the app's certificate.",
    },
  ],
  inspect: inspectLogin,
  plan: (_input, observed) => testLoginPlan(observed),
  async apply() {
    // Every change is a sign-in the admin (or a capture channel) makes; nothing here writes to Okta.
  },
  async verify(_ctx, observed) {
    return testLoginChecks(observed);
  },
});
