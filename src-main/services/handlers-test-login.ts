import type { HandlersOf } from '../api/channel';
import type { testLoginChannels } from '../api/channels-test-login';
import {
  TestLoginObservedSchema,
  type LoginCaptureRecord,
  type LoginMode,
  type TestLoginObserved,
} from '../api/step-test-login';
import type { StepView } from '../api/steps';
import { AppError } from '../errors';
import { authnRequestUrl } from '../saml/login-capture/authn-request';
import { createPasswordSignIn } from '../saml/login-capture/password-sign-in';
import type { LoginCapture } from '../saml/login-capture/types';
import { extractSamlResponse } from '../saml/posted-response';
import type { ServiceDeps } from './handlers';
import { loadStep } from './handlers-register';

/** What a capture needs: the step runner and the workspace (the CLI has these without the app's services). */
export type StepDeps = Pick<ServiceDeps, 'steps' | 'workspace'>;

const ref = (integrationId: string) => ({ integrationId, stepId: 'test-login' as const });

/** Okta user statuses that cannot sign in, why, and what the admin does about it. */
const NOT_ACTIVE: Record<string, { why: string; next: string }> = {
  PROVISIONED: {
    why: 'the account was activated without a password and the user has not finished activation from the email Okta sent',
    next: 'Have the user finish activation from the email, or set a password in Okta (Directory > People > the user > Reset password), then run the test again.',
  },
  STAGED: {
    why: 'the account was created but never activated',
    next: 'Activate the user in Okta (Directory > People > the user > Activate), then run the test again.',
  },
  SUSPENDED: {
    why: 'the account is suspended',
    next: 'Unsuspend the user in Okta (Directory > People > the user > More Actions > Unsuspend) or test with another user.',
  },
  DEPROVISIONED: {
    why: 'the account is deactivated',
    next: 'Test with an active user, or reactivate this one in Okta.',
  },
  LOCKED_OUT: {
    why: 'the account is locked out after too many failed sign-ins',
    next: 'Unlock the user in Okta (Directory > People > the user > Unlock), then run the test again.',
  },
  RECOVERY: {
    why: 'the account is waiting for a password reset',
    next: 'Have the user finish the password reset from the email, then run the test again.',
  },
  PASSWORD_EXPIRED: {
    why: "the user's password has expired",
    next: 'Have the user sign in to Okta once and choose a new password, then run the test again.',
  },
};

/** A fresh look at the app and the user, refusing what would make a sign-in pointless. */
async function ready(deps: StepDeps, integrationId: string): Promise<{ view: StepView; observed: TestLoginObserved }> {
  const view = await deps.steps.inspect(ref(integrationId));
  const blocker = view.blockers[0];
  if (blocker) throw new AppError('STEP_BLOCKED', blocker.message, blocker.hint);
  const observed = TestLoginObservedSchema.parse(view.observed);
  const inactive = NOT_ACTIVE[observed.user.status];
  if (inactive) {
    throw new AppError(
      'TEST_USER_NOT_ACTIVE',
      `${observed.user.login} is ${observed.user.status} in Okta: ${inactive.why}, so Okta refuses the sign-in.`,
      inactive.next,
      'userLogin',
    );
  }
  if (!observed.assigned) {
    throw new AppError(
      'TEST_USER_NOT_ASSIGNED',
      `${observed.user.login} is not assigned to "${observed.app.label}" in Okta, so Okta would refuse the sign-in ("User is not assigned to this application").`,
      'Assign the user to the app first (the "Assign users" step, or the app\'s Assignments tab), then run the test again.',
      'userLogin',
    );
  }
  return { view, observed };
}

async function record(
  deps: StepDeps,
  integrationId: string,
  mode: LoginMode,
  capture: LoginCaptureRecord,
): Promise<StepView> {
  await deps.steps.saveInput(ref(integrationId), { [`${mode}Capture`]: capture });
  return deps.steps.verify(ref(integrationId));
}

/**
 * One capture, not yet recorded. SP-initiated starts on the vendor's login page when the profile
 * knows it and a person signs in (the window); otherwise main acts as the SP and sends its own
 * AuthnRequest.
 */
export async function takeCapture(
  deps: StepDeps,
  capture: LoginCapture,
  via: 'password' | 'window',
  integrationId: string,
  mode: LoginMode,
  forwardToVendor: boolean,
): Promise<{ capture: LoginCaptureRecord; observed: TestLoginObserved }> {
  const { observed } = await ready(deps, integrationId);
  const { integration } = await loadStep(deps, integrationId, 'test-login');
  let startUrl = observed.start.idp;
  let builtRequestId: string | undefined;
  if (mode === 'sp') {
    if (via === 'window' && observed.start.sp) {
      startUrl = observed.start.sp;
    } else {
      const built = await authnRequestUrl({
        idpSsoUrl: observed.start.idpSsoUrl,
        spEntityId: observed.expected.audience,
        acsUrl: observed.expected.acsUrl,
        idpCertificatePem: integration.facts.certificatePem ?? '',
      });
      startUrl = built.url;
      builtRequestId = built.id;
    }
  }
  if (!startUrl)
    throw new AppError(
      'TEST_LOGIN_NO_EMBED_LINK',
      `"${observed.app.label}" has no embed link to start an IdP-initiated sign-in.`,
      'Activate the app in Okta and make sure its tile is visible, then try again.',
    );
  const captured = await capture.capture({
    mode,
    startUrl,
    acsUrl: observed.expected.acsUrl,
    idpSsoUrl: observed.start.idpSsoUrl,
    userLogin: observed.user.login,
    forwardToVendor,
  });
  const requestId = captured.requestId ?? builtRequestId;
  return {
    observed,
    capture: {
      samlResponse: captured.samlResponse,
      via,
      capturedAt: new Date().toISOString(),
      userLogin: observed.user.login,
      ...(requestId ? { requestId } : {}),
    },
  };
}

async function captureWith(
  deps: StepDeps,
  capture: LoginCapture,
  via: 'password' | 'window',
  integrationId: string,
  mode: LoginMode,
  forwardToVendor: boolean,
): Promise<StepView> {
  const taken = await takeCapture(deps, capture, via, integrationId, mode, forwardToVendor);
  return record(deps, integrationId, mode, taken.capture);
}

export function createTestLoginHandlers(
  deps: StepDeps & Pick<ServiceDeps, 'loginCapture'>,
): HandlersOf<{ testLogin: typeof testLoginChannels }>['testLogin'] {
  return {
    ways: async () => ({ window: deps.loginCapture !== undefined, paste: true }),
    signInWithPassword: ({ integrationId, mode, password }) =>
      captureWith(deps, createPasswordSignIn(password), 'password', integrationId, mode, false),
    captureWithWindow: async ({ integrationId, mode, forwardToVendor }) => {
      if (!deps.loginCapture) {
        throw new AppError(
          'TEST_LOGIN_NO_WINDOW',
          'The sign-in window is only available in the desktop app.',
          'Paste a SAMLResponse captured with a browser SAML tracer instead.',
        );
      }
      return captureWith(deps, deps.loginCapture, 'window', integrationId, mode, forwardToVendor);
    },
    submitPasted: async ({ integrationId, mode, samlResponse, requestId }) => {
      const { view } = await loadStep(deps, integrationId, 'test-login');
      const userLogin = typeof view.input.userLogin === 'string' ? view.input.userLogin.trim() : '';
      if (!userLogin)
        throw new AppError(
          'INVALID_INPUT',
          'userLogin: Enter the test user first.',
          'Enter the Okta username of the user who signed in, and save.',
          'userLogin',
        );
      return record(deps, integrationId, mode, {
        samlResponse: extractSamlResponse(samlResponse),
        via: 'paste',
        capturedAt: new Date().toISOString(),
        userLogin,
        ...(requestId ? { requestId } : {}),
      });
    },
  };
}
