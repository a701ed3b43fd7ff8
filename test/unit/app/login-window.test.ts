import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type {
  BrowserWindowConstructorOptions,
  CallbackResponse,
  HandlerDetails,
  WebRequestFilter,
  WindowOpenHandlerResponse,
} from 'electron';
import { createLoginWindowCapture, type CaptureSession, type CaptureWindow } from '../../../src-main/app/login-window';
import { isAppError } from '../../../src-main/errors';
import type { LoginCaptureRequest } from '../../../src-main/saml/login-capture/types';

type Listener = Parameters<CaptureSession['webRequest']['onBeforeRequest']>[1];

const ACS = 'https://vendor.example/saml/acs';
const SSO = 'https://acme.okta.com/app/vendor_1/exk1/sso/saml';
const RESPONSE = 'PHNhbWxwOlJlc3BvbnNlLz4+/w==';

/** Electron's window and session, as far as the capture touches them, driven by the test. */
function fakeElectron(options: { loadError?: string } = {}) {
  const state: {
    options?: BrowserWindowConstructorOptions;
    partition?: string;
    filter?: WebRequestFilter;
    listener?: Listener;
    loaded: string[];
    closed: boolean;
    openHandler?: (details: HandlerDetails) => WindowOpenHandlerResponse;
    onClosed?: () => void;
    permissionRequest?: Parameters<CaptureSession['setPermissionRequestHandler']>[0];
    permissionCheck?: Parameters<CaptureSession['setPermissionCheckHandler']>[0];
  } = { loaded: [], closed: false };
  const window: CaptureWindow = {
    loadURL: async (url) => {
      state.loaded.push(url);
      if (options.loadError) throw new Error(options.loadError);
    },
    close: () => {
      state.closed = true;
      state.onClosed?.();
    },
    isDestroyed: () => state.closed,
    once: (_event, listener) => {
      state.onClosed = listener;
    },
    webContents: {
      setWindowOpenHandler: (handler) => {
        state.openHandler = handler;
      },
    },
  };
  const session: CaptureSession = {
    setPermissionRequestHandler: (handler) => {
      state.permissionRequest = handler;
    },
    setPermissionCheckHandler: (handler) => {
      state.permissionCheck = handler;
    },
    webRequest: {
      onBeforeRequest: (filter, listener) => {
        state.filter = filter;
        state.listener = listener;
      },
    },
  };
  const capture = createLoginWindowCapture({
    createWindow: (o) => {
      state.options = o;
      return window;
    },
    sessionFromPartition: (partition) => {
      state.partition = partition;
      return session;
    },
  });
  const request = (url: string, method: string, body?: string): CallbackResponse => {
    let answer: CallbackResponse | undefined;
    state.listener?.(
      { url, method, uploadData: body === undefined ? [] : [{ bytes: Buffer.from(body) }] },
      (response) => {
        answer = response;
      },
    );
    if (!answer) throw new Error('the listener did not answer');
    return answer;
  };
  return { capture, state, request };
}

const ask = (overrides: Partial<LoginCaptureRequest> = {}): LoginCaptureRequest => ({
  mode: 'idp',
  startUrl: 'https://acme.okta.com/home/vendor_1/0oa1/aln1',
  acsUrl: ACS,
  idpSsoUrl: SSO,
  userLogin: 'ava@acme.example',
  forwardToVendor: false,
  ...overrides,
});

describe('login window capture', () => {
  it('denies every permission the remote Okta and vendor pages ask for on its own partition', async () => {
    const { capture, state, request } = fakeElectron();
    const pending = capture.capture(ask());
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'hid', 'openExternal']) {
      const answers: boolean[] = [];
      state.permissionRequest?.({}, permission, (granted) => answers.push(granted));
      expect([permission, answers]).toEqual([permission, [false]]);
      expect([permission, state.permissionCheck?.({}, permission)]).toEqual([permission, false]);
    }
    request(ACS, 'POST', `SAMLResponse=${encodeURIComponent(RESPONSE)}`);
    await pending;
  });

  it('opens a hardened window on a session of its own and watches the ACS and IdP hosts', async () => {
    const { capture, state, request } = fakeElectron();
    const pending = capture.capture(ask());
    expect(state.partition).toMatch(/^login-capture-[0-9a-f-]{36}$/);
    expect(state.options?.webPreferences).toMatchObject({
      partition: state.partition,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
    });
    expect(state.options?.webPreferences?.preload).toBeUndefined();
    expect(state.filter).toEqual({ urls: ['https://vendor.example/*', 'https://acme.okta.com/*'] });
    expect(state.loaded).toEqual(['https://acme.okta.com/home/vendor_1/0oa1/aln1']);
    expect(state.openHandler?.({ url: 'https://evil.example' } as HandlerDetails)).toEqual({ action: 'deny' });
    request(ACS, 'POST', `SAMLResponse=${encodeURIComponent(RESPONSE)}&RelayState=%2Fhome`);
    await pending;
  });

  it('takes the SAMLResponse from the POST body and, by default, keeps it from the vendor', async () => {
    const { capture, state, request } = fakeElectron();
    const pending = capture.capture(ask());
    expect(request('https://vendor.example/assets/app.js', 'GET')).toEqual({});
    expect(request(ACS, 'GET')).toEqual({});
    expect(request(ACS, 'POST', `SAMLResponse=${encodeURIComponent(RESPONSE)}&RelayState=%2Fhome`)).toEqual({
      cancel: true,
    });
    expect(await pending).toEqual({ samlResponse: RESPONSE, relayState: '/home', requestId: undefined });
    expect(state.closed).toBe(true);
  });

  it('lets the POST through to the vendor when the admin chose so, and keeps the window open', async () => {
    const { capture, state, request } = fakeElectron();
    const pending = capture.capture(ask({ forwardToVendor: true }));
    expect(request(ACS, 'POST', `SAMLResponse=${encodeURIComponent(RESPONSE)}`)).toEqual({ cancel: false });
    expect((await pending).samlResponse).toBe(RESPONSE);
    expect(state.closed).toBe(false);
  });

  it('reads the AuthnRequest ID on the way to the IdP for an SP-initiated login', async () => {
    const { capture, request } = fakeElectron();
    const pending = capture.capture(ask({ mode: 'sp', startUrl: 'https://vendor.example/login' }));
    const authnRequest =
      '<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="id42" Version="2.0"/>';
    const redirect = `${SSO}?SAMLRequest=${encodeURIComponent(deflateRawSync(authnRequest).toString('base64'))}`;
    expect(request(redirect, 'GET')).toEqual({});
    request(ACS, 'POST', `SAMLResponse=${encodeURIComponent(RESPONSE)}`);
    expect((await pending).requestId).toBe('id42');
  });

  it('ignores a POST to the ACS URL that carries no SAMLResponse', async () => {
    const { capture, request, state } = fakeElectron();
    const pending = capture.capture(ask());
    expect(request(ACS, 'POST', 'other=1')).toEqual({});
    expect(state.closed).toBe(false);
    request(ACS, 'POST', `SAMLResponse=${encodeURIComponent(RESPONSE)}`);
    await pending;
  });

  it('fails clearly when the admin closes the window before the response', async () => {
    const { capture, state } = fakeElectron();
    const pending = capture.capture(ask());
    state.onClosed?.();
    const error = await pending.catch((e: unknown) => e);
    expect(isAppError(error) && [error.code, error.message]).toEqual([
      'TEST_LOGIN_WINDOW_CLOSED',
      "The sign-in window closed before a SAMLResponse reached the vendor's ACS URL.",
    ]);
  });

  it('fails when the start page cannot load, but not when the cancelled POST aborts it', async () => {
    const failing = fakeElectron({ loadError: 'ERR_NAME_NOT_RESOLVED (-105) loading https://acme.okta.com/home' });
    const error = await failing.capture.capture(ask()).catch((e: unknown) => e);
    expect(isAppError(error) && error.code).toBe('TEST_LOGIN_WINDOW_LOAD');
    expect(failing.state.closed).toBe(true);

    const aborted = fakeElectron({ loadError: 'ERR_ABORTED (-3) loading https://vendor.example/saml/acs' });
    const pending = aborted.capture.capture(ask());
    await Promise.resolve();
    aborted.request(ACS, 'POST', `SAMLResponse=${encodeURIComponent(RESPONSE)}`);
    expect((await pending).samlResponse).toBe(RESPONSE);
  });
});
