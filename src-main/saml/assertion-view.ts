import { element, elements, NS, text } from './xml';

const BEARER = 'urn:oasis:names:tc:SAML:2.0:cm:bearer';

/** What one <saml:Assertion> says, read without judging it; trust depends on where the element came from. */
export interface AssertionView {
  issuer: string;
  issueInstant: string | undefined;
  nameId: string | undefined;
  nameIdFormat: string | undefined;
  recipients: string[];
  confirmationNotOnOrAfter: string[];
  audiences: string[];
  /** Each AudienceRestriction's audiences: the assertion is for an SP named in every one of them. */
  audienceRestrictions: string[][];
  notBefore: string | undefined;
  notOnOrAfter: string | undefined;
  attributes: Record<string, string[]>;
}

export function readAssertion(assertion: Element): AssertionView {
  const nameId = element('saml:Subject/saml:NameID', assertion);
  const confirmations = elements(
    `saml:Subject/saml:SubjectConfirmation[@Method='${BEARER}']/saml:SubjectConfirmationData`,
    assertion,
  );
  const conditions = element('saml:Conditions', assertion);
  const attributes: Record<string, string[]> = {};
  for (const attribute of elements('saml:AttributeStatement/saml:Attribute', assertion)) {
    const name = attribute.getAttribute('Name') ?? '';
    const values = elements('saml:AttributeValue', attribute).map((value) => text(value));
    attributes[name] = [...(attributes[name] ?? []), ...values];
  }
  return {
    issuer: text(element('saml:Issuer', assertion)),
    issueInstant: assertion.getAttribute('IssueInstant') ?? undefined,
    nameId: nameId ? text(nameId) : undefined,
    nameIdFormat: nameId?.getAttribute('Format') ?? undefined,
    recipients: confirmations.map((data) => data.getAttribute('Recipient') ?? '').filter((value) => value !== ''),
    confirmationNotOnOrAfter: confirmations
      .map((data) => data.getAttribute('NotOnOrAfter') ?? '')
      .filter((value) => value !== ''),
    audiences: conditions
      ? elements('saml:AudienceRestriction/saml:Audience', conditions).map((audience) => text(audience))
      : [],
    audienceRestrictions: conditions
      ? elements('saml:AudienceRestriction', conditions).map((restriction) =>
          elements('saml:Audience', restriction).map((audience) => text(audience)),
        )
      : [],
    notBefore: conditions?.getAttribute('NotBefore') ?? undefined,
    notOnOrAfter: conditions?.getAttribute('NotOnOrAfter') ?? undefined,
    attributes,
  };
}

/** The assertion element at the root of a verified fragment, or the first one under a raw Response. */
export function findAssertion(node: Node): Element | undefined {
  const owner = node.nodeType === node.DOCUMENT_NODE ? (node as Document).documentElement : (node as Element);
  if (owner.localName === 'Assertion' && owner.namespaceURI === NS.saml) return owner;
  return element('saml:Assertion', owner);
}
