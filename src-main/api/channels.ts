import { z } from 'zod';
import { channel } from './channel';
import { provisioningChannels } from './channels-provisioning';
import { samlChannels } from './channels-saml';
import { directoryChannels } from './channels-directory';
import { StepRefSchema, StepViewSchema } from './steps';
import { oktaChannels } from './channels-okta';
import { registerChannels } from './channels-register';
import { testLoginChannels } from './channels-test-login';
import {
  ClientNameSchema,
  ClientSchema,
  IntegrationSchema,
  OrgUrlSchema,
  StepIdSchema,
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
  /** The built-in sandbox org's URL when it is running (practice mode). */
  sandboxUrl: z.string().optional(),
  /** Set when the workspace file was unusable at start and was moved aside, untouched. */
  setAside: z.object({ reason: z.string(), movedTo: z.string() }).optional(),
});
export type WorkspaceInfo = z.infer<typeof WorkspaceInfoSchema>;

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
    remove: channel(ClientRef, Empty),
  },
  integrations: {
    list: channel(z.object({ clientId: z.string().optional() }), z.array(IntegrationSchema)),
    add: channel(
      z.object({
        clientId: z.string().min(1, 'Choose a client'),
        vendorId: VendorIdSchema,
        label: z.string().trim().max(80).optional(),
      }),
      IntegrationSchema,
    ),
    get: channel(IntegrationRef, IntegrationSchema),
    open: channel(IntegrationRef.extend({ stepId: StepIdSchema }), IntegrationSchema),
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
  },
  saml: samlChannels,
  directory: directoryChannels,
  provisioning: provisioningChannels,
} as const;

export type Channels = typeof channels;
