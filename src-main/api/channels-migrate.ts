import { z } from 'zod';
import { channel } from './channel';
import { MigrateRouteSchema, RouteEstimateSchema } from './step-migrate';

const IntegrationRef = z.object({ integrationId: z.string().min(1, 'Choose an integration') });

/** The matcher's classes in review order; src-main/migrate/match.ts takes them from here. */
export const MigrateClassSchema = z.enum([
  'to-assign',
  'assigned',
  'unknown-role',
  'not-in-okta',
  'inactive',
  'outside-domains',
  'consumer',
  'duplicate',
  'invalid',
]);
export type MigrateClass = z.infer<typeof MigrateClassSchema>;

/** One part of a vendor export on its way to main: under the request cap, however large the file. */
export const UPLOAD_PART_BYTES = 1024 * 1024;

export const ColumnMappingSchema = z.object({
  email: z.string().min(1, 'Choose the column with each person’s email'),
  login: z.string().min(1).optional(),
  name: z.string().min(1).optional(),
  role: z.string().min(1).optional(),
});
export type ColumnMappingView = z.infer<typeof ColumnMappingSchema>;

/** What the integration already has imported, so the screen can say what a new import replaces. */
export const ImportedSchema = z.object({
  fileName: z.string(),
  rows: z.number().int(),
  importedAt: z.string(),
  headers: z.array(z.string()),
  mapping: ColumnMappingSchema,
  decisions: z.number().int(),
  results: z.number().int(),
});
export type ImportedView = z.infer<typeof ImportedSchema>;

export const ImportPreviewSchema = z.object({
  uploadId: z.string(),
  fileName: z.string(),
  rows: z.number().int(),
  headers: z.array(z.string()),
  /** The first rows as read, for the admin to check the mapping against. */
  preview: z.array(z.array(z.string())),
  /** Guessed from the header names; the admin confirms or changes it before importing. */
  mapping: ColumnMappingSchema.partial(),
  delimiter: z.enum([',', ';', '\t']),
  encoding: z.enum(['utf-8', 'utf-16le', 'utf-16be']),
  /** The import this one would replace (with its decisions and results), when there is one. */
  replaces: ImportedSchema.nullable(),
});
export type ImportPreviewView = z.infer<typeof ImportPreviewSchema>;

export const RowResultViewSchema = z.object({
  status: z.enum(['done', 'failed', 'skipped']),
  action: z.enum(['create', 'assign']),
  message: z.string(),
  at: z.string(),
});

export const ReviewRowSchema = z.object({
  row: z.number().int(),
  email: z.string(),
  class: MigrateClassSchema,
  reason: z.string(),
  login: z.string().optional(),
  vendorRole: z.string().optional(),
  role: z.string().optional(),
  decision: z.enum(['create', 'drop']).optional(),
  result: RowResultViewSchema.optional(),
});
export type ReviewRow = z.infer<typeof ReviewRowSchema>;

/** Which rows a page, a bulk decision or an export covers. */
export const ReviewFilterSchema = z.object({
  classes: z.array(MigrateClassSchema).max(9).optional(),
  /** Rows by apply's outcome: not run yet, done, failed. */
  result: z.enum(['any', 'pending', 'done', 'failed']).default('any'),
  /** For "not in Okta" rows: the admin's decision so far. */
  decision: z.enum(['any', 'undecided', 'create', 'drop']).default('any'),
  /** Part of the email, Okta login, vendor role or reason, case-insensitive. */
  query: z.string().max(200, 'Keep the search under 200 characters').default(''),
});
export type ReviewFilter = z.input<typeof ReviewFilterSchema>;

export const MigrateSummarySchema = z.object({
  /** none: nothing imported; imported: not matched against Okta in this session yet; matched: the review is ready. */
  state: z.enum(['none', 'imported', 'matched']),
  imported: ImportedSchema.nullable(),
  /** When the org was read for the match shown. */
  matchedAt: z.string().nullable(),
  classes: z.array(z.object({ id: MigrateClassSchema, title: z.string(), rows: z.number().int() })),
  notInOkta: z.object({ create: z.number().int(), drop: z.number().int(), undecided: z.number().int() }),
  /**
   * Vendor roles the app's role enum does not have and the admin has not answered for, with how
   * many matched rows carry each ('' for no role): those people are not assigned.
   */
  unknownRoles: z.array(z.object({ role: z.string(), rows: z.number().int() })),
  /**
   * Every vendor role the admin can map: the unknown ones and those already answered, with the
   * matched rows each covers and the answer (`mappedTo` a role value, or `leftOut`).
   */
  roleMapping: z.array(
    z.object({ role: z.string(), rows: z.number().int(), mappedTo: z.string().nullable(), leftOut: z.boolean() }),
  ),
  /** The app's role enum, when it has one. */
  roles: z.array(z.object({ value: z.string(), title: z.string() })),
  /** Domains of the rows outside the integration's domains, with how many rows each. */
  outsideDomains: z.array(z.object({ domain: z.string(), rows: z.number().int() })),
  toAssign: z.number().int(),
  toCreate: z.number().int(),
  estimates: z.array(RouteEstimateSchema),
  /** The route the admin asked for (auto: the sooner), the one it comes to, and why. */
  wanted: MigrateRouteSchema,
  route: z.enum(['direct', 'group']).nullable(),
  routeWhy: z.string(),
  results: z.object({ done: z.number().int(), failed: z.number().int(), skipped: z.number().int() }),
  /** What the admin does at the vendor afterwards, in the vendor guide's words. */
  followUp: z.array(z.string()),
  guideSteps: z.array(z.string()),
  vendorName: z.string(),
  /** The second import source: the vendor's accounts read live over SCIM with the SCIM step's URL and token; null: the vendor has no SCIM. */
  scimSource: z.object({ available: z.boolean(), why: z.string() }).nullable(),
});
export type MigrateSummary = z.infer<typeof MigrateSummarySchema>;

export const MigrateProgressSchema = z.object({
  active: z.boolean(),
  done: z.number().int(),
  total: z.number().int(),
  message: z.string(),
  /** The admin asked to pause; the run stops before its next write (the current one finishes). */
  paused: z.boolean(),
  cancelling: z.boolean(),
});
export type MigrateProgress = z.infer<typeof MigrateProgressSchema>;

/**
 * The migrate step's screen: the vendor export is sent to main in parts and read there (never in
 * the renderer), matched by the step's inspect, and reviewed a page at a time.
 */
export const ScimReadProgressSchema = z.object({
  active: z.boolean(),
  /** Accounts read so far (each page's accounts, deactivated ones included). */
  read: z.number().int(),
  /** The vendor's count (`totalResults`), known after the first page; null before it. */
  total: z.number().int().nullable(),
  cancelling: z.boolean(),
});
export type ScimReadProgress = z.infer<typeof ScimReadProgressSchema>;

export const migrateChannels = {
  /** One part of the export file, base64; the first part (part 0) starts a new upload and gets its id. */
  upload: channel(
    IntegrationRef.extend({
      uploadId: z.string().max(64).optional(),
      part: z.number().int().min(0).max(4096),
      parts: z.number().int().min(1).max(4096),
      base64: z
        .string()
        .max(Math.ceil(UPLOAD_PART_BYTES / 3) * 4 + 4, 'A part is at most 1 MB')
        .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'A part is base64 text'),
    }),
    z.object({ uploadId: z.string(), received: z.number().int(), bytes: z.number().int() }),
  ),
  /** Reads the uploaded file (encoding, delimiter, header row) and guesses the column mapping; keeps nothing yet. */
  preview: channel(
    IntegrationRef.extend({ uploadId: z.string().min(1), fileName: z.string().min(1).max(255) }),
    ImportPreviewSchema,
  ),
  /** Keeps the uploaded rows with the admin's mapping, replacing an earlier import and its decisions. */
  import: channel(
    IntegrationRef.extend({
      uploadId: z.string().min(1),
      fileName: z.string().min(1).max(255),
      mapping: ColumnMappingSchema,
    }),
    ImportedSchema,
  ),
  /** Reads the vendor's accounts live over SCIM (paged; the token stays in main) and keeps them as the import. */
  importScim: channel(IntegrationRef, ImportedSchema.extend({ inactive: z.number().int() })),
  /** How far a running SCIM read has come: accounts read so far of the ListResponse's totalResults. */
  readProgress: channel(IntegrationRef, ScimReadProgressSchema),
  /** Stops a running SCIM read after the page in flight; nothing is imported, an earlier import is kept. */
  cancelRead: channel(IntegrationRef, ScimReadProgressSchema),
  /** Changes the mapping of the kept import (the review then needs a new match). */
  setMapping: channel(IntegrationRef.extend({ mapping: ColumnMappingSchema }), ImportedSchema),
  /** Counts per class, decisions, route minutes and the vendor's follow-up; no call to Okta. */
  summary: channel(IntegrationRef, MigrateSummarySchema),
  /** One page of the review, filtered; the rows stay in main. */
  rows: channel(
    IntegrationRef.extend({
      filter: ReviewFilterSchema.default({ result: 'any', decision: 'any', query: '' }),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(200).default(50),
    }),
    z.object({ total: z.number().int(), offset: z.number().int(), rows: z.array(ReviewRowSchema) }),
  ),
  /** Create in Okta or drop "not in Okta" rows: listed rows, or every "not in Okta" row the filter matches. */
  decide: channel(
    IntegrationRef.extend({
      decision: z.enum(['create', 'drop', 'undecided']),
      target: z.union([
        z.object({ rows: z.array(z.number().int().min(1)).min(1).max(1000) }),
        z.object({ filter: ReviewFilterSchema }),
      ]),
    }),
    z.object({ changed: z.number().int(), ignored: z.number().int() }),
  ),
  /** The review (filtered) as CSV: saved through a dialog in the desktop app, handed back as text in browser mode. */
  exportReview: channel(
    IntegrationRef.extend({ filter: ReviewFilterSchema.default({ result: 'any', decision: 'any', query: '' }) }),
    z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('saved'), path: z.string(), rows: z.number().int() }),
      z.object({ kind: z.literal('cancelled') }),
      z.object({ kind: z.literal('download'), fileName: z.string(), csv: z.string(), rows: z.number().int() }),
    ]),
  ),
  /** Pause, resume or cancel the running apply; a cancelled run resumes on the next apply without repeating a write. */
  control: channel(IntegrationRef.extend({ command: z.enum(['pause', 'resume', 'cancel']) }), MigrateProgressSchema),
  progress: channel(IntegrationRef, MigrateProgressSchema),
} as const;
