import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import { secureWebPreferences } from './security';

/**
 * Prints a report's HTML with Electron's own Chromium (webContents.printToPDF): a hidden window
 * with JavaScript off and an in-memory partition loads the page from a data: URL (the page makes
 * no request; its CSP forbids any), prints it as the page's CSS asks (A4), and is destroyed.
 */
export async function printHtmlToPdf(
  createWindow: (options: BrowserWindowConstructorOptions) => BrowserWindow,
  html: string,
): Promise<Buffer> {
  const window = createWindow({
    show: false,
    width: 900,
    height: 1200,
    webPreferences: { ...secureWebPreferences, javascript: false, partition: 'report-print', offscreen: true },
  });
  try {
    // No link in a report may open anything from this hidden window.
    window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
    window.webContents.on('will-navigate', (event) => event.preventDefault());
    await window.loadURL(`data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`);
    return await window.webContents.printToPDF({ printBackground: true, preferCSSPageSize: true });
  } finally {
    window.destroy();
  }
}

/** The save dialog's file type for a suggested name, so the admin sees what is being saved. */
export function saveFilterFor(fileName: string): { name: string; extensions: string[] }[] {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
  const names: Record<string, string> = {
    csv: 'CSV',
    html: 'HTML page',
    pdf: 'PDF document',
    json: 'JSON',
    md: 'Markdown',
    tf: 'Terraform',
  };
  return ext ? [{ name: names[ext] ?? ext.toUpperCase(), extensions: [ext] }] : [];
}
