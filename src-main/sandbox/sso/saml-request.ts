import { inflateRawSync } from 'node:zlib';
import { DOMParser } from '@xmldom/xmldom';

/** The parts of an SP's AuthnRequest the IdP answers to. */
export interface AuthnRequestInfo {
  id: string;
  issuer: string | undefined;
  acsUrl: string | undefined;
  /** `ForceAuthn="true"`: the SP wants the user to prove who they are again, not a session. */
  forceAuthn: boolean;
}

const PROTOCOL_NS = 'urn:oasis:names:tc:SAML:2.0:protocol';
const ASSERTION_NS = 'urn:oasis:names:tc:SAML:2.0:assertion';

/**
 * Decodes a SAMLRequest: HTTP-Redirect binding deflates before base64, HTTP-POST does not.
 * Returns undefined when it is not a SAML 2.0 AuthnRequest with an ID.
 */
export function parseAuthnRequest(encoded: string, binding: 'redirect' | 'post'): AuthnRequestInfo | undefined {
  let xml: string;
  try {
    const raw = Buffer.from(encoded, 'base64');
    xml = (binding === 'redirect' ? inflateRawSync(raw) : raw).toString('utf8');
  } catch {
    return undefined;
  }
  const errors: string[] = [];
  const doc = new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning') errors.push(message);
    },
  }).parseFromString(xml, 'text/xml');
  const root = doc.documentElement;
  if (errors.length > 0 || root === null || root.localName !== 'AuthnRequest' || root.namespaceURI !== PROTOCOL_NS)
    return undefined;
  const id = root.getAttribute('ID');
  if (id === null || id === '') return undefined;
  const issuer = root.getElementsByTagNameNS(ASSERTION_NS, 'Issuer').item(0)?.textContent?.trim();
  const acsUrl = root.getAttribute('AssertionConsumerServiceURL');
  return {
    id,
    issuer: issuer === '' ? undefined : issuer,
    acsUrl: acsUrl === null || acsUrl === '' ? undefined : acsUrl,
    forceAuthn: ['true', '1'].includes(root.getAttribute('ForceAuthn')?.trim() ?? ''),
  };
}
