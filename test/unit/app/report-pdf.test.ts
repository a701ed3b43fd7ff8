import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { printHtmlToPdf, saveFilterFor } from '../../../src-main/app/report-pdf';

/** A BrowserWindow stand-in that records what the printer asked of it. */
function standIn(fail?: Error) {
  const seen = {
    options: undefined as BrowserWindowConstructorOptions | undefined,
    url: '',
    printOptions: undefined as unknown,
    destroyed: false,
    denied: false,
    navigationBlocked: false,
  };
  const window = {
    loadURL: async (url: string) => {
      seen.url = url;
    },
    destroy: () => {
      seen.destroyed = true;
    },
    webContents: {
      setWindowOpenHandler: (handler: () => { action: string }) => {
        seen.denied = handler().action === 'deny';
      },
      on: (event: string, listener: (e: { preventDefault(): void }) => void) => {
        if (event === 'will-navigate') listener({ preventDefault: () => (seen.navigationBlocked = true) });
      },
      printToPDF: async (options: unknown) => {
        seen.printOptions = options;
        if (fail) throw fail;
        return Buffer.from('%PDF-1.7 stand-in');
      },
    },
  };
  const create = (options: BrowserWindowConstructorOptions) => {
    seen.options = options;
    return window as unknown as BrowserWindow;
  };
  return { seen, create };
}

describe("Electron's printToPDF for reports (objects injected)", () => {
  it('prints the HTML from a data: URL in a hidden, script-less, sandboxed window, as the page CSS asks, then destroys it', async () => {
    const { seen, create } = standIn();
    const pdf = await printHtmlToPdf(create, '<!doctype html><title>ü</title>');
    expect(pdf.toString('latin1')).toBe('%PDF-1.7 stand-in');
    expect(seen.options).toMatchObject({
      show: false,
      webPreferences: { javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false },
    });
    expect(Buffer.from(seen.url.replace('data:text/html;charset=utf-8;base64,', ''), 'base64').toString('utf8')).toBe(
      '<!doctype html><title>ü</title>',
    );
    expect(seen.printOptions).toEqual({ printBackground: true, preferCSSPageSize: true });
    expect(seen).toMatchObject({ destroyed: true, denied: true, navigationBlocked: true });
  });

  it('destroys the hidden window when printing fails', async () => {
    const { seen, create } = standIn(new Error('printing failed'));
    await expect(printHtmlToPdf(create, '<p>x</p>')).rejects.toThrow('printing failed');
    expect(seen.destroyed).toBe(true);
  });

  it("offers the save dialog the file's own type", () => {
    expect(saveFilterFor('okta-acme-courier-2026-11-27.pdf')).toEqual([{ name: 'PDF document', extensions: ['pdf'] }]);
    expect(saveFilterFor('review.csv')).toEqual([{ name: 'CSV', extensions: ['csv'] }]);
    expect(saveFilterFor('acme.tf')).toEqual([{ name: 'Terraform', extensions: ['tf'] }]);
    expect(saveFilterFor('noext')).toEqual([]);
  });
});
