import type { Client, Integration, IntegrationFacts, StepId, StepStatus } from '../api/model';
import type { StepRecord, StepView } from '../api/steps';
import { AppError, isAppError } from '../errors';
import type { OktaOrgApi } from '../okta/org-api';
import { vendorProfile } from '../vendors';
import type { VendorProfile } from '../vendors/profile';
import type { SecretStore } from '../workspace/secrets';
import type { Workspace } from '../workspace/workspace';
import { withAuditScope } from '../workspace/audit-scope';
import { recordVerification } from '../drift/baseline-store';
import type { AnyStep, StepContext } from './step';
import { inputBlockers, missingFacts } from './blockers';
import { currentObservation, statusAfterCheck } from './step-status';
import { finishCleanUp, leftoverError, leftoverView } from './temporaries';
import { workspaceLedger } from './temporary-ledger';

// The drift audit (drift/accept.ts) reads a record as the screen shows it through this import.
export { currentObservation } from './step-status';

const AUTH_METHOD_NAMES = { 'api-token': 'API token', 'oauth-pkce': 'admin sign-in', 'service-app': 'service app' };

export interface StepRef {
  integrationId: string;
  stepId: StepId;
}

export interface RunnerDeps {
  workspace: Workspace;
  secrets: SecretStore;
  connect(client: Client): Promise<OktaOrgApi>;
  steps: Partial<Record<StepId, AnyStep>>;
  now?: () => Date;
  onProgress?: (ref: StepRef, done: number, total: number, message: string) => void;
}

interface Loaded {
  client: Client;
  integration: Integration;
  profile: VendorProfile;
  step: AnyStep;
  record: StepRecord;
}

/** Where a step's secret input is kept in the client's secret store. */
export function secretKey(ref: StepRef, field: string): string {
  return `${ref.integrationId}:${ref.stepId}:${field}`;
}

/**
 * Runs a step's inspect / plan / apply / verify for one integration and keeps the result in the
 * workspace. A step never runs twice at once; every phase re-reads the org before it writes, so a
 * crash mid-apply resumes without duplicates.
 */
export class StepRunner {
  private readonly locks = new Map<string, Promise<unknown>>();
  private readonly actors = new WeakMap<OktaOrgApi, Promise<string>>();
  private readonly now: () => Date;

  constructor(private readonly deps: RunnerDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  private async load(ref: StepRef): Promise<Loaded> {
    const integration = await this.deps.workspace.getIntegration(ref.integrationId);
    const record = integration.steps[ref.stepId];
    if (!record)
      throw new AppError(
        'STEP_NOT_IN_VENDOR',
        `The step "${ref.stepId}" is not part of this integration.`,
        'Pick a step from the rail.',
        'stepId',
      );
    const step = this.deps.steps[ref.stepId];
    if (!step)
      throw new AppError(
        'STEP_NOT_AVAILABLE',
        `The "${ref.stepId}" step is not available in this version of the app.`,
        'Do this step by hand from the vendor guide.',
      );
    const clients = await this.deps.workspace.listClients();
    const client = clients.find((c) => c.id === integration.clientId);
    if (!client)
      throw new AppError(
        'CLIENT_NOT_FOUND',
        'The client of this integration no longer exists.',
        'Add the client again.',
      );
    return { client, integration, profile: vendorProfile(integration.vendorId), step, record };
  }

  private async secretsSet(ref: StepRef, step: AnyStep, clientId: string): Promise<string[]> {
    const set: string[] = [];
    for (const field of step.secretInputs ?? []) {
      if ((await this.deps.secrets.get(clientId, secretKey(ref, field))) !== undefined) set.push(field);
    }
    return set;
  }

  private async rawInput(ref: StepRef, loaded: Loaded): Promise<Record<string, unknown>> {
    const raw: Record<string, unknown> = {
      ...loaded.step.defaults(loaded.profile, loaded.integration.facts),
      ...loaded.record.input,
    };
    for (const field of loaded.step.secretInputs ?? []) {
      const value = await this.deps.secrets.get(loaded.client.id, secretKey(ref, field));
      if (value !== undefined) raw[field] = value;
    }
    return raw;
  }

  private async toView(
    ref: StepRef,
    loaded: Loaded,
    record: StepRecord,
    blockers: StepView['blockers'],
  ): Promise<StepView> {
    const input: Record<string, unknown> = {
      ...loaded.step.defaults(loaded.profile, loaded.integration.facts),
      ...record.input,
    };
    return {
      ...currentObservation(record),
      input,
      integrationId: ref.integrationId,
      stepId: ref.stepId,
      secretsSet: await this.secretsSet(ref, loaded.step, loaded.client.id),
      blockers,
      leftovers: (loaded.integration.temporaries ?? []).filter((t) => t.stepId === ref.stepId).map(leftoverView),
    };
  }

  /**
   * Removes what earlier runs of any step of the integration left (test users, test assignments);
   * run at start-up, so a crash's clean-up is finished before the admin looks. Returns what is left.
   */
  async finishLeftovers(integrationId: string): Promise<number> {
    const integration = await this.deps.workspace.getIntegration(integrationId);
    const stepIds = [...new Set((integration.temporaries ?? []).map((t) => t.stepId))];
    let left = 0;
    for (const stepId of stepIds) {
      const ref = { integrationId, stepId };
      left += (await this.exclusive(ref, async () => this.cleanUp(ref, await this.load(ref)))).length;
    }
    return left;
  }

  private cleanUp(ref: StepRef, loaded: Loaded) {
    let okta: Promise<OktaOrgApi> | undefined;
    return finishCleanUp(
      {
        okta: () => (okta ??= this.deps.connect(loaded.client)),
        scimToken: () =>
          this.deps.secrets.get(
            loaded.client.id,
            secretKey({ integrationId: ref.integrationId, stepId: 'scim' }, 'token'),
          ),
      },
      workspaceLedger(this.deps.workspace, ref.integrationId, ref.stepId, this.now),
    );
  }

  private exclusive<T>(ref: StepRef, work: () => Promise<T>): Promise<T> {
    const key = `${ref.integrationId}:${ref.stepId}`;
    const previous = this.locks.get(key) ?? Promise.resolve();
    const next = previous.then(work, work);
    this.locks.set(
      key,
      next.catch(() => undefined),
    );
    return next;
  }

  /** Whether this build has the step's code (a vendor may list a step the app cannot run yet). */
  has(stepId: StepId): boolean {
    return this.deps.steps[stepId] !== undefined;
  }

  async view(ref: StepRef): Promise<StepView> {
    const loaded = await this.load(ref);
    const input = await this.rawInput(ref, loaded);
    return this.toView(ref, loaded, loaded.record, await this.blockersOf(loaded, input));
  }

  /** Why a step cannot run: facts of earlier steps, its own input, then input kept outside the workspace. */
  private async blockersOf(loaded: Loaded, raw: Record<string, unknown>): Promise<StepView['blockers']> {
    const blockers = [
      ...missingFacts(loaded.step, loaded.integration.facts, loaded.profile),
      ...inputBlockers(loaded.step, raw),
    ];
    if (blockers.length > 0 || !loaded.step.pendingInput) return blockers;
    return loaded.step.pendingInput({
      dataDir: this.deps.workspace.dataDir,
      integration: loaded.integration,
      profile: loaded.profile,
    });
  }

  /** Validates and saves the admin's input (secrets to the secret store), then inspects again. */
  saveInput(ref: StepRef, raw: Record<string, unknown>): Promise<StepView> {
    return this.exclusive(ref, async () => {
      const loaded = await this.load(ref);
      const merged = { ...(await this.rawInput(ref, loaded)), ...raw };
      const parsed = loaded.step.input.safeParse(merged);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const field = issue?.path.map(String).join('.') ?? '';
        throw new AppError(
          'INVALID_INPUT',
          `${field ? `${field}: ` : ''}${issue?.message ?? 'invalid input'}`,
          'Correct the highlighted field and save again.',
          field || undefined,
        );
      }
      const secrets = new Set(loaded.step.secretInputs ?? []);
      for (const [key, value] of Object.entries(raw)) {
        if (secrets.has(key) && typeof value === 'string' && value !== '')
          await this.deps.secrets.set(loaded.client.id, secretKey(ref, key), value);
      }
      // Only what the step's schema produced is kept: unknown keys (at any depth) are dropped,
      // values are the validated ones, and keys the admin never set keep following the defaults.
      const validated = parsed.data as Record<string, unknown>;
      const kept = (key: string) => !secrets.has(key) && Object.hasOwn(validated, key);
      await this.deps.workspace.updateStep(ref.integrationId, ref.stepId, (record) => {
        const keys = new Set([...Object.keys(record.input), ...Object.keys(raw)].filter(kept));
        record.input = Object.fromEntries([...keys].map((key) => [key, validated[key]]));
      });
      return this.runPhase(ref, 'inspect');
    });
  }

  inspect(ref: StepRef): Promise<StepView> {
    return this.exclusive(ref, () => this.runPhase(ref, 'inspect'));
  }

  apply(ref: StepRef): Promise<StepView> {
    return this.exclusive(ref, () => this.runPhase(ref, 'apply'));
  }

  verify(ref: StepRef): Promise<StepView> {
    return this.exclusive(ref, () => this.runPhase(ref, 'verify'));
  }

  /**
   * Reads every step that has been looked at before back from Okta again (inspect and verify only:
   * read-only calls), in the vendor's order. A step that cannot be read is recorded as failed and
   * the others still run. Steps never started stay as they are.
   */
  async verifyAll(integrationId: string): Promise<{ at: string; results: { stepId: StepId; status: StepStatus }[] }> {
    const integration = await this.deps.workspace.getIntegration(integrationId);
    const at = this.now().toISOString();
    const results: { stepId: StepId; status: StepStatus }[] = [];
    for (const { id } of vendorProfile(integration.vendorId).steps) {
      const record = integration.steps[id];
      if (!record || !this.deps.steps[id] || (record.inspectedAt === undefined && record.status === 'not-started'))
        continue;
      try {
        results.push({ stepId: id, status: (await this.verify({ integrationId, stepId: id })).status });
      } catch {
        results.push({ stepId: id, status: 'failed' });
      }
    }
    return { at, results };
  }

  /**
   * The drift audit's record of what Okta showed when the step verified (drift/baseline-store).
   * Not being able to write it does not undo the verification: the audit reports the unreadable or
   * missing record itself.
   */
  private async keepVerifiedState(ref: StepRef, integration: Integration, wrote: boolean): Promise<void> {
    const record = integration.steps[ref.stepId]!;
    await recordVerification({
      dataDir: this.deps.workspace.dataDir,
      integrationId: ref.integrationId,
      stepId: ref.stepId,
      input: record.input,
      observed: record.observed,
      verifiedAt: record.verifiedAt ?? this.now().toISOString(),
      wrote,
    }).catch(() => undefined);
  }

  /** Who the connection acts as, for the audit log; asked once per connection. */
  private actorOf(okta: OktaOrgApi): Promise<string> {
    let actor = this.actors.get(okta);
    if (!actor) {
      actor = okta.whoAmI().then(
        (me) => `${me.login ?? me.displayName} (${AUTH_METHOD_NAMES[me.authMethod]})`,
        () => 'unknown (the credentials could not say whose they are)',
      );
      this.actors.set(okta, actor);
    }
    return actor;
  }

  private async runPhase(ref: StepRef, phase: 'inspect' | 'apply' | 'verify'): Promise<StepView> {
    const loaded = await this.load(ref);
    const raw = await this.rawInput(ref, loaded);
    const blockers = await this.blockersOf(loaded, raw);
    if (blockers.length > 0) {
      if (phase === 'apply') {
        const first = blockers[0]!;
        throw new AppError('STEP_BLOCKED', first.message, first.hint);
      }
      const integration = await this.deps.workspace.updateStep(ref.integrationId, ref.stepId, (record) => {
        record.status = 'needs-input';
      });
      return this.toView(ref, { ...loaded, integration }, integration.steps[ref.stepId]!, blockers);
    }
    const input = loaded.step.input.parse(raw);
    const learned: Partial<IntegrationFacts> = {};
    let okta: Promise<OktaOrgApi> | undefined;
    const ctx: StepContext<unknown> = {
      client: loaded.client,
      integration: loaded.integration,
      profile: loaded.profile,
      input,
      facts: loaded.integration.facts,
      okta: () => (okta ??= this.deps.connect(loaded.client)),
      learn: (facts) => {
        Object.assign(learned, facts);
        ctx.facts = { ...ctx.facts, ...facts };
      },
      readSecret: (stepId, field) =>
        this.deps.secrets.get(loaded.client.id, secretKey({ integrationId: ref.integrationId, stepId }, field)),
      temporaries: workspaceLedger(this.deps.workspace, ref.integrationId, ref.stepId, this.now),
      progress: (done, total, message) => this.deps.onProgress?.(ref, done, total, message),
      now: this.now,
      dataDir: this.deps.workspace.dataDir,
    };
    const stamp = () => this.now().toISOString();
    const save = (change: (record: StepRecord) => void) =>
      this.deps.workspace.updateStep(ref.integrationId, ref.stepId, (record, integration) => {
        integration.facts = { ...integration.facts, ...learned };
        change(record);
      });
    try {
      // An apply first finishes the clean-up an earlier run of this step left (a crash, a lost answer).
      if (phase === 'apply' && (loaded.integration.temporaries ?? []).some((t) => t.stepId === ref.stepId)) {
        const left = await this.cleanUp(ref, loaded);
        if (left.length > 0) throw leftoverError(left);
        ctx.integration = await this.deps.workspace.getIntegration(ref.integrationId);
      }
      let observed = await loaded.step.inspect(ctx);
      let changes = loaded.step.plan(input, observed, loaded.profile);
      let appliedAt: string | undefined;
      if (phase === 'apply') {
        const automatic = changes.filter((c) => c.kind !== 'manual');
        if (automatic.length > 0) {
          const actor = await this.actorOf(await ctx.okta());
          await withAuditScope({ integrationId: ref.integrationId, stepId: ref.stepId, actor }, () =>
            loaded.step.apply(ctx, automatic, observed),
          );
          appliedAt = stamp();
          observed = await loaded.step.inspect(ctx);
          changes = loaded.step.plan(input, observed, loaded.profile);
        }
      }
      const readBack = phase !== 'inspect' || changes.length === 0;
      const checks = readBack ? await loaded.step.verify(ctx, observed) : [];
      const status: StepStatus = readBack ? statusAfterCheck(changes, checks) : 'planned';
      const integration = await save((record) => {
        record.observed = observed;
        record.changes = changes;
        record.checks = checks;
        record.status = status;
        record.inspectedAt = stamp();
        if (appliedAt) record.appliedAt = appliedAt;
        if (readBack) record.verifiedAt = stamp();
        delete record.lastError;
      });
      if (status === 'verified') await this.keepVerifiedState(ref, integration, appliedAt !== undefined);
      return this.toView(ref, { ...loaded, integration }, integration.steps[ref.stepId]!, []);
    } catch (error) {
      const failure = isAppError(error)
        ? { code: error.code, message: error.message, hint: error.hint }
        : {
            code: 'INTERNAL',
            message: error instanceof Error ? error.message : String(error),
            hint: 'Try again; if it keeps failing, report it with this step.',
          };
      await save((record) => {
        const before = record.lastError?.before ?? record.status;
        record.status = 'failed';
        record.lastError = { ...failure, at: stamp(), before };
      });
      throw error;
    }
  }
}
