import { AppError } from '../../errors';
import { SANDBOX_PASSWORD } from '../../sandbox/oauth/sign-in';
import { authnRequestIdInUrl } from './authn-request';
import { htmlForms, pageTitle } from './html-form';
import type { CapturedLogin, LoginCapture, LoginCaptureRequest } from './types';

const MAX_PAGES = 6;

/**
 * Signs in on the practice org's own pages over HTTP, as a browser would, and takes the
 * SAMLResponse from the auto-posting form. The response is never posted on: the practice org's
 * vendors do not exist.
 */
export function createSandboxLoginCapture(options: { password?: string } = {}): LoginCapture {
  const password = options.password ?? SANDBOX_PASSWORD;
  return {
    async capture(request: LoginCaptureRequest): Promise<CapturedLogin> {
      const requestId = request.mode === 'sp' ? authnRequestIdInUrl(request.startUrl) : undefined;
      let url = request.startUrl;
      let init: RequestInit = { redirect: 'manual' };
      let signedIn = false;
      for (let page = 0; page < MAX_PAGES; page += 1) {
        const response = await fetch(url, init);
        const html = await response.text();
        const location = response.headers.get('location');
        if (response.status >= 300 && response.status < 400 && location) {
          url = new URL(location, url).toString();
          init = { redirect: 'manual' };
          continue;
        }
        if (/User is not assigned to this application/i.test(html)) {
          throw new AppError(
            'TEST_USER_NOT_ASSIGNED',
            `Okta refused the sign-in: ${request.userLogin} is not assigned to this application.`,
            'Assign the user to the app first (the "Assign users" step, or the app\'s Assignments tab in Okta), then run the test again.',
            'userLogin',
          );
        }
        const forms = htmlForms(html, url);
        const post = forms.find((f) => f.fields.SAMLResponse !== undefined);
        if (post)
          return { samlResponse: post.fields.SAMLResponse ?? '', relayState: post.fields.RelayState, requestId };
        const signIn = forms.find((f) => f.hasPassword);
        if (!signIn || signedIn) {
          const what = signIn
            ? `${request.userLogin} could not sign in with the practice org's password`
            : `the page "${pageTitle(html) || `HTTP ${response.status}`}" has no sign-in form and no SAMLResponse`;
          throw new AppError(
            'TEST_LOGIN_SANDBOX_FAILED',
            `The practice sign-in stopped: ${what}.`,
            'Check that the test user exists and is active in the practice org, then run the test again.',
            signIn ? 'userLogin' : undefined,
          );
        }
        signedIn = true;
        url = signIn.action;
        init = {
          method: 'POST',
          redirect: 'manual',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ ...signIn.fields, username: request.userLogin, password }).toString(),
        };
      }
      throw new AppError(
        'TEST_LOGIN_SANDBOX_FAILED',
        `The practice sign-in did not reach the ACS POST within ${MAX_PAGES} pages.`,
        'Run the test again; if it persists, report it.',
      );
    },
  };
}
