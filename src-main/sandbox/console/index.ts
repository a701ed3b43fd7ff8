import { newAppRecord, prepareApp } from '../app-defaults';
import { CATALOG, type CatalogApp } from '../catalog';
import type { SandboxPlugin } from '../context';
import { OktaApiError } from '../errors';
import type { AppRecord } from '../model';
import { errorPage, signInPage, signInsOf } from '../oauth/sign-in';
import type { RouteDefinition, SandboxRequest, SandboxResponse } from '../router';
import type { OrgState } from '../state';
import { addAppPage, appPage, catalogPage } from './pages';

const APP_WRITERS = new Set(['SUPER_ADMIN', 'ORG_ADMIN', 'APP_ADMIN']);

const html = (status: number, text: string): SandboxResponse => ({
  status,
  text,
  contentType: 'text/html; charset=utf-8',
});
const notFoundPage = (): SandboxResponse =>
  html(404, errorPage('404 - Page Not Found', "The page you are looking for can't be found."));

/**
 * Adds a catalog app instance as the console's "Add {App}" > Done does: Okta's own validation and
 * defaults (the same as `POST /api/v1/apps`), active at once. Throws OktaApiError on a bad field.
 */
export function addCatalogInstance(
  state: OrgState,
  catalog: CatalogApp,
  form: { label: string; settings: Record<string, string> },
): AppRecord {
  const prepared = prepareApp(
    { name: catalog.name, label: form.label, signOnMode: 'SAML_2_0', settings: { app: form.settings } },
    state,
  );
  const app = newAppRecord(prepared, state, true);
  state.putApp(app);
  return app;
}

/** The signed-in admin who may add apps, or the page to show instead (sign-in form, 403). */
function admin(state: OrgState, req: SandboxRequest, form: URLSearchParams): { userId: string } | SandboxResponse {
  const signIns = signInsOf(state);
  const username = form.get('username');
  if (username !== null) {
    const userId = signIns.checkPassword(username, form.get('password') ?? '');
    if (userId === undefined)
      return html(
        200,
        signInPage({
          title: 'Sign in to the Admin Console',
          action: req.url.pathname,
          hidden: {},
          error: 'Unable to sign in',
          username,
        }),
      );
    return { status: 302, headers: { location: req.url.pathname, 'set-cookie': signIns.open(userId) } };
  }
  const userId = signIns.userFor(req.headers.cookie);
  if (userId === undefined)
    return html(200, signInPage({ title: 'Sign in to the Admin Console', action: req.url.pathname, hidden: {} }));
  if (!state.rolesOf(userId).some((r) => APP_WRITERS.has(r.type))) {
    return html(403, errorPage('403 - Forbidden', 'You do not have permission to perform the requested action'));
  }
  return { userId };
}

function consoleRoutes(state: OrgState, baseUrl: () => string): RouteDefinition[] {
  const guarded =
    (render: (req: SandboxRequest, form: URLSearchParams) => SandboxResponse) =>
    (req: SandboxRequest): SandboxResponse => {
      const form = req.method === 'POST' ? new URLSearchParams(req.rawBody) : new URLSearchParams();
      const who = admin(state, req, form);
      return 'userId' in who ? render(req, form) : who;
    };
  const addPage = guarded((req, form) => {
    const catalog = CATALOG[req.params.oinName ?? ''];
    if (!catalog) return notFoundPage();
    const values: Record<string, string> = { label: catalog.displayName };
    if (req.method === 'GET') return html(200, addAppPage({ catalog, values, errors: [] }));
    for (const name of ['label', ...Object.keys(catalog.requiredSettings)])
      values[name] = (form.get(name) ?? '').trim();
    const settings = Object.fromEntries(
      Object.keys(catalog.requiredSettings).map((name) => [name, values[name] ?? '']),
    );
    try {
      const app = addCatalogInstance(state, catalog, { label: values.label ?? '', settings });
      return {
        status: 302,
        headers: { location: `/admin/app/${encodeURIComponent(app.name)}/instance/${encodeURIComponent(app.id)}/` },
      };
    } catch (error) {
      if (!(error instanceof OktaApiError) || error.body === null) throw error;
      const causes = error.body.errorCauses.map((c) => c.errorSummary);
      return html(400, addAppPage({ catalog, values, errors: causes.length > 0 ? causes : [error.body.errorSummary] }));
    }
  });
  return [
    {
      method: 'GET',
      path: '/admin/apps/add-app',
      auth: 'none',
      handler: guarded(() => html(200, catalogPage(Object.values(CATALOG)))),
    },
    {
      method: 'POST',
      path: '/admin/apps/add-app',
      auth: 'none',
      mutating: false,
      handler: guarded(() => html(200, catalogPage(Object.values(CATALOG)))),
    },
    { method: 'GET', path: '/admin/app/{oinName}/instance/_new_', auth: 'none', handler: addPage },
    // Not the Management API: writeCount() counts what the wizard writes, and this is the admin's own hand.
    { method: 'POST', path: '/admin/app/{oinName}/instance/_new_', auth: 'none', mutating: false, handler: addPage },
    {
      method: 'GET',
      path: '/admin/app/{appName}/instance/{appId}',
      auth: 'none',
      handler: guarded((req) => {
        const app = state.apps.get(req.params.appId ?? '');
        return app && app.name === req.params.appName ? html(200, appPage(app, baseUrl())) : notFoundPage();
      }),
    },
    {
      method: 'POST',
      path: '/admin/app/{appName}/instance/{appId}',
      auth: 'none',
      mutating: false,
      handler: guarded((req) => ({ status: 302, headers: { location: req.url.pathname } })),
    },
  ];
}

/**
 * The Admin Console pages the catalog flow needs: Browse App Catalog, "Add {App}" with Done, and
 * the new app's page. They take the org's sign-in session, as the provisioning tab does.
 */
export const consolePlugin: SandboxPlugin = {
  name: 'console',
  install(ctx) {
    ctx.router.add(...consoleRoutes(ctx.state, () => ctx.baseUrl));
  },
};
