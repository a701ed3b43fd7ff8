import type { Event, HandlerDetails, WebContents, WindowOpenHandlerResponse } from 'electron';
import { isAllowedExternalUrl } from './external-links';

export interface HardenOptions {
  /** The URL the renderer is served from: navigation may stay there and nowhere else. */
  appOrigin: string;
  openExternal: (url: string) => Promise<void>;
  orgOrigins: () => readonly string[];
}

/** The same origin check for file:// (Electron's "null" origin) and the dev server. */
export function isAppUrl(raw: string, appOrigin: string): boolean {
  try {
    const url = new URL(raw);
    return appOrigin === 'file://' ? url.protocol === 'file:' : url.origin === appOrigin;
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
    if (!isAppUrl(url, options.appOrigin)) event.preventDefault();
  });
  contents.on('will-redirect', (event: Event, url: string) => {
    if (!isAppUrl(url, options.appOrigin)) event.preventDefault();
  });
  contents.setWindowOpenHandler((details: HandlerDetails): WindowOpenHandlerResponse => {
    if (isAllowedExternalUrl(details.url, options.orgOrigins())) void options.openExternal(details.url);
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
