import type { BrowserWindow, BrowserWindowConstructorOptions, Shell } from 'electron';
import { hardenWebContents, secureWebPreferences } from './security';

export interface MainWindowDeps {
  createWindow: (options: BrowserWindowConstructorOptions) => BrowserWindow;
  shell: Pick<Shell, 'openExternal'>;
  preloadPath: string;
  /** The dev server URL in development, else the built index.html. */
  renderer: { url: string } | { file: string };
  orgOrigins: () => readonly string[];
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
  const appOrigin = 'url' in deps.renderer ? new URL(deps.renderer.url).origin : 'file://';
  hardenWebContents(window.webContents, {
    appOrigin,
    openExternal: (url) => deps.shell.openExternal(url),
    orgOrigins: deps.orgOrigins,
  });
  window.once('ready-to-show', () => window.show());
  if ('url' in deps.renderer) void window.loadURL(deps.renderer.url);
  else void window.loadFile(deps.renderer.file);
  return window;
}
