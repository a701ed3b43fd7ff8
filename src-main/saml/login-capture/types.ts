import type { LoginMode } from '../../api/step-test-login';

/** One sign-in to capture: where it starts and which POST carries the SAMLResponse. */
export interface LoginCaptureRequest {
  mode: LoginMode;
  /** The app's embed link (IdP-initiated), or the vendor's login page / an AuthnRequest URL (SP-initiated). */
  startUrl: string;
  /** The vendor's ACS URL: the POST to it carries the SAMLResponse. */
  acsUrl: string;
  /** The IdP's SSO URL: an AuthnRequest sent there names the request the response must answer. */
  idpSsoUrl: string;
  /** The test user, for captures that sign in themselves. */
  userLogin: string;
  /** Let the vendor still receive the response (the admin's choice); otherwise it never leaves the app. */
  forwardToVendor: boolean;
}

export interface CapturedLogin {
  /** base64, as posted. */
  samlResponse: string;
  relayState: string | undefined;
  /** ID of the AuthnRequest seen on the way, for SP-initiated logins. */
  requestId: string | undefined;
}

/** A way to take the SAMLResponse of one real sign-in: a window, an HTTP sign-in, ... */
export interface LoginCapture {
  capture(request: LoginCaptureRequest): Promise<CapturedLogin>;
}
