import type { AppInput, AppMode, GroupStatementInput, SettingRow } from '../api/step-app';
import type { OktaApp, SamlAttributeStatement, SamlSignOn } from '../okta/org-api';
import type { AttributeStatement, SamlAppSettings, VendorProfile } from '../vendors/profile';

export const NAME_ID_FORMATS: Record<SamlAppSettings['nameIdFormat'], string> = {
  emailAddress: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress',
  unspecified: 'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified',
  persistent: 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent',
  x509SubjectName: 'urn:oasis:names:tc:SAML:1.1:nameid-format:x509SubjectName',
};

export const ATTRIBUTE_FORMATS: Record<AttributeStatement['nameFormat'], string> = {
  unspecified: 'urn:oasis:names:tc:SAML:2.0:attrname-format:unspecified',
  uri: 'urn:oasis:names:tc:SAML:2.0:attrname-format:uri',
  basic: 'urn:oasis:names:tc:SAML:2.0:attrname-format:basic',
};

const FORMAT_LABELS: Record<string, string> = {
  [ATTRIBUTE_FORMATS.unspecified]: 'Unspecified',
  [ATTRIBUTE_FORMATS.uri]: 'URI Reference',
  [ATTRIBUTE_FORMATS.basic]: 'Basic',
};

/** Settings of a custom SAML app that are the same for every vendor (Okta's own defaults, OKTA-BEHAVIOUR §4). */
const FIXED_SIGN_ON = {
  responseSigned: true,
  assertionSigned: true,
  signatureAlgorithm: 'RSA_SHA256',
  digestAlgorithm: 'SHA256',
  honorForceAuthn: true,
  authnContextClassRef: 'urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport',
  allowMultipleAcsEndpoints: false,
  requestCompressed: false,
} as const;

/** The compared settings, in the order the console's "Configure SAML" form shows them. */
const SIGN_ON_FIELDS: readonly { key: keyof SamlSignOn & string; label: string }[] = [
  { key: 'ssoAcsUrl', label: 'Single sign-on URL' },
  { key: 'recipient', label: 'Recipient URL' },
  { key: 'destination', label: 'Destination URL' },
  { key: 'audience', label: 'Audience URI (SP Entity ID)' },
  { key: 'subjectNameIdFormat', label: 'Name ID format' },
  { key: 'subjectNameIdTemplate', label: 'Name ID value' },
  { key: 'responseSigned', label: 'Response signed' },
  { key: 'assertionSigned', label: 'Assertion signed' },
  { key: 'signatureAlgorithm', label: 'Signature algorithm' },
  { key: 'digestAlgorithm', label: 'Digest algorithm' },
];

/** Catalog, custom, or (Mixpanel) whichever the admin chose. */
export function effectiveMode(profile: VendorProfile, input: Pick<AppInput, 'mode'>): AppMode {
  if (profile.app.kind === 'catalog') return 'catalog';
  if (profile.app.kind === 'custom') return 'custom';
  return input.mode;
}

export function samlSpec(profile: VendorProfile): SamlAppSettings | undefined {
  return profile.app.kind === 'catalog' ? undefined : profile.app.saml;
}

export function toOktaStatement(statement: AttributeStatement): SamlAttributeStatement {
  return {
    type: 'EXPRESSION',
    name: statement.name,
    namespace: ATTRIBUTE_FORMATS[statement.nameFormat],
    values: [statement.value],
  };
}

/** A group attribute statement as Okta's API has it (`type: GROUP` with a filter). */
export function toOktaGroupStatement(statement: GroupStatementInput): SamlAttributeStatement {
  return {
    type: 'GROUP',
    name: statement.name,
    namespace: ATTRIBUTE_FORMATS[statement.nameFormat],
    filterType: statement.filterType,
    filterValue: statement.filterValue,
  };
}

/** The `settings.signOn` fields a custom SAML app must have, from the profile and the vendor's URLs. */
export function desiredSignOn(
  saml: SamlAppSettings,
  input: Pick<AppInput, 'ssoAcsUrl' | 'audience' | 'nameIdFormat' | 'attributeStatements' | 'groupStatements'>,
): SamlSignOn {
  const acs = saml.vendorSupplied.includes('ssoAcsUrl') ? input.ssoAcsUrl : saml.ssoAcsUrl;
  const audience = saml.vendorSupplied.includes('audience') ? input.audience : saml.audience;
  const statements = statementsFor(saml, input);
  return {
    ssoAcsUrl: acs,
    recipient: saml.recipient ?? acs,
    destination: saml.destination ?? acs,
    audience,
    subjectNameIdFormat: NAME_ID_FORMATS[(saml.editable ? input.nameIdFormat : undefined) ?? saml.nameIdFormat],
    subjectNameIdTemplate: saml.subjectNameIdTemplate,
    ...FIXED_SIGN_ON,
    attributeStatements: [
      ...statements.map(toOktaStatement),
      ...(saml.editable ? (input.groupStatements ?? []) : []).map(toOktaGroupStatement),
    ],
  };
}

/** The attribute statements to send: the admin's where the profile lets them edit, else the vendor's. */
export function statementsFor(
  saml: SamlAppSettings,
  input: Pick<AppInput, 'attributeStatements'>,
): AttributeStatement[] {
  return saml.editable && input.attributeStatements ? input.attributeStatements : saml.attributeStatements;
}

function show(value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  return String(value);
}

const FILTER_LABELS: Record<string, string> = {
  STARTS_WITH: 'Starts with',
  EQUALS: 'Equals',
  CONTAINS: 'Contains',
  REGEX: 'Matches regex',
};

/** A statement as the console lists it: `user.email · Unspecified`, `groups Starts with "Eng" · Basic`. */
export function statementText(statement: SamlAttributeStatement): string {
  const format = FORMAT_LABELS[statement.namespace] ?? statement.namespace;
  if (statement.type === 'GROUP')
    return `groups ${FILTER_LABELS[statement.filterType ?? ''] ?? statement.filterType ?? ''} "${statement.filterValue ?? ''}" · ${format}`;
  return `${(statement.values ?? []).join(', ')} · ${format}`;
}

function row(key: string, label: string, planned: string, actual: string | undefined): SettingRow {
  return { key, label, planned, ...(actual === undefined ? {} : { actual }), matches: actual === planned };
}

/**
 * Planned beside actual for a custom SAML app; `app` undefined means there is none yet. With
 * `statementsAuthoritative` (the admin edits the list) a statement Okta has beyond it is planned away.
 */
export function customSettingRows(
  label: string,
  desired: SamlSignOn,
  app: OktaApp | undefined,
  statementsAuthoritative = false,
): SettingRow[] {
  const signOn = app?.settings.signOn ?? {};
  const rows = [row('label', 'App label', label, app?.label)];
  for (const field of SIGN_ON_FIELDS) {
    rows.push(row(field.key, field.label, show(desired[field.key]) ?? '', show(signOn[field.key])));
  }
  const actualStatements = signOn.attributeStatements ?? [];
  for (const statement of desired.attributeStatements ?? []) {
    const found = actualStatements.find((s) => s.name === statement.name);
    rows.push(
      row(
        `attribute:${statement.name}`,
        `${statement.type === 'GROUP' ? 'Group attribute statement' : 'Attribute statement'} "${statement.name}"`,
        statementText(statement),
        found ? statementText(found) : undefined,
      ),
    );
  }
  if (statementsAuthoritative) {
    const wanted = new Set((desired.attributeStatements ?? []).map((s) => s.name));
    for (const extra of actualStatements.filter((s) => !wanted.has(s.name))) {
      rows.push(row(`attribute:${extra.name}`, `Attribute statement "${extra.name}"`, REMOVED, statementText(extra)));
    }
  }
  return rows;
}

/** What a setting row plans for an attribute statement the admin took out of the list. */
export const REMOVED = '(removed)';

/** Planned beside actual for a catalog app: its label and, for Millie, the slug field. */
export function catalogSettingRows(
  label: string,
  slug: { field: string; value: string } | undefined,
  app: OktaApp | undefined,
): SettingRow[] {
  const rows = [row('label', 'App label', label, app?.label)];
  if (slug) rows.push(row('slug', 'Slug Name', slug.value, show(app?.settings.app?.[slug.field])));
  return rows;
}

/** Attribute statements on the app that the vendor did not ask for (kept, but worth a look). */
export function extraAttributes(app: OktaApp, wanted: readonly AttributeStatement[]): string[] {
  const names = new Set(wanted.map((s) => s.name));
  return (app.settings.signOn?.attributeStatements ?? []).filter((s) => !names.has(s.name)).map((s) => s.name);
}

/**
 * The app as read, with the wanted settings laid over it: a full replace (Okta's PUT) that keeps
 * everything else, including attribute statements the admin added.
 */
export function updatedApp(
  app: OktaApp,
  change: {
    label: string;
    signOn?: SamlSignOn;
    settingsApp?: Record<string, unknown>;
    statementsAuthoritative?: boolean;
  },
) {
  const signOn = app.settings.signOn ?? {};
  const wantedStatements = change.signOn?.attributeStatements ?? [];
  const keep = change.statementsAuthoritative
    ? []
    : (signOn.attributeStatements ?? []).filter((s) => !wantedStatements.some((w) => w.name === s.name));
  const nextSignOn = change.signOn
    ? { ...signOn, ...change.signOn, attributeStatements: [...wantedStatements, ...keep] }
    : signOn;
  return {
    name: app.name,
    label: change.label,
    signOnMode: app.signOnMode,
    settings: {
      ...app.settings,
      ...(change.settingsApp || app.settings.app ? { app: { ...app.settings.app, ...change.settingsApp } } : {}),
      signOn: nextSignOn,
    },
    ...(app.credentials ? { credentials: app.credentials } : {}),
    ...(app.visibility ? { visibility: app.visibility } : {}),
  };
}
