import { createHash, randomBytes, X509Certificate } from 'node:crypto';
import { generateSigningCredentials } from './sso/signing-credentials';
import { CATALOG, type CatalogApp } from './catalog';
import { malformedBody, oktaError, validationFailed } from './errors';
import { IdPrefix, now, oktaId } from './ids';
import type { AppRecord, JsonObject, SigningKeyRecord } from './model';
import type { OrgState } from './state';

export const SIGNATURE_ALGORITHMS = ['RSA_SHA256', 'RSA_SHA1'];
export const DIGEST_ALGORITHMS = ['SHA256', 'SHA1'];
export const NAME_ID_FORMATS = [
  'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified',
  'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress',
  'urn:oasis:names:tc:SAML:1.1:nameid-format:x509SubjectName',
  'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent',
  'urn:oasis:names:tc:SAML:2.0:nameid-format:transient',
];
const SUPPORTED_MODES = ['SAML_2_0', 'BOOKMARK'];

/** The app JSON after validation and Okta's defaults, ready to become or replace an `AppRecord`. */
export interface PreparedApp {
  name: string;
  label: string;
  signOnMode: 'SAML_2_0' | 'BOOKMARK';
  body: JsonObject;
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function objectAt(value: unknown): JsonObject {
  return isObject(value) ? value : {};
}

function isHttpUrl(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/**
 * Validates a create or full-update body the way Okta does and fills Okta's defaults.
 * `existing` is the app being replaced (PUT): its name and signOnMode cannot change.
 */
export function prepareApp(input: unknown, state: OrgState, existing?: AppRecord): PreparedApp {
  if (!isObject(input)) throw malformedBody();
  const signOnMode = input.signOnMode;
  if (typeof signOnMode !== 'string' || !SUPPORTED_MODES.includes(signOnMode)) {
    throw validationFailed('signOnMode', [
      `signOnMode: Not one of the allowed values. The sandbox org creates ${SUPPORTED_MODES.join(' and ')} apps.`,
    ]);
  }
  if (existing && existing.signOnMode !== signOnMode) {
    throw validationFailed('signOnMode', [
      `signOnMode: An app's sign-on mode cannot change (this app is ${existing.signOnMode}).`,
    ]);
  }
  const settings = objectAt(input.settings);
  if (input.settings !== undefined && !isObject(input.settings)) throw malformedBody();
  const name = (typeof input.name === 'string' && input.name !== '' ? input.name : undefined) ?? existing?.name;
  if (existing && name !== existing.name)
    throw validationFailed('name', [`name: An app's name cannot change (this app is ${existing.name}).`]);
  const catalog = name === undefined ? undefined : CATALOG[name];
  if (signOnMode !== 'BOOKMARK' && name !== undefined && !catalog && name !== existing?.name) {
    throw validationFailed('name', [
      `name: No app named '${name}' in the app catalog; omit name to create a custom SAML app.`,
    ]);
  }
  const prepared =
    signOnMode === 'BOOKMARK'
      ? prepareBookmark(input, settings)
      : catalog
        ? prepareCatalog(catalog, input, settings)
        : prepareCustomSaml(input, settings, state, existing);
  // Okta checks the label's uniqueness after the fields themselves.
  const clash = [...state.apps.values()].some(
    (a) => a.id !== existing?.id && a.label.toLowerCase() === prepared.label.toLowerCase(),
  );
  if (clash)
    throw oktaError(400, 'E0000040', 'Application label must not be the same as an existing application label.');
  return prepared;
}

function requireLabel(input: JsonObject, fallback?: string): string {
  const label = typeof input.label === 'string' && input.label.trim() !== '' ? input.label.trim() : fallback;
  if (label === undefined) throw validationFailed('label', ['label: The field cannot be left blank.']);
  return label;
}

/** Okta's defaults for the parts every app has, merged under what the caller sent. */
function appBody(input: JsonObject, linkName: string, settings: JsonObject): JsonObject {
  const visibility = objectAt(input.visibility);
  return {
    accessibility: {
      selfService: false,
      errorRedirectUrl: null,
      loginRedirectUrl: null,
      ...objectAt(input.accessibility),
    },
    visibility: {
      autoSubmitToolbar: false,
      hide: { iOS: false, web: false },
      autoLaunch: false,
      ...visibility,
      appLinks: { [linkName]: true, ...objectAt(visibility.appLinks) },
    },
    credentials: {
      userNameTemplate: {
        template: '${source.login}',
        type: 'BUILT_IN',
        ...objectAt(objectAt(input.credentials).userNameTemplate),
      },
      signing: {},
    },
    settings: {
      notifications: { vpn: { network: { connection: 'DISABLED' }, message: null, helpUrl: null } },
      manualProvisioning: false,
      implicitAssignment: false,
      notes: { admin: null, enduser: null },
      ...settings,
    },
    ...(input.profile === undefined ? {} : { profile: input.profile }),
  };
}

function prepareBookmark(input: JsonObject, settings: JsonObject): PreparedApp {
  if (input.name !== undefined && input.name !== 'bookmark') {
    throw validationFailed('name', [`name: A bookmark app's name is 'bookmark', not '${String(input.name)}'.`]);
  }
  const label = requireLabel(input);
  const app = objectAt(settings.app);
  if (app.url === undefined || app.url === '') throw validationFailed('url', ['url: The field cannot be left blank.']);
  if (!isHttpUrl(app.url))
    throw validationFailed('url', [`url: '${String(app.url)}' is not a valid URL; use an absolute https:// address.`]);
  const body = appBody(input, 'login', { ...settings, app: { requestIntegration: false, ...app } });
  return { name: 'bookmark', label, signOnMode: 'BOOKMARK', body };
}

function prepareCatalog(catalog: CatalogApp, input: JsonObject, settings: JsonObject): PreparedApp {
  const label = requireLabel(input, catalog.displayName);
  const app = objectAt(settings.app);
  for (const [field, rule] of Object.entries(catalog.requiredSettings)) {
    const value = app[field];
    if (value === undefined || value === '')
      throw validationFailed(field, [`${field}: The field cannot be left blank.`]);
    if (typeof value !== 'string' || !rule.pattern.test(value)) {
      throw validationFailed(field, [
        `${field}: '${String(value)}' is not valid; use lowercase letters, digits and hyphens, e.g. ${rule.example}.`,
      ]);
    }
  }
  const signOnInput = objectAt(settings.signOn);
  checkAttributeStatements(signOnInput.attributeStatements);
  const signOn = {
    defaultRelayState: null,
    ssoAcsUrlOverride: null,
    audienceOverride: null,
    recipientOverride: null,
    destinationOverride: null,
    attributeStatements: [],
    configuredAttributeStatements: [],
    allowMultipleAcsEndpoints: false,
    acsEndpoints: [],
    assertionSigned: true,
    responseSigned: true,
    honorForceAuthn: true,
    requestCompressed: false,
    ...signOnInput,
  };
  const body = appBody(input, `${catalog.name}_link`, { ...settings, app, signOn });
  return { name: catalog.name, label, signOnMode: 'SAML_2_0', body };
}

function prepareCustomSaml(
  input: JsonObject,
  settings: JsonObject,
  state: OrgState,
  existing: AppRecord | undefined,
): PreparedApp {
  const label = requireLabel(input);
  if (settings.signOn !== undefined && !isObject(settings.signOn)) throw malformedBody();
  const signOnInput = objectAt(settings.signOn);
  checkAttributeStatements(signOnInput.attributeStatements);
  checkSamlFields(signOnInput);
  const acs = signOnInput.ssoAcsUrl;
  const signOn = {
    defaultRelayState: '',
    ssoAcsUrl: acs,
    idpIssuer: 'http://www.okta.com/${org.externalKey}',
    audience: signOnInput.audience,
    recipient: acs,
    destination: acs,
    subjectNameIdTemplate: '${user.userName}',
    subjectNameIdFormat: NAME_ID_FORMATS[0],
    responseSigned: true,
    assertionSigned: true,
    signatureAlgorithm: 'RSA_SHA256',
    digestAlgorithm: 'SHA256',
    honorForceAuthn: true,
    authnContextClassRef: 'urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport',
    spIssuer: null,
    requestCompressed: false,
    attributeStatements: [],
    inlineHooks: [],
    allowMultipleAcsEndpoints: false,
    acsEndpoints: [],
    samlSignedRequestEnabled: false,
    slo: { enabled: false },
    participateSlo: { enabled: false },
    ssoAcsUrlOverride: null,
    audienceOverride: null,
    recipientOverride: null,
    destinationOverride: null,
    ...signOnInput,
  };
  const name = existing?.name ?? customAppName(state, label);
  const body = appBody(input, `${name}_link`, { ...settings, app: objectAt(settings.app), signOn });
  return { name, label, signOnMode: 'SAML_2_0', body };
}

function checkSamlFields(signOn: JsonObject): void {
  const url = (field: string, required: boolean): void => {
    const value = signOn[field];
    if (value === undefined || value === null || value === '') {
      if (required) throw validationFailed(field, [`${field}: The field cannot be left blank.`]);
      return;
    }
    if (!isHttpUrl(value))
      throw validationFailed(field, [
        `${field}: '${String(value)}' is not a valid URL; use an absolute https:// address.`,
      ]);
  };
  url('ssoAcsUrl', true);
  url('recipient', false);
  url('destination', false);
  if (typeof signOn.audience !== 'string' || signOn.audience.trim() === '')
    throw validationFailed('audience', ['audience: The field cannot be left blank.']);
  const oneOf = (field: string, allowed: string[]): void => {
    const value = signOn[field];
    if (value !== undefined && (typeof value !== 'string' || !allowed.includes(value))) {
      throw validationFailed(field, [`${field}: Not one of the allowed values (${allowed.join(', ')}).`]);
    }
  };
  oneOf('signatureAlgorithm', SIGNATURE_ALGORITHMS);
  oneOf('digestAlgorithm', DIGEST_ALGORITHMS);
  oneOf('subjectNameIdFormat', NAME_ID_FORMATS);
}

/** Okta answers a mis-shaped attribute statement list with E0000003, not a field error. */
function checkAttributeStatements(value: unknown): void {
  if (value === undefined) return;
  if (!Array.isArray(value)) throw malformedBody();
  for (const statement of value) {
    if (!isObject(statement) || typeof statement.name !== 'string' || statement.name === '') throw malformedBody();
    const type = statement.type ?? 'EXPRESSION';
    if (type === 'EXPRESSION') {
      if (!Array.isArray(statement.values) || !statement.values.every((v) => typeof v === 'string'))
        throw malformedBody();
    } else if (type === 'GROUP') {
      if (!['STARTS_WITH', 'EQUALS', 'CONTAINS', 'REGEX'].includes(String(statement.filterType)))
        throw validationFailed('filterType', [
          'filterType: Not one of the allowed values (STARTS_WITH, EQUALS, CONTAINS, REGEX)',
        ]);
      if (typeof statement.filterValue !== 'string' || statement.filterValue === '')
        throw validationFailed('filterValue', ['filterValue: The field cannot be left blank.']);
    } else {
      throw malformedBody();
    }
  }
}

/** `{org}_{label letters and digits}_{n}`, n counting up per label like Okta's AIW. */
function customAppName(state: OrgState, label: string): string {
  const slug = label.toLowerCase().replace(/[^a-z0-9]/g, '') || 'app';
  const prefix = `${state.orgName}_${slug}_`;
  let n = 0;
  for (const app of state.apps.values()) {
    if (app.name.startsWith(prefix)) n = Math.max(n, Number(app.name.slice(prefix.length)) || 0);
  }
  return `${prefix}${n + 1}`;
}

export function newAppRecord(prepared: PreparedApp, state: OrgState, activate: boolean): AppRecord {
  const at = now();
  const signingKeys = prepared.signOnMode === 'SAML_2_0' ? [newSigningKey(state.orgName)] : [];
  const app: AppRecord = {
    id: oktaId(IdPrefix.app),
    name: prepared.name,
    label: prepared.label,
    status: activate ? 'ACTIVE' : 'INACTIVE',
    signOnMode: prepared.signOnMode,
    created: at,
    lastUpdated: at,
    features: [],
    entityKey: oktaId(IdPrefix.entityKey),
    appLinkId: oktaId(IdPrefix.appLink),
    signingKeys,
    csrs: [],
    body: prepared.body,
  };
  withSigningKid(app);
  return app;
}

/**
 * Keeps `credentials.signing.kid` naming one of the app's keys: `kid` when given (a replace that
 * switches the signing key), else the key it named before the body was replaced, else the first.
 */
export function withSigningKid(app: AppRecord, kid?: string, previousKid?: string): void {
  const credentials = objectAt(app.body.credentials);
  const key =
    app.signingKeys.find((k) => k.kid === (kid ?? previousKid)) ?? (kid === undefined ? app.signingKeys[0] : undefined);
  credentials.signing = key ? { kid: key.kid } : {};
  app.body.credentials = credentials;
}

/** The kid a create or replace body asks to sign with (`credentials.signing.kid`), if any. */
export function requestedSigningKid(input: unknown): string | undefined {
  if (!isObject(input)) return undefined;
  const kid = objectAt(objectAt(input.credentials).signing).kid;
  return typeof kid === 'string' && kid !== '' ? kid : undefined;
}

export function activeSigningKey(app: AppRecord): SigningKeyRecord | undefined {
  const kid = objectAt(objectAt(app.body.credentials).signing).kid;
  return app.signingKeys.find((k) => k.kid === kid) ?? app.signingKeys[0];
}

/** Okta's app signing certificates: 10 years for the key an app is created with. */
export function newSigningKey(orgName: string, validityYears = 10): SigningKeyRecord {
  const credentials = generateSigningCredentials({
    commonName: orgName,
    organization: 'Okta',
    validDays: Math.round(validityYears * 365.25),
  });
  return signingKeyRecord(credentials.privateKeyPem, credentials.certificatePem);
}

/** A key credential for a private key and its certificate (generated, or published against a CSR). */
export function signingKeyRecord(privateKeyPem: string, certificatePem: string): SigningKeyRecord {
  const cert = new X509Certificate(certificatePem);
  const jwk = cert.publicKey.export({ format: 'jwk' });
  const at = now();
  return {
    kid: randomBytes(32).toString('base64url'),
    created: at,
    lastUpdated: at,
    expiresAt: new Date(cert.validTo).toISOString(),
    privateKeyPem,
    certificatePem: cert.toString(),
    certificateBase64: cert.raw.toString('base64'),
    n: jwk.n ?? '',
    e: jwk.e ?? '',
    x5tS256: createHash('sha256').update(cert.raw).digest('base64url'),
  };
}
