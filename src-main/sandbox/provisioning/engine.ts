import { randomBytes } from 'node:crypto';
import { isAppError } from '../../errors';
import { ScimClient, type ScimReply } from '../../scim/client';
import { CATALOG } from '../catalog';
import type { AppRecord, AppUserRecord, AssignmentEvent, UserRecord } from '../model';
import type { OrgState } from '../state';
import { RateLimitBackoff } from './backoff';
import { pushFailureText, type PushVerb } from './failure-text';
import { appFeatures, type ProvisioningSettings } from './settings';
import { replacementBody, scimUserFor } from './scim-user';

export type PushAction = 'create' | 'link' | 'update' | 'deactivate';

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

type Outcome = { ok: true; action: PushAction; scimId: string } | { ok: false; action: PushAction; message: string };

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
      for (const appUser of this.state.listAppUsers(app.id)) {
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
    const appUser = this.state.getAppUser(appId, userId) ?? snapshot;
    let outcome: Outcome;
    try {
      const client = new ScimClient({ baseUrl: settings.baseUrl, token: settings.token });
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
      outcome =
        action === 'create'
          ? await push.create()
          : action === 'update'
            ? await push.update(true)
            : await push.deactivate();
    } catch (error) {
      if (!isAppError(error)) throw error;
      outcome = {
        ok: false,
        action,
        message: pushFailureText(
          personName(user),
          app.label,
          verbFor(action),
          appUser.credentials.userName,
          error.message,
        ),
      };
    }
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
      this.state.updateAppUser(
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

/** One user's push against one vendor, holding what every step needs. */
class Push {
  private readonly userName: string;

  constructor(
    private readonly state: OrgState,
    private readonly client: ScimClient,
    private readonly backoff: RateLimitBackoff,
    private readonly settings: ProvisioningSettings,
    private readonly app: AppRecord,
    private readonly user: UserRecord,
    private readonly appUser: AppUserRecord,
    private scimId: string | undefined,
  ) {
    this.userName = appUser.credentials.userName;
  }

  async create(): Promise<Outcome> {
    const body = scimUserFor(this.state, this.user, this.appUser, true);
    const field = this.settings.uniqueIdentifierField;
    const value = field === 'userName' ? this.userName : body[field];
    const found = await this.backoff.send(() =>
      this.client.listUsers({
        filter: `${field} eq ${JSON.stringify(typeof value === 'string' ? value : this.userName)}`,
        startIndex: 1,
        count: 100,
      }),
    );
    if ((found.status !== 200 && found.status !== 404) || isText(found))
      return this.fail('create', 'looking up', found);
    const existing = found.status === 200 ? firstResourceId(found.body) : undefined;
    if (existing !== undefined) {
      this.scimId = existing;
      const linked = await this.update(true);
      return linked.ok ? { ok: true, action: 'link', scimId: existing } : linked;
    }
    const created = await this.backoff.send(() => this.client.createUser(body));
    if (created.status < 200 || created.status > 299 || isText(created))
      return this.fail('create', 'creating', created);
    const id = resourceId(created.body);
    if (id === undefined) return this.fail('create', 'creating', 'Create new user returned empty user.');
    return { ok: true, action: 'create', scimId: id };
  }

  /** GET then full PUT (AIW apps always; catalog apps for profile changes). */
  async update(active: boolean): Promise<Outcome> {
    const action: PushAction = active ? 'update' : 'deactivate';
    const id = this.scimId;
    if (id === undefined) return this.fail(action, 'updating', 'The user is not linked to a user in the app.');
    const current = await this.backoff.send(() => this.client.getUser(id));
    if (current.status !== 200 || isText(current)) return this.fail(action, 'reading', current);
    const body = replacementBody(scimUserFor(this.state, this.user, this.appUser, active), id);
    const put = await this.backoff.send(() => this.client.replaceUser(id, body));
    if (put.status < 200 || put.status > 299) return this.fail(action, active ? 'updating' : 'deactivating', put);
    return { ok: true, action, scimId: id };
  }

  async deactivate(): Promise<Outcome> {
    if (CATALOG[this.app.name]?.apiProvisioning !== true) return this.update(false);
    const id = this.scimId;
    if (id === undefined)
      return this.fail('deactivate', 'deactivating', 'The user is not linked to a user in the app.');
    const patched = await this.backoff.send(() =>
      this.client.patchUser(id, [{ op: 'replace', value: { active: false } }]),
    );
    if (patched.status !== 200 && patched.status !== 204) return this.fail('deactivate', 'deactivating', patched);
    return { ok: true, action: 'deactivate', scimId: id };
  }

  private fail(action: PushAction, verb: PushVerb, reply: ScimReply | string): Outcome {
    return {
      ok: false,
      action,
      message: pushFailureText(personName(this.user), this.app.label, verb, this.userName, reply),
    };
  }
}

function key(appId: string, userId: string): string {
  return `${appId}:${userId}`;
}

function isActive(settings: ProvisioningSettings): boolean {
  return settings.connectionStatus === 'ENABLED';
}

function personName(user: UserRecord): string {
  return `${user.profile.firstName} ${user.profile.lastName}`;
}

function verbFor(action: PushAction): PushVerb {
  return action === 'deactivate' ? 'deactivating' : action === 'update' ? 'updating' : 'creating';
}

/** An answer whose body is not JSON: Okta fails the task with "Invalid JSON". */
function isText(reply: ScimReply): boolean {
  return typeof reply.body === 'string';
}

function resourceId(body: unknown): string | undefined {
  return typeof body === 'object' && body !== null && 'id' in body && typeof body.id === 'string' && body.id !== ''
    ? body.id
    : undefined;
}

/** The first hit of a ListResponse; a 200 with `totalResults: 0` means "not there". */
function firstResourceId(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null || !('Resources' in body) || !Array.isArray(body.Resources))
    return undefined;
  return resourceId(body.Resources[0]);
}
