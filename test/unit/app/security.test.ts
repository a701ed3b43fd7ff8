import { describe, expect, it } from 'vitest';
import type {
  BrowserWindow,
  BrowserWindowConstructorOptions,
  HandlerDetails,
  WindowOpenHandlerResponse,
} from 'electron';
import { isAllowedExternalUrl } from '../../../src-main/app/external-links';
import { safeStorageCipher } from '../../../src-main/app/secret-cipher';
import { createMainWindow } from '../../../src-main/app/window';
import { denyAllPermissions, isAppUrl } from '../../../src-main/app/security';

type Handler = (...args: unknown[]) => void;

function fakeWindow() {
  const listeners = new Map<string, Handler>();
  let openHandler: ((details: HandlerDetails) => WindowOpenHandlerResponse) | undefined;
  const loaded: string[] = [];
  const window = {
    webContents: {
      on: (name: string, listener: Handler) => listeners.set(name, listener),
      setWindowOpenHandler: (handler: (details: HandlerDetails) => WindowOpenHandlerResponse) => {
        openHandler = handler;
      },
    },
    once: () => undefined,
    loadFile: async (file: string) => {
      loaded.push(file);
    },
    loadURL: async (url: string) => {
      loaded.push(url);
    },
  };
  return { window, listeners, open: (url: string) => openHandler!({ url } as HandlerDetails), loaded };
}

function build(loadError?: Error) {
  const fake = fakeWindow();
  if (loadError)
    fake.window.loadFile = async () => {
      throw loadError;
    };
  const opened: string[] = [];
  const loadFailures: unknown[] = [];
  let options: BrowserWindowConstructorOptions | undefined;
  createMainWindow({
    onLoadFailed: (error) => loadFailures.push(error),
    createWindow: (o) => {
      options = o;
      return fake.window as unknown as BrowserWindow;
    },
    shell: {
      openExternal: async (url: string) => {
        opened.push(url);
      },
    },
    preloadPath: '/app/out/preload/index.cjs',
    renderer: { file: '/app/out/renderer/index.html' },
    orgOrigins: () => ['https://login.acme-sso.com', 'http://127.0.0.1:41234'],
  });
  return { fake, opened, options: options!, loadFailures };
}

describe('main window', () => {
  it('isolates the renderer: contextIsolation, sandbox, no Node integration, our preload', () => {
    const { options, fake } = build();
    expect(options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      preload: '/app/out/preload/index.cjs',
    });
    expect(fake.loaded).toEqual(['/app/out/renderer/index.html']);
  });

  it('denies navigation away from the app', () => {
    const { fake } = build();
    let prevented = false;
    fake.listeners.get('will-navigate')!(
      {
        preventDefault: () => {
          prevented = true;
        },
      },
      'https://evil.example.com/',
    );
    expect(prevented).toBe(true);
    let inApp = false;
    fake.listeners.get('will-navigate')!(
      {
        preventDefault: () => {
          inApp = true;
        },
      },
      'file:///app/out/renderer/index.html#x',
    );
    expect(inApp).toBe(false);
  });

  it('denies navigation to any other file:// page, which Electron would treat as the same origin', () => {
    const { fake } = build();
    const prevented: string[] = [];
    for (const url of [
      'file:///home/ann/Downloads/invoice.html',
      'file:///app/out/renderer/index.html.bak',
      'file:///app/out/renderer/sub/index.html',
      'file:///app/out/renderer/index.html?x=1#/clients',
    ])
      fake.listeners.get('will-navigate')!({ preventDefault: () => prevented.push(url) }, url);
    expect(prevented).toEqual([
      'file:///home/ann/Downloads/invoice.html',
      'file:///app/out/renderer/index.html.bak',
      'file:///app/out/renderer/sub/index.html',
    ]);
  });

  it('reports a page that fails to load instead of dropping the rejection', async () => {
    const broken = new Error('ERR_FILE_NOT_FOUND (-6) loading file:///app/out/renderer/index.html');
    const { loadFailures } = build(broken);
    await expect.poll(() => loadFailures).toEqual([broken]);
  });

  it('denies new windows and sends allow-listed links to the system browser', () => {
    const { fake, opened } = build();
    expect(fake.open('https://acme-admin.okta.com/admin/apps/active')).toEqual({ action: 'deny' });
    expect(fake.open('https://evil.example.com/phish')).toEqual({ action: 'deny' });
    expect(fake.open('https://login.acme-sso.com/')).toEqual({ action: 'deny' });
    expect(fake.open('http://127.0.0.1:41234/admin/app/millie/instance/_new_/')).toEqual({ action: 'deny' });
    expect(fake.open('http://127.0.0.1:9999/elsewhere')).toEqual({ action: 'deny' });
    expect(opened).toEqual([
      'https://acme-admin.okta.com/admin/apps/active',
      'https://login.acme-sso.com/',
      'http://127.0.0.1:41234/admin/app/millie/instance/_new_/',
    ]);
  });
});

describe('external link allow-list', () => {
  it.each([
    ['https://acme.okta.com/app/x', true],
    ['https://acme-admin.oktapreview.com/admin', true],
    ['https://help.mixpanel.com/hc', true],
    ['mailto:support@example.com', true],
    ['http://acme.okta.com/', false],
    ['https://okta.com.evil.example/', false],
    ['javascript:alert(1)', false],
    ['file:///etc/passwd', false],
  ])('%s -> %s', (url, allowed) => {
    expect(isAllowedExternalUrl(url)).toBe(allowed);
  });
});

describe('safeStorage cipher', () => {
  const storage = (available: boolean, backend?: string) => ({
    isEncryptionAvailable: () => available,
    encryptString: (s: string) => Buffer.from(s),
    decryptString: (b: Buffer) => b.toString(),
    ...(backend ? { getSelectedStorageBackend: () => backend } : {}),
  });
  it('uses the OS keychain when there is one', () => {
    expect(safeStorageCipher(storage(true, 'gnome_libsecret'), 'linux')).toBeDefined();
    expect(safeStorageCipher(storage(true), 'darwin')).toBeDefined();
  });
  it('falls back to the user file when encryption is unavailable or only obfuscated', () => {
    expect(safeStorageCipher(storage(false), 'darwin')).toBeUndefined();
    expect(safeStorageCipher(storage(true, 'basic_text'), 'linux')).toBeUndefined();
  });
});

describe('isAppUrl', () => {
  it.each([
    ['file:///app/out/renderer/index.html', true],
    ['file:///app/out/renderer/index.html#/x', true],
    ['file:///app/out/renderer/./index.html', true],
    ['file:///app/out/renderer/other.html', false],
    ['file:///tmp/index.html', false],
    ['file://host/app/out/renderer/index.html', false],
    ['http://localhost:5173/', false],
    ['not a url', false],
  ])('built renderer: %s -> %s', (url, expected) => {
    expect(isAppUrl(url, { file: '/app/out/renderer/index.html' })).toBe(expected);
  });

  it.each([
    ['http://localhost:5173/#/x', true],
    ['http://localhost:5174/', false],
    ['file:///app/out/renderer/index.html', false],
  ])('dev server: %s -> %s', (url, expected) => {
    expect(isAppUrl(url, { origin: 'http://localhost:5173' })).toBe(expected);
  });
});

describe('denyAllPermissions', () => {
  it('answers every permission request and check with no', () => {
    let request: ((c: unknown, p: string, cb: (granted: boolean) => void) => void) | undefined;
    let check: ((c: unknown, p: string) => boolean) | undefined;
    denyAllPermissions({
      setPermissionRequestHandler: (h) => {
        request = h;
      },
      setPermissionCheckHandler: (h) => {
        check = h;
      },
    });
    const answers: boolean[] = [];
    for (const permission of ['media', 'notifications', 'geolocation']) {
      request?.({}, permission, (granted) => answers.push(granted));
      answers.push(check?.({}, permission) ?? true);
    }
    expect(answers).toEqual([false, false, false, false, false, false]);
  });
});
