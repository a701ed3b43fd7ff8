import { z } from 'zod';
import { CertHealthSchema, CertLevelSchema } from './cert-health';
import { CertViewSchema, RotationRegisterValuesSchema, RotationStageSchema } from './cert-rotation';
import { channel } from './channel';
import { CsrSubjectSchema, MAX_CSR_DNS_NAMES } from './csr-subject';

const IntegrationRef = z.object({ integrationId: z.string().min(1) });

export const RotationActionSchema = z.union([
  z.object({ stage: z.literal('generate') }),
  /** Instead of generate: Okta makes the key pair and a CSR for the admin's CA (the private key stays in Okta). */
  z.object({
    stage: z.literal('csr'),
    subject: CsrSubjectSchema,
    dnsNames: z.array(z.string().max(253)).max(MAX_CSR_DNS_NAMES * 2),
  }),
  /**
   * The certificate the CA issued for the CSR: PEM text, or a DER file in base64. Only the
   * certificate crosses; nothing in it is secret.
   */
  z.object({ stage: z.literal('publish'), certificate: z.string().max(256 * 1024) }),
  /** Revokes the open CSR in Okta and goes back to the choice (a CA refused it, or the subject was wrong). */
  z.object({ stage: z.literal('discard-csr') }),
  z.object({ stage: z.literal('register'), via: z.enum(['copied', 'email']) }),
  z.object({ stage: z.literal('switch') }),
  z.object({ stage: z.literal('test'), via: z.literal('window') }),
  /** The test user's password, used once for this sign-in and kept nowhere. */
  z.object({
    stage: z.literal('test'),
    via: z.literal('password'),
    password: z.string().min(1, "Enter the test user's Okta password"),
  }),
  z.object({ stage: z.literal('confirm') }),
  z.object({ stage: z.literal('switch-back') }),
  z.object({ stage: z.literal('cancel') }),
]);

export const ValidityYearsSchema = z.coerce
  .number({ message: 'validityYears: enter a whole number of years from 2 to 10' })
  .int('validityYears: enter a whole number of years from 2 to 10')
  .min(2, 'validityYears: Okta issues app signing certificates for at least 2 years')
  .max(10, 'validityYears: Okta issues app signing certificates for at most 10 years');

/** One integration in the overview of every client: what needs the admin, from what main last saw. */
export const OverviewRowSchema = z.object({
  clientId: z.string(),
  clientName: z.string(),
  practice: z.boolean(),
  integrationId: z.string(),
  label: z.string(),
  vendorName: z.string(),
  /** e.g. "5 of 7 required verified, 1 failed". */
  progress: z.string(),
  complete: z.boolean(),
  /** The stalest read-back among verified steps, when any step is verified. */
  oldestVerifiedAt: z.string().optional(),
  failing: z.array(z.object({ stepId: z.string(), stepTitle: z.string(), check: z.string() })),
  cert: CertHealthSchema.optional(),
  rotationStage: RotationStageSchema.optional(),
  /** Worst first; undefined when the certificate was never read. */
  certLevel: CertLevelSchema.optional(),
  /** Why this row is on top, in words; empty when nothing needs the admin. */
  attention: z.array(z.string()),
});
export type OverviewRow = z.infer<typeof OverviewRowSchema>;

export const OverviewSchema = z.object({ rows: z.array(OverviewRowSchema), builtAt: z.string() });
export type Overview = z.infer<typeof OverviewSchema>;

/** Certificate health, the guided rotation, and the overview of every client's integrations. */
export const certsChannels = {
  /** What main last read (no network). */
  view: channel(IntegrationRef, CertViewSchema),
  /** Reads the signing certificate from Okta now. */
  check: channel(IntegrationRef, CertViewSchema),
  start: channel(IntegrationRef.extend({ validityYears: ValidityYearsSchema }), CertViewSchema),
  advance: channel(IntegrationRef.extend({ action: RotationActionSchema }), CertViewSchema),
  /** The new certificate's values for the vendor, with a ready email. */
  registerValues: channel(IntegrationRef, RotationRegisterValuesSchema),
  /** Every client's integrations, needing attention first (no network). */
  overview: channel(z.object({}), OverviewSchema),
  /** Reads every integration's signing certificate from Okta now, then the overview. */
  checkAll: channel(z.object({ clientId: z.string().optional() }), OverviewSchema),
};
