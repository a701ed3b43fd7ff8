import { AppError } from '../errors';
import { checkAudience, checkValidityWindow } from './assertion-conditions';
import { readAssertion, findAssertion, type AssertionView } from './assertion-view';
import { verifySignatures } from './verify-signatures';
import { element, elements, hasDoctype, NS, parseXml, prettyXml } from './xml';
import { DEFAULT_XML_LIMITS, XmlLimitError } from './xml-limits';

export type CheckName =
  | 'decode'
  | 'signature'
  | 'issuer'
  | 'audience'
  | 'recipient'
  | 'destination'
  | 'validity-window'
  | 'name-id'
  | `attribute:${string}`;

export interface SamlCheck {
  name: CheckName;
  /** 'warn': the vendor accepts it, but something the admin should know about (e.g. an unsigned Destination). */
  status: 'pass' | 'warn' | 'fail';
  detail: string;
}

export interface SamlCheckResult {
  valid: boolean;
  checks: SamlCheck[];
  /** Pretty-printed assertion: the verified one, else (marked untrusted by the checks) the one in the raw XML. */
  assertionXml?: string;
  /** Only from a verified assertion. */
  nameId?: string;
  /** Only from a verified assertion; empty when the signature failed. */
  attributes: Record<string, string[]>;
}

export interface SamlExpectations {
  /** base64 DER or PEM; any one of them may have signed the response (key rollover). */
  idpCertificates: string[];
  idpIssuer: string;
  audience: string;
  recipient: string;
  /** Defaults to `recipient`: Okta's "Use this for Recipient URL and Destination URL" makes them equal. */
  destination?: string;
  /** NameID must equal this address (compared case-insensitively, as Okta and vendors match users). */
  email?: string;
  /** Each must be present; with `value`, one of its values must equal it. */
  attributes?: { name: string; value?: string }[];
  /** The instant to judge the time window at (default: now); `saml check --at`. */
  now?: Date;
  /** Allowed clock difference with the IdP; default one minute. */
  clockSkewMs?: number;
}

const DEFAULT_SKEW_MS = 60_000;
const MAX_RESPONSE_BYTES = 1024 * 1024;

/**
 * Checks a posted SAMLResponse the way the vendor will, and says which part is wrong.
 *
 * node-saml verifies the signature(s); we check issuer, audience, recipient, destination, time
 * window (as of `now`), NameID and attributes ourselves, reading only the assertion node-saml
 * verified (so signature wrapping cannot feed us another one). Every check is always reported:
 * when the signature fails, the others cannot pass — they fail with what the unverified XML
 * claims, as evidence for the admin, never as a verdict.
 */
export async function checkSamlResponse(
  samlResponseBase64: string,
  expect: SamlExpectations,
): Promise<SamlCheckResult> {
  if (expect.idpCertificates.length === 0) {
    throw new AppError(
      'SAML_NO_IDP_CERTIFICATE',
      'No IdP signing certificate was given, so the response signature cannot be verified.',
      "Load the IdP metadata (it carries the certificate) or paste the X.509 certificate from the Okta app's Sign On tab.",
    );
  }
  const base64 = samlResponseBase64.replace(/\s+/g, '');
  const decoded = decode(base64);
  const expectedNames = expectedCheckNames(expect);
  if (!decoded.ok) {
    return {
      valid: false,
      attributes: {},
      checks: expectedNames.map((name) =>
        name === 'decode'
          ? { name, status: 'fail', detail: decoded.detail }
          : { name, status: 'fail', detail: 'Not checked: the SAMLResponse could not be decoded.' },
      ),
    };
  }
  const nowMs = (expect.now ?? new Date()).getTime();
  const skewMs = expect.clockSkewMs ?? DEFAULT_SKEW_MS;
  const root = decoded.doc.documentElement;
  const responseSigned = element('ds:Signature', root) !== undefined;
  const assertionCount = elements('//saml:Assertion', decoded.doc).length;
  const verified = await verifySignatures(base64, {
    idpCertificatesPem: expect.idpCertificates.map(toPem),
    recipient: expect.recipient,
    requireSignedResponse: responseSigned,
  });
  const signature: SamlCheck = verified.ok
    ? {
        name: 'signature',
        status: 'pass',
        detail: `${responseSigned ? 'The Response and its Assertion are' : 'The Assertion is'} signed by a trusted IdP certificate (verified by node-saml).`,
      }
    : { name: 'signature', status: 'fail', detail: signatureFailure(verified.message, assertionCount) };

  const trusted = verified.ok ? findAssertion(parseXml(verified.assertionXml)) : undefined;
  const rawAssertion = findAssertion(decoded.doc);
  const view = trusted ? readAssertion(trusted) : rawAssertion ? readAssertion(rawAssertion) : undefined;
  const evidence = (claim: string): string =>
    `Not trusted: the signature did not verify, so this was not checked. ${claim}`;
  const checks: SamlCheck[] = [
    {
      name: 'decode',
      status: 'pass',
      detail: `Decoded a ${root.nodeName} of ${Buffer.byteLength(decoded.xml)} bytes.`,
    },
    signature,
  ];

  const contentCheck = (name: CheckName, judge: (v: AssertionView) => SamlCheck): SamlCheck => {
    if (!view) return { name, status: 'fail', detail: 'The response contains no assertion.' };
    const judged = judge(view);
    return trusted ? judged : { name, status: 'fail', detail: evidence(`The unverified XML says: ${judged.detail}`) };
  };

  checks.push(contentCheck('issuer', (v) => checkIssuer(v, expect.idpIssuer)));
  checks.push(contentCheck('audience', (v) => ({ name: 'audience', ...checkAudience(v, expect.audience) })));
  checks.push(contentCheck('recipient', (v) => checkRecipient(v, expect.recipient)));
  checks.push(
    checkDestination(
      root,
      expect.destination ?? expect.recipient,
      expect.destination === undefined,
      !trusted ? 'signature-failed' : responseSigned ? 'verified' : 'response-unsigned',
    ),
  );
  checks.push(
    contentCheck('validity-window', (v) => ({ name: 'validity-window', ...checkValidityWindow(v, nowMs, skewMs) })),
  );
  checks.push(contentCheck('name-id', (v) => checkNameId(v, expect.email)));
  for (const attribute of expect.attributes ?? []) {
    checks.push(contentCheck(`attribute:${attribute.name}`, (v) => checkAttribute(v, attribute)));
  }

  const shown = trusted ?? rawAssertion;
  return {
    valid: checks.every((check) => check.status !== 'fail'),
    checks,
    ...(shown ? { assertionXml: prettyXml(shown) } : {}),
    ...(trusted && view?.nameId !== undefined ? { nameId: view.nameId } : {}),
    attributes: trusted && view ? view.attributes : {},
  };
}

type Decoded = { ok: true; xml: string; doc: Document } | { ok: false; detail: string };

function decode(base64: string): Decoded {
  if (base64 === '' || !/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) {
    return {
      ok: false,
      detail:
        'The SAMLResponse is not base64 text. Paste the value of the SAMLResponse form field as posted to the ACS URL.',
    };
  }
  const xml = Buffer.from(base64, 'base64').toString('utf8');
  if (xml.length > MAX_RESPONSE_BYTES)
    return {
      ok: false,
      detail: `The decoded SAMLResponse is over ${MAX_RESPONSE_BYTES} bytes; a real one is a few kilobytes.`,
    };
  if (hasDoctype(xml))
    return {
      ok: false,
      detail:
        'The decoded SAMLResponse contains a DOCTYPE or ENTITY declaration; SAML forbids them and they enable XML attacks.',
    };
  let doc: Document;
  try {
    // node-saml refuses more than one assertion; a few are parsed so a wrapping attack is shown as
    // evidence, but thousands would cost seconds before node-saml could refuse them.
    doc = parseXml(xml, { ...DEFAULT_XML_LIMITS, maxPerName: { Assertion: 5, EncryptedAssertion: 5 } });
  } catch (error) {
    if (error instanceof XmlLimitError) {
      return {
        ok: false,
        detail: `The decoded SAMLResponse was refused before parsing: ${error.message}. A real response carries one assertion and nests under 15 levels.`,
      };
    }
    return {
      ok: false,
      detail: `The decoded SAMLResponse is not well-formed XML: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
    };
  }
  const root = doc.documentElement;
  if (root.localName !== 'Response' || root.namespaceURI !== NS.samlp) {
    return { ok: false, detail: `The decoded XML is a <${root.nodeName}>, not a SAML 2.0 <samlp:Response>.` };
  }
  return { ok: true, xml, doc };
}

/** node-saml says what broke; we add what it most likely means for an admin. */
function signatureFailure(message: string, assertionCount: number): string {
  const advice =
    assertionCount > 1
      ? `The response carries ${assertionCount} assertions, the shape of an XML signature wrapping attack.`
      : assertionCount === 0
        ? 'The response carries no assertion: the IdP did not sign the user in.'
        : 'The response was altered after signing, signed with a key other than the certificate given, or its assertion is not signed (Okta: Assertion Signature must be "Signed").';
  return `${message} (node-saml). ${advice}`;
}

function checkIssuer(view: AssertionView, expected: string): SamlCheck {
  const pass = view.issuer === expected;
  return {
    name: 'issuer',
    status: pass ? 'pass' : 'fail',
    detail: pass
      ? `Issuer is ${expected}.`
      : `Issuer is ${view.issuer || '(none)'}, expected ${expected}. Use the "Identity Provider Issuer" of this Okta app.`,
  };
}

function checkRecipient(view: AssertionView, expected: string): SamlCheck {
  const pass = view.recipients.includes(expected);
  return {
    name: 'recipient',
    status: pass ? 'pass' : 'fail',
    detail: pass
      ? `Recipient is ${expected}.`
      : `Recipient is ${list(view.recipients)}, expected ${expected}. Set "Recipient URL" in Okta to the vendor's ACS URL.`,
  };
}

function checkDestination(
  root: Element,
  expected: string,
  defaulted: boolean,
  trust: 'verified' | 'response-unsigned' | 'signature-failed',
): SamlCheck {
  const actual = root.getAttribute('Destination') ?? '';
  const expectation = `expected ${expected}${defaulted ? ' (the recipient)' : ''}`;
  const claim = `Destination is ${actual || '(none)'}, ${expectation}.`;
  if (trust === 'signature-failed') {
    return {
      name: 'destination',
      status: 'fail',
      detail: `Not trusted: the signature did not verify, so this was not checked. The unverified XML says: ${claim}`,
    };
  }
  if (trust === 'response-unsigned') {
    // Most SPs (node-saml, samlify, Ory Polis) accept a response signed only on its Assertion, and Okta
    // can be set that way, so this is the vendor's verdict: a pass, with what the signature leaves open.
    return actual === expected
      ? { name: 'destination', status: 'warn', detail: UNSIGNED_DESTINATION(expected) }
      : {
          name: 'destination',
          status: 'fail',
          detail: `${claim} Set "Destination" in Okta to the vendor's ACS URL. (Only the Assertion is signed, so the Destination is not covered by a signature either.)`,
        };
  }
  const pass = actual === expected;
  return {
    name: 'destination',
    status: pass ? 'pass' : 'fail',
    detail: pass ? `Destination is ${expected}.` : `${claim} Set "Destination" in Okta to the vendor's ACS URL.`,
  };
}

const UNSIGNED_DESTINATION = (destination: string): string =>
  `Destination is ${destination}, but it is not covered by a signature: Okta signed only the Assertion, so the ` +
  'Response around it (Destination, InResponseTo, Status) could be changed on the way without the signature ' +
  'breaking. The vendor accepts this, as most SAML service providers do. To sign the Response too: in Okta open ' +
  'the app > General > SAML Settings > Edit > Show Advanced Settings and set "Response" to "Signed", keeping ' +
  '"Assertion Signature" "Signed" (API: settings.signOn.responseSigned and assertionSigned both true).';

function checkNameId(view: AssertionView, email: string | undefined): SamlCheck {
  const nameId = view.nameId ?? '';
  if (email === undefined) {
    return {
      name: 'name-id',
      status: nameId === '' ? 'fail' : 'pass',
      detail: nameId === '' ? 'The assertion has no NameID.' : `NameID is ${nameId} (no email was expected).`,
    };
  }
  const pass = nameId.toLowerCase() === email.toLowerCase();
  return {
    name: 'name-id',
    status: pass ? 'pass' : 'fail',
    detail: pass
      ? `NameID is ${nameId}.`
      : `NameID is ${nameId || '(none)'}, expected ${email}. Check "Name ID format" and "Application username" in Okta.`,
  };
}

function checkAttribute(view: AssertionView, expected: { name: string; value?: string }): SamlCheck {
  const name: CheckName = `attribute:${expected.name}`;
  const values = view.attributes[expected.name];
  if (values === undefined) {
    return {
      name,
      status: 'fail',
      detail: `The assertion has no attribute "${expected.name}"; it has ${list(Object.keys(view.attributes))}. Add it to the app's attribute statements in Okta.`,
    };
  }
  if (expected.value === undefined || values.includes(expected.value)) {
    return { name, status: 'pass', detail: `"${expected.name}" is ${list(values)}.` };
  }
  return { name, status: 'fail', detail: `"${expected.name}" is ${list(values)}, expected ${expected.value}.` };
}

function expectedCheckNames(expect: SamlExpectations): CheckName[] {
  const fixed: CheckName[] = [
    'decode',
    'signature',
    'issuer',
    'audience',
    'recipient',
    'destination',
    'validity-window',
    'name-id',
  ];
  return [...fixed, ...(expect.attributes ?? []).map((attribute): CheckName => `attribute:${attribute.name}`)];
}

function list(values: string[]): string {
  return values.length === 0 ? '(none)' : values.join(', ');
}

function toPem(certificate: string): string {
  if (certificate.includes('-----BEGIN CERTIFICATE-----')) return certificate;
  const body = certificate.replace(/\s+/g, '').replace(/.{1,64}/g, '$&\n');
  return `-----BEGIN CERTIFICATE-----\n${body}-----END CERTIFICATE-----\n`;
}
