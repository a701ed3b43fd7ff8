import { z } from 'zod';
import { checkExpression } from './okta-expression';

export const AppModeSchema = z.enum(['catalog', 'custom']);
export type AppMode = z.infer<typeof AppModeSchema>;

const urlRule = 'an https URL with a real host name and no #fragment, e.g. https://sso.vendor.example.com/saml/acs';

/** Why `value` is not a usable vendor URL, or undefined when it is. */
export function vendorUrlProblem(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `"${value}" is not a URL`;
  }
  if (url.protocol !== 'https:') return `"${value}" must use https (it uses ${url.protocol.replace(':', '')})`;
  if (url.hash !== '' || value.includes('#'))
    return `"${value}" has a #fragment, which a browser never sends to the vendor`;
  if (url.username !== '' || url.password !== '') return `"${value}" carries a user name or password`;
  const host = url.hostname;
  if (host === 'localhost' || /^[\d.]+$/.test(host) || host.startsWith('['))
    return `"${value}" points at ${host}, not at the vendor's host name`;
  if (!/^([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,63}$/i.test(host))
    return `"${value}" has no real host name (${host})`;
  return undefined;
}

function vendorUrl(what: string) {
  return z
    .string()
    .trim()
    .min(1, `Enter the ${what} from the vendor: ${urlRule}`)
    .superRefine((value, ctx) => {
      if (value === '') return;
      const problem = vendorUrlProblem(value);
      if (problem) ctx.addIssue({ code: 'custom', message: `${problem}; the ${what} is ${urlRule}` });
    });
}

export const NameIdFormatSchema = z.enum(['emailAddress', 'unspecified', 'persistent', 'x509SubjectName']);

/** One attribute statement as the console's "Attribute Statements" form has it. */
export const AttributeStatementInputSchema = z.object({
  name: z.string().trim().min(1, 'Enter the attribute name the vendor expects, e.g. email'),
  nameFormat: z.enum(['unspecified', 'uri', 'basic']),
  value: z
    .string()
    .trim()
    .min(1, 'Enter an Okta expression, e.g. user.email')
    .superRefine((value, ctx) => {
      if (value === '') return;
      const { error } = checkExpression(value);
      if (error) ctx.addIssue({ code: 'custom', message: error });
    }),
});

export const GroupFilterTypeSchema = z.enum(['STARTS_WITH', 'EQUALS', 'CONTAINS', 'REGEX']);
export type GroupFilterType = z.infer<typeof GroupFilterTypeSchema>;

/** One group attribute statement: Okta sends the names of the user's groups that pass the filter. */
export const GroupStatementInputSchema = z
  .object({
    name: z.string().trim().min(1, 'Enter the attribute name the vendor expects for groups, e.g. groups'),
    nameFormat: z.enum(['unspecified', 'uri', 'basic']),
    filterType: GroupFilterTypeSchema,
    filterValue: z.string().trim().min(1, 'Enter the filter, e.g. Courier- (Starts with) or .* (Matches regex)'),
  })
  .superRefine((statement, ctx) => {
    if (statement.filterType !== 'REGEX') return;
    try {
      new RegExp(statement.filterValue);
    } catch {
      ctx.addIssue({
        code: 'custom',
        path: ['filterValue'],
        message: `"${statement.filterValue}" is not a regular expression Okta can match (check brackets and escapes)`,
      });
    }
  });
export type GroupStatementInput = z.infer<typeof GroupStatementInputSchema>;

const urnRule = 'or a URN such as urn:amazon:webservices';

/** Why `value` is not a usable SP entity ID: an https URL as above, or a URN (RFC 8141). */
export function audienceProblem(value: string): string | undefined {
  if (/^urn:/i.test(value)) {
    return /^urn:[a-z0-9][a-z0-9-]{0,31}:[^\s#]+$/i.test(value)
      ? undefined
      : `"${value}" is not a valid URN (urn:<namespace>:<name>, no spaces)`;
  }
  return vendorUrlProblem(value);
}

export const AppInputSchema = z.object({
  /** Catalog (OIN) app added in the console, or a custom SAML 2.0 app made through the API. */
  mode: AppModeSchema,
  label: z
    .string()
    .trim()
    .min(1, 'Enter the app label Okta shows, e.g. "Courier"')
    .max(100, 'Keep the app label under 100 characters'),
  /** Only for vendors that hand out their URLs per customer (Courier Support). */
  ssoAcsUrl: vendorUrl('Single Sign-On URL').optional(),
  audience: z
    .string()
    .trim()
    .min(1, `Enter the Audience URI (SP Entity ID) from the vendor: ${urlRule}, ${urnRule}`)
    .superRefine((value, ctx) => {
      if (value === '') return;
      const problem = audienceProblem(value);
      if (problem) ctx.addIssue({ code: 'custom', message: `${problem}; the Audience URI is ${urlRule}, ${urnRule}` });
    })
    .optional(),
  /** Only where the profile lets the admin edit them (custom SAML). */
  nameIdFormat: NameIdFormatSchema.optional(),
  attributeStatements: z
    .array(AttributeStatementInputSchema)
    .max(50, 'Keep it under 50 attribute statements')
    .superRefine((statements, ctx) => {
      const seen = new Set<string>();
      statements.forEach((s, i) => {
        if (seen.has(s.name))
          ctx.addIssue({
            code: 'custom',
            path: [i, 'name'],
            message: `"${s.name}" is listed twice; each attribute name may appear once`,
          });
        seen.add(s.name);
      });
    })
    .optional(),
  /** Group attribute statements (custom SAML): Okta's `type: GROUP` with a filter. */
  groupStatements: z.array(GroupStatementInputSchema).max(20, 'Keep it under 20 group attribute statements').optional(),
});
export type AppInput = z.infer<typeof AppInputSchema>;

/** One SAML setting: what the wizard wants and what Okta has now. */
export const SettingRowSchema = z.object({
  key: z.string(),
  label: z.string(),
  planned: z.string(),
  /** Absent when Okta has no value (or no app yet). */
  actual: z.string().optional(),
  matches: z.boolean(),
});
export type SettingRow = z.infer<typeof SettingRowSchema>;

export const FoundAppSchema = z.object({
  id: z.string(),
  name: z.string(),
  label: z.string(),
  status: z.string(),
  signOnMode: z.string(),
  /** Found through the recorded app id, or by searching Okta for its label / catalog name. */
  foundBy: z.enum(['fact', 'search']),
  /** The app's Sign On tab in the Admin Console. */
  consoleUrl: z.string(),
  embedLink: z.string().optional(),
  /** Attribute statements on the app that the vendor did not ask for. */
  extraAttributes: z.array(z.string()),
  /**
   * Every attribute statement Okta shows on the app, custom and catalog alike, as the console
   * lists it (`user.email · Unspecified`). For a catalog app these are the ones added on top of the
   * catalog's own (which Okta's API does not show). Absent in observations from before it was read.
   */
  attributeStatements: z.array(z.object({ name: z.string(), group: z.boolean(), text: z.string() })).optional(),
  /** A catalog app's Sign On `…Override` fields with a value, as `ssoAcsUrlOverride = https://…`. */
  signOnOverrides: z.array(z.string()).optional(),
});

/** What Okta would make of one attribute statement's expression, checked against the org's user profile. */
export const ExpressionFindingSchema = z.object({
  index: z.number().int(),
  name: z.string(),
  value: z.string(),
  message: z.string(),
});
export type ExpressionFinding = z.infer<typeof ExpressionFindingSchema>;
export type FoundApp = z.infer<typeof FoundAppSchema>;

export const AppObservedSchema = z.object({
  mode: AppModeSchema,
  /** The vendor offers both (Mixpanel): the screen shows the choice. */
  modeChoice: z.boolean(),
  /** Fields the vendor hands out per customer, entered on the screen. */
  vendorSupplied: z.array(z.enum(['ssoAcsUrl', 'audience'])),
  /** The admin edits the NameID format and attribute statements (custom SAML). */
  editable: z.boolean(),
  app: FoundAppSchema.optional(),
  /** Planned beside actual, in the console's words. */
  settings: z.array(SettingRowSchema),
  /** Statements whose expression Okta would accept but send nothing for (e.g. user.fristName). */
  expressionFindings: z.array(ExpressionFindingSchema).optional(),
  /** The org's Okta user profile attribute names, so the editor can check expressions as they are typed. */
  profileAttributes: z.array(z.string()).optional(),
  /** Why the expressions could not be checked against the org's profile, when they could not. */
  profileUnchecked: z.string().optional(),
  /** For catalog apps: where the admin adds it and what to type there. */
  catalog: z
    .object({
      oinName: z.string(),
      displayName: z.string(),
      addUrl: z.string(),
      browseUrl: z.string(),
      slugName: z.string().optional(),
    })
    .optional(),
});
export type AppObserved = z.infer<typeof AppObservedSchema>;
