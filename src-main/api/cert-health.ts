import { z } from 'zod';

/**
 * How urgent a signing certificate's expiry is. The thresholds are the ones admins plan by: 90
 * days to schedule a rotation with the vendor, 30 to do it, 7 before sign-ins are at risk.
 */
export const CertLevelSchema = z.enum(['ok', 'plan', 'soon', 'urgent', 'expired']);
export type CertLevel = z.infer<typeof CertLevelSchema>;

export const CERT_THRESHOLDS_DAYS = { plan: 90, soon: 30, urgent: 7 } as const;

const DAY_MS = 86_400_000;

export interface CertExpiry {
  level: CertLevel;
  /** Whole days left, rounded down; negative once expired. */
  daysLeft: number;
  /** One line for an admin: when, and what to do. */
  message: string;
}

function day(iso: string): string {
  return new Date(iso).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

function days(n: number): string {
  return n === 1 ? '1 day' : `${n.toLocaleString('en-GB')} days`;
}

/** The level and words for a certificate that expires at `expiresAt`, seen at `now`. */
export function certExpiry(expiresAt: string, now: Date, vendorName: string): CertExpiry {
  const msLeft = new Date(expiresAt).getTime() - now.getTime();
  const daysLeft = Math.floor(msLeft / DAY_MS);
  const on = day(expiresAt);
  if (msLeft <= 0) {
    const ago = Math.max(0, Math.floor(-msLeft / DAY_MS));
    return {
      level: 'expired',
      daysLeft,
      message: `Expired ${ago === 0 ? 'today' : `${days(ago)} ago`} (${on}): sign-ins to ${vendorName} fail until the certificate is rotated. Rotate it now.`,
    };
  }
  if (daysLeft < CERT_THRESHOLDS_DAYS.urgent) {
    return {
      level: 'urgent',
      daysLeft,
      message: `Expires in ${daysLeft === 0 ? 'less than a day' : days(daysLeft)} (${on}): rotate today, or sign-ins to ${vendorName} stop working.`,
    };
  }
  if (daysLeft < CERT_THRESHOLDS_DAYS.soon) {
    return {
      level: 'soon',
      daysLeft,
      message: `Expires in ${days(daysLeft)} (${on}): rotate now; ${vendorName} must register the new certificate before the switch.`,
    };
  }
  if (daysLeft < CERT_THRESHOLDS_DAYS.plan) {
    return {
      level: 'plan',
      daysLeft,
      message: `Expires in ${days(daysLeft)} (${on}): plan the rotation with ${vendorName}.`,
    };
  }
  return { level: 'ok', daysLeft, message: `Valid until ${on} (${days(daysLeft)} left).` };
}

/** Worst first: the order the overview sorts by, before the days left. */
export const CERT_LEVEL_RANK: Record<CertLevel, number> = { expired: 0, urgent: 1, soon: 2, plan: 3, ok: 4 };

export const CertificateSchema = z.object({
  kid: z.string(),
  /** PEM of the leaf certificate (public). */
  pem: z.string(),
  /** SHA-256 over the DER, colon-separated hex, as vendors' admin pages show it. */
  fingerprintSha256: z.string(),
  subject: z.string(),
  notBefore: z.string(),
  expiresAt: z.string(),
});
export type Certificate = z.infer<typeof CertificateSchema>;

/** The signing certificate of an integration's app as last read from Okta. */
export const CertHealthSchema = z.object({
  integrationId: z.string(),
  /** When Okta was read: every figure below is as of this time. */
  readAt: z.string(),
  appId: z.string().optional(),
  certificate: CertificateSchema.optional(),
  level: CertLevelSchema.optional(),
  daysLeft: z.number().optional(),
  message: z.string(),
  /** Set when the read failed: the previous reading is not shown as current. */
  error: z.object({ code: z.string(), message: z.string(), hint: z.string() }).optional(),
});
export type CertHealth = z.infer<typeof CertHealthSchema>;
