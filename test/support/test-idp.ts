import * as samlify from 'samlify';
import { buildIdpMetadata } from './idp-metadata';
import { issueSamlResponse, type SamlAttribute } from '../../src-main/sandbox/sso/issue-response';
import { generateSigningCredentials, type SigningCredentials } from '../../src-main/sandbox/sso/signing-credentials';
import type { SamlExpectations } from '../../src-main/saml/response-check';

export const EMAIL_FORMAT = 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress';

export interface ResponseKnobs {
  nameId?: string;
  attributes?: SamlAttribute[];
  now?: Date;
  /** Moves the IdP's clock: negative makes an old (expired) response, positive a not-yet-valid one. */
  clockShiftMs?: number;
  audience?: string;
  recipient?: string;
  destination?: string;
  inResponseTo?: string;
  signResponse?: boolean;
  signAssertion?: boolean;
  /** Signs with a fresh key the checker was not told about. */
  signWithOtherKey?: boolean;
  dropAttribute?: string;
  /** Edits applied after signing, as an attacker or a broken proxy would. */
  tamper?: { nameId?: string; attribute?: { name: string; value: string } };
  /**
   * XML signature wrapping. 'sibling': an evil unsigned assertion placed before the signed one.
   * 'wrapped': an evil assertion that carries the signed one inside it and a copy of its signature.
   */
  wrap?: 'sibling' | 'wrapped';
}

export const ATTACKER = 'attacker@evil.example';

/** A SAML IdP for tests, shaped like one Okta app with its own signing key. */
export class TestIdp {
  readonly issuer: string;
  readonly ssoUrl: string;
  readonly audience: string;
  readonly recipient: string;
  readonly credentials: SigningCredentials;
  readonly defaultAttributes: SamlAttribute[];
  private otherCredentials: SigningCredentials | undefined;

  constructor(options: { issuer?: string; audience?: string; recipient?: string; email?: string } = {}) {
    this.issuer = options.issuer ?? 'http://www.okta.com/exktestidp0000000001';
    this.ssoUrl = 'https://test-org.okta.example/app/test_app_1/exktestidp0000000001/sso/saml';
    this.audience = options.audience ?? 'https://vendor.example/saml/metadata';
    this.recipient = options.recipient ?? 'https://vendor.example/saml/acs';
    this.credentials = generateSigningCredentials({ commonName: 'test-org', organization: 'Okta' });
    const email = options.email ?? 'alice@customer.example';
    this.defaultAttributes = [
      { name: 'email', values: [email] },
      { name: 'role', values: ['ADMINISTRATOR'] },
    ];
  }

  get email(): string {
    return this.defaultAttributes[0]?.values[0] ?? '';
  }

  metadataXml(): string {
    return buildIdpMetadata({
      entityId: this.issuer,
      ssoUrl: this.ssoUrl,
      certificateBase64: this.credentials.certificateBase64,
    });
  }

  /** What a vendor configured for this IdP expects; override to test mismatches on the checker's side. */
  expectations(overrides: Partial<SamlExpectations> = {}): SamlExpectations {
    return {
      idpCertificates: [this.credentials.certificateBase64],
      idpIssuer: this.issuer,
      audience: this.audience,
      recipient: this.recipient,
      email: this.email,
      attributes: [
        { name: 'email', value: this.email },
        { name: 'role', value: 'ADMINISTRATOR' },
      ],
      ...overrides,
    };
  }

  /** A base64 SAMLResponse as posted to the ACS URL. */
  response(knobs: ResponseKnobs = {}): string {
    const keys = knobs.signWithOtherKey ? this.otherKeys() : this.credentials;
    const now = new Date((knobs.now ?? new Date()).getTime() + (knobs.clockShiftMs ?? 0));
    const attributes = (knobs.attributes ?? this.defaultAttributes).filter((a) => a.name !== knobs.dropAttribute);
    const recipient = knobs.recipient ?? this.recipient;
    let xml = issueSamlResponse({
      issuer: this.issuer,
      privateKeyPem: keys.privateKeyPem,
      certificatePem: keys.certificatePem,
      destination: knobs.destination ?? recipient,
      recipient,
      audience: knobs.audience ?? this.audience,
      nameId: knobs.nameId ?? this.email,
      nameIdFormat: EMAIL_FORMAT,
      attributes,
      now,
      ...(knobs.inResponseTo === undefined ? {} : { inResponseTo: knobs.inResponseTo }),
      ...(knobs.signResponse === undefined ? {} : { signResponse: knobs.signResponse }),
      ...(knobs.signAssertion === undefined ? {} : { signAssertion: knobs.signAssertion }),
    }).xml;
    if (knobs.tamper?.nameId !== undefined) xml = replaceNameId(xml, knobs.tamper.nameId);
    if (knobs.tamper?.attribute)
      xml = replaceAttributeValue(xml, knobs.tamper.attribute.name, knobs.tamper.attribute.value);
    if (knobs.wrap) xml = wrapSignature(xml, knobs.wrap);
    return Buffer.from(xml, 'utf8').toString('base64');
  }

  /**
   * The same login issued by samlify's IdentityProvider with this IdP's node-forge keys: an
   * independent implementation, so the checker is not only ever tested against our own issuer.
   */
  async samlifyResponse(): Promise<string> {
    const idp = samlify.IdentityProvider({
      entityID: this.issuer,
      privateKey: this.credentials.privateKeyPem,
      signingCert: this.credentials.certificatePem,
      nameIDFormat: [EMAIL_FORMAT],
      singleSignOnService: [{ Binding: samlify.Constants.namespace.binding.post, Location: this.ssoUrl }],
      // Okta publishes its sign-out URL even with single logout off; without one samlify warns on stderr.
      singleLogoutService: [
        {
          Binding: samlify.Constants.namespace.binding.redirect,
          Location: this.ssoUrl.replace('/sso/saml', '/slo/saml'),
        },
      ],
    });
    const sp = samlify.ServiceProvider({
      entityID: this.audience,
      wantAssertionsSigned: true,
      wantMessageSigned: true,
      assertionConsumerService: [{ Binding: samlify.Constants.namespace.binding.post, Location: this.recipient }],
    });
    const result = await idp.createLoginResponse(sp, { extract: {} }, 'post', { email: this.email });
    return result.context;
  }

  private otherKeys(): SigningCredentials {
    this.otherCredentials ??= generateSigningCredentials({ commonName: 'someone-else', organization: 'Evil' });
    return this.otherCredentials;
  }
}

function replaceNameId(xml: string, nameId: string): string {
  return xml.replace(/(<saml2:NameID[^>]*>)[^<]*(<\/saml2:NameID>)/, `$1${nameId}$2`);
}

function replaceAttributeValue(xml: string, name: string, value: string): string {
  const pattern = new RegExp(`(<saml2:Attribute Name="${name}"[^>]*><saml2:AttributeValue[^>]*>)[^<]*`);
  if (!pattern.test(xml)) throw new Error(`test IdP: no attribute ${name} to tamper with`);
  return xml.replace(pattern, `$1${value}`);
}

function wrapSignature(xml: string, mode: 'sibling' | 'wrapped'): string {
  const match = /<saml2:Assertion [\s\S]*<\/saml2:Assertion>/.exec(xml);
  if (!match) throw new Error('test IdP: no assertion to wrap');
  const signed = match[0];
  const signature = /<ds:Signature[\s\S]*?<\/ds:Signature>/.exec(signed)?.[0] ?? '';
  const evil = replaceNameId(signed.replace(signature, ''), ATTACKER).replace(/ ID="[^"]+"/, ' ID="idevil"');
  const replacement =
    mode === 'sibling'
      ? evil + signed
      : evil
          .replace(/(<\/saml2:Issuer>)/, `$1${signature}`)
          .replace(/<\/saml2:Assertion>$/, `${signed}</saml2:Assertion>`);
  return xml.replace(signed, replacement);
}
