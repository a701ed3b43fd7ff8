import packageJson from '../../package.json';
import type { Client, Integration, StepId } from '../api/model';
import { AppObservedSchema, type AppObserved } from '../api/step-app';
import { AssignObservedSchema } from '../api/step-assign';
import { BookmarkObservedSchema } from '../api/step-bookmark';
import { DomainsObservedSchema } from '../api/step-domains';
import { MetadataObservedSchema } from '../api/step-metadata';
import { MigrateObservedSchema } from '../api/step-migrate';
import { ProvisioningObservedSchema } from '../api/step-provisioning';
import { RegisterObservedSchema } from '../api/step-register';
import { RoleObservedSchema } from '../api/step-role';
import type { StepView } from '../api/steps';
import { AppError, isAppError } from '../errors';
import type { AppGroupAssignment, AppUser, OktaApp, OktaOrgApi } from '../okta/org-api';
import type { StepRunner } from '../steps/runner';
import { vendorProfile } from '../vendors';
import type { VendorProfile } from '../vendors/profile';
import { writesOf, type AuditEvent } from '../workspace/audit-log';
import type { Workspace } from '../workspace/workspace';
import { CONFIG_REPORT_VERSION, type ConfigReport, type ReportCheck, type ReportStep } from './model';
import {
  appSection,
  assignmentsSection,
  auditSection,
  bookmarkSection,
  domainsSection,
  migrationSection,
  provisioningSection,
  registrationSection,
  roleSection,
  samlSection,
} from './sections';

export interface ReportDeps {
  workspace: Workspace;
  /** Runs each step's inspect and verify (read-only calls) so the report rests on a fresh read. */
  runner: Pick<StepRunner, 'verify' | 'view'>;
  /** The client's org, for the report's own reads (the app as Okta holds it, assignments). */
  connect(client: Client): Promise<OktaOrgApi>;
  audit: { read(clientId: string): Promise<AuditEvent[]> };
  now?: () => Date;
}

/** The role attribute's property name in the app user schema (every profile with roles uses `role`). */
const ROLE_PROPERTY = 'role';

export const GENERATOR = { name: 'okta-onboard', version: packageJson.version } as const;

interface Observed {
  views: Partial<Record<StepId, StepView>>;
  steps: ReportStep[];
  checks: ReportCheck[];
}

function errorOf(error: unknown): { code: string; message: string; hint: string } {
  return isAppError(error)
    ? { code: error.code, message: error.message, hint: error.hint }
    : {
        code: 'INTERNAL',
        message: error instanceof Error ? error.message : String(error),
        hint: 'Try again; if it keeps failing, report it.',
      };
}

/** Reads back every step that was ever run, in the vendor's order; a step never run is named as such. */
async function observeSteps(deps: ReportDeps, integration: Integration, profile: VendorProfile): Promise<Observed> {
  const views: Observed['views'] = {};
  const steps: ReportStep[] = [];
  const checks: ReportCheck[] = [];
  for (const spec of profile.steps) {
    const record = integration.steps[spec.id];
    const base = { id: spec.id, title: spec.title, optional: spec.optional ?? false };
    if (record?.skippedAt) {
      steps.push({ ...base, status: record.status, observation: 'skipped', skippedAt: record.skippedAt });
      continue;
    }
    if (!record || (record.inspectedAt === undefined && record.status === 'not-started')) {
      steps.push({ ...base, status: record?.status ?? 'not-started', observation: 'not-started' });
      continue;
    }
    const ref = { integrationId: integration.id, stepId: spec.id };
    let view: StepView;
    try {
      view = await deps.runner.verify(ref);
    } catch (error) {
      const failed = await deps.runner.view(ref).catch(() => undefined);
      steps.push({
        ...base,
        status: failed?.status ?? 'failed',
        observation: 'unreadable',
        error: failed?.lastError ?? errorOf(error),
      });
      continue;
    }
    views[spec.id] = view;
    steps.push({
      ...base,
      status: view.status,
      observation: 'fresh',
      ...(view.verifiedAt ? { verifiedAt: view.verifiedAt } : {}),
      ...(view.appliedAt ? { appliedAt: view.appliedAt } : {}),
    });
    const at = view.verifiedAt ?? view.inspectedAt ?? new Date(0).toISOString();
    for (const c of view.checks)
      checks.push({
        stepId: spec.id,
        id: c.id,
        label: c.label,
        result: c.status,
        detail: c.detail,
        ...(c.evidence ? { evidence: c.evidence } : {}),
        at,
      });
  }
  return { views, steps, checks };
}

function observedOf<T>(
  schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } },
  view?: StepView,
) {
  if (!view) return undefined;
  const parsed = schema.safeParse(view.observed);
  return parsed.success ? parsed.data : undefined;
}

interface OrgReads {
  app?: OktaApp;
  appGroups?: AppGroupAssignment[];
  appUsers?: AppUser[];
  bookmarkGroups?: string[];
}

/** The report's own reads: the app as Okta holds it and who has it (read-only calls). */
async function readOrg(
  okta: OktaOrgApi,
  appId: string | undefined,
  bookmarkId: string | undefined,
  problem: (section: string, error: unknown) => void,
): Promise<OrgReads> {
  const reads: OrgReads = {};
  if (appId) {
    try {
      reads.app = await okta.getApp(appId);
      if (!reads.app) problem('app', new AppError('APP_NOT_FOUND', `Okta has no app ${appId} any more.`, ''));
    } catch (error) {
      problem('app', error);
    }
    if (reads.app) {
      try {
        reads.appGroups = await okta.listAppGroups(appId).all();
        reads.appUsers = await okta.listAppUsers(appId).all();
      } catch (error) {
        problem('assignments', error);
      }
    }
  }
  if (bookmarkId) {
    try {
      reads.bookmarkGroups = (await okta.listAppGroups(bookmarkId).all()).map((g) => g.id);
    } catch (error) {
      problem('bookmark', error);
    }
  }
  return reads;
}

function summaryOf(steps: ReportStep[], checks: ReportCheck[], unreadable: boolean): ConfigReport['summary'] {
  const required = steps.filter((s) => !s.optional);
  const count = (r: ReportCheck['result']) => checks.filter((c) => c.result === r).length;
  const verifiedRequired = required.filter((s) => s.observation === 'fresh' && s.status === 'verified').length;
  const state = unreadable
    ? 'unreadable'
    : count('fail') > 0 || steps.some((s) => s.status === 'failed')
      ? 'failing'
      : verifiedRequired === required.length
        ? 'verified'
        : 'incomplete';
  return {
    state,
    requiredSteps: required.length,
    verifiedRequired,
    skipped: steps.filter((s) => s.observation === 'skipped').length,
    checks: { pass: count('pass'), warn: count('warn'), fail: count('fail') },
  };
}

/**
 * The configuration report of one integration, from a fresh read of the org: each step that was
 * ever run is read back (inspect and verify, which never write), then the app and its assignments
 * are read as Okta holds them. Secrets are never read: the steps' observations carry none, and
 * the report's own reads are of public configuration.
 */
export async function buildConfigReport(deps: ReportDeps, integrationId: string): Promise<ConfigReport> {
  const now = deps.now ?? (() => new Date());
  const integration = await deps.workspace.getIntegration(integrationId);
  const client = (await deps.workspace.listClients()).find((c) => c.id === integration.clientId);
  if (!client)
    throw new AppError('CLIENT_NOT_FOUND', 'The client of this integration no longer exists.', 'Add the client again.');
  const profile = vendorProfile(integration.vendorId);
  const problems: ConfigReport['problems'] = [];
  const problem = (section: string, error: unknown) => problems.push({ section, message: errorOf(error).message });

  const { views, steps, checks } = await observeSteps(deps, integration, profile);
  const fresh = await deps.workspace.getIntegration(integrationId);
  const appObserved: AppObserved | undefined = observedOf(AppObservedSchema, views.app);
  const metadata = observedOf(MetadataObservedSchema, views.metadata);
  const role = observedOf(RoleObservedSchema, views.role);
  const assign = observedOf(AssignObservedSchema, views.assign);
  const bookmark = observedOf(BookmarkObservedSchema, views.bookmark);
  const provisioning = observedOf(ProvisioningObservedSchema, views.provisioning);
  const appId = appObserved?.app?.id ?? fresh.facts.appId;
  const bookmarkId = bookmark?.app?.id ?? fresh.facts.bookmarkAppId;

  let reads: OrgReads = {};
  let unreadable = false;
  if (appId || bookmarkId) {
    try {
      reads = await readOrg(await deps.connect(client), appId, bookmarkId, problem);
    } catch (error) {
      unreadable = true;
      problem('org', error);
    }
  }
  // Every step that was read before failed to read now: nothing in the report is current.
  const attempted = steps.filter((s) => s.observation === 'fresh' || s.observation === 'unreadable');
  if (attempted.length > 0 && attempted.every((s) => s.observation === 'unreadable')) unreadable = true;

  const mode = appObserved?.mode ?? (profile.app.kind === 'catalog' ? 'catalog' : 'custom');
  const roleSectionValue = role ? roleSection(role, ROLE_PROPERTY) : null;
  const assignments = assignmentsSection(assign, role, reads.appGroups, reads.appUsers);
  const bookmarkValue = bookmark ? bookmarkSection(bookmark, reads.bookmarkGroups) : null;
  let auditLog: ConfigReport['auditLog'] = [];
  try {
    auditLog = auditSection(writesOf(await deps.audit.read(client.id)), integration.id);
  } catch (error) {
    problem('auditLog', error);
  }
  const registration = observedOf(RegisterObservedSchema, views.register);
  const domains = observedOf(DomainsObservedSchema, views.domains);
  const migration = observedOf(MigrateObservedSchema, views.migrate);
  const generatedAt = now();

  return {
    kind: 'okta-onboard-config-report',
    schemaVersion: CONFIG_REPORT_VERSION,
    generatedAt: generatedAt.toISOString(),
    generator: { ...GENERATOR },
    org: { url: client.orgUrl, practice: client.sandbox },
    client: { id: client.id, name: client.name },
    vendor: { id: profile.id, name: profile.name, guide: profile.guide },
    integration: { id: integration.id, label: integration.label, createdAt: integration.createdAt },
    summary: summaryOf(steps, checks, unreadable),
    app: reads.app ? appSection(reads.app, mode, appObserved) : null,
    saml: metadata ? samlSection(metadata, generatedAt) : null,
    emailDomains: domains ? domainsSection(domains) : null,
    registration: registration ? registrationSection(registration) : null,
    provisioning: provisioning ? provisioningSection(provisioning) : null,
    role: roleSectionValue,
    bookmark: bookmarkValue,
    assignments,
    migration: migration ? migrationSection(migration) : null,
    steps,
    checks,
    auditLog,
    importIds: {
      ...(reads.app ? { samlAppId: reads.app.id } : {}),
      ...(bookmarkValue ? { bookmarkAppId: bookmarkValue.id } : {}),
      ...(roleSectionValue?.present
        ? { appUserSchemaProperty: { appId: roleSectionValue.appId, propertyName: roleSectionValue.propertyName } }
        : {}),
      ...(reads.app && assignments
        ? { groupAssignments: { appId: reads.app.id, groupIds: assignments.groups.map((g) => g.id) } }
        : {}),
      ...(bookmarkValue
        ? { bookmarkGroupAssignments: { appId: bookmarkValue.id, groupIds: bookmarkValue.groupIds } }
        : {}),
    },
    problems,
  };
}
