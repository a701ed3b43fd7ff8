import { escapeXml as escapeHtml } from '../../saml/xml-escape';
import { issueSamlResponse, type SamlAttribute } from './issue-response';
import { activeSigningKey } from '../app-defaults';
import { samlEndpoints } from '../catalog';
import type { AppRecord, AppUserRecord, UserRecord } from '../model';
import { resolveExpression, resolveTemplate } from './expressions';
import type { AuthnRequestInfo } from './saml-request';

export interface SsoResponseInput {
  app: AppRecord;
  user: UserRecord;
  appUser: AppUserRecord;
  /** Names of the groups the user belongs to, for group attribute statements. */
  groupNames?: readonly string[];
  request: AuthnRequestInfo | undefined;
  relayState: string | undefined;
  now?: Date;
}

export interface SsoPost {
  acsUrl: string;
  samlResponse: string;
  relayState: string | undefined;
  xml: string;
}

/**
 * The signed SAMLResponse Okta posts for this user and app (§4): issuer `http://www.okta.com/{exk}`,
 * the app's own signing key, NameID from the template, attribute statements resolved from the
 * profiles; posted to the configured SSO URL even when the AuthnRequest names another ACS.
 */
export function buildSsoPost(input: SsoResponseInput): SsoPost {
  const { app, user, appUser, request } = input;
  const endpoints = samlEndpoints(app);
  const key = activeSigningKey(app);
  if (key === undefined) throw new Error(`App ${app.id} has no SAML signing key.`);
  const scope = { user, appUser };
  const attributes: SamlAttribute[] = [];
  for (const statement of endpoints.attributeStatements) {
    const values =
      statement.type === 'GROUP'
        ? (input.groupNames ?? []).filter((name) => groupPasses(name, statement.filterType, statement.filterValue))
        : (statement.values ?? []).map((v) => resolveExpression(v, scope)).filter((v): v is string => v !== undefined);
    if (values.length === 0) continue;
    attributes.push({
      name: statement.name,
      ...(statement.namespace ? { nameFormat: statement.namespace } : {}),
      values,
    });
  }
  const signOn = (app.body.settings as { signOn?: { responseSigned?: unknown; assertionSigned?: unknown } } | undefined)
    ?.signOn;
  const issued = issueSamlResponse({
    issuer: `http://www.okta.com/${app.entityKey}`,
    privateKeyPem: key.privateKeyPem,
    certificatePem: key.certificatePem,
    destination: endpoints.destination,
    recipient: endpoints.recipient,
    audience: endpoints.audience,
    nameId: resolveTemplate(endpoints.nameIdTemplate, scope),
    nameIdFormat: endpoints.nameIdFormat,
    attributes,
    ...(input.now === undefined ? {} : { now: input.now }),
    ...(request === undefined ? {} : { inResponseTo: request.id, sessionIndex: request.id }),
    signResponse: signOn?.responseSigned !== false,
    signAssertion: signOn?.assertionSigned !== false,
  });
  return { acsUrl: endpoints.acsUrl, samlResponse: issued.base64, relayState: input.relayState, xml: issued.xml };
}

/** Okta's group filter: the name starts with, equals, contains, or wholly matches the regex. */
function groupPasses(name: string, type: string | undefined, value: string | undefined): boolean {
  if (value === undefined) return false;
  switch (type) {
    case 'STARTS_WITH':
      return name.startsWith(value);
    case 'EQUALS':
      return name === value;
    case 'CONTAINS':
      return name.includes(value);
    case 'REGEX':
      try {
        return new RegExp(`^(?:${value})$`).test(name);
      } catch {
        return false;
      }
    default:
      return false;
  }
}

/** The auto-submitting form Okta's SSO page answers with. */
export function autoPostPage(post: SsoPost): string {
  const relay =
    post.relayState === undefined
      ? ''
      : `\n    <input type="hidden" name="RelayState" value="${escapeHtml(post.relayState)}"/>`;
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Signing in…</title></head>
<body onload="document.getElementById('appForm').submit()">
  <form id="appForm" method="POST" action="${escapeHtml(post.acsUrl)}">
    <input type="hidden" name="SAMLResponse" value="${escapeHtml(post.samlResponse)}"/>${relay}
    <noscript><button type="submit">Continue</button></noscript>
  </form>
</body>
</html>`;
}
