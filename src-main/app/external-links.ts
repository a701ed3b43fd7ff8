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

/**
 * `orgOrigins` are the configured orgs' origins (and the practice org's, which is plain http on
 * loopback): their own pages, such as the sandbox's console, may open even without https.
 */
export function isAllowedExternalUrl(raw: string, orgOrigins: readonly string[] = []): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol === 'mailto:') return true;
  if (orgOrigins.includes(url.origin)) return true;
  if (url.protocol !== 'https:') return false;
  const host = url.hostname.toLowerCase();
  return allowedSuffixes.some((suffix) =>
    suffix.startsWith('.')
      ? host.endsWith(suffix) || host === suffix.slice(1)
      : host === suffix || host.endsWith(`.${suffix}`),
  );
}
