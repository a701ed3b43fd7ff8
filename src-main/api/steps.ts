import { z } from 'zod';
import { StepIdSchema, StepStatusSchema } from './ids';

/** One write a step would make, shown in "what will change" before anything changes. */
export const ChangeSchema = z.object({
  id: z.string(),
  /** `manual` changes are done by the admin (Okta console, vendor settings); the app proves them after. */
  kind: z.enum(['create', 'update', 'delete', 'send', 'manual']),
  /** What is changed, e.g. `Okta app "Courier"`, `app user schema`, `Courier Support (email)`. */
  target: z.string(),
  summary: z.string(),
  details: z.array(z.object({ field: z.string(), from: z.string().optional(), to: z.string() })).default([]),
});
export type Change = z.infer<typeof ChangeSchema>;

/** A read-back check with the evidence it rests on. */
export const CheckSchema = z.object({
  id: z.string(),
  label: z.string(),
  status: z.enum(['pass', 'warn', 'fail']),
  detail: z.string(),
  evidence: z.string().optional(),
});
export type Check = z.infer<typeof CheckSchema>;

/** A test object a run made and has not removed yet (a crash, or a clean-up that failed). */
export const LeftoverSchema = z.object({
  what: z.string(),
  /** Empty while nothing has failed: the next apply of the step removes it first. */
  problem: z.string().optional(),
  hint: z.string(),
});
export type Leftover = z.infer<typeof LeftoverSchema>;

export const StepBlockerSchema = z.object({
  message: z.string(),
  hint: z.string(),
  stepId: StepIdSchema.optional(),
  /** Set when the blocker is input still to enter: the field (dotted path) and its label in words. */
  field: z.string().optional(),
  label: z.string().optional(),
});

const StepErrorSchema = z.object({
  code: z.string(),
  message: z.string(),
  hint: z.string(),
  /** When the phase failed; absent on records written before this was kept. */
  at: z.string().optional(),
  /**
   * The step's status before this failure (kept through repeated failures), so the screen can say
   * "last verified at …" rather than only "last read back".
   */
  before: StepStatusSchema.optional(),
});

/** What main keeps per step of an integration: input, what it last saw, planned and checked. */
export const StepRecordSchema = z.object({
  status: StepStatusSchema,
  updatedAt: z.string().optional(),
  /** The admin's saved input, secrets left out (they live in the secret store). */
  input: z.record(z.string(), z.unknown()).default({}),
  observed: z.unknown().optional(),
  changes: z.array(ChangeSchema).default([]),
  checks: z.array(CheckSchema).default([]),
  inspectedAt: z.string().optional(),
  appliedAt: z.string().optional(),
  verifiedAt: z.string().optional(),
  /**
   * When the admin chose to skip this optional step. Kept apart from `status` so a background
   * re-verify never undoes the choice; un-skipping removes it.
   */
  skippedAt: z.string().optional(),
  /** The last inspect, apply or verify failure, kept so a reload still shows it. */
  lastError: StepErrorSchema.optional(),
});
export type StepRecord = z.infer<typeof StepRecordSchema>;

/** Everything a step screen shows. `observed` is typed per step (api/step-*.ts). */
export const StepViewSchema = StepRecordSchema.extend({
  integrationId: z.string(),
  stepId: StepIdSchema,
  /** Names of secret inputs that are stored in the secret store (values never leave main). */
  secretsSet: z.array(z.string()),
  /** Why the step cannot run yet (a missing earlier step, a missing credential). */
  blockers: z.array(StepBlockerSchema),
  /**
   * When the latest observation failed: the checks of the last read-back that succeeded, with its
   * time. They are history, never current; `checks`, `changes` and `observed` are then empty.
   */
  staleChecks: z.object({ at: z.string(), checks: z.array(CheckSchema) }).optional(),
  /** Test objects of this step still in Okta or at the vendor, each with what to do about it. */
  leftovers: z.array(LeftoverSchema).default([]),
});
export type StepView = z.infer<typeof StepViewSchema>;

export const StepRefSchema = z.object({
  integrationId: z.string().min(1, 'Choose an integration'),
  stepId: StepIdSchema,
});
