import { z } from 'zod';
import { CheckSchema } from './steps';
import { StepIdSchema, StepStatusSchema, VendorIdSchema } from './ids';

/**
 * One field of a step's verified state, as Okta showed it: a single value (an SSO URL, a switch, a
 * certificate's kid) or a set (role values, assigned people). Never a secret.
 */
export const DriftFieldSchema = z.object({
  /** Stable within a step, e.g. `attribute:role`, `feature:deactivate`, `people`. */
  key: z.string(),
  /** In the console's words, e.g. `Attribute statement "role"`, `Deactivate Users`. */
  label: z.string(),
  kind: z.enum(['value', 'set', 'switch', 'certificate']),
  /** `null`: Okta had nothing there. A set is sorted. A switch is `on` / `off`. */
  value: z.union([z.string(), z.array(z.string()), z.null()]),
  /** For a certificate: when it expires (ISO time). */
  expiresAt: z.string().optional(),
});
export type DriftField = z.infer<typeof DriftFieldSchema>;

/** One field that differs from the last verified state, with the sentence a person reads. */
export const DriftChangeSchema = z.object({
  key: z.string(),
  label: z.string(),
  /** e.g. `Attribute statement "role" now maps user.title (was appuser.role)`. */
  summary: z.string(),
  before: z.union([z.string(), z.array(z.string()), z.null()]),
  after: z.union([z.string(), z.array(z.string()), z.null()]),
  /** For sets: what is new and what is gone. */
  added: z.array(z.string()).optional(),
  removed: z.array(z.string()).optional(),
});
export type DriftChange = z.infer<typeof DriftChangeSchema>;

/** A field the last verified state did not have (taken before the step read it): recorded, not compared. */
export const RecordedFieldSchema = z.object({
  key: z.string(),
  label: z.string(),
  value: z.union([z.string(), z.array(z.string()), z.null()]),
  /** e.g. `Email domains Okta users sign in with: not in the baseline; recorded now (acme.example)`. */
  summary: z.string(),
});
export type RecordedField = z.infer<typeof RecordedFieldSchema>;

/** The stored last verified state of one step. */
export const StepBaselineSchema = z.object({
  verifiedAt: z.string(),
  /** Digest of the step's saved input (no secrets): new input makes a new baseline, not drift. */
  inputDigest: z.string(),
  fields: z.array(DriftFieldSchema),
  /**
   * Which version of the step's field list `fields` was taken with (absent: 1, before the field
   * lists grew). A field the step reads now but an older list did not have is not drift: the audit
   * says it was not in the baseline and records it.
   */
  fieldSet: z.number().int().min(1).optional(),
  /** Set when an admin accepted the state after an audit rather than the wizard verifying it. */
  acceptedAt: z.string().optional(),
});
export type StepBaseline = z.infer<typeof StepBaselineSchema>;

export const IntegrationBaselineSchema = z.object({
  version: z.literal(1),
  integrationId: z.string(),
  /**
   * When the wizard last wrote to Okta for this integration (any step). A step's own write can
   * change what another step reads (the role step adds a statement to the app), so a baseline
   * older than this is the wizard's doing, not drift, and the next verification replaces it.
   */
  wroteAt: z.string().optional(),
  steps: z.partialRecord(StepIdSchema, StepBaselineSchema),
});
export type IntegrationBaseline = z.infer<typeof IntegrationBaselineSchema>;

export const StepAuditSchema = z.object({
  stepId: StepIdSchema,
  title: z.string(),
  /**
   * `same`: Okta matches the last verified state and every check passes. `drift`: fields changed.
   * `failing`: a check fails (with or without changed fields). `new-baseline`: no state was
   * recorded yet, so this audit recorded it. `unverified`: never verified and nothing recorded (setup
   * unfinished; reported, not counted as drift). `error`: Okta could not be read for this step.
   */
  result: z.enum(['same', 'drift', 'failing', 'new-baseline', 'unverified', 'error']),
  status: StepStatusSchema,
  /** When the state compared against was verified (absent when there was none). */
  baselineAt: z.string().optional(),
  verifiedAt: z.string().optional(),
  changes: z.array(DriftChangeSchema),
  /**
   * Fields Okta shows now that the last verified state lacks because it was recorded by an older
   * version that did not read them: nothing to compare them with, so they are recorded now and
   * compared from the next audit on. Never counted as drift.
   */
  recordedNow: z.array(RecordedFieldSchema),
  /** What the wizard would now change to match its settings again (a step verified before): drift too. */
  wizardWouldChange: z.array(z.string()),
  failingChecks: z.array(CheckSchema),
  error: z.object({ code: z.string(), message: z.string(), hint: z.string() }).optional(),
});
export type StepAudit = z.infer<typeof StepAuditSchema>;

export const IntegrationAuditSchema = z.object({
  client: z.object({ id: z.string(), name: z.string() }),
  integration: z.object({ id: z.string(), label: z.string(), vendorId: VendorIdSchema }),
  auditedAt: z.string(),
  /** `drift`: a step drifted or fails a check. `unreachable`: a step could not be read (the step says why). */
  result: z.enum(['same', 'drift', 'unreachable']),
  steps: z.array(StepAuditSchema),
});
export type IntegrationAudit = z.infer<typeof IntegrationAuditSchema>;

/** A client that could not be audited at all (its org unreachable, no credentials). */
export const ClientProblemSchema = z.object({
  client: z.object({ id: z.string(), name: z.string(), orgUrl: z.string() }),
  /** The integrations that could not be audited because of it. */
  integrations: z.array(z.object({ id: z.string(), label: z.string() })),
  code: z.string(),
  message: z.string(),
  hint: z.string(),
});
export type ClientProblem = z.infer<typeof ClientProblemSchema>;

/** What `okta-onboard audit --json` prints and the Audit button shows. */
export const AuditReportSchema = z.object({
  kind: z.literal('okta-onboard-audit'),
  version: z.literal(1),
  startedAt: z.string(),
  finishedAt: z.string(),
  integrations: z.array(IntegrationAuditSchema),
  unreachable: z.array(ClientProblemSchema),
  summary: z.object({
    integrations: z.number().int(),
    drifted: z.number().int(),
    unreachable: z.number().int(),
    same: z.number().int(),
  }),
  /** 0 no drift, 1 drift or a failing check, 3 an org unreachable (and no drift elsewhere). */
  exitCode: z.union([z.literal(0), z.literal(1), z.literal(3)]),
});
export type AuditReport = z.infer<typeof AuditReportSchema>;
