import { app, BrowserWindow, clipboard, dialog, ipcMain, safeStorage, session, shell } from 'electron';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { channels } from '../api/channels';
import { createServices } from '../services/bootstrap';
import { registerIpcHandlers } from './ipc';
import { safeStorageCipher } from './secret-cipher';
import { createMainWindow } from './window';
import { createLoginWindowCapture } from './login-window';
import { denyAllPermissions } from './security';
import { printHtmlToPdf, saveFilterFor } from './report-pdf';

app.enableSandbox();

async function start(): Promise<void> {
  await app.whenReady();
  // Deny every permission (camera, notifications, ...): the wizard needs none. The sign-in window's
  // own partition does the same in login-window.ts.
  denyAllPermissions(session.defaultSession);
  const services = await createServices({
    mode: 'electron',
    dataDir: app.getPath('userData'),
    ...withCipher(),
    // The admin sign-in and console deep links open in the system browser, never inside the app.
    openExternal: (url) => shell.openExternal(url),
    // Secrets (the SCIM token) are copied here, so they never cross to the renderer.
    clipboard: { writeText: (text) => clipboard.writeText(text) },
    // Exports (the migration review, reports) are saved where the admin picks, through the system's save dialog.
    saveFile: async (suggestedName, content) => {
      const window = BrowserWindow.getFocusedWindow();
      const options = { defaultPath: suggestedName, filters: saveFilterFor(suggestedName) };
      const chosen = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
      if (chosen.canceled || !chosen.filePath) return undefined;
      await writeFile(chosen.filePath, content);
      return chosen.filePath;
    },
    // Reports print with Electron's own Chromium, in a hidden window with JavaScript off.
    printPdf: (html) => printHtmlToPdf((options) => new BrowserWindow(options), html),
    // Vendor exports are read on their own thread (built beside this file), so the window never waits on them.
    migrateWorker: new URL('./migrate-worker.js', import.meta.url),
    // The test-login window takes the SAMLResponse on its own session (see login-window.ts).
    loginCapture: createLoginWindowCapture({
      createWindow: (options) => new BrowserWindow(options),
      sessionFromPartition: (partition) => session.fromPartition(partition),
    }),
  });
  let orgOrigins: string[] = [];
  const refreshOrgOrigins = async () => {
    const origins = (await services.workspace.listClients()).map((c) => new URL(c.orgUrl).origin);
    // The practice org moves to a new port every launch; its console pages open like a real org's.
    origins.push(...services.practiceOrg.urls());
    orgOrigins = origins;
  };
  await refreshOrgOrigins();
  const devUrl = process.env.ELECTRON_RENDERER_URL;
  const rendererFile = join(import.meta.dirname, '../renderer/index.html');
  registerIpcHandlers(ipcMain, channels, services.handlers, {
    app: devUrl ? { origin: new URL(devUrl).origin } : { file: rendererFile },
    onUnexpected: (wire, error) =>
      console.error(`unexpected error in ${wire}:`, error instanceof Error ? error.message : error),
  });
  const open = () =>
    createMainWindow({
      createWindow: (options) => new BrowserWindow(options),
      shell,
      preloadPath: join(import.meta.dirname, '../preload/index.cjs'),
      renderer: devUrl ? { url: devUrl } : { file: rendererFile },
      orgOrigins: () => {
        // The list read last time answers now; a failed refresh keeps it (and says why in the log).
        refreshOrgOrigins().catch((error: unknown) => logFailure('reading the org list for links', error));
        return orgOrigins;
      },
      onLoadFailed: (error) => {
        logFailure('loading the wizard page', error);
        dialog.showErrorBox(
          'Okta Onboarding Wizard could not open its window',
          `The wizard's page did not load: ${error instanceof Error ? error.message : String(error)}\n\nReinstall the app, or from a source checkout run "npm run build" and start again.`,
        );
        app.exit(1);
      },
    });
  open();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) open();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => {
    services.close().catch((error: unknown) => logFailure('stopping the practice org', error));
  });
}

function logFailure(what: string, error: unknown): void {
  console.error(`Okta Onboarding Wizard: ${what} failed:`, error instanceof Error ? error.message : error);
}

function withCipher() {
  const cipher = safeStorageCipher(safeStorage);
  return cipher ? { cipher } : {};
}

start().catch((error: unknown) => {
  console.error('Okta Onboarding Wizard failed to start:', error);
  app.exit(1);
});
