import { stat } from 'node:fs/promises';
import type { HandlersOf } from '../api/channel';
import type { migrateChannels, MigrateClass, MigrateSummary, ReviewRow } from '../api/channels-migrate';
import { MigrateInputSchema } from '../api/step-migrate';
import { AppError } from '../errors';
import { controlMigration } from '../migrate/control';
import { importVendorScim, setDecisions, setMapping } from '../migrate/import';
import { scimSourceOf } from '../migrate/scim-source';
import { MATCH_CLASS_TITLES, MATCH_CLASSES, type MatchClass, type MatchRow } from '../migrate/match';
import { roleMapping, unansweredRoles } from '../migrate/role-mapping';
import { reviewCsv } from '../migrate/review-csv';
import { migrationPath, readMigration, type MigrationFile } from '../migrate/store';
import type { Survey } from '../migrate/survey';
import { guessMapping } from '../migrate/vendor-users';
import { ExportReader } from '../migrate/worker/export-reader';
import { latestMigrateSurvey, observe } from '../steps/migrate';
import { vendorProfile } from '../vendors';
import type { ServiceDeps } from './handlers';
import { MigrateUploads } from './migrate-uploads';
import { ScimReads } from './migrate-scim-reads';

type MigrateHandlers = HandlersOf<{ migrate: typeof migrateChannels }>['migrate'];
type Filter = {
  classes?: MigrateClass[] | undefined;
  result: 'any' | 'pending' | 'done' | 'failed';
  decision: 'any' | 'undecided' | 'create' | 'drop';
  query: string;
};

/** The import on disk, read again only when the file changed (apply saves results into it every 2 s). */
class ImportCache {
  private readonly files = new Map<string, { mtimeMs: number; file: MigrationFile | undefined }>();

  constructor(private readonly dataDir: string) {}

  async get(integrationId: string): Promise<MigrationFile | undefined> {
    let mtimeMs = -1;
    try {
      mtimeMs = (await stat(migrationPath(this.dataDir, integrationId))).mtimeMs;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    const cached = this.files.get(integrationId);
    if (cached && cached.mtimeMs === mtimeMs) return cached.file;
    const file = mtimeMs < 0 ? undefined : await readMigration(this.dataDir, integrationId);
    this.files.set(integrationId, { mtimeMs, file });
    return file;
  }
}

function importedView(file: MigrationFile) {
  return {
    fileName: file.fileName,
    rows: file.rows.length,
    importedAt: file.importedAt,
    headers: file.headers,
    mapping: file.mapping,
    decisions: Object.keys(file.decisions).length,
    results: Object.keys(file.results).length,
  };
}

/** The survey the review shows, when it was made from the import on disk (not an earlier one or mapping). */
function currentSurvey(integrationId: string, file: MigrationFile | undefined): Survey | undefined {
  const s = latestMigrateSurvey(integrationId);
  if (!s || !file) return undefined;
  const same = s.file.importedAt === file.importedAt && JSON.stringify(s.file.mapping) === JSON.stringify(file.mapping);
  return same ? s : undefined;
}

function toView(r: MatchRow, s: Survey): ReviewRow {
  const decision = r.class === 'not-in-okta' ? s.file.decisions[String(r.row)] : undefined;
  const result = s.file.results[String(r.row)];
  return {
    row: r.row,
    email: r.email,
    class: r.class,
    reason: r.reason,
    ...(r.login ? { login: r.login } : {}),
    ...(r.vendorRole ? { vendorRole: r.vendorRole } : {}),
    ...(r.role ? { role: r.role } : {}),
    ...(decision ? { decision } : {}),
    ...(result
      ? { result: { status: result.status, action: result.action, message: result.message, at: result.at } }
      : {}),
  };
}

function matches(filter: Filter, s: Survey): (r: MatchRow) => boolean {
  const classes = filter.classes && filter.classes.length > 0 ? new Set<MatchClass>(filter.classes) : undefined;
  const query = filter.query.trim().toLowerCase();
  return (r) => {
    if (classes && !classes.has(r.class)) return false;
    if (filter.result !== 'any') {
      const status = s.file.results[String(r.row)]?.status;
      if (filter.result === 'pending' ? status !== undefined : status !== filter.result) return false;
    }
    if (filter.decision !== 'any') {
      if (r.class !== 'not-in-okta') return false;
      const decision = s.file.decisions[String(r.row)];
      if (filter.decision === 'undecided' ? decision !== undefined : decision !== filter.decision) return false;
    }
    if (query === '') return true;
    return [r.email, r.login, r.vendorRole, r.role, r.reason].some((v) => v?.toLowerCase().includes(query));
  };
}

function countBy<T>(items: T[], key: (item: T) => string): { key: string; rows: number }[] {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return [...counts]
    .map(([k, rows]) => ({ key: k, rows }))
    .sort((a, b) => b.rows - a.rows || a.key.localeCompare(b.key));
}

/**
 * The migrate step's screen: import in parts, a paged review from main, decisions, export and run
 * control. `whileApplying` wraps the step's apply (from the screen or the toolbar), so the screen
 * knows a run is on and nothing it shows can change under it.
 */
export function createMigrateHandlers(deps: ServiceDeps): {
  handlers: MigrateHandlers;
  whileApplying<T>(integrationId: string, run: () => Promise<T>): Promise<T>;
} {
  const uploads = new MigrateUploads();
  const reader = deps.exportReader ?? ExportReader.inProcess();
  const scimReads = new ScimReads();
  const imports = new ImportCache(deps.workspace.dataDir);
  // Runs in this process by integration (a count: the runner queues a second apply behind the first).
  const running = new Map<string, number>();
  const runFlags = new Map<string, { paused: boolean; cancelling: boolean }>();

  async function integrationOf(integrationId: string) {
    const integration = await deps.workspace.getIntegration(integrationId);
    if (!('migrate' in integration.steps))
      throw new AppError(
        'STEP_NOT_IN_VENDOR',
        'This integration has no migration step.',
        'Open an integration whose vendor has one.',
      );
    return integration;
  }

  async function matched(integrationId: string): Promise<Survey> {
    const file = await imports.get(integrationId);
    if (!file)
      throw new AppError('MIGRATE_NOTHING_IMPORTED', 'No vendor export has been imported yet.', 'Import it first.');
    const s = currentSurvey(integrationId, file);
    if (!s)
      throw new AppError(
        'MIGRATE_NOT_MATCHED',
        'The import has not been matched against Okta yet.',
        'Click "Check Okta" to match it.',
      );
    return s;
  }

  function progressOf(integrationId: string) {
    const report = deps.progress?.get({ integrationId, stepId: 'migrate' }) ?? { done: 0, total: 0, message: '' };
    const active = running.has(integrationId);
    return {
      active,
      done: active ? report.done : 0,
      total: active ? report.total : 0,
      message: active ? report.message : '',
      ...(active
        ? (runFlags.get(integrationId) ?? { paused: false, cancelling: false })
        : { paused: false, cancelling: false }),
    };
  }

  function refuseWhileRunning(integrationId: string, what: string): void {
    if (running.has(integrationId))
      throw new AppError(
        'MIGRATE_RUNNING',
        `${what} cannot change while the migration runs.`,
        'Cancel the run first (it resumes later without repeating a write), or wait until it ends.',
      );
  }

  async function whileApplying<T>(integrationId: string, run: () => Promise<T>): Promise<T> {
    running.set(integrationId, (running.get(integrationId) ?? 0) + 1);
    runFlags.delete(integrationId);
    try {
      return await run();
    } finally {
      const left = (running.get(integrationId) ?? 1) - 1;
      if (left > 0) running.set(integrationId, left);
      else running.delete(integrationId);
      runFlags.delete(integrationId);
    }
  }

  const handlers: MigrateHandlers = {
    upload: async ({ integrationId, uploadId, part, parts, base64 }) => {
      await integrationOf(integrationId);
      return uploads.addPart(integrationId, uploadId, part, parts, Buffer.from(base64, 'base64'));
    },

    preview: async ({ integrationId, uploadId, fileName }) => {
      await integrationOf(integrationId);
      // Read on the reader's thread, which keeps the rows for the import that follows.
      const table = await reader.read(uploadId, uploads.bytes(integrationId, uploadId));
      const earlier = await imports.get(integrationId);
      return {
        uploadId,
        fileName,
        rows: table.rows,
        headers: table.headers,
        preview: table.preview.slice(0, 8),
        mapping: guessMapping(table.headers),
        delimiter: table.delimiter,
        encoding: table.encoding,
        replaces: earlier ? importedView(earlier) : null,
      };
    },

    import: async ({ integrationId, uploadId, fileName, mapping }) => {
      await integrationOf(integrationId);
      refuseWhileRunning(integrationId, 'The import');
      if (scimReads.running(integrationId))
        throw new AppError(
          'MIGRATE_READ_RUNNING',
          "The vendor's accounts are being read over SCIM for this integration.",
          'Wait for that read to end, or cancel it, then import the file.',
        );
      const bytes = () => uploads.bytes(integrationId, uploadId);
      uploads.complete(integrationId, uploadId);
      const clean = Object.fromEntries(Object.entries(mapping).filter(([, v]) => v !== undefined));
      const target = { dataDir: deps.workspace.dataDir, integrationId, fileName, mapping: clean, now: new Date() };
      await reader.keep(uploadId, bytes, target);
      uploads.forget(uploadId);
      const file = await imports.get(integrationId);
      if (!file) throw new AppError('INTERNAL', 'The import was not kept.', 'Import the file again.');
      return importedView(file);
    },

    importScim: async ({ integrationId }) => {
      const integration = await integrationOf(integrationId);
      refuseWhileRunning(integrationId, 'The import');
      const source = await scimSourceOf(integration, deps.secrets);
      const read = await scimReads.run(integrationId, (hooks) =>
        importVendorScim(deps.workspace.dataDir, integrationId, { ...source, ...hooks }, new Date()),
      );
      const file = await imports.get(integrationId);
      if (!file) throw new AppError('INTERNAL', 'The import was not kept.', 'Read the vendor again.');
      return { ...importedView(file), inactive: read.inactive ?? 0 };
    },

    readProgress: async ({ integrationId }) => {
      await integrationOf(integrationId);
      return scimReads.progress(integrationId);
    },

    cancelRead: async ({ integrationId }) => {
      await integrationOf(integrationId);
      return scimReads.cancel(integrationId);
    },

    setMapping: async ({ integrationId, mapping }) => {
      await integrationOf(integrationId);
      refuseWhileRunning(integrationId, 'The column mapping');
      const clean = Object.fromEntries(Object.entries(mapping).filter(([, v]) => v !== undefined));
      await setMapping(deps.workspace.dataDir, integrationId, clean as typeof mapping);
      const file = await imports.get(integrationId);
      if (!file) throw new AppError('INTERNAL', 'The import was not kept.', 'Import the file again.');
      return importedView(file);
    },

    summary: async ({ integrationId }) => {
      const integration = await integrationOf(integrationId);
      const profile = vendorProfile(integration.vendorId);
      const input = MigrateInputSchema.catch({ route: 'auto', activateCreated: false, roleMap: {} }).parse(
        integration.steps.migrate?.input ?? {},
      );
      const file = await imports.get(integrationId);
      const s = currentSurvey(integrationId, file);
      const scimSource = profile.scim
        ? await scimSourceOf(integration, deps.secrets).then(
            () => ({
              available: true,
              why: `Reads ${profile.name}'s accounts with the SCIM step's base URL and token.`,
            }),
            (error: unknown) => ({
              available: false,
              why: error instanceof AppError ? `${error.message} ${error.hint}` : String(error),
            }),
          )
        : null;
      const base: MigrateSummary = {
        state: !file ? 'none' : s ? 'matched' : 'imported',
        imported: file ? importedView(file) : null,
        matchedAt: null,
        classes: MATCH_CLASSES.map((id) => ({ id, title: MATCH_CLASS_TITLES[id], rows: 0 })),
        notInOkta: { create: 0, drop: 0, undecided: 0 },
        unknownRoles: [],
        roleMapping: [],
        roles: [],
        outsideDomains: [],
        toAssign: 0,
        toCreate: 0,
        estimates: [],
        wanted: input.route,
        route: null,
        routeWhy: '',
        results: { done: 0, failed: 0, skipped: 0 },
        followUp: profile.migration?.followUp ?? [],
        guideSteps: profile.migration?.steps ?? [],
        vendorName: profile.name,
        scimSource,
      };
      if (!s) return base;
      const notInOkta = s.match.rows.filter((r) => r.class === 'not-in-okta');
      const decided = notInOkta.map((r) => s.file.decisions[String(r.row)] ?? 'undecided');
      const byRow = new Map(s.vendor.map((v) => [v.row, v]));
      // Decisions made since the last read change what apply creates; the plan follows them without a new read.
      const toCreate = notInOkta
        .filter((r) => s.file.decisions[String(r.row)] === 'create')
        .map((r) => byRow.get(r.row)!);
      const observed = observe({ ...s, toCreate }, input, integration.facts.appId ?? '');
      const results = Object.values(s.file.results);
      return {
        ...base,
        matchedAt: integration.steps.migrate?.inspectedAt ?? null,
        classes: MATCH_CLASSES.map((id) => ({ id, title: MATCH_CLASS_TITLES[id], rows: s.match.counts[id] })),
        notInOkta: {
          create: decided.filter((d) => d === 'create').length,
          drop: decided.filter((d) => d === 'drop').length,
          undecided: decided.filter((d) => d === 'undecided').length,
        },
        unknownRoles: unansweredRoles(s, input.roleMap),
        roleMapping: roleMapping(s, input.roleMap),
        roles: s.roles,
        outsideDomains: countBy(
          s.match.rows.filter((r) => r.class === 'outside-domains'),
          (r) => r.email.slice(r.email.lastIndexOf('@') + 1).toLowerCase(),
        ).map(({ key, rows }) => ({ domain: key, rows })),
        toAssign: observed.toAssign,
        toCreate: observed.toCreate,
        estimates: observed.estimates,
        route: observed.route,
        routeWhy: observed.routeWhy,
        results: {
          done: results.filter((r) => r.status === 'done').length,
          failed: results.filter((r) => r.status === 'failed').length,
          skipped: results.filter((r) => r.status === 'skipped').length,
        },
      };
    },

    rows: async ({ integrationId, filter, offset, limit }) => {
      await integrationOf(integrationId);
      const s = await matched(integrationId);
      const keep = matches(filter, s);
      const hits = s.match.rows.filter(keep);
      return { total: hits.length, offset, rows: hits.slice(offset, offset + limit).map((r) => toView(r, s)) };
    },

    decide: async ({ integrationId, decision, target }) => {
      await integrationOf(integrationId);
      refuseWhileRunning(integrationId, 'Decisions');
      const s = await matched(integrationId);
      const classOf = new Map(s.match.rows.map((r) => [r.row, r.class]));
      const wanted =
        'rows' in target
          ? target.rows
          : s.match.rows.filter((r) => r.class === 'not-in-okta' && matches(target.filter, s)(r)).map((r) => r.row);
      const rows = wanted.filter((row) => classOf.get(row) === 'not-in-okta');
      const value = decision === 'undecided' ? null : decision;
      if (rows.length > 0) {
        await setDecisions(deps.workspace.dataDir, integrationId, Object.fromEntries(rows.map((r) => [r, value])));
        // The review and the plan read the survey's copy: keep it the same as the file just written.
        for (const row of rows) {
          if (value === null) delete s.file.decisions[String(row)];
          else s.file.decisions[String(row)] = value;
        }
      }
      return { changed: rows.length, ignored: wanted.length - rows.length };
    },

    exportReview: async ({ integrationId, filter }) => {
      const integration = await integrationOf(integrationId);
      const s = await matched(integrationId);
      const rows = s.match.rows.filter(matches(filter, s));
      const csv = reviewCsv(rows, { decisions: s.file.decisions, results: s.file.results });
      const fileName = `${integration.vendorId}-migration-review-${new Date().toISOString().slice(0, 10)}.csv`;
      if (!deps.saveFile) return { kind: 'download', fileName, csv, rows: rows.length };
      const path = await deps.saveFile(fileName, csv);
      return path === undefined ? { kind: 'cancelled' } : { kind: 'saved', path, rows: rows.length };
    },

    control: async ({ integrationId, command }) => {
      await integrationOf(integrationId);
      if (!running.has(integrationId))
        throw new AppError(
          'MIGRATE_NOT_RUNNING',
          'No migration is running for this integration in this app.',
          'Start it with Apply; a migration run from the command line is paused or cancelled there (Ctrl-C).',
        );
      controlMigration(integrationId, command);
      runFlags.set(integrationId, { paused: command === 'pause', cancelling: command === 'cancel' });
      return progressOf(integrationId);
    },

    progress: async ({ integrationId }) => progressOf(integrationId),
  };
  return { handlers, whileApplying };
}
