import { z } from 'zod';
import { CertHealthSchema, CertificateSchema } from './cert-health';
import { CsrSubjectSchema } from './csr-subject';

/**
 * The stages of a signing-key rotation, in order. Each names what is to be done next:
 * `generate` a new key in Okta (Okta generates it, or makes a CSR your CA signs and you publish);
 * `register` it with the vendor (the admin reports it, the app cannot
 * see the vendor's side); `switch` the app to it; `test` an SP-initiated login through the vendor on
 * the new key; `confirm` that the old key may be retired; `done`.
 */
export const ROTATION_STAGES = ['generate', 'register', 'switch', 'test', 'confirm', 'done'] as const;
export const RotationStageSchema = z.enum(ROTATION_STAGES);
export type RotationStage = z.infer<typeof RotationStageSchema>;

export const ROTATION_STAGE_TITLE: Record<RotationStage, string> = {
  generate: 'Make the new signing key in Okta',
  register: 'Register the new certificate with the vendor',
  switch: 'Switch the app to the new key',
  test: 'Prove it with a test login through the vendor',
  confirm: 'Confirm, then retire the old key',
  done: 'Finished',
};

/** An Okta write the rotation is about to make, saved before it leaves so a killed run can settle it. */
export const RotationPendingSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('generate'), at: z.string(), knownKids: z.array(z.string()) }),
  z.object({ op: z.literal('switch'), at: z.string(), kid: z.string() }),
  z.object({
    op: z.literal('csr'),
    at: z.string(),
    knownCsrIds: z.array(z.string()),
    /** What was asked for, so a resume after a restart can finish the request without the form. */
    subject: CsrSubjectSchema.optional(),
    dnsNames: z.array(z.string()).optional(),
  }),
  z.object({ op: z.literal('publish'), at: z.string(), knownKids: z.array(z.string()), csrId: z.string() }),
]);
export type RotationPending = z.infer<typeof RotationPendingSchema>;

export const RotationCheckSchema = z.object({
  name: z.string(),
  status: z.enum(['pass', 'warn', 'fail']),
  detail: z.string(),
});

export const RotationTestSchema = z.object({
  at: z.string(),
  via: z.enum(['password', 'window']),
  userLogin: z.string(),
  valid: z.boolean(),
  /** The key the app signed with at the time (read from Okta just before the sign-in). */
  signingKid: z.string(),
  /** The certificate the vendor holds, by what the admin reported: the signature is checked against it. */
  vendorKid: z.string(),
  checks: z.array(RotationCheckSchema),
});
export type RotationTest = z.infer<typeof RotationTestSchema>;

export const RotationEventSchema = z.object({ at: z.string(), what: z.string() });

export const RotationSchema = z.object({
  id: z.string(),
  integrationId: z.string(),
  appId: z.string(),
  startedAt: z.string(),
  validityYears: z.number().int().min(2).max(10),
  stage: RotationStageSchema,
  /** The key the app signed with when the rotation started; kept in Okta until confirmed. */
  old: CertificateSchema,
  new: CertificateSchema.optional(),
  /** The first stage's CSR way: Okta's CSR (its key pair stays in Okta) awaiting the certificate the admin's CA signs. */
  csr: z
    .object({
      id: z.string(),
      csrBase64: z.string(),
      createdAt: z.string(),
      commonName: z.string(),
      subject: CsrSubjectSchema.optional(),
      dnsNames: z.array(z.string()).optional(),
    })
    .optional(),
  pending: RotationPendingSchema.optional(),
  /** Reported by the admin, never read back: the vendor's side cannot be seen from here. */
  registered: z.object({ at: z.string(), via: z.enum(['copied', 'email']) }).optional(),
  switchedAt: z.string().optional(),
  test: RotationTestSchema.optional(),
  confirmedAt: z.string().optional(),
  finishedAt: z.string().optional(),
  cancelledAt: z.string().optional(),
  events: z.array(RotationEventSchema),
});
export type Rotation = z.infer<typeof RotationSchema>;

/** The open CSR as main read it from the request Okta made (public data: Okta keeps the private key). */
export const CsrViewSchema = z.object({
  id: z.string(),
  createdAt: z.string(),
  /** The PEM file to give the CA. */
  pem: z.string(),
  /** The subject as the request carries it, e.g. `CN=sso.acme.example, O=Acme Corp, C=US`. */
  subject: z.string(),
  dnsNames: z.array(z.string()),
  /** e.g. `RSA 2048-bit`. */
  publicKey: z.string(),
  /** SHA-256 of the request's DER, to compare with what the CA received. */
  sha256: z.string(),
});
export type CsrView = z.infer<typeof CsrViewSchema>;

/** What the certificate screen shows for one integration. */
export const CertViewSchema = z.object({
  integrationId: z.string(),
  vendorName: z.string(),
  health: CertHealthSchema.optional(),
  rotation: RotationSchema.optional(),
  /** The last finished or cancelled rotation, for the record. */
  lastRotation: RotationSchema.optional(),
  /** Whether this process has the sign-in window (the desktop app); the password sign-in always works. */
  testWays: z.object({ window: z.boolean() }),
  /** The open CSR of the rotation in progress, ready to download. */
  csr: CsrViewSchema.optional(),
  /** What the CSR form starts with (Okta's own certificates name the org this way). */
  csrDefaults: CsrSubjectSchema,
});
export type CertView = z.infer<typeof CertViewSchema>;

/** The register panel's values: the vendor's fields for the new certificate, to copy or email. */
export const RotationRegisterValuesSchema = z.object({
  vendorName: z.string(),
  metadataUrl: z.string(),
  metadataXml: z.string(),
  certificatePem: z.string(),
  fingerprintSha256: z.string(),
  expiresAt: z.string(),
  emailSubject: z.string(),
  emailBody: z.string(),
});
export type RotationRegisterValues = z.infer<typeof RotationRegisterValuesSchema>;
