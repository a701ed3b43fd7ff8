/** Where Okta publishes a SAML app's IdP values, from its `exk…` entity key (OKTA-BEHAVIOUR §4). */

const OKTA_ISSUER_PREFIX = 'http://www.okta.com/';

/** The `exk…` key from an Okta issuer (`http://www.okta.com/exk…`); undefined for any other issuer. */
export function oktaEntityKey(entityId: string): string | undefined {
  if (!entityId.startsWith(OKTA_ISSUER_PREFIX)) return undefined;
  const key = entityId.slice(OKTA_ISSUER_PREFIX.length);
  return /^[A-Za-z0-9]+$/.test(key) ? key : undefined;
}

export function oktaIssuer(entityKey: string): string {
  return `${OKTA_ISSUER_PREFIX}${entityKey}`;
}

/** The public metadata URL vendors fetch without signing in. */
export function publicMetadataUrl(orgUrl: string, entityKey: string): string {
  return `${orgUrl}/app/${entityKey}/sso/saml/metadata`;
}

/** The IdP SSO URL ("Redirect Login URL"), the same for the HTTP-POST and HTTP-Redirect bindings. */
export function idpSsoUrl(orgUrl: string, appName: string, entityKey: string): string {
  return `${orgUrl}/app/${appName}/${entityKey}/sso/saml`;
}
