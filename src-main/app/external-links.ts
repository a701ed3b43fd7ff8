/**
 * Hosts the app may open in the system browser: Okta's own sites and consoles, the vendors'
 * documentation, and the org hosts the admin configured. Anything else is refused.
 */
const allowedSuffixes = [
  '.okta.com',
  '.oktapreview.com',
  '.okta-emea.com',
  '.okta-gov.com',
  '.trexcloud.com',
  'mixpanel.com',
  'courier.com',
  'millie.co',
];

export function isAllowedExternalUrl(raw: string, orgHosts: readonly string[] = []): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol === 'mailto:') return true;
  if (url.protocol !== 'https:') return false;
  const host = url.hostname.toLowerCase();
  if (orgHosts.some((h) => h.toLowerCase() === host)) return true;
  return allowedSuffixes.some((suffix) => (suffix.startsWith('.') ? host.endsWith(suffix) || host === suffix.slice(1) : host === suffix || host.endsWith(`.${suffix}`)));
}
