/**
 * Deep links into the Okta Admin Console (OKTA-BEHAVIOUR.md §1). Pure: each takes the org URL
 * (`https://acme.okta.com`) and returns an absolute console URL.
 */

/** Okta's own cell domains, where the console lives on `{sub}-admin.{domain}`. */
const OKTA_DOMAINS = ['okta.com', 'oktapreview.com', 'okta-emea.com', 'okta-gov.com', 'okta.mil', 'trexcloud.com'];

/** Tabs of an app instance page; the Provisioning tab and its sub-views are `user-management…`. */
export type AppTab =
  | 'general'
  | 'signon'
  | 'assignments'
  | 'group-push'
  | 'user-management'
  | 'user-management/api-credentials'
  | 'user-management/create-n-update';

/**
 * The console's origin: the org subdomain plus `-admin` on Okta's domains. Any other host (a
 * custom domain) does not reveal its `-admin` host, so the org URL is kept and Okta redirects the
 * signed-in admin.
 */
export function adminOrigin(orgUrl: string): string {
  const url = new URL(orgUrl);
  const labels = url.hostname.toLowerCase().split('.');
  const parent = labels.slice(1).join('.');
  const onOkta = OKTA_DOMAINS.some((d) => parent === d || parent.endsWith(`.${d}`));
  const first = labels[0] ?? '';
  if (!onOkta || first.endsWith('-admin')) return url.origin;
  url.hostname = [`${first}-admin`, ...labels.slice(1)].join('.');
  return url.origin;
}

const enc = encodeURIComponent;

/** An app's page in the console, optionally on one tab (`#tab-signon`). */
export function appInstanceUrl(orgUrl: string, appName: string, appId: string, tab?: AppTab): string {
  return `${adminOrigin(orgUrl)}/admin/app/${enc(appName)}/instance/${enc(appId)}/${tab ? `#tab-${tab}` : ''}`;
}

/** The "Add {App}" page of a catalog (OIN) app: the form whose Done button creates the instance. */
export function addCatalogAppUrl(orgUrl: string, oinName: string): string {
  return `${adminOrigin(orgUrl)}/admin/app/${enc(oinName)}/instance/_new_/`;
}

/** Applications > Browse App Catalog. Okta has no catalog search parameter, so the admin searches there. */
export function browseCatalogUrl(orgUrl: string): string {
  return `${adminOrigin(orgUrl)}/admin/apps/add-app`;
}

/** Applications > Applications, where "Create App Integration" opens the app integration wizard. */
export function applicationsUrl(orgUrl: string): string {
  return `${adminOrigin(orgUrl)}/admin/apps/active`;
}

/** Directory > Profile Editor, on the app's user profile. */
export function profileEditorUrl(orgUrl: string, appId: string): string {
  return `${adminOrigin(orgUrl)}/admin/universaldirectory#app/${enc(appId)}`;
}

export function groupUrl(orgUrl: string, groupId: string): string {
  return `${adminOrigin(orgUrl)}/admin/group/${enc(groupId)}`;
}

export function groupRulesUrl(orgUrl: string): string {
  return `${adminOrigin(orgUrl)}/admin/groups#rules`;
}

/** "View SAML setup instructions" (the app's `_links.help`). */
export function samlSetupInstructionsUrl(orgUrl: string, appName: string, appId: string): string {
  return `${adminOrigin(orgUrl)}/app/${enc(appName)}/${enc(appId)}/setup/help/SAML_2_0/instructions`;
}
