import { z } from 'zod';
import { StepIdSchema, StepStatusSchema, VendorIdSchema } from '../api/ids';
import { ChangeSchema, CheckSchema, StepBlockerSchema } from '../api/steps';

/**
 * One step's outcome in `plan|apply|verify --json`. `skipped`: an optional step the admin skipped
 * (not run); `not-configured`: an optional step with input still missing (not run either, and no
 * failure: the integration works without it); `error`: the step could not run (`error` says why).
 */
export const StepOutcomeSchema = z.object({
  stepId: StepIdSchema,
  status: z.union([StepStatusSchema, z.enum(['error', 'skipped', 'not-configured'])]),
  optional: z.boolean(),
  changes: z.array(ChangeSchema),
  checks: z.array(CheckSchema),
  blockers: z.array(StepBlockerSchema),
  verifiedAt: z.string().optional(),
  error: z.object({ code: z.string(), message: z.string(), hint: z.string() }).optional(),
});
export type StepOutcome = z.infer<typeof StepOutcomeSchema>;

/** The one JSON document `okta-onboard plan|apply|verify --json` prints on stdout. */
export const WizardRunSchema = z.object({
  phase: z.enum(['plan', 'apply', 'verify']),
  client: z.object({ id: z.string(), name: z.string() }),
  integration: z.object({ id: z.string(), label: z.string(), vendorId: VendorIdSchema }),
  /** apply --plan-file: the file the integration was created from. */
  createdFromPlan: z.string().optional(),
  /** plan --save-plan: where the plan file was written. */
  savedPlan: z.string().optional(),
  /** apply --step with --set, --sent, --password-file, ...: what was done before the step ran. */
  actions: z.object({ notes: z.array(z.string()), files: z.record(z.string(), z.string()) }).optional(),
  steps: z.array(StepOutcomeSchema),
  exitCode: z.union([z.literal(0), z.literal(1), z.literal(3)]),
});
export type WizardRun = z.infer<typeof WizardRunSchema>;

/** What every command prints on stdout with --json when it fails before its result (exit 1, 2 or 3). */
export const CliErrorSchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), hint: z.string(), field: z.string().optional() }),
});

/** The JSON Schemas published in docs/schemas, made from the zod schemas above. */
export function cliJsonSchemas(): Record<string, Record<string, unknown>> {
  return {
    'wizard-run.schema.json': {
      $id: 'https://okta-onboard.dev/schemas/wizard-run.schema.json',
      title: 'okta-onboard plan|apply|verify --json',
      ...z.toJSONSchema(WizardRunSchema, { io: 'output' }),
    },
    'cli-error.schema.json': {
      $id: 'https://okta-onboard.dev/schemas/cli-error.schema.json',
      title: 'okta-onboard <any command> --json, when the command fails before its result',
      ...z.toJSONSchema(CliErrorSchema, { io: 'output' }),
    },
  };
}
