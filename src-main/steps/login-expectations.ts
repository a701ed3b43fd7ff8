import type { LoginCaptureRecord, LoginMode, LoginResult, TestLoginObserved } from '../api/step-test-login';
import { checkExpression } from '../api/okta-expression';
import { AppError } from '../errors';
import type { OktaApp, OktaUser } from '../okta/org-api';
import { assertionInResponseTo } from '../saml/login-capture/authn-request';
import { checkSamlResponse } from '../saml/response-check';
import type { VendorProfile } from '../vendors/profile';

type Targets = Pick<TestLoginObserved['expected'], 'acsUrl' | 'recipient' | 'destination' | 'audience'>;

function text(record: Record<string, unknown> | undefined, key: string): string | undefined {
  const value = record?.[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * Where the app's responses go and who they are for. A custom app says so in `settings.signOn`;
 * a catalog app keeps them in its template (only `*Override` fields show), so the profile knows them.
 */
export function samlTargets(profile: VendorProfile, app: OktaApp): Targets {
  const signOn = app.settings.signOn;
  const settingsApp = app.settings.app;
  const fill = (template: string) =>
    template.replace(/\{(\w+)\}/g, (_whole, field: string) => text(settingsApp, field) ?? `{${field}}`);
  const catalog = profile.login.catalogSaml;
  const acsUrl =
    text(signOn, 'ssoAcsUrl') ?? text(signOn, 'ssoAcsUrlOverride') ?? (catalog ? fill(catalog.acsUrl) : undefined);
  const audience =
    text(signOn, 'audience') ?? text(signOn, 'audienceOverride') ?? (catalog ? fill(catalog.audience) : undefined);
  if (!acsUrl || !audience) {
    throw new AppError(
      'TEST_LOGIN_NO_ACS',
      `The Okta app "${app.label}" has no Single sign-on URL or Audience URI, so a response cannot be checked against them.`,
      'Finish the app step (its SAML settings) first.',
    );
  }
  return {
    acsUrl,
    audience,
    recipient: text(signOn, 'recipient') ?? text(signOn, 'recipientOverride') ?? acsUrl,
    destination: text(signOn, 'destination') ?? text(signOn, 'destinationOverride') ?? acsUrl,
  };
}

type ExpectedAttribute = TestLoginObserved['expected']['attributes'][number];

/**
 * Every attribute statement the app sends, with the value this user must get where it can be
 * predicted (`user.x`; `user.id` is the Okta user id), and the likely cause should it be missing.
 * Where the admin edits the statements (custom SAML), the app's own list is the requirement.
 * `profileAttributes` (the org's user schema) lets a missing one be blamed on a misspelt attribute.
 */
export function expectedAttributes(
  profile: VendorProfile,
  user: OktaUser,
  app?: OktaApp,
  profileAttributes?: readonly string[],
): ExpectedAttribute[] {
  const saml = profile.app.kind === 'catalog' ? undefined : profile.app.saml;
  const fromApp = (app?.settings.signOn?.attributeStatements ?? [])
    .filter((s) => s.type !== 'GROUP')
    .map((s) => ({ name: s.name, value: s.values?.[0] ?? '' }));
  const statements = saml?.editable && app ? fromApp : (saml?.attributeStatements ?? []);
  return statements.map((statement): ExpectedAttribute => {
    const expression = statement.value.trim();
    const report = checkExpression(expression, profileAttributes);
    const base = { name: statement.name, expression };
    const problem = report.error ?? report.warning;
    if (problem) return { ...base, ifMissing: problem };
    const plain = report.plainReference;
    if (plain?.object !== 'user') {
      return {
        ...base,
        ifMissing: `Okta sent nothing for ${expression}; preview the app's SAML assertion for this user in the Admin Console (Sign On tab) to see why.`,
      };
    }
    const raw = plain.attribute === 'id' ? user.id : user.profile[plain.attribute];
    const value =
      typeof raw === 'string' && raw !== '' ? raw : Array.isArray(raw) ? raw.map(String).join(',') : undefined;
    return value === undefined || value === ''
      ? {
          ...base,
          ifMissing: `${user.profile.login}'s ${plain.attribute} is empty, and Okta leaves out a statement with no value: fill it in on the user's profile or test with another user.`,
        }
      : { ...base, value, ifMissing: `Okta sent nothing for ${expression} although ${user.profile.login} has one.` };
  });
}

/** Says which statement a missing attribute comes from and why it is probably missing. */
function explainMissing(
  checks: LoginResult['checks'],
  attributes: readonly ExpectedAttribute[],
): LoginResult['checks'] {
  return checks.map((c) => {
    if (
      c.status !== 'fail' ||
      !c.name.startsWith('attribute:') ||
      !c.detail.startsWith('The assertion has no attribute')
    )
      return c;
    const expected = attributes.find((a) => `attribute:${a.name}` === c.name);
    if (!expected) return c;
    return {
      ...c,
      detail: `The assertion has no attribute "${expected.name}", although the app has the statement ${expected.name} = ${expected.expression ?? ''}. Likely cause: ${expected.ifMissing ?? 'Okta had no value for it.'}`,
    };
  });
}

function requestCheck(
  mode: LoginMode,
  trusted: boolean,
  inResponseTo: string | undefined,
  requestId: string | undefined,
): LoginResult['checks'][number] {
  const name = 'in-response-to';
  if (!trusted)
    return {
      name,
      status: 'fail',
      detail: 'Not trusted: the signature did not verify, so InResponseTo was not checked.',
    };
  if (mode === 'idp') {
    return inResponseTo === undefined
      ? {
          name,
          status: 'pass',
          detail: 'No InResponseTo: the IdP started this sign-in, as an IdP-initiated login should.',
        }
      : {
          name,
          status: 'fail',
          detail: `The response answers AuthnRequest ${inResponseTo}: it is SP-initiated. Start from the app's embed link (the Okta dashboard tile).`,
        };
  }
  if (inResponseTo === undefined)
    return {
      name,
      status: 'fail',
      detail:
        "The response answers no AuthnRequest (no InResponseTo): it is IdP-initiated. Start from the vendor's login page.",
    };
  if (requestId === undefined)
    return {
      name,
      status: 'warn',
      detail: `The response answers AuthnRequest ${inResponseTo}; the request itself was not captured, so the ID was not compared.`,
    };
  return inResponseTo === requestId
    ? { name, status: 'pass', detail: `InResponseTo is ${requestId}, the ID of the AuthnRequest sent.` }
    : {
        name,
        status: 'fail',
        detail: `InResponseTo is ${inResponseTo}, but the AuthnRequest sent had ID ${requestId}: the response answers another sign-in.`,
      };
}

/** Checks a captured response against the app as it is now, at the time it was captured. */
export async function checkCapture(
  mode: LoginMode,
  capture: LoginCaptureRecord,
  expected: TestLoginObserved['expected'],
  certificatePem: string,
): Promise<LoginResult> {
  const result = await checkSamlResponse(capture.samlResponse, {
    idpCertificates: [certificatePem],
    idpIssuer: expected.issuer,
    audience: expected.audience,
    recipient: expected.recipient,
    destination: expected.destination,
    email: expected.nameId,
    attributes: expected.attributes,
    now: new Date(capture.capturedAt),
  });
  const trusted =
    result.checks.some((c) => c.name === 'signature' && c.status === 'pass') && result.assertionXml !== undefined;
  const inResponseTo = trusted && result.assertionXml ? assertionInResponseTo(result.assertionXml) : undefined;
  const checks: LoginResult['checks'] = [
    ...explainMissing(result.checks, expected.attributes),
    requestCheck(mode, trusted, inResponseTo, capture.requestId),
  ];
  return {
    mode,
    via: capture.via,
    capturedAt: capture.capturedAt,
    valid: checks.every((c) => c.status !== 'fail'),
    checks,
    ...(result.assertionXml ? { assertionXml: result.assertionXml } : {}),
  };
}
