import type { LoginProof, LoginWay } from '../certs/rotation-kit';
import { AppError } from '../errors';
import { createPasswordSignIn } from '../saml/login-capture/password-sign-in';
import type { LoginCapture } from '../saml/login-capture/types';
import { checkCapture } from '../steps/login-expectations';
import { takeCapture, type StepDeps } from './handlers-test-login';

/**
 * The rotation's proof: an SP-initiated sign-in through the test-login step's machinery (its test
 * user, its expectations), with the signature checked against the certificate the vendor holds,
 * not against what Okta publishes now. A login signed with a key the vendor was never given fails.
 */
export function rotationTestLogin(
  deps: StepDeps & { loginCapture?: LoginCapture },
): (integrationId: string, way: LoginWay, vendorCertificatePem: string) => Promise<LoginProof> {
  return async (integrationId, way, vendorCertificatePem) => {
    let capture: LoginCapture;
    if (way.via === 'window') {
      if (!deps.loginCapture) {
        throw new AppError(
          'TEST_LOGIN_NO_WINDOW',
          'The sign-in window is only available in the desktop app.',
          "Run the rotation from the desktop app to sign in at the vendor, or sign in with the test user's password.",
        );
      }
      capture = deps.loginCapture;
    } else {
      capture = createPasswordSignIn(way.password);
    }
    const taken = await takeCapture(deps, capture, way.via, integrationId, 'sp', way.via === 'window');
    const result = await checkCapture('sp', taken.capture, taken.observed.expected, vendorCertificatePem);
    return { userLogin: taken.observed.user.login, valid: result.valid, checks: result.checks };
  };
}
