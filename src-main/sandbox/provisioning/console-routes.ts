import { STATUS_CODES } from 'node:http';
import type { AppRecord } from '../model';
import { errorPage, signInPage, signInsOf } from '../oauth/sign-in';
import type { RouteDefinition, SandboxRequest, SandboxResponse } from '../router';
import type { OrgState } from '../state';
import { consolePage, parseConsoleForm, selectedActionLabels } from './console-page';
import type { ProvisioningEngine } from './engine';
import { connectorBaseUrl, OktaScimClient } from './okta-scim-client';
import type { ProvisioningSettings } from './settings';

const CONSOLE_PATH = '/admin/app/{appName}/instance/{appId}/provisioning';
const APP_WRITERS = new Set(['SUPER_ADMIN', 'ORG_ADMIN', 'APP_ADMIN']);

const html = (status: number, text: string, headers: Record<string, string> = {}): SandboxResponse => ({
  status,
  text,
  contentType: 'text/html; charset=utf-8',
  headers,
});

/**
 * The sandbox Admin Console's Provisioning tab. Okta's is `/admin/app/{name}/instance/{id}/#tab-user-management`;
 * a hash never reaches a server, so the app page's script (console plugin) opens this page,
 * `/admin/app/{name}/instance/{id}/provisioning`, for that fragment.
 * It takes an admin's sign-in session (the same `sid` cookie as /oauth2/v1/authorize and SSO).
 */
export function consoleRoutes(state: OrgState, engine: ProvisioningEngine): RouteDefinition[] {
  const handler = async (req: SandboxRequest): Promise<SandboxResponse> => {
    const app = state.apps.get(req.params.appId ?? '');
    if (app === undefined || app.name !== req.params.appName)
      return html(404, errorPage('404 - Page Not Found', "The page you are looking for can't be found."));
    const signIns = signInsOf(state);
    const form = req.method === 'POST' ? new URLSearchParams(req.rawBody) : new URLSearchParams();
    const username = form.get('username');
    if (username !== null) {
      const userId = signIns.checkPassword(username, form.get('password') ?? '');
      if (userId === undefined) return html(200, adminSignIn(req, app, 'Unable to sign in'));
      return { status: 302, headers: { location: req.url.pathname, 'set-cookie': signIns.open(userId) } };
    }
    const userId = signIns.userFor(req.headers.cookie);
    if (userId === undefined) return html(200, adminSignIn(req, app, undefined));
    if (!state.rolesOf(userId).some((r) => APP_WRITERS.has(r.type))) {
      return html(403, errorPage('403 - Forbidden', 'You do not have permission to perform the requested action'));
    }
    if (req.method === 'GET') return html(200, consolePage({ app, settings: engine.settingsOf(app.id) }));
    const saved = engine.settingsOf(app.id);
    const parsed = parseConsoleForm(form, saved);
    if (form.get('action') === 'test') {
      const notice = await testConnector(parsed.settings);
      return html(200, consolePage({ app, settings: parsed.scimEnabled ? parsed.settings : saved, notice }));
    }
    return html(
      200,
      consolePage({
        app,
        settings: engine.settingsOf(app.id),
        notice: await save(engine, app, parsed.scimEnabled, parsed.settings, saved),
      }),
    );
  };
  return [
    { method: 'GET', path: CONSOLE_PATH, auth: 'none', handler },
    { method: 'POST', path: CONSOLE_PATH, auth: 'none', mutating: false, handler },
  ];
}

function adminSignIn(req: SandboxRequest, app: AppRecord, error: string | undefined): string {
  return signInPage({
    title: `Sign in to the Admin Console to configure ${app.label}`,
    action: req.url.pathname,
    hidden: {},
    ...(error === undefined ? {} : { error }),
  });
}

type Notice = { ok: boolean; text: string; details?: string[] };

/** A SCIM client for the settings entered, or the notice saying why the base URL or token is unusable. */
function connectorClient(settings: ProvisioningSettings): OktaScimClient | Notice {
  const base = connectorBaseUrl(settings.baseUrl);
  if (!base.ok) return { ok: false, text: base.text };
  if (settings.token.trim() === '') return { ok: false, text: 'API Token: enter the token the app issued for SCIM.' };
  return new OktaScimClient(base.url, settings.token.trim());
}

/** "Test Connector Configuration": exactly one `GET {base}/Users?startIndex=1&count=2` (§2). */
async function testConnector(settings: ProvisioningSettings): Promise<Notice> {
  const client = connectorClient(settings);
  if (!(client instanceof OktaScimClient)) return client;
  const answer = await client.firstUsers();
  if (answer.status === 200)
    return {
      ok: true,
      text: 'Connector configured successfully',
      details: selectedActionLabels(settings.supportedActions),
    };
  if (answer.status === 0)
    return { ok: false, text: `Failed to connect: ${answer.failure ?? 'no answer from the SCIM server'}` };
  return { ok: false, text: `Error authenticating: ${answer.status} ${STATUS_CODES[answer.status] ?? ''}`.trim() };
}

async function save(
  engine: ProvisioningEngine,
  app: AppRecord,
  scimEnabled: boolean,
  settings: ProvisioningSettings,
  saved: ProvisioningSettings | undefined,
): Promise<Notice> {
  if (!scimEnabled) {
    engine.disable(app);
    return { ok: true, text: 'Provisioning is off for this app.' };
  }
  const client = connectorClient(settings);
  if (!(client instanceof OktaScimClient)) return client;
  engine.configure(app, settings);
  // Saving To App makes Okta read the connector once more (LAB 3.5); the answer is not shown.
  if (saved !== undefined && JSON.stringify(saved.toApp) !== JSON.stringify(settings.toApp)) await client.firstUsers();
  return { ok: true, text: 'Provisioning settings saved.' };
}
