import type { LoginProof } from '../certs/rotation';
import { AppError } from '../errors';
import { createSandboxLoginCapture } from '../saml/login-capture/sandbox-sign-in';
import type { LoginCapture } from '../saml/login-capture/types';
import { checkCapture } from '../steps/login-expectations';
import { loadStep } from './handlers-register';
import { takeCapture, type StepDeps } from './handlers-test-login';

/**
 * The rotation's proof: an SP-initiated sign-in through the test-login step's machinery (its test
 * user, its expectations), with the signature checked against the certificate the vendor holds,
 * not against what Okta publishes now. A login signed with a key the vendor was never given fails.
 */
export function rotationTestLogin(
  deps: StepDeps & { loginCapture?: LoginCapture },
): (integrationId: string, via: 'sandbox' | 'window', vendorCertificatePem: string) => Promise<LoginProof> {
  const sandboxCapture = createSandboxLoginCapture();
  return async (integrationId, via, vendorCertificatePem) => {
    const { client } = await loadStep(deps, integrationId, 'test-login');
    let capture: LoginCapture;
    if (via === 'window') {
      if (!deps.loginCapture) {
        throw new AppError(
          'TEST_LOGIN_NO_WINDOW',
          'The sign-in window is only available in the desktop app.',
          'Run the rotation from the desktop app to sign in at the vendor.',
        );
      }
      capture = deps.loginCapture;
    } else {
      if (!client.sandbox) {
        throw new AppError(
          'TEST_LOGIN_NOT_PRACTICE',
          `"${client.name}" is a real Okta org: the app cannot sign in there for you.`,
          'Use the sign-in window of the desktop app.',
        );
      }
      capture = sandboxCapture;
    }
    const taken = await takeCapture(deps, capture, via, integrationId, 'sp', via === 'window');
    const result = await checkCapture('sp', taken.capture, taken.observed.expected, vendorCertificatePem);
    return { userLogin: taken.observed.user.login, valid: result.valid, checks: result.checks };
  };
}
