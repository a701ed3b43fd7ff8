import { randomUUID } from 'node:crypto';
import type {
  BrowserWindowConstructorOptions,
  CallbackResponse,
  HandlerDetails,
  OnBeforeRequestListenerDetails,
  WebRequestFilter,
  WindowOpenHandlerResponse,
} from 'electron';
import { AppError } from '../errors';
import { authnRequestId, authnRequestIdInUrl } from '../saml/login-capture/authn-request';
import type { CapturedLogin, LoginCapture, LoginCaptureRequest } from '../saml/login-capture/types';
import { extractSamlResponse } from '../saml/posted-response';
import { denyAllPermissions, secureWebPreferences, type PermissionSession } from './security';

type RequestDetails = Pick<OnBeforeRequestListenerDetails, 'url' | 'method' | 'uploadData'>;

/** The part of an Electron session the capture uses. */
export interface CaptureSession extends PermissionSession {
  webRequest: {
    onBeforeRequest(
      filter: WebRequestFilter,
      listener: (details: RequestDetails, callback: (response: CallbackResponse) => void) => void,
    ): void;
  };
}

/** The part of a BrowserWindow the capture uses. */
export interface CaptureWindow {
  loadURL(url: string): Promise<void>;
  close(): void;
  isDestroyed(): boolean;
  once(event: 'closed', listener: () => void): unknown;
  webContents: { setWindowOpenHandler(handler: (details: HandlerDetails) => WindowOpenHandlerResponse): void };
}

export interface LoginWindowDeps {
  createWindow(options: BrowserWindowConstructorOptions): CaptureWindow;
  sessionFromPartition(partition: string): CaptureSession;
}

function samePath(raw: string, target: URL): boolean {
  try {
    const url = new URL(raw);
    return url.origin === target.origin && url.pathname === target.pathname;
  } catch {
    return false;
  }
}

function body(details: RequestDetails): string {
  return Buffer.concat((details.uploadData ?? []).map((part) => part.bytes ?? Buffer.alloc(0))).toString('utf8');
}

function formField(form: string, name: string): string | undefined {
  const pair = form.split('&').find((p) => p.startsWith(`${name}=`));
  if (pair === undefined) return undefined;
  try {
    return decodeURIComponent(pair.slice(name.length + 1).replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
}

/** The SAMLResponse of a posted form body; undefined for any other POST to the ACS URL. */
function samlResponseIn(form: string): string | undefined {
  if (!/(^|&)SAMLResponse=/.test(form)) return undefined;
  try {
    return extractSamlResponse(form);
  } catch {
    return undefined;
  }
}

/** Request patterns for a URL's scheme and host, any port and path; the listener compares exactly. */
function hostPattern(url: URL): string {
  return `${url.protocol}//${url.hostname}/*`;
}

/**
 * The test-login sign-in window. It runs on a session of its own (no cookies shared with anything,
 * gone when it closes) whose `onBeforeRequest` watches the vendor's ACS URL: the SAMLResponse is
 * taken from the POST body, and the POST is cancelled unless the admin chose to let the vendor
 * receive it. Requests to the IdP SSO URL are read for the AuthnRequest ID of SP-initiated logins.
 */
export function createLoginWindowCapture(deps: LoginWindowDeps): LoginCapture {
  return {
    capture(request: LoginCaptureRequest): Promise<CapturedLogin> {
      const partition = `login-capture-${randomUUID()}`;
      const session = deps.sessionFromPartition(partition);
      // Remote Okta and vendor pages run here; a fresh partition would grant them everything by default.
      denyAllPermissions(session);
      const window = deps.createWindow({
        width: 960,
        height: 760,
        title: `Test sign-in as ${request.userLogin}`,
        autoHideMenuBar: true,
        webPreferences: { ...secureWebPreferences, partition },
      });
      window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
      const acs = new URL(request.acsUrl);
      const sso = new URL(request.idpSsoUrl);
      let requestId: string | undefined;
      return new Promise<CapturedLogin>((resolve, reject) => {
        let settled = false;
        const finish = (outcome: () => void) => {
          if (settled) return;
          settled = true;
          outcome();
        };
        session.webRequest.onBeforeRequest({ urls: [hostPattern(acs), hostPattern(sso)] }, (details, callback) => {
          if (samePath(details.url, sso)) {
            const seen = details.method === 'POST' ? formField(body(details), 'SAMLRequest') : undefined;
            requestId =
              (seen !== undefined ? authnRequestId(seen, 'post') : authnRequestIdInUrl(details.url)) ?? requestId;
            callback({});
            return;
          }
          if (!samePath(details.url, acs) || details.method !== 'POST' || settled) {
            callback({});
            return;
          }
          const form = body(details);
          const samlResponse = samlResponseIn(form);
          if (samlResponse === undefined) {
            callback({});
            return;
          }
          callback({ cancel: !request.forwardToVendor });
          finish(() => resolve({ samlResponse, relayState: formField(form, 'RelayState'), requestId }));
          // Once the vendor has it the admin may want to see the vendor's page; a cancelled POST leaves nothing to see.
          if (!request.forwardToVendor && !window.isDestroyed()) window.close();
        });
        window.once('closed', () => {
          finish(() =>
            reject(
              new AppError(
                'TEST_LOGIN_WINDOW_CLOSED',
                "The sign-in window closed before a SAMLResponse reached the vendor's ACS URL.",
                `Start the test again and sign in as ${request.userLogin} until Okta sends you on to the vendor.`,
              ),
            ),
          );
        });
        window.loadURL(request.startUrl).catch((error: unknown) => {
          const message = error instanceof Error ? error.message : String(error);
          // The cancelled ACS POST aborts the page load; that is the capture working, not a failure.
          if (settled || /ERR_ABORTED|ERR_BLOCKED_BY_CLIENT/.test(message)) return;
          finish(() =>
            reject(
              new AppError(
                'TEST_LOGIN_WINDOW_LOAD',
                `The sign-in window could not open ${request.startUrl}: ${message}`,
                'Check the org URL and your network, then start the test again.',
              ),
            ),
          );
          if (!window.isDestroyed()) window.close();
        });
      });
    },
  };
}
