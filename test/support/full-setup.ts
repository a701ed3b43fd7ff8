import type { Integration, StepId, VendorId } from '../../src-main/api/model';
import type { StepView } from '../../src-main/api/steps';
import { isAppError } from '../../src-main/errors';
import { SANDBOX_PASSWORD } from '../../src-main/sandbox/oauth/sign-in';

/**
 * A whole vendor setup through the step runner, as an admin walks it: each step saved and applied,
 * the admin's own console tasks done through the practice org's Admin Console pages, and Apply
 * pressed again after a failure that says to try again. Plain Node (no vitest), so the crash
 * suite's child process runs the same walk.
 */
export interface SetupTarget {
  orgUrl: string;
  apiToken: string;
  adminLogin: string;
  scim: { baseUrl: string; token: string };
  save(stepId: StepId, input: Record<string, unknown>): Promise<StepView>;
  inspect(stepId: StepId): Promise<StepView>;
  apply(stepId: StepId): Promise<StepView>;
  current(): Promise<Integration>;
}

export interface SetupReport {
  /** Step applies the admin had to repeat, with why. */
  retries: Array<{ stepId: StepId; code: string }>;
  views: Partial<Record<StepId, StepView>>;
}

/** Failures whose message tells the admin to run the step again. */
const TRANSIENT = new Set([
  'OKTA_UNAVAILABLE',
  'OKTA_UNREACHABLE',
  'OKTA_RATE_LIMITED',
  'LEFTOVER_NOT_REMOVED',
  'SCIM_CLEANUP_LOOKUP_FAILED',
]);
const MAX_TRIES = 8;

/** The provisioning test user: a contractor, in no group the setup assigns, so the proof may assign it directly. */
export const PROVISIONING_TEST_USER = 'sam.rivera.design@gmail.com';

async function oktaGet<T>(target: SetupTarget, path: string): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    const response = await fetch(new URL(path, target.orgUrl), {
      headers: { accept: 'application/json', authorization: `SSWS ${target.apiToken}` },
    }).catch(() => undefined);
    if (response?.ok) return (await response.json()) as T;
    await response?.body?.cancel();
    if (attempt >= 20) throw new Error(`GET ${path} kept failing (${response?.status ?? 'no answer'})`);
  }
}

async function groupId(target: SetupTarget, name: string): Promise<string> {
  const groups = await oktaGet<Array<{ id: string; profile: { name: string } }>>(
    target,
    `/api/v1/groups?q=${encodeURIComponent(name)}`,
  );
  const found = groups.find((g) => g.profile.name === name);
  if (!found) throw new Error(`no group ${name} in the practice org`);
  return found.id;
}

/** The admin in the practice org's Admin Console (sign-in cookie, forms), as a browser would be. */
export class ConsoleAdmin {
  private cookie = '';
  constructor(private readonly target: Pick<SetupTarget, 'orgUrl' | 'adminLogin' | 'scim'>) {}

  async post(url: string, form: Record<string, string>): Promise<Response> {
    const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
    if (this.cookie) headers.cookie = this.cookie;
    const response = await fetch(new URL(url, this.target.orgUrl), {
      method: 'POST',
      headers,
      body: new URLSearchParams(form).toString(),
      redirect: 'manual',
    });
    const cookie = response.headers.get('set-cookie');
    if (cookie) this.cookie = cookie.split(';')[0] ?? '';
    return response;
  }

  async signedIn(url: string): Promise<void> {
    if (this.cookie) return;
    await (await this.post(url, { username: this.target.adminLogin, password: SANDBOX_PASSWORD })).text();
  }

  /** "Add {App}" from the catalog, Done; the wizard then finds the instance. */
  async addCatalogApp(addUrl: string, fields: Record<string, string>): Promise<void> {
    await this.signedIn(addUrl);
    const done = await this.post(addUrl, fields);
    await done.text();
    if (done.status !== 302) throw new Error(`Done did not add the app (HTTP ${done.status})`);
  }

  /** The Provisioning tab's Integration and To App sections, saved (Deactivate Users unticked on request). */
  async enableProvisioning(app: { id: string; name: string }, toApp = { deactivateUsers: true }): Promise<void> {
    const url = `/admin/app/${app.name}/instance/${app.id}/provisioning`;
    await this.signedIn(url);
    const saved = await this.post(url, {
      scimEnabled: 'on',
      baseUrl: this.target.scim.baseUrl,
      uniqueIdentifierField: 'userName',
      pushNewUsers: 'on',
      pushProfileUpdates: 'on',
      authMode: 'HEADER',
      token: this.target.scim.token,
      toAppSection: '1',
      createUsers: 'on',
      updateUserAttributes: 'on',
      ...(toApp.deactivateUsers ? { deactivateUsers: 'on' } : {}),
      action: 'save',
    });
    await saved.text();
    if (saved.status >= 400) throw new Error(`saving the Provisioning tab failed (HTTP ${saved.status})`);
  }
}

async function applyUntilDone(target: SetupTarget, report: SetupReport, stepId: StepId): Promise<StepView> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      const view = await target.apply(stepId);
      report.views[stepId] = view;
      if (view.status === 'verified' || view.status === 'applied') return view;
      if (attempt >= MAX_TRIES) return view;
      report.retries.push({ stepId, code: `status ${view.status}` });
    } catch (error) {
      if (!isAppError(error) || !TRANSIENT.has(error.code) || attempt >= MAX_TRIES) throw error;
      report.retries.push({ stepId, code: error.code });
    }
  }
}

/** Inspect reads only; a read can still fail after its own retries, and the admin clicks again. */
async function inspectUntilRead(target: SetupTarget, report: SetupReport, stepId: StepId): Promise<StepView> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await target.inspect(stepId);
    } catch (error) {
      if (!isAppError(error) || !TRANSIENT.has(error.code) || attempt >= MAX_TRIES) throw error;
      report.retries.push({ stepId, code: error.code });
    }
  }
}

async function saveUntilRead(
  target: SetupTarget,
  report: SetupReport,
  stepId: StepId,
  input: Record<string, unknown>,
): Promise<StepView> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await target.save(stepId, input);
    } catch (error) {
      if (!isAppError(error) || !TRANSIENT.has(error.code) || attempt >= MAX_TRIES) throw error;
      report.retries.push({ stepId, code: error.code });
    }
  }
}

function catalogAddUrl(view: StepView): string {
  const observed = view.observed as { catalog?: { addUrl?: string } } | undefined;
  const url = observed?.catalog?.addUrl;
  if (!url) throw new Error(`the app step offers no catalog link: ${JSON.stringify(view.changes)}`);
  return url;
}

async function catalogApp(
  target: SetupTarget,
  report: SetupReport,
  admin: ConsoleAdmin,
  label: string,
  fields: Record<string, string>,
) {
  const guide = await inspectUntilRead(target, report, 'app');
  if (!(await target.current()).facts.appId && guide.changes.some((c) => c.id === 'app.add-from-catalog')) {
    await admin.addCatalogApp(catalogAddUrl(guide), { label, ...fields });
  }
  await inspectUntilRead(target, report, 'app');
  await applyUntilDone(target, report, 'app');
}

async function courier(target: SetupTarget, report: SetupReport, admin: ConsoleAdmin): Promise<void> {
  await saveUntilRead(target, report, 'app', {
    ssoAcsUrl: 'https://courier.example.com/saml/acs',
    audience: 'https://courier.example.com/saml/metadata',
  });
  await applyUntilDone(target, report, 'app');
  await inspectUntilRead(target, report, 'metadata');
  await saveUntilRead(target, report, 'scim', { baseUrl: target.scim.baseUrl, token: target.scim.token });
  await applyUntilDone(target, report, 'scim');
  const engineering = await groupId(target, 'Engineering');
  const support = await groupId(target, 'Support');
  await saveUntilRead(target, report, 'role', {
    groupRoles: [
      { groupId: engineering, groupName: 'Engineering', role: 'DEVELOPER' },
      { groupId: support, groupName: 'Support', role: 'SUPPORT_SPECIALIST' },
    ],
  });
  await applyUntilDone(target, report, 'role');
  const facts = (await target.current()).facts;
  await admin.enableProvisioning({ id: facts.appId ?? '', name: facts.appName ?? '' });
  await saveUntilRead(target, report, 'provisioning', {
    testUser: PROVISIONING_TEST_USER,
    testRole: 'ANALYST',
    waitSeconds: 30,
  });
  await applyUntilDone(target, report, 'provisioning');
  await saveUntilRead(target, report, 'bookmark', { url: 'https://app.courier.example/login' });
  await applyUntilDone(target, report, 'bookmark');
  await saveUntilRead(target, report, 'assign', {
    groups: [{ id: engineering, name: 'Engineering', role: 'DEVELOPER' }],
  });
  await applyUntilDone(target, report, 'assign');
}

async function mixpanel(target: SetupTarget, report: SetupReport, admin: ConsoleAdmin): Promise<void> {
  await catalogApp(target, report, admin, 'Mixpanel', {});
  await inspectUntilRead(target, report, 'metadata');
  await saveUntilRead(target, report, 'domains', { domains: ['acme.example'] });
  await applyUntilDone(target, report, 'domains');
  await saveUntilRead(target, report, 'scim', { baseUrl: target.scim.baseUrl, token: target.scim.token });
  await applyUntilDone(target, report, 'scim');
  await saveUntilRead(target, report, 'provisioning', { testUser: PROVISIONING_TEST_USER, waitSeconds: 30 });
  await applyUntilDone(target, report, 'provisioning');
  const engineering = await groupId(target, 'Engineering');
  await saveUntilRead(target, report, 'assign', { groups: [{ id: engineering, name: 'Engineering' }] });
  await applyUntilDone(target, report, 'assign');
}

async function millie(target: SetupTarget, report: SetupReport, admin: ConsoleAdmin): Promise<void> {
  await saveUntilRead(target, report, 'slug', { companySlug: 'acme-corp' });
  await catalogApp(target, report, admin, 'Millie', { slugName: 'acme' });
  await inspectUntilRead(target, report, 'metadata');
  await saveUntilRead(target, report, 'domains', { domains: ['acme.example'] });
  await applyUntilDone(target, report, 'domains');
  const engineering = await groupId(target, 'Engineering');
  await saveUntilRead(target, report, 'assign', { groups: [{ id: engineering, name: 'Engineering' }] });
  await applyUntilDone(target, report, 'assign');
}

/** Every step of the vendor's setup that reads or writes Okta or the vendor's SCIM endpoint. */
export async function fullSetup(vendor: Exclude<VendorId, 'custom-saml'>, target: SetupTarget): Promise<SetupReport> {
  const report: SetupReport = { retries: [], views: {} };
  const admin = new ConsoleAdmin(target);
  if (vendor === 'courier') await courier(target, report, admin);
  else if (vendor === 'mixpanel') await mixpanel(target, report, admin);
  else await millie(target, report, admin);
  return report;
}
