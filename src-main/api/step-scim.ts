import { z } from 'zod';

const baseUrlMessage =
  'a SCIM connector base URL looks like https://api.vendor.example/scim/v2 (the part before /Users)';

/** The vendor's SCIM base URL as Okta's "SCIM connector base URL" field takes it; loopback http only for local test servers. */
export const ScimBaseUrlSchema = z
  .string()
  .trim()
  .min(1, `Enter the SCIM connector base URL the vendor gave you; ${baseUrlMessage}`)
  .transform((value, ctx) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      ctx.addIssue({ code: 'custom', message: `"${value}" is not a URL; ${baseUrlMessage}` });
      return z.NEVER;
    }
    const loopback = url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]';
    if (url.protocol !== 'https:' && !(loopback && url.protocol === 'http:')) {
      ctx.addIssue({
        code: 'custom',
        message: `"${value}" must use https: Okta only calls SCIM endpoints over TLS; ${baseUrlMessage}`,
      });
      return z.NEVER;
    }
    if (url.search || url.hash || url.username || url.password) {
      ctx.addIssue({ code: 'custom', message: `"${value}" has a query, fragment or credentials; ${baseUrlMessage}` });
      return z.NEVER;
    }
    const href = url.href.replace(/\/+$/, '');
    if (/\/Users$/i.test(href)) {
      ctx.addIssue({
        code: 'custom',
        message: `"${value}" ends in /Users; Okta adds /Users itself, so enter ${href.replace(/\/Users$/i, '')}`,
      });
      return z.NEVER;
    }
    return href;
  });

export const ScimInputSchema = z.object({
  baseUrl: ScimBaseUrlSchema,
  /** Secret: kept in the secret store, never in the workspace or the renderer. */
  token: z
    .string()
    .trim()
    .min(1, 'Paste the SCIM bearer token the vendor issued; Okta sends it as "Authorization: Bearer <token>"'),
  /** Leave empty for a generated okta-onboard-preflight-…@example.com; set it when the vendor only accepts your own domains. */
  testUserName: z.string().trim().max(256, 'Keep the test userName under 256 characters').optional(),
});
export type ScimInput = z.infer<typeof ScimInputSchema>;

/** One HTTP call of the preflight, as shown to the admin: the bearer token is always `••••`. */
export const ScimExchangeSchema = z.object({
  method: z.string(),
  url: z.string(),
  requestHeaders: z.record(z.string(), z.string()),
  requestBody: z.unknown().optional(),
  status: z.number(),
  responseHeaders: z.record(z.string(), z.string()),
  responseBody: z.unknown().optional(),
  durationMs: z.number(),
  error: z.string().optional(),
  failure: z.string().optional(),
});
export type ScimExchangeView = z.infer<typeof ScimExchangeSchema>;

export const PreflightCheckSchema = z.object({
  name: z.string(),
  status: z.enum(['pass', 'warning', 'fail', 'skipped']),
  detail: z.string(),
  exchanges: z.array(ScimExchangeSchema),
});

/** A preflight run as recorded: which URL and which token (salted digest, never the token) it ran with. */
export const PreflightRecordSchema = z.object({
  baseUrl: z.string(),
  startedAt: z.string(),
  checks: z.array(PreflightCheckSchema),
  testUser: z.object({ userName: z.string(), id: z.string().optional(), leftActive: z.boolean() }),
  tokenDigest: z.object({ salt: z.string(), sha256: z.string() }),
});
export type PreflightRecord = z.infer<typeof PreflightRecordSchema>;

export const ScimObservedSchema = z.object({
  /** The base URL the admin entered, normalised. */
  baseUrl: z.string(),
  /** The last preflight run, if any (possibly for another URL or token). */
  report: PreflightRecordSchema.optional(),
  /** True when `report` ran against the current URL with the current token. */
  current: z.boolean(),
});
export type ScimObserved = z.infer<typeof ScimObservedSchema>;
