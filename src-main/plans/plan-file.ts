import { readFile, writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { z } from 'zod';
import { StepIdSchema, VendorIdSchema } from '../api/ids';
import type { Integration, StepId, VendorId } from '../api/model';
import { AppError } from '../errors';
import { wizardSteps } from '../steps/registry';
import { vendorProfile } from '../vendors';

/** Bumped when a plan file's meaning changes; a loader refuses versions it does not know. */
export const PLAN_FILE_VERSION = 1;

/**
 * An integration's settings, reusable for another client: each step's saved input, never a secret
 * (a step's `secretInputs` are left out on save and refused on load). Facts of one org (app ids,
 * metadata URLs) are not settings and are not kept.
 */
export const PlanFileSchema = z
  .object({
    $schema: z.string().optional(),
    kind: z.literal('okta-onboard-plan'),
    version: z.literal(PLAN_FILE_VERSION),
    vendor: VendorIdSchema,
    label: z.string().trim().min(1).max(80).optional(),
    steps: z.partialRecord(StepIdSchema, z.record(z.string(), z.unknown())),
  })
  .strict();
export type PlanFile = z.infer<typeof PlanFileSchema>;

/** The JSON Schema published in docs/schemas/plan-file.schema.json, made from the zod schema. */
export function planFileJsonSchema(): Record<string, unknown> {
  return {
    $id: 'https://okta-onboard.dev/schemas/plan-file.schema.json',
    title: 'okta-onboard plan file',
    ...z.toJSONSchema(PlanFileSchema, { io: 'input' }),
  };
}

/** `steps.role.values[2]`: the path a reader finds in the file. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`)).join('');
}

function invalid(path: string, message: string, file: string): AppError {
  return new AppError(
    'INVALID_PLAN_FILE',
    `${file}: ${path ? `${path}: ` : ''}${message}`,
    'Correct the file and load it again; nothing was created or changed.',
    'plan-file',
  );
}

function formatOf(file: string): 'json' | 'yaml' {
  const ext = extname(file).toLowerCase();
  if (ext === '.json') return 'json';
  if (ext === '.yaml' || ext === '.yml') return 'yaml';
  throw new AppError(
    'INVALID_PLAN_FILE',
    `${file}: a plan file ends in .yaml, .yml or .json.`,
    'Name the file plan.yaml or plan.json.',
    'plan-file',
  );
}

/**
 * Inputs that name objects or people of one Okta org (group and user ids, a test user, the captured
 * evidence of one login): meaningless in another org, so a plan never carries them. The client's
 * own groups, people and test user are chosen on its screens.
 */
export const ORG_BOUND_INPUTS: Partial<Record<StepId, readonly string[]>> = {
  assign: ['groups', 'users'],
  role: ['groupRoles', 'userRoles'],
  provisioning: ['testUser'],
  'test-login': ['userLogin', 'idpCapture', 'spCapture'],
};

/** The plan of an integration as saved: each step's own input, without secrets or what names one org's objects. */
export function planFromIntegration(integration: Integration): PlanFile {
  const steps: Partial<Record<StepId, Record<string, unknown>>> = {};
  for (const { id } of vendorProfile(integration.vendorId).steps) {
    const input = integration.steps[id]?.input ?? {};
    const left = new Set([...(wizardSteps[id]?.secretInputs ?? []), ...(ORG_BOUND_INPUTS[id] ?? [])]);
    const kept = Object.entries(input).filter(([key]) => !left.has(key));
    if (kept.length > 0) steps[id] = Object.fromEntries(kept);
  }
  return {
    $schema: './plan-file.schema.json',
    kind: 'okta-onboard-plan',
    version: PLAN_FILE_VERSION,
    vendor: integration.vendorId,
    label: integration.label,
    steps,
  };
}

/** The file's text in the format its name asks for (YAML with a header comment, or JSON). */
export function planText(file: string, plan: PlanFile): string {
  const { $schema: _schema, ...body } = plan;
  return formatOf(file) === 'json'
    ? `${JSON.stringify(plan, null, 2)}\n`
    : `# okta-onboard plan file (schema: docs/schemas/plan-file.schema.json); no secrets\n${stringifyYaml(body)}`;
}

export async function savePlanFile(file: string, plan: PlanFile): Promise<void> {
  await writeFile(file, planText(file, plan), { encoding: 'utf8', mode: 0o600 });
}

/** Reads YAML or JSON text by the file's name; a syntax error names the file. */
export function parseDocument(text: string, file: string): unknown {
  try {
    return formatOf(file) === 'json' ? JSON.parse(text) : parseYaml(text, { maxAliasCount: 100 });
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw invalid(
      '',
      `not valid ${formatOf(file).toUpperCase()}: ${error instanceof Error ? error.message : String(error)}`,
      file,
    );
  }
}

/** The first issue of a failed zod parse as the file's error, its path prefixed by `at`. */
export function shapeError(
  issues: readonly z.core.$ZodIssue[],
  file: string,
  at: readonly PropertyKey[] = [],
): AppError {
  const issue = issues[0]!;
  return invalid(formatPath([...at, ...issue.path]), issue.message, file);
}

type StepInputs = Partial<Record<StepId, Record<string, unknown>>>;

/**
 * Each step's input checked with the step's own schema (only the fields the file sets: the rest
 * keep the vendor's defaults), so an error names the path in the file (`at` + `steps.role...`) and
 * what was expected. Secrets are refused; keys a step does not know are dropped, as the screens' save
 * drops them.
 */
export function checkPlanSteps(
  vendorId: VendorId,
  given: StepInputs,
  file: string,
  at: readonly PropertyKey[] = [],
): StepInputs {
  const vendor = vendorProfile(vendorId);
  const stepIds = vendor.steps.map((s) => s.id);
  const steps: StepInputs = {};
  for (const [id, input] of Object.entries(given) as [StepId, Record<string, unknown>][]) {
    const step = wizardSteps[id];
    if (!stepIds.includes(id) || !step)
      throw invalid(
        formatPath([...at, 'steps', id]),
        `${vendor.name} has no "${id}" step; its steps are ${stepIds.join(', ')}.`,
        file,
      );
    for (const key of step.secretInputs ?? [])
      if (key in input)
        throw invalid(
          formatPath([...at, 'steps', id, key]),
          "a secret never belongs in a plan file; remove it and give it to the client's setup (the app or the secret store).",
          file,
        );
    for (const key of ORG_BOUND_INPUTS[id] ?? [])
      if (key in input)
        throw invalid(
          formatPath([...at, 'steps', id, key]),
          "names objects or people of one Okta org; a plan carries settings only. Remove it and choose them on the client's own screens.",
          file,
        );
    const parsed = step.input.safeParse({ ...step.defaults(vendor, {}), ...input });
    const ownIssue = parsed.success
      ? undefined
      : parsed.error.issues.find((i) => i.path.length > 0 && String(i.path[0]) in input);
    if (ownIssue) throw invalid(formatPath([...at, 'steps', id, ...ownIssue.path]), ownIssue.message, file);
    const data = (parsed.success ? parsed.data : {}) as Record<string, unknown>;
    steps[id] = Object.fromEntries(
      Object.keys(input)
        .filter((key) => (parsed.success ? Object.hasOwn(data, key) : true))
        .map((key) => [key, parsed.success ? data[key] : input[key]]),
    );
  }
  return steps;
}

/** Parses and validates a plan file: its shape, then each step's input (see `checkPlanSteps`). */
export function parsePlanFile(text: string, file: string): PlanFile & { steps: StepInputs } {
  const shape = PlanFileSchema.safeParse(parseDocument(text, file));
  if (!shape.success) throw shapeError(shape.error.issues, file);
  const plan = shape.data;
  return { ...plan, steps: checkPlanSteps(plan.vendor as VendorId, plan.steps, file) };
}

export async function loadPlanFile(file: string): Promise<PlanFile> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new AppError(
      'INVALID_PLAN_FILE',
      `Cannot read the plan file ${file}.`,
      'Check the path and that you may read it.',
      'plan-file',
    );
  }
  return parsePlanFile(text, file);
}
