import { MigrateInputSchema, type MigrateInput, type MigrateObserved } from '../api/step-migrate';
import type { Change, Check } from '../api/steps';
import { AppError, isAppError } from '../errors';
import { shouldStop, startMigrationRun } from '../migrate/control';
import { MATCH_CLASSES } from '../migrate/match';
import { chooseRoute, estimateRoutes, formatMinutes } from '../migrate/routes';
import { readMigration, writeMigration, type RowResult } from '../migrate/store';
import { survey, type Survey } from '../migrate/survey';
import type { VendorUser } from '../migrate/vendor-users';
import type { OktaOrgApi } from '../okta/org-api';
import { defineStep, type StepContext } from './step';

const people = (n: number) => `${n} ${n === 1 ? 'person' : 'people'}`;
// The runner hands apply the observation inspect just made: its full survey is kept here, not in workspace.json.
const surveys = new WeakMap<MigrateObserved, Survey>();
// The latest survey of each integration, for the screen's paged review: apply writes its row results into it as it goes.
const latest = new Map<string, Survey>();

/** The survey the migrate step read last for this integration (this process), with apply's results so far. */
export function latestMigrateSurvey(integrationId: string): Survey | undefined {
  return latest.get(integrationId);
}

/** What the plan looks like for a survey and input: counts, both routes' minutes, the route taken. Pure. */
export function observe(s: Survey, input: MigrateInput, appId: string): MigrateObserved {
  const needsGroup = s.roleGroups.filter(
    (g) => s.toAssign.some((r) => (r.role ?? null) === g.role) || (s.toCreate.length > 0 && g.role === null),
  );
  const routes = estimateRoutes(
    {
      people: s.toAssign.length + s.toCreate.length,
      create: s.toCreate.length,
      groupsToCreate: needsGroup.filter((g) => g.id === null).length,
      groupsToAssign: needsGroup.filter((g) => !g.assigned || g.roleOnApp !== g.role).length,
    },
    s.limits,
  );
  const chosen = chooseRoute(input.route, routes);
  const byRole = new Map<string | null, number>();
  for (const r of s.toAssign) byRole.set(r.role ?? null, (byRole.get(r.role ?? null) ?? 0) + 1);
  const results = Object.values(s.file.results);
  return {
    appId,
    imported: { rows: s.file.rows.length, fileName: s.file.fileName, importedAt: s.file.importedAt },
    roles: s.roles,
    counts: Object.fromEntries(MATCH_CLASSES.map((c) => [c, s.match.counts[c]])),
    toAssign: s.toAssign.length,
    toCreate: s.toCreate.length,
    byRole: [...byRole].map(([role, n]) => ({ role, people: n })),
    roleGroups: s.roleGroups,
    estimates: [routes.direct, routes.group],
    route: chosen.route,
    routeWhy: chosen.why,
    results: {
      done: results.filter((r) => r.status === 'done').length,
      failed: results.filter((r) => r.status === 'failed').length,
    },
  };
}

/** Pure: what apply will do, summarised (a change per kind of write, not one per person). */
export function planMigrate(observed: MigrateObserved): Change[] {
  const changes: Change[] = [];
  const estimate = observed.estimates.find((e) => e.route === observed.route);
  const time = estimate?.minutes == null ? 'time unknown' : `about ${formatMinutes(estimate.minutes)}`;
  if (observed.toCreate > 0) {
    changes.push({
      id: 'migrate-create-users',
      kind: 'create',
      target: 'Okta users',
      summary: `Create ${people(observed.toCreate)} in Okta (rows you chose to create)`,
      details: [],
    });
  }
  if (observed.toAssign + observed.toCreate === 0) return changes;
  if (observed.route === 'group') {
    for (const g of observed.roleGroups) {
      const needed = observed.byRole.some((b) => b.role === g.role) || (observed.toCreate > 0 && g.role === null);
      if (!needed) continue;
      if (g.id === null)
        changes.push({
          id: `migrate-group:${g.name}`,
          kind: 'create',
          target: `group "${g.name}"`,
          summary: `Create the group "${g.name}"`,
          details: [],
        });
      if (!g.assigned || g.roleOnApp !== g.role)
        changes.push({
          id: `migrate-group-assign:${g.name}`,
          kind: g.assigned ? 'update' : 'create',
          target: `group "${g.name}"`,
          summary: `Assign the group "${g.name}" to the app${g.role ? ` with role ${g.role}` : ''}`,
          details: g.role ? [{ field: 'role', ...(g.roleOnApp ? { from: g.roleOnApp } : {}), to: g.role }] : [],
        });
    }
  }
  const n = observed.toAssign + observed.toCreate;
  changes.push({
    id: 'migrate-people',
    kind: 'create',
    target: `${people(n)}`,
    summary:
      observed.route === 'group'
        ? `Add ${people(n)} to their role group (${time}; ${observed.routeWhy})`
        : `Assign ${people(n)} to the app directly with their role (${time}; ${observed.routeWhy})`,
    details: observed.byRole.map((b) => ({ field: b.role ?? '(no role)', to: people(b.people) })),
  });
  return changes;
}

function splitName(user: VendorUser): { firstName: string; lastName: string } {
  const words = (user.name ?? '')
    .trim()
    .split(/\s+/)
    .filter((w) => w !== '');
  if (words.length >= 2)
    return { firstName: words.slice(0, -1).join(' '), lastName: words[words.length - 1] as string };
  const local = user.email.trim().split('@')[0] ?? user.email;
  return { firstName: words[0] ?? local, lastName: words[0] ? '-' : local };
}

/**
 * Saves per-row results at most every 2 s of real time (and at the end); Okta, not this file, says
 * what is done. Real time, not the step's clock: the write of up to 100,000 rows costs real time.
 */
function resultSaver(ctx: StepContext<MigrateInput>, s: Survey) {
  let last = Number.NEGATIVE_INFINITY;
  // Writes run one after another: several workers finish at once, and two atomic writes of one file must not cross.
  let writing: Promise<void> = Promise.resolve();
  return async (force = false) => {
    const now = performance.now();
    if (!force && now - last < 2000) return;
    last = now;
    writing = writing.then(() => writeMigration(ctx.dataDir, ctx.integration.id, s.file));
    await writing;
  };
}

/**
 * Requests in flight at once. One at a time, Okta's round trip (100-300 ms) caps a run below the
 * group-membership bucket's rate; a few in flight let the rate pacer, which holds each request
 * until its bucket has room, spend the whole limit the headers show. Eight stays well under
 * Okta's concurrency limit (15 for an Integrator Free org, 75 for Enterprise), leaving room for
 * the org's other clients.
 */
export const MIGRATE_IN_FLIGHT = 8;

async function runAll(
  ctx: StepContext<MigrateInput>,
  s: Survey,
  items: { row: number; label: string; role?: string; write: () => Promise<string | undefined> }[],
  what: string,
  action: 'create' | 'assign',
): Promise<boolean> {
  const save = resultSaver(ctx, s);
  const started = ctx.now().getTime();
  const total = items.length;
  let next = 0;
  let done = 0;
  let cancelled = false;
  // Each worker takes the next person only after checking pause and cancel, so a cancel stops new
  // writes at once and the ones in flight finish and are recorded: nothing is left half-known.
  const worker = async (): Promise<void> => {
    while (!cancelled && next < total) {
      if (await shouldStop(ctx.integration.id, () => ctx.progress(done, total, `Paused after ${done} of ${total}`))) {
        cancelled = true;
        return;
      }
      if (next >= total) return;
      const item = items[next++]!;
      const at = ctx.now().toISOString();
      let result: RowResult;
      try {
        const createdId = await item.write();
        // A row created earlier keeps the id of the Okta user made for it.
        const made = createdId ?? s.file.results[String(item.row)]?.createdId;
        result = {
          status: 'done',
          action,
          message: item.label,
          at,
          ...(made ? { createdId: made } : {}),
          ...(item.role ? { role: item.role } : {}),
        };
      } catch (error) {
        if (!isAppError(error)) {
          cancelled = true;
          throw error;
        }
        result = { status: 'failed', action, message: `${item.label}: ${error.message}`, at };
      }
      s.file.results[String(item.row)] = result;
      // This worker's count, taken before the save lets the others move `done` on.
      const finished = (done += 1);
      await save();
      const elapsed = ctx.now().getTime() - started;
      const left = ((elapsed / finished) * (total - finished)) / 60000;
      ctx.progress(finished, total, `${what}: ${finished} of ${total}, about ${formatMinutes(left)} left`);
    }
  };
  // Settled, not all: after an unexpected error the other workers' writes in flight still finish and are saved.
  const ends = await Promise.allSettled(Array.from({ length: Math.min(MIGRATE_IN_FLIGHT, total) }, worker));
  await save(true);
  const crashed = ends.find((e): e is PromiseRejectedResult => e.status === 'rejected');
  if (crashed) throw crashed.reason;
  if (cancelled) ctx.progress(done, total, `Cancelled after ${done} of ${total}; apply again to resume`);
  return !cancelled;
}

async function ensureGroups(okta: OktaOrgApi, appId: string, s: Survey): Promise<Map<string | null, string>> {
  const ids = new Map<string | null, string>();
  const needed = new Set(s.toAssign.map((r) => r.role ?? null));
  for (const g of s.roleGroups) {
    if (!needed.has(g.role)) continue;
    const id =
      g.id ??
      (
        await okta.createGroup(
          g.name,
          'People migrated by the Okta Onboarding Wizard; the group carries their app role.',
        )
      ).id;
    if (!g.assigned || g.roleOnApp !== g.role)
      await okta.assignGroupToApp(appId, id, { profile: g.role ? { role: g.role } : {} });
    ids.set(g.role, id);
  }
  return ids;
}

export const migrateStep = defineStep<MigrateInput, MigrateObserved>({
  id: 'migrate',
  input: MigrateInputSchema,
  defaults: () => ({ route: 'auto', activateCreated: false, roleMap: {} }),
  needs: [
    { step: 'app', fact: 'appId', why: "The vendor's people are assigned to the app, so the app must exist first." },
  ],

  // Migration is optional: with no export imported the step waits for one instead of failing.
  async pendingInput({ dataDir, integration, profile }) {
    if (await readMigration(dataDir, integration.id)) return [];
    return [
      {
        message: `No export of ${profile.name}'s current users has been imported for this integration.`,
        hint: `Import ${profile.name}'s user export (CSV or TSV), e.g. okta-onboard migrate plan --client <name> --integration "${integration.label}" --vendor-users team.csv; or skip this optional step.`,
        field: 'file',
        label: "Vendor's user export",
      },
    ];
  },

  async inspect(ctx) {
    const appId = ctx.facts.appId ?? '';
    const s = await survey(await ctx.okta(), ctx.dataDir, ctx.integration, ctx.profile, appId, ctx.input.roleMap);
    const observed = observe(s, ctx.input, appId);
    surveys.set(observed, s);
    latest.set(ctx.integration.id, s);
    return observed;
  },

  plan: (_input, observed) => planMigrate(observed),

  async apply(ctx, _changes, observed) {
    const okta = await ctx.okta();
    const appId = observed.appId;
    startMigrationRun(ctx.integration.id);
    let s =
      surveys.get(observed) ??
      (await survey(okta, ctx.dataDir, ctx.integration, ctx.profile, appId, ctx.input.roleMap));
    latest.set(ctx.integration.id, s);
    if (s.toCreate.length > 0) {
      const creates = s.toCreate.map((u) => ({
        row: u.row,
        label: `${u.email.trim()} created in Okta`,
        write: async () =>
          (
            await okta.createUser(
              { login: u.email.trim(), email: u.email.trim(), ...splitName(u) },
              { activate: ctx.input.activateCreated },
            )
          ).id,
      }));
      if (!(await runAll(ctx, s, creates, 'Creating Okta users', 'create'))) return;
      // Read again: the new people are matched (and their roles mapped) like everyone else.
      s = await survey(okta, ctx.dataDir, ctx.integration, ctx.profile, appId, ctx.input.roleMap);
      latest.set(ctx.integration.id, s);
    }
    const route = observe(s, ctx.input, appId).route;
    const groups = route === 'group' ? await ensureGroups(okta, appId, s) : undefined;
    const items = s.toAssign.map((r) => {
      const role = r.role ?? null;
      const label = `${r.email} assigned${role ? ` with role ${role}` : ''}${groups ? ' through its role group' : ''}`;
      const userId = r.oktaId as string;
      return {
        row: r.row,
        label,
        ...(role ? { role } : {}),
        write: async () => {
          if (groups) await okta.addGroupMember(groups.get(role) as string, userId);
          else await okta.assignUserToApp(appId, userId, role ? { role } : {});
          return undefined;
        },
      };
    });
    await runAll(ctx, s, items, route === 'group' ? 'Adding members' : 'Assigning', 'assign');
  },

  async verify(_ctx, observed) {
    const s = surveys.get(observed);
    if (!s) throw new AppError('INTERNAL', 'The migration was not read before its check.', 'Check again.');
    const wrong: string[] = [];
    const failed: string[] = [];
    const rowsById = new Map(s.match.rows.map((r) => [r.row, r]));
    for (const [row, result] of Object.entries(s.file.results)) {
      const match = rowsById.get(Number(row));
      if (result.status === 'failed') {
        failed.push(`row ${row}: ${result.message}`);
        continue;
      }
      // Created but not assigned yet (a cancelled run): still to do, counted below, not wrong.
      if (!match?.oktaId || match.class === 'to-assign' || result.action !== 'assign') continue;
      const appUser = s.appUsers.get(match.oktaId);
      const expected = result.role ?? null;
      const role = appUser && typeof appUser.profile.role === 'string' ? appUser.profile.role : null;
      if (!appUser) wrong.push(`row ${row} ${match.email}: not an app user`);
      else if (expected !== null && role !== expected)
        wrong.push(`row ${row} ${match.email}: role ${role ?? '(none)'}, not ${expected}`);
    }
    const done = Object.values(s.file.results).filter((r) => r.status === 'done' && r.action === 'assign').length;
    const checks: Check[] = [
      {
        id: 'migrate-assigned',
        label: 'Everyone migrated is an app user with the right role',
        status: wrong.length === 0 ? 'pass' : 'fail',
        detail:
          wrong.length === 0
            ? `${people(done)} assigned by this step, ${people(s.match.counts.assigned)} of the export now app users; ${people(s.toAssign.length)} still to assign.`
            : `${people(wrong.length)} not as planned: ${wrong.slice(0, 5).join('; ')}${wrong.length > 5 ? '; …' : ''}`,
        evidence: `read back ${s.appUsers.size} app users at 500 a page`,
      },
    ];
    if (failed.length > 0)
      checks.push({
        id: 'migrate-failures',
        label: 'No row failed',
        status: 'fail',
        detail: `${people(failed.length)} failed: ${failed.slice(0, 5).join('; ')}${failed.length > 5 ? '; …' : ''}`,
        evidence: failed.join('\n'),
      });
    return checks;
  },
});
