import type { Event, HandlerDetails, WebContents, WindowOpenHandlerResponse } from 'electron';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isAllowedExternalUrl } from './external-links';

/** Where the wizard's own page lives: the dev server in development, else the one built index.html. */
export type AppLocation = { origin: string } | { file: string };

export interface HardenOptions {
  /** The renderer's page: navigation may stay there and nowhere else. */
  app: AppLocation;
  openExternal: (url: string) => Promise<void>;
  orgOrigins: () => readonly string[];
}

function samePath(a: string, b: string): boolean {
  const left = resolve(a);
  const right = resolve(b);
  // Windows and macOS file systems ignore case by default; Linux does not.
  return process.platform === 'linux' ? left === right : left.toLowerCase() === right.toLowerCase();
}

/**
 * True only for the wizard's own page: the dev server's origin, or exactly the built index.html
 * (any fragment or query). Any other file:// URL (a downloaded .html, another app's page) is not
 * the wizard, although Electron gives every file:// page the same "null" origin.
 */
export function isAppUrl(raw: string, app: AppLocation): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if ('origin' in app) return url.origin === app.origin;
  if (url.protocol !== 'file:' || (url.host !== '' && url.host !== 'localhost')) return false;
  try {
    return samePath(fileURLToPath(url), app.file);
  } catch {
    return false;
  }
}

/**
 * No in-app navigation away from the wizard and no new windows: links the allow-list accepts go
 * to the system browser, the rest are dropped.
 */
export function hardenWebContents(
  contents: Pick<WebContents, 'on' | 'setWindowOpenHandler'>,
  options: HardenOptions,
): void {
  contents.on('will-navigate', (event: Event, url: string) => {
    if (!isAppUrl(url, options.app)) event.preventDefault();
  });
  contents.on('will-redirect', (event: Event, url: string) => {
    if (!isAppUrl(url, options.app)) event.preventDefault();
  });
  contents.setWindowOpenHandler((details: HandlerDetails): WindowOpenHandlerResponse => {
    if (isAllowedExternalUrl(details.url, options.orgOrigins()))
      options.openExternal(details.url).catch((error: unknown) => {
        // Nothing on screen waits for this; the log says why a link did not open.
        console.error(
          `could not open ${details.url} in the system browser:`,
          error instanceof Error ? error.message : error,
        );
      });
    return { action: 'deny' };
  });
}

/** Web preferences every window of the app gets. */
export const secureWebPreferences = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  spellcheck: false,
} as const;

/** The part of an Electron session whose permission handlers we set. */
export interface PermissionSession {
  setPermissionRequestHandler(
    handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void) => void,
  ): void;
  setPermissionCheckHandler(handler: (webContents: unknown, permission: string) => boolean): void;
}

/**
 * Electron grants every permission (camera, microphone, notifications, geolocation, clipboard,
 * HID, ...) unless a session says otherwise, and each partition is its own session. The wizard
 * needs none, and the sign-in window shows remote Okta and vendor pages: every session denies all.
 */
export function denyAllPermissions(session: PermissionSession): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
