import type { LoginCaptureRecord, LoginMode, LoginResult, TestLoginObserved } from '../api/step-test-login';
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

/**
 * The attributes the vendor requires, with the value this user must get (`user.id` is the Okta
 * user id). Where the admin edits the statements (custom SAML), the app's own list is the requirement.
 */
export function expectedAttributes(
  profile: VendorProfile,
  user: OktaUser,
  app?: OktaApp,
): { name: string; value: string }[] {
  const saml = profile.app.kind === 'catalog' ? undefined : profile.app.saml;
  const fromApp = (app?.settings.signOn?.attributeStatements ?? []).map((s) => ({
    name: s.name,
    value: s.values?.[0] ?? '',
  }));
  const statements = saml?.editable && app ? fromApp : (saml?.attributeStatements ?? []);
  return statements.flatMap((statement) => {
    const match = /^user\.(\w+)$/.exec(statement.value.trim());
    if (!match?.[1]) return [];
    const value = match[1] === 'id' ? user.id : user.profile[match[1]];
    return typeof value === 'string' ? [{ name: statement.name, value }] : [];
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
    ...result.checks,
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
