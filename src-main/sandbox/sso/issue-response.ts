import { randomBytes } from 'node:crypto';
import { SignedXml } from 'xml-crypto';
import { escapeXml } from '../../saml/xml-escape';

export interface SamlAttribute {
  name: string;
  /** Okta sends the NameFormat configured on the attribute statement; its default is "unspecified". */
  nameFormat?: string;
  values: string[];
}

export interface IssueSamlResponseOptions {
  issuer: string;
  privateKeyPem: string;
  certificatePem: string;
  destination: string;
  recipient: string;
  audience: string;
  nameId: string;
  nameIdFormat: string;
  attributes: SamlAttribute[];
  now?: Date;
  inResponseTo?: string;
  sessionIndex?: string;
  signResponse?: boolean;
  signAssertion?: boolean;
}

export interface IssuedSamlResponse {
  xml: string;
  /** What the browser posts to the ACS URL as the SAMLResponse form field. */
  base64: string;
}

const NS = {
  protocol: 'urn:oasis:names:tc:SAML:2.0:protocol',
  assertion: 'urn:oasis:names:tc:SAML:2.0:assertion',
  xs: 'http://www.w3.org/2001/XMLSchema',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
} as const;

const ENTITY_FORMAT = 'urn:oasis:names:tc:SAML:2.0:nameid-format:entity';
const UNSPECIFIED_ATTRIBUTE_FORMAT = 'urn:oasis:names:tc:SAML:2.0:attrname-format:unspecified';
const PASSWORD_PROTECTED_TRANSPORT = 'urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport';
const VALIDITY_MS = 5 * 60_000;

/**
 * Builds and signs a SAMLResponse shaped like Okta's (OKTA-BEHAVIOUR.md §4): Response and Assertion
 * each carry an enveloped exc-c14n / rsa-sha256 / sha256 signature placed right after their Issuer.
 */
export function issueSamlResponse(options: IssueSamlResponseOptions): IssuedSamlResponse {
  const now = options.now ?? new Date();
  const instant = now.toISOString();
  const notBefore = new Date(now.getTime() - VALIDITY_MS).toISOString();
  const notOnOrAfter = new Date(now.getTime() + VALIDITY_MS).toISOString();
  const inResponseTo = options.inResponseTo === undefined ? '' : ` InResponseTo="${escapeXml(options.inResponseTo)}"`;
  const sessionIndex = options.sessionIndex ?? newId();
  const issuer = `<saml2:Issuer Format="${ENTITY_FORMAT}">${escapeXml(options.issuer)}</saml2:Issuer>`;

  const unsignedAssertion =
    `<saml2:Assertion xmlns:saml2="${NS.assertion}" xmlns:xs="${NS.xs}" ID="${newId()}" IssueInstant="${instant}" Version="2.0">` +
    issuer +
    '<saml2:Subject>' +
    `<saml2:NameID Format="${escapeXml(options.nameIdFormat)}">${escapeXml(options.nameId)}</saml2:NameID>` +
    '<saml2:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer">' +
    `<saml2:SubjectConfirmationData${inResponseTo} NotOnOrAfter="${notOnOrAfter}" Recipient="${escapeXml(options.recipient)}"/>` +
    '</saml2:SubjectConfirmation>' +
    '</saml2:Subject>' +
    `<saml2:Conditions NotBefore="${notBefore}" NotOnOrAfter="${notOnOrAfter}">` +
    `<saml2:AudienceRestriction><saml2:Audience>${escapeXml(options.audience)}</saml2:Audience></saml2:AudienceRestriction>` +
    '</saml2:Conditions>' +
    `<saml2:AuthnStatement AuthnInstant="${instant}" SessionIndex="${escapeXml(sessionIndex)}">` +
    `<saml2:AuthnContext><saml2:AuthnContextClassRef>${PASSWORD_PROTECTED_TRANSPORT}</saml2:AuthnContextClassRef></saml2:AuthnContext>` +
    '</saml2:AuthnStatement>' +
    attributeStatement(options.attributes) +
    '</saml2:Assertion>';

  const assertion = options.signAssertion === false ? unsignedAssertion : sign(unsignedAssertion, 'Assertion', options);

  const unsignedResponse =
    `<saml2p:Response xmlns:saml2p="${NS.protocol}" xmlns:xs="${NS.xs}" Destination="${escapeXml(options.destination)}" ID="${newId()}"${inResponseTo} IssueInstant="${instant}" Version="2.0">` +
    `<saml2:Issuer xmlns:saml2="${NS.assertion}" Format="${ENTITY_FORMAT}">${escapeXml(options.issuer)}</saml2:Issuer>` +
    '<saml2p:Status><saml2p:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></saml2p:Status>' +
    assertion +
    '</saml2p:Response>';

  const xml = options.signResponse === false ? unsignedResponse : sign(unsignedResponse, 'Response', options);
  return { xml, base64: Buffer.from(xml, 'utf8').toString('base64') };
}

function attributeStatement(attributes: SamlAttribute[]): string {
  if (attributes.length === 0) return '';
  const body = attributes
    .map((attribute) => {
      const values = attribute.values
        .map(
          (value) =>
            `<saml2:AttributeValue xmlns:xsi="${NS.xsi}" xsi:type="xs:string">${escapeXml(value)}</saml2:AttributeValue>`,
        )
        .join('');
      const format = escapeXml(attribute.nameFormat ?? UNSPECIFIED_ATTRIBUTE_FORMAT);
      return `<saml2:Attribute Name="${escapeXml(attribute.name)}" NameFormat="${format}">${values}</saml2:Attribute>`;
    })
    .join('');
  return `<saml2:AttributeStatement>${body}</saml2:AttributeStatement>`;
}

/** Signs the document's root element (`rootName`) with the signature placed after its Issuer, as the SAML schema requires. */
function sign(
  xml: string,
  rootName: 'Assertion' | 'Response',
  keys: { privateKeyPem: string; certificatePem: string },
): string {
  const signer = new SignedXml({
    privateKey: keys.privateKeyPem,
    publicCert: keys.certificatePem,
    signatureAlgorithm: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
    canonicalizationAlgorithm: 'http://www.w3.org/2001/10/xml-exc-c14n#',
  });
  signer.addReference({
    xpath: `/*[local-name(.)='${rootName}']`,
    transforms: ['http://www.w3.org/2000/09/xmldsig#enveloped-signature', 'http://www.w3.org/2001/10/xml-exc-c14n#'],
    digestAlgorithm: 'http://www.w3.org/2001/04/xmlenc#sha256',
    inclusiveNamespacesPrefixList: ['xs'],
  });
  signer.computeSignature(xml, {
    prefix: 'ds',
    location: { reference: `/*[local-name(.)='${rootName}']/*[local-name(.)='Issuer']`, action: 'after' },
  });
  return signer.getSignedXml();
}

/** SAML IDs are xs:ID (an NCName), so they must not start with a digit; Okta's start with "id". */
function newId(): string {
  return `id${randomBytes(16).toString('hex')}`;
}
