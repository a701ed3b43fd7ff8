import { AppError } from '../errors';

/**
 * The org's base URL as Okta's APIs want it: origin only, https (plain http only on this machine's
 * loopback, where no traffic leaves it), and not the `-admin` console host.
 */
export function normalizeOrgUrl(input: string): string {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    throw new AppError(
      'ORG_URL_INVALID',
      `"${input}" is not a URL.`,
      'Enter the org URL, like https://acme.okta.com.',
      'orgUrl',
    );
  }
  const loopback = url.hostname === '127.0.0.1' || url.hostname === '[::1]' || url.hostname === 'localhost';
  if (url.protocol !== 'https:' && !(loopback && url.protocol === 'http:')) {
    throw new AppError(
      'ORG_URL_INVALID',
      `The org URL must use https (got ${url.protocol}//${url.host}).`,
      'Enter the org URL, like https://acme.okta.com.',
      'orgUrl',
    );
  }
  const [first, ...rest] = url.hostname.split('.');
  if (first?.endsWith('-admin') && rest.length > 0) {
    throw new AppError(
      'ORG_URL_ADMIN',
      `${url.origin} is the Admin Console address, not the org URL.`,
      `Use https://${first.slice(0, -'-admin'.length)}.${rest.join('.')} instead.`,
      'orgUrl',
    );
  }
  return url.origin;
}
