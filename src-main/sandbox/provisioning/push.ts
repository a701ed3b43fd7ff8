import { CATALOG } from '../catalog';
import type { AppRecord, AppUserRecord, UserRecord } from '../model';
import type { OrgState } from '../state';
import type { RateLimitBackoff } from './backoff';
import { pushFailureText, type PushVerb } from './failure-text';
import type { OktaScimClient, ScimResource, VendorAnswer } from './okta-scim-client';
import { createBody, putBody } from './okta-user-body';
import type { ProvisioningSettings } from './settings';

export type PushAction = 'create' | 'link' | 'update' | 'deactivate';

export type Outcome =
  { ok: true; action: PushAction; scimId: string } | { ok: false; action: PushAction; message: string };

/**
 * One person's push to one vendor, in the order the SCIM 2.0 protocol reference gives:
 * - assigned, not yet linked: look the person up by the unique identifier field; when the vendor
 *   has them, link to the first one found and send their profile (GET, then PUT with active true:
 *   this is how a vendor account made before Okta, or deactivated since, is taken over); else POST;
 * - profile change: GET, then PUT of the vendor's body with Okta's values;
 * - unassigned: custom (AIW) apps PUT active false, catalog (OIN) apps PATCH; never DELETE.
 */
export class Push {
  private readonly userName: string;

  constructor(
    private readonly state: OrgState,
    private readonly client: OktaScimClient,
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
    const body = createBody(this.state, this.user, this.appUser);
    const field = this.settings.uniqueIdentifierField;
    const value = typeof body[field] === 'string' ? body[field] : this.userName;
    const found = await this.backoff.send(() => this.client.lookUp(field, value));
    // "Another acceptable response … if no User objects match … is to return the error schema response" (404).
    if ((found.status !== 200 && found.status !== 404) || isText(found))
      return this.fail('create', 'looking up', found);
    const existing = found.status === 200 ? firstListedId(found.body) : undefined;
    if (existing !== undefined) {
      this.scimId = existing;
      const linked = await this.update(true);
      return linked.ok ? { ok: true, action: 'link', scimId: existing } : linked;
    }
    const created = await this.backoff.send(() => this.client.create(body));
    if (created.status < 200 || created.status > 299 || isText(created))
      return this.fail('create', 'creating', created);
    const id = idOf(created.body);
    // The reference's own words for a 201 without the user.
    if (id === undefined) return this.fail('create', 'creating', 'Create new user returned empty user.');
    return { ok: true, action: 'create', scimId: id };
  }

  /** GET then PUT (custom apps always; catalog apps for profile changes). */
  async update(active: boolean): Promise<Outcome> {
    const action: PushAction = active ? 'update' : 'deactivate';
    const id = this.scimId;
    if (id === undefined) return this.fail(action, 'updating', 'The user is not linked to a user in the app.');
    const current = await this.backoff.send(() => this.client.read(id));
    if (current.status !== 200 || isText(current) || !isResource(current.body))
      return this.fail(action, 'reading', current);
    const body = putBody(this.state, this.user, this.appUser, { ...current.body, id }, active);
    const put = await this.backoff.send(() => this.client.replace(id, body));
    if (put.status < 200 || put.status > 299) return this.fail(action, active ? 'updating' : 'deactivating', put);
    return { ok: true, action, scimId: id };
  }

  async deactivate(): Promise<Outcome> {
    if (CATALOG[this.app.name]?.apiProvisioning !== true) return this.update(false);
    const id = this.scimId;
    if (id === undefined)
      return this.fail('deactivate', 'deactivating', 'The user is not linked to a user in the app.');
    const patched = await this.backoff.send(() => this.client.deactivate(id));
    // "The SCIM server response to PATCH method requests can also be an HTTP 204 response."
    if (patched.status !== 200 && patched.status !== 204) return this.fail('deactivate', 'deactivating', patched);
    return { ok: true, action: 'deactivate', scimId: id };
  }

  private fail(action: PushAction, verb: PushVerb, answer: VendorAnswer | string): Outcome {
    return {
      ok: false,
      action,
      message: pushFailureText(personName(this.user), this.app.label, verb, this.userName, answer),
    };
  }
}

export function personName(user: UserRecord): string {
  return `${user.profile.firstName} ${user.profile.lastName}`;
}

/** An answer whose body is not JSON: Okta fails the task with "Invalid JSON". */
function isText(answer: VendorAnswer): boolean {
  return typeof answer.body === 'string';
}

function isResource(body: unknown): body is ScimResource {
  return typeof body === 'object' && body !== null && !Array.isArray(body);
}

function idOf(body: unknown): string | undefined {
  return isResource(body) && typeof body.id === 'string' && body.id !== '' ? body.id : undefined;
}

/** The first hit of a ListResponse; a 200 with `totalResults: 0` means "not there". */
function firstListedId(body: unknown): string | undefined {
  if (!isResource(body) || !Array.isArray(body.Resources)) return undefined;
  return idOf(body.Resources[0]);
}
