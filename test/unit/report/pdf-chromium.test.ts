import { describe, expect, it } from 'vitest';
import { CHROMIUM_ENV, chromiumCandidates, findChromium } from '../../../src-main/report/pdf-chromium';

describe('finding a browser to print PDFs with', () => {
  it(`takes ${CHROMIUM_ENV} when it names an executable, and says so when it does not`, async () => {
    const exists = async (path: string) => path === '/opt/chrome/chrome';
    await expect(findChromium({ [CHROMIUM_ENV]: '/opt/chrome/chrome' }, 'linux', exists)).resolves.toBe(
      '/opt/chrome/chrome',
    );
    await expect(findChromium({ [CHROMIUM_ENV]: '/nope' }, 'linux', exists)).rejects.toMatchObject({
      code: 'PDF_BROWSER_NOT_FOUND',
      message: `${CHROMIUM_ENV} names /nope, which is not an executable file.`,
    });
  });

  it('looks where each platform installs Chromium, Chrome and Edge, and names every place when none is there', async () => {
    expect(chromiumCandidates('darwin')[0]).toBe('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome');
    expect(chromiumCandidates('win32', { PROGRAMFILES: 'C:\\Program Files' })).toContain(
      'C:\\Program Files\\Microsoft\\Edge\\Application\\msedge.exe',
    );
    await expect(findChromium({}, 'linux', async (p) => p === '/usr/bin/google-chrome')).resolves.toBe(
      '/usr/bin/google-chrome',
    );
    const none = findChromium({}, 'linux', async () => false);
    await expect(none).rejects.toMatchObject({ code: 'PDF_BROWSER_NOT_FOUND' });
    await expect(none).rejects.toThrow('/usr/bin/chromium, /usr/bin/chromium-browser');
  });
});
