import type { Certificate } from '../api/cert-health';
import { AppError } from '../errors';
import type { AppKey, OktaApp, OktaOrgApi } from '../okta/org-api';
import { inspectCertificate } from '../saml/certificate';

/** The kid an app signs with (`credentials.signing.kid`), as Okta answers it. */
export function signingKidOf(app: OktaApp): string | undefined {
  const signing = app.credentials?.signing;
  if (typeof signing !== 'object' || signing === null) return undefined;
  const kid = (signing as Record<string, unknown>).kid;
  return typeof kid === 'string' && kid !== '' ? kid : undefined;
}

export function certificateOfKey(key: AppKey, now: Date): Certificate {
  const leaf = key.x5c[0];
  if (leaf === undefined) {
    throw new AppError(
      'KEY_WITHOUT_CERTIFICATE',
      `Okta answered signing key ${key.kid} without a certificate (no x5c).`,
      'Read it again later; if it persists, report it to Okta support with the key id.',
    );
  }
  const facts = inspectCertificate(leaf, now);
  return {
    kid: key.kid,
    pem: facts.pem,
    fingerprintSha256: facts.sha256Fingerprint,
    subject: facts.subject,
    notBefore: facts.notBefore,
    expiresAt: facts.notAfter,
  };
}

/** Reads the app and the certificate of the key it signs with now, from Okta. */
export async function readSigningCertificate(
  okta: OktaOrgApi,
  appId: string,
  now: Date,
): Promise<{ app: OktaApp; certificate: Certificate }> {
  const app = await okta.getApp(appId);
  if (app === undefined) {
    throw new AppError(
      'APP_GONE',
      `The app ${appId} is no longer in Okta.`,
      'Check Applications in the Admin Console; if it was deleted, run the app step again.',
    );
  }
  const kid = signingKidOf(app);
  if (kid === undefined) {
    throw new AppError(
      'APP_NOT_SIGNING',
      `"${app.label}" has no signing key (credentials.signing.kid is empty): it is not a SAML app Okta signs for.`,
      'Certificates apply to SAML 2.0 apps; check the app step.',
    );
  }
  const key = await okta.getAppKey(appId, kid);
  if (key === undefined) {
    throw new AppError(
      'SIGNING_KEY_MISSING',
      `"${app.label}" names signing key ${kid}, but Okta has no such key for the app.`,
      'Open the app in the Admin Console (Sign On > SAML Signing Certificates) and make one key active.',
    );
  }
  return { app, certificate: certificateOfKey(key, now) };
}
