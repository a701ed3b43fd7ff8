import { escapeXml } from '../../src-main/saml/xml-escape';

export interface IdpMetadataOptions {
  entityId: string;
  ssoUrl: string;
  /** base64 DER, as generateSigningCredentials().certificateBase64. */
  certificateBase64: string;
  nameIdFormats?: string[];
}

const EMAIL_FORMAT = 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress';

/** IdP metadata shaped like Okta's app metadata: one signing key, SSO over HTTP-POST and HTTP-Redirect. */
export function buildIdpMetadata(options: IdpMetadataOptions): string {
  const formats = (options.nameIdFormats ?? [EMAIL_FORMAT])
    .map((format) => `<md:NameIDFormat>${escapeXml(format)}</md:NameIDFormat>`)
    .join('');
  const location = escapeXml(options.ssoUrl);
  return (
    '<?xml version="1.0" encoding="UTF-8"?>' +
    `<md:EntityDescriptor entityID="${escapeXml(options.entityId)}" xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata">` +
    '<md:IDPSSODescriptor WantAuthnRequestsSigned="false" protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">' +
    '<md:KeyDescriptor use="signing"><ds:KeyInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:X509Data>' +
    `<ds:X509Certificate>${options.certificateBase64.replace(/\s+/g, '')}</ds:X509Certificate>` +
    '</ds:X509Data></ds:KeyInfo></md:KeyDescriptor>' +
    formats +
    `<md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="${location}"/>` +
    `<md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="${location}"/>` +
    '</md:IDPSSODescriptor></md:EntityDescriptor>'
  );
}
