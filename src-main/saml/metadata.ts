import { AppError } from '../errors';
import { inspectCertificate } from './certificate';
import type { Finding, IdpMetadata, MetadataReport } from './types';
import { element, elements, hasDoctype, NS, parseXml, text, XmlSyntaxError } from './xml';
import { XmlLimitError } from './xml-limits';

export const MAX_METADATA_BYTES = 1024 * 1024;
const HTTP_POST = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST';
const HTTP_REDIRECT = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect';
const HINT =
  'Use the IdP metadata XML from the Okta app\'s Sign On tab ("Metadata URL"): one <md:EntityDescriptor> with an <md:IDPSSODescriptor>.';

/** Reads the facts the wizard needs from IdP metadata, refusing documents that are hostile or are not IdP metadata. */
export function parseIdpMetadata(xml: string): IdpMetadata {
  if (Buffer.byteLength(xml, 'utf8') > MAX_METADATA_BYTES) {
    throw new AppError(
      'METADATA_TOO_LARGE',
      `The metadata is ${Buffer.byteLength(xml, 'utf8')} bytes; the limit is ${MAX_METADATA_BYTES} bytes (1 MB).`,
      `${HINT} IdP metadata for one app is a few kilobytes.`,
    );
  }
  if (hasDoctype(xml)) {
    throw new AppError(
      'METADATA_DOCTYPE',
      'The metadata contains a DOCTYPE or ENTITY declaration, which SAML metadata never needs and which can be used for XML entity attacks; it was not parsed.',
      HINT,
    );
  }
  let doc: Document;
  try {
    doc = parseXml(xml);
  } catch (error) {
    if (error instanceof XmlLimitError) {
      throw new AppError(
        'METADATA_TOO_COMPLEX',
        `The metadata was refused before parsing: ${error.message}. IdP metadata for one app nests under 10 levels and has a few dozen elements.`,
        HINT,
      );
    }
    if (!(error instanceof XmlSyntaxError)) throw error;
    throw new AppError(
      'METADATA_MALFORMED',
      `The metadata is not well-formed XML: ${error.message.split('\n')[0]}`,
      HINT,
    );
  }
  const root = doc.documentElement;
  if (
    root.namespaceURI !== NS.md ||
    (root.localName !== 'EntityDescriptor' && root.localName !== 'EntitiesDescriptor')
  ) {
    throw new AppError(
      'METADATA_NOT_SAML',
      `This XML is not SAML metadata: its root element is <${root.nodeName}>, not <md:EntityDescriptor> in namespace ${NS.md}.`,
      HINT,
    );
  }
  const entities = root.localName === 'EntityDescriptor' ? [root] : elements('.//md:EntityDescriptor', root);
  if (entities.length > 1) {
    throw new AppError(
      'METADATA_MULTIPLE_ENTITIES',
      `The metadata describes ${entities.length} entities; the wizard needs the metadata of exactly one IdP (one Okta app).`,
      HINT,
    );
  }
  const entity = entities[0];
  if (!entity) {
    throw new AppError('METADATA_NOT_SAML', 'The <md:EntitiesDescriptor> contains no <md:EntityDescriptor>.', HINT);
  }
  const entityId = entity.getAttribute('entityID')?.trim() ?? '';
  if (entityId === '') {
    throw new AppError(
      'METADATA_NOT_SAML',
      'The <md:EntityDescriptor> has no entityID attribute, so the IdP issuer is unknown.',
      HINT,
    );
  }
  const idp = element(
    "md:IDPSSODescriptor[contains(@protocolSupportEnumeration, 'urn:oasis:names:tc:SAML:2.0:protocol')]",
    entity,
  );
  if (!idp) {
    throw new AppError(
      'METADATA_NO_IDP',
      `The metadata for ${entityId} has no SAML 2.0 <md:IDPSSODescriptor>: it is not identity provider metadata (service provider metadata, perhaps).`,
      HINT,
    );
  }
  const ssoServices = elements('md:SingleSignOnService', idp).map((service) => ({
    binding: service.getAttribute('Binding') ?? '',
    location: service.getAttribute('Location') ?? '',
  }));
  if (ssoServices.length === 0) {
    throw new AppError(
      'METADATA_NO_SSO_SERVICE',
      `The IdP ${entityId} lists no <md:SingleSignOnService>, so there is no URL to sign in at.`,
      HINT,
    );
  }
  // A KeyDescriptor without `use` serves both signing and encryption (SAML metadata §2.4.1.1).
  const signingCertificates = elements(
    "md:KeyDescriptor[not(@use) or @use='signing']/ds:KeyInfo/ds:X509Data/ds:X509Certificate",
    idp,
  )
    .map((cert) => text(cert).replace(/\s+/g, ''))
    .filter((cert) => cert !== '');
  if (signingCertificates.length === 0) {
    throw new AppError(
      'METADATA_NO_SIGNING_KEY',
      `The IdP ${entityId} publishes no signing certificate, so its SAML responses cannot be verified.`,
      HINT,
    );
  }
  const wantSigned = idp.getAttribute('WantAuthnRequestsSigned');
  return {
    entityId,
    ssoServices,
    nameIdFormats: elements('md:NameIDFormat', idp).map((format) => text(format)),
    signingCertificates,
    wantAuthnRequestsSigned: wantSigned === 'true' || wantSigned === '1',
  };
}

/** Metadata facts plus every finding an admin should see before handing the metadata to a vendor. */
export function inspectMetadata(xml: string, now: Date): MetadataReport {
  const metadata = parseIdpMetadata(xml);
  const certificates = metadata.signingCertificates.map((cert) => inspectCertificate(cert, now));
  const findings: Finding[] = [];
  for (const service of metadata.ssoServices) {
    if (!service.location.toLowerCase().startsWith('https://')) {
      findings.push({
        level: 'warning',
        code: 'SSO_URL_NOT_HTTPS',
        message: `The single sign-on URL ${service.location} (${bindingName(service.binding)}) does not use https; credentials and assertions would cross the network unprotected.`,
      });
    }
  }
  const bindings = new Set(metadata.ssoServices.map((service) => service.binding));
  if (!bindings.has(HTTP_POST) && !bindings.has(HTTP_REDIRECT)) {
    findings.push({
      level: 'warning',
      code: 'SSO_NO_WEB_BINDING',
      message:
        'The IdP lists neither the HTTP-POST nor the HTTP-Redirect binding for single sign-on; web browser SSO needs one of them.',
    });
  } else if (!bindings.has(HTTP_POST)) {
    findings.push({
      level: 'info',
      code: 'SSO_NO_HTTP_POST',
      message:
        'The IdP lists no HTTP-POST binding for single sign-on; vendors that send AuthnRequests by POST must use HTTP-Redirect instead.',
    });
  }
  if (metadata.wantAuthnRequestsSigned) {
    findings.push({
      level: 'info',
      code: 'IDP_WANTS_SIGNED_REQUESTS',
      message:
        'The IdP wants signed AuthnRequests (WantAuthnRequestsSigned="true"); the vendor must sign its requests with a certificate registered in Okta.',
    });
  }
  if (certificates.length > 1) {
    findings.push({
      level: 'info',
      code: 'CERT_MULTIPLE',
      message: `The IdP publishes ${certificates.length} signing certificates (a key rollover, usually); the vendor must trust the one Okta signs with.`,
    });
  }
  certificates.forEach((cert, index) => {
    const prefix = certificates.length > 1 ? `Signing certificate ${index + 1}: ` : '';
    for (const finding of cert.findings) findings.push({ ...finding, message: `${prefix}${finding.message}` });
  });
  return {
    entityId: metadata.entityId,
    ssoServices: metadata.ssoServices,
    nameIdFormats: metadata.nameIdFormats,
    wantAuthnRequestsSigned: metadata.wantAuthnRequestsSigned,
    certificates,
    findings,
  };
}

function bindingName(binding: string): string {
  return binding.split(':').pop() ?? binding;
}
