import { spawn } from 'node:child_process';
import { access, constants, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { AppError } from '../errors';

/**
 * PDF outside Electron: the report's own HTML printed by a headless Chromium-family browser the
 * user already has (Chromium, Chrome, Edge, Brave). The same engine prints it in the app
 * (webContents.printToPDF), so the PDF is the HTML, page for page, with no PDF library to keep in
 * step with the HTML's layout.
 */

/** Where browsers install themselves, per platform, most common first. */
export function chromiumCandidates(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
): string[] {
  if (platform === 'darwin')
    return [
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
      '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
      '/Applications/Brave Browser.app/Contents/MacOS/Brave Browser',
    ];
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter((r): r is string => !!r);
    return roots.flatMap((root) => [
      `${root}\\Google\\Chrome\\Application\\chrome.exe`,
      `${root}\\Microsoft\\Edge\\Application\\msedge.exe`,
      `${root}\\Chromium\\Application\\chrome.exe`,
      `${root}\\BraveSoftware\\Brave-Browser\\Application\\brave.exe`,
    ]);
  }
  return [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/usr/bin/microsoft-edge',
    '/usr/bin/brave-browser',
    '/snap/bin/chromium',
  ];
}

/** The variable that names the browser to print with, for machines where it lives elsewhere. */
export const CHROMIUM_ENV = 'OKTA_ONBOARD_CHROMIUM';

/** The browser to print with: `OKTA_ONBOARD_CHROMIUM` if set (and it must exist), else the first installed candidate. */
export async function findChromium(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  exists: (path: string) => Promise<boolean> = async (path) =>
    access(path, constants.X_OK).then(
      () => true,
      () => false,
    ),
): Promise<string> {
  const chosen = env[CHROMIUM_ENV]?.trim();
  if (chosen) {
    if (await exists(chosen)) return chosen;
    throw new AppError(
      'PDF_BROWSER_NOT_FOUND',
      `${CHROMIUM_ENV} names ${chosen}, which is not an executable file.`,
      `Set ${CHROMIUM_ENV} to the full path of Chromium, Chrome or Edge, or unset it to let the app look in the usual places.`,
    );
  }
  const candidates = chromiumCandidates(platform, env);
  for (const path of candidates) if (await exists(path)) return path;
  throw new AppError(
    'PDF_BROWSER_NOT_FOUND',
    `A PDF is printed by Chromium, Chrome or Edge, and none was found (looked in ${candidates.join(', ')}).`,
    `Install one, or set ${CHROMIUM_ENV} to its full path; or export HTML and print it from a browser.`,
  );
}

function run(file: string, args: string[], timeoutMs: number): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 8_000) stderr += chunk.toString('utf8');
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

export interface ChromiumPdfOptions {
  browser?: string;
  timeoutMs?: number;
}

/** Prints `html` to PDF (A4, backgrounds, no browser header or footer) in a throwaway profile. */
export async function htmlToPdfWithChromium(html: string, options: ChromiumPdfOptions = {}): Promise<Buffer> {
  const browser = options.browser ?? (await findChromium());
  const dir = await mkdtemp(join(tmpdir(), 'okta-onboard-pdf-'));
  try {
    const page = join(dir, 'report.html');
    const pdf = join(dir, 'report.pdf');
    await writeFile(page, html, 'utf8');
    const args = [
      '--headless',
      '--disable-gpu',
      '--no-first-run',
      '--no-default-browser-check',
      '--disable-extensions',
      '--disable-background-networking',
      `--user-data-dir=${join(dir, 'profile')}`,
      '--no-pdf-header-footer',
      `--print-to-pdf=${pdf}`,
      // Chromium refuses to start its sandbox as root (containers, CI); a normal user keeps it.
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      pathToFileURL(page).href,
    ];
    const result = await run(browser, args, options.timeoutMs ?? 120_000);
    const bytes = await readFile(pdf).catch(() => undefined);
    if (!bytes || bytes.subarray(0, 5).toString('latin1') !== '%PDF-')
      throw new AppError(
        'PDF_PRINT_FAILED',
        `${browser} did not print the PDF (exit ${result.code ?? 'killed'}): ${result.stderr.trim().split('\n').slice(-2).join(' ') || 'no message'}.`,
        'Export HTML and print it from a browser, or set OKTA_ONBOARD_CHROMIUM to another Chromium, Chrome or Edge.',
      );
    return bytes;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
