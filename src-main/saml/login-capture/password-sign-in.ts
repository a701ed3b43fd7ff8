import { AuthApiError, OktaAuth, type AuthnTransaction } from '@okta/okta-auth-js';
import { AppError } from '../../errors';
import { MapStorage } from '../../okta/signin/pkce';
import { authnRequestIdInUrl } from './authn-request';
import { htmlForms, pageTitle } from './html-form';
import type { CapturedLogin, LoginCapture, LoginCaptureRequest } from './types';

/** sessionCookieRedirect, then the SSO page (or an AuthnRequest's redirect to it), then the auto-post form. */
const MAX_PAGES = 6;

/** What each non-SUCCESS status of Okta's Authentication API means for a test sign-in, and what to do. */
const NOT_SIGNED_IN: Record<string, { why: string; next: string }> = {
  MFA_REQUIRED: {
    why: 'Okta asks this user for a second factor',
    next: 'Sign in with the sign-in window (desktop app), where you can answer the factor, or paste a SAMLResponse captured with a SAML tracer.',
  },
  MFA_ENROLL: {
    why: 'Okta asks this user to enroll a second factor first',
    next: 'Have the user sign in to Okta once and enroll, or use the sign-in window (desktop app).',
  },
  LOCKED_OUT: {
    why: 'the account is locked out',
    next: 'Unlock the user in Okta (Directory > People > the user > Unlock), then run the test again.',
  },
  PASSWORD_EXPIRED: {
    why: "the user's password has expired",
    next: 'Have the user sign in to Okta once and choose a new password, then run the test again.',
  },
};

/** Cookies by origin: the org's session cookie goes back only to the org that set it. */
class OriginCookies {
  private readonly byOrigin = new Map<string, Map<string, string>>();

  take(url: string, response: Response): void {
    const origin = new URL(url).origin;
    const jar = this.byOrigin.get(origin) ?? new Map<string, string>();
    for (const line of response.headers.getSetCookie()) {
      const pair = line.split(';', 1)[0] ?? '';
      const at = pair.indexOf('=');
      if (at > 0) jar.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
    }
    this.byOrigin.set(origin, jar);
  }

  header(url: string): Record<string, string> {
    const jar = this.byOrigin.get(new URL(url).origin);
    if (jar === undefined || jar.size === 0) return {};
    return { cookie: [...jar].map(([name, value]) => `${name}=${value}`).join('; ') };
  }
}

/** Okta's primary authentication (`POST /api/v1/authn`) through Okta's own SDK: the one-time sessionToken. */
async function sessionToken(orgUrl: string, userLogin: string, password: string): Promise<string> {
  const storage = new MapStorage();
  const auth = new OktaAuth({
    issuer: orgUrl,
    storageManager: { token: { storageProvider: storage }, transaction: { storageProvider: storage } },
  });
  let transaction: AuthnTransaction;
  try {
    transaction = await auth.signInWithCredentials({ username: userLogin, password });
  } catch (error) {
    throw authnFailure(orgUrl, userLogin, error);
  }
  if (transaction.status === 'SUCCESS' && transaction.sessionToken) return transaction.sessionToken;
  const known = NOT_SIGNED_IN[transaction.status];
  throw new AppError(
    'TEST_LOGIN_SIGN_IN_INCOMPLETE',
    `Okta did not finish signing in ${userLogin}: ${known?.why ?? `it answered ${transaction.status}`}.`,
    known?.next ?? 'Use the sign-in window (desktop app), or paste a SAMLResponse captured with a SAML tracer.',
    'userLogin',
  );
}

function authnFailure(orgUrl: string, userLogin: string, error: unknown): AppError {
  if (error instanceof AuthApiError) {
    const status = error.xhr?.status ?? 0;
    const requestId = new Headers(error.xhr?.headers).get('x-okta-request-id');
    const reference = requestId ? ` (Okta request ID ${requestId})` : '';
    if (error.errorCode === 'E0000004')
      return new AppError(
        'TEST_LOGIN_PASSWORD_REFUSED',
        `Okta refused the sign-in of ${userLogin}: ${error.errorSummary}${reference}.`,
        "Enter the test user's own Okta password (not yours), and check that the user is active in Okta.",
        'password',
      );
    if (status === 429)
      return new AppError(
        'TEST_LOGIN_RATE_LIMITED',
        `Okta is limiting sign-ins right now: ${error.errorSummary}${reference}.`,
        'Wait a minute, then run the test again.',
      );
    return new AppError(
      'TEST_LOGIN_SIGN_IN_FAILED',
      `Okta's Authentication API refused the sign-in of ${userLogin} (HTTP ${status}): ${error.errorSummary}${reference}.`,
      'Use the sign-in window (desktop app), or paste a SAMLResponse captured with a SAML tracer.',
    );
  }
  return new AppError(
    'TEST_LOGIN_SIGN_IN_FAILED',
    `Could not reach ${orgUrl}/api/v1/authn: ${error instanceof Error ? error.message : String(error)}.`,
    'Check the network connection to the org, then run the test again.',
  );
}

/**
 * Signs in as the test user the way Okta's sign-in page does, with the password the admin typed:
 * Okta's Authentication API gives a one-time sessionToken, `/login/sessionCookieRedirect` turns it
 * into the org's session cookie on the way to the start URL (embed link or AuthnRequest), and the
 * SAMLResponse is taken from the auto-posting form Okta answers with. It is never posted on.
 * The password is used for this one sign-in and kept nowhere.
 */
export function createPasswordSignIn(password: string): LoginCapture {
  return {
    async capture(request: LoginCaptureRequest): Promise<CapturedLogin> {
      const requestId = request.mode === 'sp' ? authnRequestIdInUrl(request.startUrl) : undefined;
      const orgUrl = new URL(request.idpSsoUrl).origin;
      const token = await sessionToken(orgUrl, request.userLogin, password);
      const cookies = new OriginCookies();
      const redirect = new URL('/login/sessionCookieRedirect', orgUrl);
      redirect.searchParams.set('token', token);
      redirect.searchParams.set('redirectUrl', request.startUrl);
      let url = redirect.toString();
      for (let page = 0; page < MAX_PAGES; page += 1) {
        const response = await fetch(url, { redirect: 'manual', headers: cookies.header(url) });
        cookies.take(url, response);
        const html = await response.text();
        const location = response.headers.get('location');
        if (response.status >= 300 && response.status < 400 && location) {
          url = new URL(location, url).toString();
          continue;
        }
        const post = htmlForms(html, url).find((f) => f.fields.SAMLResponse !== undefined);
        if (post)
          return { samlResponse: post.fields.SAMLResponse ?? '', relayState: post.fields.RelayState, requestId };
        const requestRef = response.headers.get('x-okta-request-id');
        throw new AppError(
          'TEST_LOGIN_NO_SAML_RESPONSE',
          `${request.userLogin} signed in, but Okta answered "${pageTitle(html) || `HTTP ${response.status}`}" (HTTP ${response.status}) instead of a SAMLResponse${requestRef ? ` (Okta request ID ${requestRef})` : ''}.`,
          "Check that the user is assigned to the app and that the app's sign-on policy lets them in with a password alone; or use the sign-in window (desktop app).",
        );
      }
      throw new AppError(
        'TEST_LOGIN_NO_SAML_RESPONSE',
        `The sign-in of ${request.userLogin} did not reach a SAMLResponse within ${MAX_PAGES} pages.`,
        'Use the sign-in window (desktop app), or paste a SAMLResponse captured with a SAML tracer.',
      );
    },
  };
}
