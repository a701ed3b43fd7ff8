import { z } from 'zod';
import { channel } from './channel';
import { provisioningChannels } from './channels-provisioning';
import { samlChannels } from './channels-saml';
import { directoryChannels } from './channels-directory';
import { migrateChannels } from './channels-migrate';
import { reportChannels } from './channels-report';
import { StepRefSchema, StepViewSchema } from './steps';
import { oktaChannels } from './channels-okta';
import { registerChannels } from './channels-register';
import { certsChannels } from './channels-certs';
import { testLoginChannels } from './channels-test-login';
import { plansChannels } from './channels-plans';
import { driftChannels } from './channels-drift';
import {
  ClientNameSchema,
  ClientSchema,
  IntegrationSchema,
  OrgUrlSchema,
  StepIdSchema,
  StepStatusSchema,
  VendorIdSchema,
  VendorSummarySchema,
} from './model';

const Empty = z.object({});
const ClientRef = z.object({ clientId: z.string().min(1, 'Choose a client') });
const IntegrationRef = z.object({ integrationId: z.string().min(1, 'Choose an integration') });

export const WorkspaceInfoSchema = z.object({
  dataDir: z.string(),
  mode: z.enum(['electron', 'browser']),
  secretStorage: z.enum(['os-keychain', 'user-file']),
  secretWarning: z.string().optional(),
  /** Set when the desktop app moved a plaintext secrets file into the OS keychain at start (or could not). */
  secretsMoved: z.string().optional(),
  /** Set when the workspace file was unusable at start and was moved aside, untouched. */
  setAside: z.object({ reason: z.string(), movedTo: z.string() }).optional(),
});
export type WorkspaceInfo = z.infer<typeof WorkspaceInfoSchema>;

const IntegrationLabelSchema = z
  .string()
  .trim()
  .min(1, 'Enter a name, e.g. "Mixpanel (EU)"')
  .max(80, 'Keep the name under 80 characters');

/** One write an integration made to Okta, as the audit log recorded it. */
export const AuditEntrySchema = z.object({
  time: z.string(),
  operation: z.string(),
  target: z.string(),
  /** `unknown`: sent, but its answer never came; the next run reads Okta and settles it. */
  outcome: z.enum(['success', 'failure', 'unknown']),
  detail: z.string().optional(),
  stepId: z.string().optional(),
  actor: z.string().optional(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export const VerifyAllResultSchema = z.object({
  /** When the re-verification started. */
  at: z.string(),
  results: z.array(z.object({ stepId: StepIdSchema, status: StepStatusSchema })),
});
export type VerifyAllResult = z.infer<typeof VerifyAllResultSchema>;

/**
 * The whole contract between the renderer and main, grouped by domain. The preload, the browser
 * bridge and ipcMain registration are all generated from this one map.
 */
export const channels = {
  workspace: {
    info: channel(Empty, WorkspaceInfoSchema),
  },
  vendors: {
    list: channel(Empty, z.array(VendorSummarySchema)),
  },
  clients: {
    list: channel(Empty, z.array(ClientSchema)),
    add: channel(
      z.discriminatedUnion('kind', [
        z.object({ kind: z.literal('org'), name: ClientNameSchema, orgUrl: OrgUrlSchema }),
        z.object({ kind: z.literal('sandbox'), name: ClientNameSchema }),
      ]),
      ClientSchema,
    ),
    rename: channel(ClientRef.extend({ name: ClientNameSchema }), ClientSchema),
    /** Forgets the client, its integrations, credentials and practice org; never touches its Okta org. */
    remove: channel(ClientRef, Empty),
    /** Deletes everything in a practice client's org and starts it again from the sample data. */
    resetPracticeOrg: channel(ClientRef, ClientSchema),
  },
  integrations: {
    list: channel(z.object({ clientId: z.string().optional() }), z.array(IntegrationSchema)),
    add: channel(
      z.object({
        clientId: z.string().min(1, 'Choose a client'),
        vendorId: VendorIdSchema,
        /** Defaults to the vendor's name when left out; given, it must not be blank. */
        label: IntegrationLabelSchema.optional(),
      }),
      IntegrationSchema,
    ),
    get: channel(IntegrationRef, IntegrationSchema),
    open: channel(IntegrationRef.extend({ stepId: StepIdSchema }), IntegrationSchema),
    rename: channel(IntegrationRef.extend({ label: IntegrationLabelSchema }), IntegrationSchema),
    /** Forgets the integration in this app; what it made in Okta stays. */
    remove: channel(IntegrationRef, Empty),
    /** What this integration's steps wrote to Okta, newest first. */
    audit: channel(IntegrationRef, z.array(AuditEntrySchema)),
    /** Reads every step that was looked at before back from Okta again; read-only calls only. */
    verifyAll: channel(IntegrationRef, VerifyAllResultSchema),
  },
  okta: oktaChannels,
  register: registerChannels,
  testLogin: testLoginChannels,
  steps: {
    /** What main last saw for the step; no network. */
    view: channel(StepRefSchema, StepViewSchema),
    saveInput: channel(StepRefSchema.extend({ input: z.record(z.string(), z.unknown()) }), StepViewSchema),
    /** Reads the org and plans; writes nothing. */
    inspect: channel(StepRefSchema, StepViewSchema),
    apply: channel(StepRefSchema, StepViewSchema),
    verify: channel(StepRefSchema, StepViewSchema),
    /** Skips an optional step, or takes it back (`skipped: false`); required steps cannot be skipped. */
    skip: channel(StepRefSchema.extend({ skipped: z.boolean() }), StepViewSchema),
  },
  saml: samlChannels,
  directory: directoryChannels,
  provisioning: provisioningChannels,
  migrate: migrateChannels,
  plans: plansChannels,
  certs: certsChannels,
  drift: driftChannels,
  reports: reportChannels,
} as const;

export type Channels = typeof channels;
