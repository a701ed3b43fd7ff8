import { z } from 'zod';

/** Millie's Company Slug, as its OIN app's "Slug Name" field takes it. */
export const COMPANY_SLUG_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}$/;

const slugHint =
  'lowercase letters, digits and hyphens, starting with a letter or digit, at most 63 characters, e.g. acme-corp (Millie shows it on Settings / SSO as "Company Slug")';

export const CompanySlugSchema = z
  .string()
  .trim()
  .min(1, `Enter the Company Slug: ${slugHint}`)
  .refine((value) => COMPANY_SLUG_PATTERN.test(value), { message: `This is not a company slug; use ${slugHint}` });

export const SlugInputSchema = z.object({ companySlug: CompanySlugSchema });
export type SlugInput = z.infer<typeof SlugInputSchema>;

export const SlugObservedSchema = z.object({
  companySlug: z.string(),
  /** The catalog app's field that holds the slug (`slugName`, "Slug Name" in the console). */
  slugField: z.string(),
  /** The vendor's catalog app, once the app step has found it. */
  app: z
    .object({
      id: z.string(),
      name: z.string(),
      label: z.string(),
      slugName: z.string().optional(),
      /** The app's Sign On tab, where "Slug Name" is edited by hand. */
      consoleUrl: z.string(),
    })
    .optional(),
});
export type SlugObserved = z.infer<typeof SlugObservedSchema>;
