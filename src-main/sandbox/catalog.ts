import type { AppRecord, JsonObject } from './model';

/** A SAML attribute statement as Okta stores it on an app. */
export interface AttributeStatement {
  type: 'EXPRESSION' | 'GROUP';
  name: string;
  namespace: string;
  values?: string[];
  /** GROUP statements: STARTS_WITH, EQUALS, CONTAINS or REGEX, and the value filtered on. */
  filterType?: string;
  filterValue?: string;
}

/** An OIN catalog app the sandbox can instantiate with `POST /api/v1/apps { name, signOnMode, settings.app }`. */
export interface CatalogApp {
  name: string;
  displayName: string;
  /** `settings.app` fields the admin must fill, with what a valid value looks like. */
  requiredSettings: Record<string, { pattern: RegExp; example: string }>;
  acsUrl(settingsApp: JsonObject): string;
  audience(settingsApp: JsonObject): string;
  nameIdFormat: string;
  attributeStatements: AttributeStatement[];
  /** Supports `connections/default` and `features` (API provisioning) like the short OIN list. */
  apiProvisioning: boolean;
}

const EMAIL_FORMAT = 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress';
const BASIC = 'urn:oasis:names:tc:SAML:2.0:attrname-format:basic';
const attr = (name: string, value: string): AttributeStatement => ({
  type: 'EXPRESSION',
  name,
  namespace: BASIC,
  values: [value],
});

export const CATALOG: Record<string, CatalogApp> = {
  // Millie's OIN app has one Sign On field, "Slug Name" (the company slug shown in Millie's SSO settings).
  millie: {
    name: 'millie',
    displayName: 'Millie',
    requiredSettings: { slugName: { pattern: /^[a-z0-9][a-z0-9-]{0,62}$/, example: 'acme-corp' } },
    acsUrl: (s) => `https://app.milliegiving.com/saml/${String(s.slugName)}/acs`,
    audience: (s) => `https://app.milliegiving.com/saml/${String(s.slugName)}/metadata`,
    nameIdFormat: EMAIL_FORMAT,
    attributeStatements: [
      attr('id', 'user.login'),
      attr('email', 'user.email'),
      attr('firstName', 'user.firstName'),
      attr('lastName', 'user.lastName'),
    ],
    apiProvisioning: false,
  },
  mixpanel: {
    name: 'mixpanel',
    displayName: 'Mixpanel',
    requiredSettings: {},
    // The values Mixpanel's own Okta guide gives for the SAML form.
    acsUrl: () => 'https://sso.mixpanel.com/sso/saml2',
    audience: () => 'https://mixpanel.com/security/sso/v2/authorize/',
    nameIdFormat: EMAIL_FORMAT,
    attributeStatements: [
      attr('email', 'user.email'),
      attr('firstName', 'user.firstName'),
      attr('lastName', 'user.lastName'),
    ],
    apiProvisioning: true,
  },
};

export interface SamlEndpoints {
  acsUrl: string;
  recipient: string;
  destination: string;
  audience: string;
  nameIdFormat: string;
  nameIdTemplate: string;
  attributeStatements: AttributeStatement[];
}

/**
 * Where a SAML app's responses go and what they say, for custom and catalog apps alike
 * (catalog apps keep these in their template, visible only as `*Override` fields).
 */
export function samlEndpoints(app: AppRecord): SamlEndpoints {
  const settings = (app.body.settings ?? {}) as { app?: JsonObject; signOn?: JsonObject };
  const signOn = settings.signOn ?? {};
  const text = (key: string): string | undefined =>
    typeof signOn[key] === 'string' && signOn[key] !== '' ? (signOn[key] as string) : undefined;
  const statements = Array.isArray(signOn.attributeStatements)
    ? (signOn.attributeStatements as AttributeStatement[])
    : [];
  const catalog = CATALOG[app.name];
  if (catalog) {
    const acsUrl = text('ssoAcsUrlOverride') ?? catalog.acsUrl(settings.app ?? {});
    return {
      acsUrl,
      recipient: text('recipientOverride') ?? acsUrl,
      destination: text('destinationOverride') ?? acsUrl,
      audience: text('audienceOverride') ?? catalog.audience(settings.app ?? {}),
      nameIdFormat: catalog.nameIdFormat,
      nameIdTemplate: '${user.userName}',
      attributeStatements: [...catalog.attributeStatements, ...statements],
    };
  }
  const acsUrl = text('ssoAcsUrl') ?? '';
  return {
    acsUrl,
    recipient: text('recipient') ?? acsUrl,
    destination: text('destination') ?? acsUrl,
    audience: text('audience') ?? '',
    nameIdFormat: text('subjectNameIdFormat') ?? 'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified',
    nameIdTemplate: text('subjectNameIdTemplate') ?? '${user.userName}',
    attributeStatements: statements,
  };
}
