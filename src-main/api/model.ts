import { z } from 'zod';
import { RecordIdSchema, StepIdSchema, VendorIdSchema } from './ids';
import { StepRecordSchema } from './steps';

export * from './ids';

const orgUrlMessage =
  'an Okta org URL looks like https://acme.okta.com (or https://acme.oktapreview.com, https://acme.okta-emea.com, or a custom domain over https)';

/** An Okta org base URL: https, no path, query or fragment. Loopback http is allowed for the sandbox. */
export const OrgUrlSchema = z
  .string()
  .trim()
  .min(1, `Enter the org URL: ${orgUrlMessage}`)
  .transform((value, ctx) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      ctx.addIssue({ code: 'custom', message: `"${value}" is not a URL; ${orgUrlMessage}` });
      return z.NEVER;
    }
    const loopback = url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]';
    if (url.protocol !== 'https:' && !(loopback && url.protocol === 'http:')) {
      ctx.addIssue({ code: 'custom', message: `"${value}" must use https; ${orgUrlMessage}` });
      return z.NEVER;
    }
    if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash || url.username || url.password) {
      ctx.addIssue({
        code: 'custom',
        message: `"${value}" must be the org's base URL without a path, query or credentials; ${orgUrlMessage}`,
      });
      return z.NEVER;
    }
    if (/-admin\./.test(url.hostname)) {
      ctx.addIssue({
        code: 'custom',
        message: `"${value}" is the Admin Console host; use the org URL without "-admin" (e.g. https://acme.okta.com)`,
      });
      return z.NEVER;
    }
    if (!loopback && !url.hostname.includes('.')) {
      ctx.addIssue({ code: 'custom', message: `"${value}" has no domain; ${orgUrlMessage}` });
      return z.NEVER;
    }
    return url.origin;
  });

export const AuthMethodSchema = z.enum(['api-token', 'oauth-pkce', 'service-app']);
export type AuthMethod = z.infer<typeof AuthMethodSchema>;

/** How the app signs in to a client's org. Secrets live in the secret store, never here. */
export const ClientAuthSchema = z.discriminatedUnion('method', [
  z.object({ method: z.literal('none') }),
  z.object({ method: z.literal('api-token') }),
  z.object({ method: z.literal('oauth-pkce'), oauthClientId: z.string().min(1), scopes: z.array(z.string()) }),
  z.object({
    method: z.literal('service-app'),
    oauthClientId: z.string().min(1),
    keyId: z.string().min(1),
    scopes: z.array(z.string()),
  }),
]);
export type ClientAuth = z.infer<typeof ClientAuthSchema>;

export const ClientNameSchema = z
  .string()
  .trim()
  .min(1, 'Enter a client name, e.g. "Acme Corp"')
  .max(80, 'Keep the client name under 80 characters');

export const ClientSchema = z.object({
  id: RecordIdSchema,
  name: z.string(),
  orgUrl: z.string(),
  /** True for the built-in sandbox org (practice mode). */
  sandbox: z.boolean(),
  auth: ClientAuthSchema,
  createdAt: z.string(),
});
export type Client = z.infer<typeof ClientSchema>;

/**
 * Facts one step learns and later steps need (the app it created, its metadata URL, ...), so a
 * re-run finds what an earlier run made instead of making it again.
 */
export const IntegrationFactsSchema = z.object({
  appId: z.string().optional(),
  appName: z.string().optional(),
  appLabel: z.string().optional(),
  metadataUrl: z.string().optional(),
  idpIssuer: z.string().optional(),
  idpSsoUrl: z.string().optional(),
  certificatePem: z.string().optional(),
  embedLink: z.string().optional(),
  bookmarkAppId: z.string().optional(),
  emailDomains: z.array(z.string()).optional(),
  registration: z
    .object({
      via: z.enum(['email', 'eml', 'copied', 'api']),
      sentAt: z.string(),
      values: z.record(z.string(), z.string()),
      reply: z.string().optional(),
      confirmedAt: z.string().optional(),
    })
    .optional(),
  companySlug: z.string().optional(),
  scimBaseUrl: z.string().optional(),
});
export type IntegrationFacts = z.infer<typeof IntegrationFactsSchema>;

const LeftoverProblemSchema = z.object({ message: z.string(), hint: z.string(), at: z.string() });

/**
 * A test object a check makes and removes again, recorded before it is made so that a crash, a
 * lost answer or a failed clean-up never leaves it unmentioned (steps/temporaries.ts).
 */
export const TemporarySchema = z.discriminatedUnion('kind', [
  /** The provisioning proof's test user, assigned directly to the app. */
  z.object({
    kind: z.literal('okta-assignment'),
    id: z.string(),
    stepId: StepIdSchema,
    appId: z.string(),
    appLabel: z.string(),
    userId: z.string(),
    login: z.string(),
    recordedAt: z.string(),
    problem: LeftoverProblemSchema.optional(),
  }),
  /** A test user at the vendor's SCIM endpoint: deactivated, and deleted too where `remove` says so. */
  z.object({
    kind: z.literal('vendor-user'),
    id: z.string(),
    stepId: StepIdSchema,
    scimBaseUrl: z.string(),
    userName: z.string(),
    remove: z.enum(['deactivate', 'delete']),
    recordedAt: z.string(),
    problem: LeftoverProblemSchema.optional(),
  }),
]);
export type Temporary = z.infer<typeof TemporarySchema>;

export const IntegrationSchema = z.object({
  id: RecordIdSchema,
  clientId: RecordIdSchema,
  vendorId: VendorIdSchema,
  label: z.string(),
  createdAt: z.string(),
  /** The step the admin last looked at, so a reload returns there. */
  currentStep: StepIdSchema,
  steps: z.partialRecord(StepIdSchema, StepRecordSchema),
  facts: IntegrationFactsSchema,
  /** Test objects made and not yet removed; usually empty. */
  temporaries: z.array(TemporarySchema).optional(),
});
export type Integration = z.infer<typeof IntegrationSchema>;

export const VendorStepSchema = z.object({
  id: StepIdSchema,
  title: z.string(),
  /** What the vendor's guide asks for in this step, in the admin's words. */
  summary: z.string(),
  optional: z.boolean(),
});

export const VendorSummarySchema = z.object({
  id: VendorIdSchema,
  name: z.string(),
  description: z.string(),
  guide: z.string(),
  steps: z.array(VendorStepSchema),
  /** Where the admin gets the SCIM bearer token, when the vendor has SCIM. */
  scimTokenSource: z.string().optional(),
});
export type VendorSummary = z.infer<typeof VendorSummarySchema>;
