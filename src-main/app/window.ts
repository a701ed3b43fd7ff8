import type { BrowserWindow, BrowserWindowConstructorOptions, Shell } from 'electron';
import { hardenWebContents, secureWebPreferences } from './security';

export interface MainWindowDeps {
  createWindow: (options: BrowserWindowConstructorOptions) => BrowserWindow;
  shell: Pick<Shell, 'openExternal'>;
  preloadPath: string;
  /** The dev server URL in development, else the built index.html. */
  renderer: { url: string } | { file: string };
  orgOrigins: () => readonly string[];
  /** The page itself did not load (a broken install): there is no screen to say it on, so main must. */
  onLoadFailed: (error: unknown) => void;
}

export function createMainWindow(deps: MainWindowDeps): BrowserWindow {
  const window = deps.createWindow({
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 640,
    show: false,
    title: 'Okta Onboarding Wizard',
    autoHideMenuBar: true,
    webPreferences: { ...secureWebPreferences, preload: deps.preloadPath },
  });
  hardenWebContents(window.webContents, {
    app: 'url' in deps.renderer ? { origin: new URL(deps.renderer.url).origin } : { file: deps.renderer.file },
    openExternal: (url) => deps.shell.openExternal(url),
    orgOrigins: deps.orgOrigins,
  });
  window.once('ready-to-show', () => window.show());
  const loaded = 'url' in deps.renderer ? window.loadURL(deps.renderer.url) : window.loadFile(deps.renderer.file);
  loaded.catch((error: unknown) => deps.onLoadFailed(error));
  return window;
}
