import { MetadataInputSchema, type MetadataInput, type MetadataObserved } from '../api/step-metadata';
import type { Check } from '../api/steps';
import { AppError } from '../errors';
import { inspectCertificate } from '../saml/certificate';
import { loadMetadata } from '../saml/load-metadata';
import { inspectMetadata } from '../saml/metadata';
import { defineStep } from './step';
import { idpSsoUrl, oktaEntityKey, oktaIssuer, publicMetadataUrl } from './metadata-urls';

const HTTP_POST = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST';

/** Whether the public metadata URL serves the same IdP as the API: that URL is what the vendor fetches. */
async function publicMetadata(
  url: string,
  entityId: string,
  certificate: string | undefined,
  now: Date,
): Promise<MetadataObserved['publicMetadata']> {
  try {
    const report = inspectMetadata((await loadMetadata(url)).xml, now);
    const same = report.entityId === entityId && report.certificates[0]?.sha256Fingerprint === certificate;
    return {
      ok: same,
      detail: same
        ? 'Answers without sign-in with the same issuer and certificate.'
        : `Answers with another IdP (${report.entityId}).`,
    };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { ok: false, detail: error.message };
  }
}

/** Checks on what Okta publishes; pure, so the rules are tested without an org. */
export function metadataChecks(observed: MetadataObserved): Check[] {
  const { report, expected } = observed;
  const cert = report.certificates[0];
  const checks: Check[] = [
    {
      id: 'metadata-url',
      label: 'The Metadata URL is public',
      status: observed.publicMetadata.ok ? 'pass' : 'fail',
      detail: observed.publicMetadata.detail,
      evidence: observed.metadataUrl,
    },
    {
      id: 'issuer',
      label: 'The issuer is the one Okta publishes',
      status: report.entityId === expected.issuer ? 'pass' : 'fail',
      detail:
        "The metadata's entityID is the issuer the app is configured with (Okta's default: http://www.okta.com/{exk…}).",
      evidence: `metadata: ${report.entityId} · expected: ${expected.issuer}`,
    },
  ];
  const wrongSso = report.ssoServices.filter((s) => s.location !== expected.ssoUrl);
  checks.push({
    id: 'sso-url',
    label: "The SSO URL is the app's",
    status: wrongSso.length === 0 && report.ssoServices.length > 0 ? 'pass' : 'fail',
    detail:
      wrongSso.length === 0
        ? "Every binding points at the app's sign-in URL."
        : `Unexpected: ${wrongSso.map((s) => s.location).join(', ')}`,
    evidence: expected.ssoUrl,
  });
  if (!cert) return checks;
  const codes = new Set(cert.findings.map((f) => f.code));
  const expiry = codes.has('CERT_EXPIRED')
    ? 'fail'
    : codes.has('CERT_EXPIRES_SOON')
      ? 'warn'
      : codes.has('CERT_NOT_YET_VALID')
        ? 'fail'
        : 'pass';
  checks.push({
    id: 'cert-validity',
    label: 'The signing certificate is valid',
    status: expiry,
    detail:
      cert.findings.find((f) => f.code.startsWith('CERT_EXP') || f.code === 'CERT_NOT_YET_VALID')?.message ??
      `Valid for ${cert.daysToExpiry} more days.`,
    evidence: `${cert.notBefore} → ${cert.notAfter}`,
  });
  checks.push({
    id: 'cert-signature',
    label: 'The certificate is signed with SHA-256 or better',
    status: codes.has('CERT_SHA1_SIGNATURE') ? 'warn' : 'pass',
    detail: cert.findings.find((f) => f.code === 'CERT_SHA1_SIGNATURE')?.message ?? 'No SHA-1.',
    evidence: cert.signatureAlgorithm,
  });
  checks.push({
    id: 'cert-key',
    label: 'The key is strong enough',
    status: codes.has('CERT_WEAK_KEY') ? 'fail' : 'pass',
    detail: cert.findings.find((f) => f.code === 'CERT_WEAK_KEY')?.message ?? 'At least 2048-bit RSA (or 256-bit EC).',
    evidence: `${cert.keyType} ${cert.keyBits} bits`,
  });
  const key = observed.activeKey;
  checks.push({
    id: 'cert-active-key',
    label: "The certificate is the app's active signing key",
    status: key?.matchesMetadata ? 'pass' : 'fail',
    detail: key
      ? key.matchesMetadata
        ? 'Okta signs with the certificate it publishes.'
        : "The metadata shows another certificate than the app's active key; the vendor would reject Okta's signatures."
      : 'The app has no active signing key.',
    evidence: key ? `kid ${key.kid} · SHA-256 ${cert.sha256Fingerprint}` : cert.sha256Fingerprint,
  });
  return checks;
}

/** The app's Metadata URL, issuer, SSO URL and signing certificate, as Okta publishes them. */
export const metadataStep = defineStep<MetadataInput, MetadataObserved>({
  id: 'metadata',
  input: MetadataInputSchema,
  defaults: () => ({}),
  needs: [{ step: 'app', fact: 'appId', why: "The metadata belongs to the vendor's app, which is not in Okta yet." }],
  async inspect(ctx) {
    const okta = await ctx.okta();
    const appId = ctx.facts.appId ?? '';
    const app = await okta.getApp(appId);
    if (!app)
      throw new AppError(
        'APP_GONE',
        `The app ${appId} is no longer in Okta.`,
        'Go back to the app step and click Check Okta to find or add it again.',
      );
    const report = inspectMetadata(await okta.getAppMetadataXml(app.id), ctx.now());
    const entityKey = oktaEntityKey(report.entityId);
    if (!entityKey) {
      throw new AppError(
        'METADATA_NOT_OKTA',
        `The app's metadata names the issuer ${report.entityId}, not Okta's http://www.okta.com/exk… form, so its public Metadata URL cannot be worked out.`,
        "If the app has a custom issuer, copy the Metadata URL from its Sign On tab in the Admin Console; otherwise check that this client's org URL is the org the app lives in.",
      );
    }
    const metadataUrl = publicMetadataUrl(okta.orgUrl, entityKey);
    // A custom app shows its issuer as the template `http://www.okta.com/${org.externalKey}`; a fixed value must be published as is.
    const issuerSetting = app.settings.signOn?.idpIssuer;
    const configuredIssuer = issuerSetting && !issuerSetting.includes('${') ? issuerSetting : undefined;
    const cert = report.certificates[0];
    const kid =
      app.credentials?.signing && typeof app.credentials.signing === 'object'
        ? (app.credentials.signing as { kid?: unknown }).kid
        : undefined;
    const keys = await okta.listAppKeys(app.id);
    const active = keys.find((k) => k.kid === kid) ?? keys[0];
    const activeCert = active?.x5c[0];
    const sso = report.ssoServices.find((s) => s.binding === HTTP_POST) ?? report.ssoServices[0];
    ctx.learn({
      metadataUrl,
      idpIssuer: report.entityId,
      ...(sso ? { idpSsoUrl: sso.location } : {}),
      ...(cert ? { certificatePem: cert.pem } : {}),
    });
    return {
      appId: app.id,
      appLabel: app.label,
      metadataUrl,
      publicMetadata: await publicMetadata(metadataUrl, report.entityId, cert?.sha256Fingerprint, ctx.now()),
      report,
      expected: {
        issuer: configuredIssuer ?? oktaIssuer(entityKey),
        ssoUrl: idpSsoUrl(okta.orgUrl, app.name, entityKey),
      },
      ...(active
        ? {
            activeKey: {
              kid: active.kid,
              ...(active.expiresAt ? { expiresAt: active.expiresAt } : {}),
              matchesMetadata:
                activeCert !== undefined &&
                cert !== undefined &&
                inspectCertificate(activeCert, ctx.now()).sha256Fingerprint === cert.sha256Fingerprint,
            },
          }
        : {}),
    };
  },
  plan: () => [],
  async apply() {
    // Nothing to write: the metadata is Okta's; this step reads and checks it.
  },
  verify: async (_ctx, observed) => metadataChecks(observed),
});
