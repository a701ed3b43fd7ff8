import { randomBytes } from 'node:crypto';
import { inflateRawSync } from 'node:zlib';
import { SAML } from '@node-saml/node-saml';
import { element, NS, parseXml } from '../xml';

export interface AuthnRequestSpec {
  idpSsoUrl: string;
  /** The SP's entity id: the app's audience. */
  spEntityId: string;
  acsUrl: string;
  /** node-saml wants the IdP certificate even to build a request. */
  idpCertificatePem: string;
}

/** An SP-initiated start: the IdP SSO URL with a deflated AuthnRequest (HTTP-Redirect binding), and its ID. */
export async function authnRequestUrl(spec: AuthnRequestSpec): Promise<{ url: string; id: string }> {
  const id = `id${randomBytes(20).toString('hex')}`;
  const saml = new SAML({
    entryPoint: spec.idpSsoUrl,
    issuer: spec.spEntityId,
    callbackUrl: spec.acsUrl,
    idpCert: spec.idpCertificatePem,
    generateUniqueId: () => id,
  });
  const url = await saml.getAuthorizeUrlAsync('', undefined, {});
  return { url, id };
}

/** The ID of a SAMLRequest as sent (Redirect binding: deflated; POST: not), or undefined when it is not an AuthnRequest. */
export function authnRequestId(encoded: string, binding: 'redirect' | 'post'): string | undefined {
  try {
    const raw = Buffer.from(encoded, 'base64');
    const xml = (binding === 'redirect' ? inflateRawSync(raw) : raw).toString('utf8');
    const root = parseXml(xml).documentElement;
    if (root.localName !== 'AuthnRequest' || root.namespaceURI !== NS.samlp) return undefined;
    return root.getAttribute('ID') || undefined;
  } catch {
    return undefined;
  }
}

/** The AuthnRequest ID in a URL's `SAMLRequest` query parameter (Redirect binding). */
export function authnRequestIdInUrl(raw: string): string | undefined {
  const encoded = new URL(raw).searchParams.get('SAMLRequest');
  return encoded === null ? undefined : authnRequestId(encoded, 'redirect');
}

/** The InResponseTo a verified assertion's bearer confirmation carries, if any. */
export function assertionInResponseTo(assertionXml: string): string | undefined {
  const data = element('//saml:SubjectConfirmation/saml:SubjectConfirmationData', parseXml(assertionXml));
  return data?.getAttribute('InResponseTo') || undefined;
}
