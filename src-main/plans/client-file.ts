import { stringify as stringifyYaml } from 'yaml';
import { z } from 'zod';
import { StepIdSchema, VendorIdSchema } from '../api/ids';
import { AuthMethodSchema, OrgUrlSchema, type Client, type Integration, type VendorId } from '../api/model';
import { wizardSteps } from '../steps/registry';
import { vendorProfile } from '../vendors';
import { checkPlanSteps, parseDocument, planFromIntegration, shapeError } from './plan-file';

/** Bumped when a client file's meaning changes; a loader refuses versions it does not know. */
export const CLIENT_FILE_VERSION = 1;

/** A secret an export left out, named (never its value) so the import can ask for it again. */
const SecretNameSchema = z.object({ stepId: StepIdSchema, field: z.string().min(1) }).strict();

const ClientIntegrationSchema = z
  .object({
    vendor: VendorIdSchema,
    label: z.string().trim().min(1).max(80),
    steps: z.partialRecord(StepIdSchema, z.record(z.string(), z.unknown())),
    secretsLeftOut: z.array(SecretNameSchema).max(20).default([]),
  })
  .strict();

/**
 * A client as exported: its name, its org (a practice org is made anew on import: its data stays on
 * the machine it ran on), how it signed in (the method only: credentials are never exported) and
 * each integration's plan. Facts of the org (app ids) are not kept; the steps find them again.
 */
export const ClientFileSchema = z
  .object({
    $schema: z.string().optional(),
    kind: z.literal('okta-onboard-client'),
    version: z.literal(CLIENT_FILE_VERSION),
    name: z.string().trim().min(1).max(80),
    org: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('practice') }).strict(),
      z
        .object({
          kind: z.literal('okta'),
          url: OrgUrlSchema,
          signIn: z.union([AuthMethodSchema, z.literal('none')]),
        })
        .strict(),
    ]),
    integrations: z.array(ClientIntegrationSchema).max(100),
  })
  .strict()
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.integrations.forEach((integration, index) => {
      const key = integration.label.toLowerCase();
      if (seen.has(key))
        ctx.addIssue({
          code: 'custom',
          path: ['integrations', index, 'label'],
          message: `a second integration named "${integration.label}"; each integration of a client needs its own name.`,
        });
      seen.add(key);
    });
  });
export type ClientFile = z.infer<typeof ClientFileSchema>;

/**
 * What zod's refinements check in code, said as patterns so an editor or a CI job can check a file
 * without the app: a name with a non-space character (zod trims), and an org base URL (https, no
 * path; loopback http; not the -admin host). What no JSON Schema can say (case-insensitively unique
 * integration names, each step's input, the vendor's secret names) is checked when the file is loaded.
 */
const PATTERNS = {
  name: '\\S',
  url: '^\\s*(?:https?://(?:127\\.0\\.0\\.1|localhost|\\[::1\\])(?::\\d+)?|https://(?![^/]*-admin\\.)[^\\s/?#@:]+\\.[^\\s/?#@:]+(?::\\d+)?)/?\\s*$',
};

/** The JSON Schema published in docs/schemas/client-file.schema.json, made from the zod schema. */
export function clientFileJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(ClientFileSchema, {
    io: 'input',
    override: ({ path, jsonSchema }) => {
      const at = path.join('.');
      if (at === 'properties.name' || at === 'properties.integrations.items.properties.label')
        jsonSchema.pattern = PATTERNS.name;
      if (at === 'properties.org.oneOf.1.properties.url') {
        jsonSchema.pattern = PATTERNS.url;
        jsonSchema.description = 'The Okta org base URL, e.g. https://acme.okta.com';
      }
    },
  });
  return {
    $id: 'https://okta-onboard.dev/schemas/client-file.schema.json',
    title: 'okta-onboard client file',
    description:
      'A client exported by okta-onboard: its name, its org and each integration plan; never a credential, token or key.',
    ...schema,
  };
}

/** The file of a client: no secret, no fact of its org; the names of the secrets left out. */
export function clientFileOf(
  client: Client,
  integrations: Integration[],
  secretsSet: (integration: Integration) => { stepId: Integration['currentStep']; field: string }[],
): ClientFile {
  return {
    kind: 'okta-onboard-client',
    version: CLIENT_FILE_VERSION,
    name: client.name,
    org: client.sandbox ? { kind: 'practice' } : { kind: 'okta', url: client.orgUrl, signIn: client.auth.method },
    integrations: integrations.map((integration) => {
      const plan = planFromIntegration(integration);
      return {
        vendor: plan.vendor,
        label: integration.label,
        steps: plan.steps,
        secretsLeftOut: secretsSet(integration),
      };
    }),
  };
}

/** The secret inputs an integration's vendor has (the SCIM token), as names. */
export function secretNamesOf(vendorId: VendorId): { stepId: Integration['currentStep']; field: string }[] {
  return vendorProfile(vendorId).steps.flatMap((s) =>
    (wizardSteps[s.id]?.secretInputs ?? []).map((field) => ({ stepId: s.id, field })),
  );
}

export function clientFileText(file: ClientFile): string {
  return `# okta-onboard client export (schema: docs/schemas/client-file.schema.json): settings only; no credentials, tokens or keys\n${stringifyYaml(file)}`;
}

/**
 * Parses and validates a client file: its shape, then each integration's step inputs with the
 * steps' own schemas, so an error names the path (`integrations[1].steps.role.values[2].value: …`).
 */
export function parseClientFile(text: string, file: string): ClientFile {
  const shape = ClientFileSchema.safeParse(parseDocument(text, file));
  if (!shape.success) throw shapeError(shape.error.issues, file);
  const parsed = shape.data;
  return {
    ...parsed,
    integrations: parsed.integrations.map((integration, index) => {
      const steps = checkPlanSteps(integration.vendor as VendorId, integration.steps, file, ['integrations', index]);
      const known = secretNamesOf(integration.vendor as VendorId);
      integration.secretsLeftOut.forEach((s, i) => {
        if (!known.some((k) => k.stepId === s.stepId && k.field === s.field))
          throw shapeError(
            [
              {
                code: 'custom',
                path: ['secretsLeftOut', i],
                message: `${vendorProfile(integration.vendor as VendorId).name} has no secret "${s.stepId}.${s.field}".`,
                input: s,
              },
            ],
            file,
            ['integrations', index],
          );
      });
      return { ...integration, steps };
    }),
  };
}
