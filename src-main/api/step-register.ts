import { z } from 'zod';
import { StepViewSchema } from './steps';

export const RegistrationChannelSchema = z.enum(['email', 'paste', 'api']);
export type RegistrationChannel = z.infer<typeof RegistrationChannelSchema>;

const emailRule = 'an email address looks like support@vendor.com';

function loopback(host: string): boolean {
  return host === '127.0.0.1' || host === 'localhost' || host === '[::1]';
}

/** Why `value` cannot take a registration POST, or undefined when it can. */
export function registrationEndpointProblem(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `"${value}" is not a URL; the registration API is an https URL, e.g. https://api.vendor.com/sso/register`;
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback(url.hostname)))
    return `"${value}" must use https; the registration API is an https URL, e.g. https://api.vendor.com/sso/register`;
  if (url.username !== '' || url.password !== '')
    return `"${value}" carries a user name or password; put no credentials in the URL`;
  return undefined;
}

/** What the admin gives for the register step. Which fields are required depends on the channel. */
export const RegisterInputSchema = z
  .object({
    channel: RegistrationChannelSchema,
    companyName: z.string().trim().max(120, 'Keep the company name under 120 characters').optional(),
    supportEmail: z.string().trim().optional(),
    apiEndpoint: z.string().trim().optional(),
  })
  .superRefine((value, ctx) => {
    if (value.channel !== 'paste' && !value.companyName) {
      ctx.addIssue({
        code: 'custom',
        path: ['companyName'],
        message: 'Enter your company name as the vendor knows it, e.g. "Acme Corp"',
      });
    }
    if (value.channel === 'email') {
      if (!value.supportEmail)
        ctx.addIssue({
          code: 'custom',
          path: ['supportEmail'],
          message: `Enter the vendor's support address (the guide does not give it); ${emailRule}`,
        });
      else if (!z.email().safeParse(value.supportEmail).success)
        ctx.addIssue({
          code: 'custom',
          path: ['supportEmail'],
          message: `"${value.supportEmail}" is not an email address; ${emailRule}`,
        });
    }
    if (value.channel === 'api') {
      const problem = value.apiEndpoint
        ? registrationEndpointProblem(value.apiEndpoint)
        : "Enter the vendor's registration API URL, e.g. https://api.vendor.com/sso/register";
      if (problem) ctx.addIssue({ code: 'custom', path: ['apiEndpoint'], message: problem });
    }
  });
export type RegisterInput = z.infer<typeof RegisterInputSchema>;

export const RegistrationValueSchema = z.object({ key: z.string(), label: z.string(), value: z.string() });
export type RegistrationValueView = z.infer<typeof RegistrationValueSchema>;

export const SentVia = z.enum(['email', 'eml', 'copied', 'api']);
export type SentVia = z.infer<typeof SentVia>;

export const RegisterObservedSchema = z.object({
  vendor: z.string(),
  channel: RegistrationChannelSchema,
  /** Channels this vendor may use (its own and the alternatives its profile allows). */
  channels: z.array(RegistrationChannelSchema),
  to: z.string().optional(),
  where: z.string().optional(),
  afterwards: z.string(),
  values: z.array(RegistrationValueSchema),
  sent: z
    .object({ via: SentVia, at: z.string(), reply: z.string().optional(), values: z.record(z.string(), z.string()) })
    .optional(),
  /** Values that differ from what was sent (so it must be sent again). */
  changedSinceSent: z.array(z.string()),
  confirmedAt: z.string().optional(),
  /**
   * What proves the vendor holds the values: only a passing SP-initiated test login started at the
   * vendor's own login page. `checkable` is false for a vendor whose profile knows no such page;
   * then its side stays what the admin reported.
   */
  vendorSide: z.object({
    checkable: z.boolean(),
    /** When the SP-initiated login through the vendor last passed (after the values were sent). */
    provenAt: z.string().optional(),
  }),
});
export type RegisterObserved = z.infer<typeof RegisterObservedSchema>;

const IntegrationRef = z.object({ integrationId: z.string().min(1, 'Choose an integration') });

export const RegistrationEmailSchema = z.object({
  to: z.string(),
  subject: z.string(),
  body: z.string(),
  mailto: z.string(),
  eml: z.object({ fileName: z.string(), path: z.string(), base64: z.string() }),
});
export type RegistrationEmail = z.infer<typeof RegistrationEmailSchema>;

export const MarkSentRequestSchema = IntegrationRef.extend({ via: z.enum(['email', 'eml', 'copied']) });
export { IntegrationRef as RegisterRefSchema, StepViewSchema as RegisterViewSchema };
