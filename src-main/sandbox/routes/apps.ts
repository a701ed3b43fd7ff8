import { activeSigningKey, newAppRecord, prepareApp, requestedSigningKid, withSigningKid } from '../app-defaults';
import type { SandboxContext, SandboxPlugin } from '../context';
import { deleteActiveApp, notFound, validationFailed } from '../errors';
import { parseExpression } from '../filter';
import { now } from '../ids';
import type { AppRecord } from '../model';
import { pageResponse } from '../pagination';
import { renderApp } from '../render';
import { json, noContent } from '../router';
import type { OrgState } from '../state';

export function requireApp(state: OrgState, appId: string): AppRecord {
  const app = state.apps.get(appId);
  if (!app) throw notFound(appId, 'AppInstance');
  return app;
}

export const appsPlugin: SandboxPlugin = {
  name: 'apps',
  install(ctx: SandboxContext) {
    const { state } = ctx;
    ctx.router.add(
      {
        method: 'GET',
        path: '/api/v1/apps',
        auth: 'apps',
        handler: (req) => {
          let apps = [...state.apps.values()];
          const q = req.query.get('q')?.toLowerCase();
          if (q) apps = apps.filter((a) => a.label.toLowerCase().startsWith(q) || a.name.toLowerCase().startsWith(q));
          const filter = req.query.get('filter');
          if (filter) {
            const matches = parseExpression(filter, ['name', 'status', 'label', 'signOnMode', 'id']);
            apps = apps.filter((a) => matches(a));
          }
          return pageResponse(apps, req.url, { defaultLimit: 20, maxLimit: 200 }, (a) => renderApp(a, ctx.baseUrl));
        },
      },
      {
        method: 'POST',
        path: '/api/v1/apps',
        auth: 'apps',
        handler: (req) => {
          const prepared = prepareApp(req.body, state);
          const app = newAppRecord(prepared, state, req.query.get('activate') !== 'false');
          state.putApp(app);
          return json(200, renderApp(app, ctx.baseUrl));
        },
      },
      {
        method: 'GET',
        path: '/api/v1/apps/{appId}',
        auth: 'apps',
        handler: (req) => json(200, renderApp(requireApp(state, req.params.appId ?? ''), ctx.baseUrl)),
      },
      {
        method: 'PUT',
        path: '/api/v1/apps/{appId}',
        auth: 'apps',
        handler: (req) => {
          const app = requireApp(state, req.params.appId ?? '');
          const prepared = prepareApp(req.body, state, app);
          // A replace may switch the signing key to another of the app's keys (key rollover);
          // leaving `credentials.signing` out keeps the key in use.
          const kid = requestedSigningKid(req.body);
          if (kid !== undefined && !app.signingKeys.some((k) => k.kid === kid)) {
            throw validationFailed('credentials.signing.kid', [
              `credentials.signing.kid: '${kid}' is not a key credential of this app; generate it first (POST /api/v1/apps/${app.id}/credentials/keys/generate).`,
            ]);
          }
          const previousKid = activeSigningKey(app)?.kid;
          app.label = prepared.label;
          app.body = prepared.body;
          app.lastUpdated = now();
          withSigningKid(app, kid, previousKid);
          return json(200, renderApp(app, ctx.baseUrl));
        },
      },
      {
        method: 'DELETE',
        path: '/api/v1/apps/{appId}',
        auth: 'apps',
        handler: (req) => {
          const app = requireApp(state, req.params.appId ?? '');
          if (app.status === 'ACTIVE') throw deleteActiveApp();
          state.deleteApp(app.id);
          return noContent();
        },
      },
      {
        method: 'POST',
        path: '/api/v1/apps/{appId}/lifecycle/activate',
        auth: 'apps',
        handler: (req) => setStatus(requireApp(state, req.params.appId ?? ''), 'ACTIVE'),
      },
      {
        method: 'POST',
        path: '/api/v1/apps/{appId}/lifecycle/deactivate',
        auth: 'apps',
        handler: (req) => setStatus(requireApp(state, req.params.appId ?? ''), 'INACTIVE'),
      },
    );
  },
};

function setStatus(app: AppRecord, status: AppRecord['status']) {
  if (app.status !== status) {
    app.status = status;
    app.lastUpdated = now();
  }
  return json(200, {});
}
