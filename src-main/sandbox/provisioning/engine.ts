import { randomBytes } from 'node:crypto';
import type { AppRecord, AppUserRecord, AssignmentEvent } from '../model';
import type { OrgState } from '../state';
import { RateLimitBackoff } from './backoff';
import { OktaScimClient } from './okta-scim-client';
import { Push, type Outcome, type PushAction } from './push';
import { appFeatures, type ProvisioningSettings } from './settings';

export type { PushAction } from './push';

/** One provisioning task, as Okta lists it under Dashboard > Tasks and in the System Log. */
export interface ProvisioningTask {
  id: string;
  appId: string;
  userId: string;
  action: PushAction;
  status: 'SUCCESS' | 'FAILED';
  /** Okta's failure text; empty on success. */
  message: string;
  scimId: string | undefined;
  at: string;
}

/**
 * Pushes assignments to the vendor's SCIM endpoint as Okta does (§3): exists-check by filter, link
 * or POST; for custom (AIW) apps every update, deactivation included, is GET then full PUT; catalog
 * apps PATCH for deactivation; never DELETE. Work runs on a promise queue; `whenIdle()` awaits it.
 */
export class ProvisioningEngine {
  readonly tasks: ProvisioningTask[] = [];
  private readonly settings = new Map<string, ProvisioningSettings>();
  /** `appId:userId` → the vendor's SCIM id. */
  private readonly links = new Map<string, string>();
  /** Assigned before Create Users was on: Okta leaves them until an admin clicks "Provision User". */
  private readonly notPushed = new Set<string>();
  private queue: Promise<void> = Promise.resolve();
  private pending = 0;
  private writingBack = false;
  private readonly backoff = new RateLimitBackoff();

  constructor(private readonly state: OrgState) {}

  /** Stops waiting out vendor rate limits and lets queued pushes finish (the org is closing). */
  async close(): Promise<void> {
    this.backoff.cancel();
    await this.whenIdle();
  }

  settingsOf(appId: string): ProvisioningSettings | undefined {
    return this.settings.get(appId);
  }

  linkOf(appId: string, userId: string): string | undefined {
    return this.links.get(key(appId, userId));
  }

  /** Saves provisioning settings; turning Create Users on leaves already-assigned users unpushed. */
  configure(app: AppRecord, next: ProvisioningSettings): void {
    const previous = this.settings.get(app.id);
    const wasCreating = previous !== undefined && isActive(previous) && previous.toApp.createUsers;
    if (!wasCreating && isActive(next) && next.toApp.createUsers) {
      for (const appUser of this.state.assignments.listAppUsers(app.id)) {
        if (!this.links.has(key(app.id, appUser.id))) this.notPushed.add(key(app.id, appUser.id));
      }
    }
    this.settings.set(app.id, next);
    app.features = appFeatures(next);
  }

  /** Provisioning switched off on the General tab: nothing is pushed any more; links are kept as Okta keeps them. */
  disable(app: AppRecord): void {
    this.settings.delete(app.id);
    app.features = [];
  }

  /** The assignment-event listener: queues the SCIM work, never throws. */
  onAssignment(event: AssignmentEvent): void {
    if (this.writingBack) return;
    const settings = this.settings.get(event.appId);
    if (settings === undefined || !isActive(settings)) return;
    const k = key(event.appId, event.userId);
    if (event.change === 'unassigned') {
      this.notPushed.delete(k);
      if (this.links.has(k) && settings.toApp.deactivateUsers)
        this.enqueue(event.appId, event.userId, 'deactivate', event.appUser);
      return;
    }
    if (this.notPushed.has(k)) return;
    if (this.links.has(k)) {
      if (settings.toApp.updateUserAttributes) this.enqueue(event.appId, event.userId, 'update', event.appUser);
    } else if (settings.toApp.createUsers) {
      this.enqueue(event.appId, event.userId, 'create', event.appUser);
    }
  }

  /** Resolves once every queued push has finished. */
  async whenIdle(): Promise<void> {
    while (this.pending > 0) await this.queue;
  }

  private enqueue(
    appId: string,
    userId: string,
    action: 'create' | 'update' | 'deactivate',
    snapshot: AppUserRecord,
  ): void {
    this.pending += 1;
    this.queue = this.queue
      .then(() => this.run(appId, userId, action, snapshot))
      // A bug in a push must not wedge the queue for every later assignment.
      .catch((error: unknown) =>
        this.record(appId, userId, { ok: false, action, message: `Automatic provisioning failed: ${String(error)}` }),
      )
      .finally(() => {
        this.pending -= 1;
      });
  }

  private async run(
    appId: string,
    userId: string,
    action: 'create' | 'update' | 'deactivate',
    snapshot: AppUserRecord,
  ): Promise<void> {
    const app = this.state.apps.get(appId);
    const user = this.state.users.get(userId);
    const settings = this.settings.get(appId);
    if (app === undefined || user === undefined || settings === undefined) return;
    const appUser = this.state.assignments.getAppUser(appId, userId) ?? snapshot;
    const client = new OktaScimClient(settings.baseUrl, settings.token);
    const push = new Push(
      this.state,
      client,
      this.backoff,
      settings,
      app,
      user,
      appUser,
      this.links.get(key(appId, userId)),
    );
    const outcome: Outcome =
      action === 'create'
        ? await push.create()
        : action === 'update'
          ? await push.update(true)
          : await push.deactivate();
    this.record(appId, userId, outcome);
  }

  private record(appId: string, userId: string, outcome: Outcome): void {
    const k = key(appId, userId);
    if (outcome.ok && outcome.action === 'deactivate') this.links.delete(k);
    else if (outcome.ok) this.links.set(k, outcome.scimId);
    this.tasks.push({
      id: `tsk${randomBytes(8).toString('hex')}`,
      appId,
      userId,
      action: outcome.action,
      status: outcome.ok ? 'SUCCESS' : 'FAILED',
      message: outcome.ok ? '' : outcome.message,
      scimId: outcome.ok ? outcome.scimId : this.links.get(k),
      at: new Date().toISOString(),
    });
    this.writingBack = true;
    try {
      this.state.assignments.updateAppUser(
        appId,
        userId,
        outcome.ok
          ? { syncState: 'SYNCHRONIZED', externalId: outcome.scimId, lastSync: new Date().toISOString() }
          : { syncState: 'ERROR' },
      );
    } finally {
      this.writingBack = false;
    }
  }
}

function key(appId: string, userId: string): string {
  return `${appId}:${userId}`;
}

function isActive(settings: ProvisioningSettings): boolean {
  return settings.connectionStatus === 'ENABLED';
}
