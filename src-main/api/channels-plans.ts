import { z } from 'zod';
import { channel } from './channel';
import { StepIdSchema, VendorIdSchema } from './ids';
import { ClientNameSchema, ClientSchema, IntegrationSchema } from './model';

/** A plan or client file the admin picked: its name (the extension says YAML or JSON) and its text. */
export const PickedFileSchema = z.object({
  fileName: z
    .string()
    .min(1, 'Choose a file')
    .max(255)
    .regex(/\.(ya?ml|json)$/i, 'Choose a .yaml, .yml or .json file'),
  text: z.string().max(1024 * 1024, 'The file is over 1 MB; a plan or client file is a few KB'),
});

/** A file main made for the renderer to hand to the browser as a download; never holds a secret. */
export const ExportedFileSchema = z.object({ fileName: z.string(), text: z.string() });

const IntegrationLabel = z
  .string()
  .trim()
  .min(1, 'Enter a name, e.g. "Mixpanel (EU)"')
  .max(80, 'Keep the name under 80 characters');

/** A client file read and checked, before anything is created: what the import will make and ask for. */
export const ClientFileSummarySchema = z.object({
  name: z.string(),
  org: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('practice') }),
    z.object({ kind: z.literal('okta'), url: z.string(), signIn: z.string() }),
  ]),
  integrations: z.array(
    z.object({
      vendorId: VendorIdSchema,
      label: z.string(),
      steps: z.array(StepIdSchema),
      /** Secrets the export left out, to be entered again (the SCIM token), with their names in words. */
      secrets: z.array(z.object({ stepId: StepIdSchema, field: z.string(), label: z.string() })),
    }),
  ),
});
export type ClientFileSummary = z.infer<typeof ClientFileSummarySchema>;

export const ImportedClientSchema = z.object({
  client: ClientSchema,
  integrations: z.array(IntegrationSchema),
  /** What is left for the admin, in words (sign in again, secrets not entered). */
  toDo: z.array(z.string()),
  /** Who the API token entered in the import belongs to, as Okta said (a real org signed in at once). */
  signedInAs: z.string().optional(),
});
export type ImportedClient = z.infer<typeof ImportedClientSchema>;

const ClientRef = z.object({ clientId: z.string().min(1, 'Choose a client') });
const IntegrationRef = z.object({ integrationId: z.string().min(1, 'Choose an integration') });

/**
 * Plan files and client files in the app: one setup repeated across clients. Nothing here writes
 * to Okta; a created integration is applied step by step like any other.
 */
export const plansChannels = {
  /** The integration's settings as a plan file (YAML or JSON), no secrets. */
  exportIntegration: channel(
    IntegrationRef.extend({ format: z.enum(['yaml', 'json']).default('yaml') }),
    ExportedFileSchema,
  ),
  /** Validates a plan file, then creates an integration for the client from it; nothing is made when it is invalid. */
  importIntegration: channel(
    ClientRef.extend({ file: PickedFileSchema, label: IntegrationLabel.optional() }),
    IntegrationSchema,
  ),
  /** A new integration for a client (this one or another) with the same settings; no secrets, no app ids. */
  duplicate: channel(
    IntegrationRef.extend({ clientId: z.string().min(1, 'Choose a client'), label: IntegrationLabel.optional() }),
    IntegrationSchema,
  ),
  /** The client, its org and its integrations' settings as one file; credentials and tokens are left out. */
  exportClient: channel(ClientRef, ExportedFileSchema),
  /** Reads and checks a client file; creates nothing. */
  readClient: channel(z.object({ file: PickedFileSchema }), ClientFileSummarySchema),
  /**
   * Creates the client and its integrations from a client file; the secrets given are kept for the
   * new client. A real org's API token is checked first (the URL is an Okta org, Okta accepts the
   * token), so the client is signed in when it appears; a refusal names `orgUrl` or `token` and makes nothing.
   */
  importClient: channel(
    z.object({
      file: PickedFileSchema,
      name: ClientNameSchema.optional(),
      /** A real org's URL, when it differs from the file's (checked like "Add client"'s). */
      orgUrl: z.string().optional(),
      /** A real org's API token, checked against the org before anything is made; kept only in the secret store. */
      token: z
        .string()
        .trim()
        .min(20, 'An Okta API token is about 42 characters, starting with 00 (Security > API > Tokens)')
        .optional(),
      secrets: z
        .array(
          z.object({
            integration: z.number().int().min(0),
            stepId: StepIdSchema,
            field: z.string().min(1),
            value: z.string().min(1, 'Enter the value, or leave the field empty to enter it later'),
          }),
        )
        .max(100)
        .default([]),
    }),
    ImportedClientSchema,
  ),
};
