import { z } from 'zod';

/** The admin's email domains as typed; main lower-cases them and turns IDNs into punycode. */
export const DomainsInputSchema = z.object({
  domains: z.array(z.string()).default([]),
});
export type DomainsInput = z.infer<typeof DomainsInputSchema>;

export const DomainCountSchema = z.object({
  /** ASCII (punycode) form, as mail and Okta compare it. */
  domain: z.string(),
  /** Unicode form for display; equal to `domain` unless it is an IDN. */
  display: z.string(),
  users: z.number(),
  consumer: z.boolean(),
});
export type DomainCount = z.infer<typeof DomainCountSchema>;

export const DomainsObservedSchema = z.object({
  totalUsers: z.number(),
  /** Login domains of the org's users, most users first. */
  suggestions: z.array(DomainCountSchema),
  /** The entered domains with the users each covers. */
  listed: z.array(DomainCountSchema),
  /** Users whose login is in no listed domain, with a few of their logins. */
  uncovered: z.object({ users: z.number(), sample: z.array(z.string()) }),
  consumerMail: z.object({ policy: z.enum(['refuse', 'flag']), why: z.string() }),
});
export type DomainsObserved = z.infer<typeof DomainsObservedSchema>;
