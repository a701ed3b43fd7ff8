import { isObject } from '../app-defaults';
import { CATALOG } from '../catalog';
import { malformedBody, notFound, validationFailed, type OktaApiError } from '../errors';
import type { AppRecord } from '../model';
import { json, noContent, type RouteDefinition, type SandboxResponse } from '../router';
import type { OrgState } from '../state';
import { requireApp } from '../routes/apps';
import type { ProvisioningEngine } from './engine';
import { NO_TO_APP, userProvisioningFeature, type ProvisioningSettings, type ToAppSettings } from './settings';

/** Where Mixpanel's real SCIM API lives; the sandbox lets a connection name another `baseUrl` (tests point it at a local server). */
const CATALOG_SCIM_BASE: Record<string, string> = { mixpanel: 'https://mixpanel.com/api/app/scim/v2' };

const supportsApiProvisioning = (app: AppRecord): boolean => CATALOG[app.name]?.apiProvisioning === true;

/** What Okta answers for an app without API provisioning (§2): 200, no errorCode. */
const UNKNOWN_CONNECTION = { profile: { authScheme: 'UNKNOWN' }, status: 'UNKNOWN' };

function notEnabled(): OktaApiError {
  return validationFailed('feature', ['Provisioning is not enabled for the app instance.']);
}

/** `connections/default` and `features` exactly where Okta offers them: catalog apps with API provisioning. */
export function provisioningApiRoutes(
  state: OrgState,
  engine: ProvisioningEngine,
  orgUrl: () => string,
): RouteDefinition[] {
  const connection = (app: AppRecord): SandboxResponse => {
    if (!supportsApiProvisioning(app)) return json(200, UNKNOWN_CONNECTION);
    const settings = engine.settingsOf(app.id);
    const base = `${orgUrl()}/api/v1/apps/${app.id}/connections/default`;
    const enabled = settings?.connectionStatus === 'ENABLED';
    return json(200, {
      authScheme: 'TOKEN',
      status: settings?.connectionStatus ?? 'DISABLED',
      ...(settings === undefined ? {} : { baseUrl: settings.baseUrl }),
      profile: { authScheme: 'TOKEN' },
      _links: {
        self: { href: base, hints: { allow: ['GET', 'POST'] } },
        [enabled ? 'deactivate' : 'activate']: {
          href: `${base}/lifecycle/${enabled ? 'deactivate' : 'activate'}`,
          hints: { allow: ['POST'] },
        },
      },
    });
  };
  const lifecycle =
    (status: 'ENABLED' | 'DISABLED') =>
    (appId: string): SandboxResponse => {
      const app = requireApp(state, appId);
      const settings = engine.settingsOf(app.id);
      if (!supportsApiProvisioning(app) || settings === undefined)
        throw validationFailed('connection', ['Provisioning connection is not configured for the app instance.']);
      engine.configure(app, { ...settings, connectionStatus: status });
      return noContent();
    };
  const enabledSettings = (app: AppRecord): ProvisioningSettings => {
    const settings = engine.settingsOf(app.id);
    if (settings === undefined || settings.connectionStatus !== 'ENABLED') throw notEnabled();
    return settings;
  };
  return [
    {
      method: 'GET',
      path: '/api/v1/apps/{appId}/connections/default',
      auth: 'apps',
      handler: (req) => connection(requireApp(state, req.params.appId ?? '')),
    },
    {
      method: 'POST',
      path: '/api/v1/apps/{appId}/connections/default',
      auth: 'apps',
      handler: (req) => {
        const app = requireApp(state, req.params.appId ?? '');
        if (!supportsApiProvisioning(app)) return json(200, UNKNOWN_CONNECTION);
        const body = req.body;
        if (!isObject(body) || !isObject(body.profile)) throw malformedBody();
        if (body.profile.authScheme !== 'TOKEN')
          throw validationFailed('authScheme', ['authScheme: Not one of the allowed values (TOKEN).']);
        const token = body.profile.token;
        if (typeof token !== 'string' || token.trim() === '')
          throw validationFailed('token', ['token: The field cannot be left blank.']);
        const previous = engine.settingsOf(app.id);
        const baseUrl =
          typeof body.baseUrl === 'string' ? body.baseUrl : (previous?.baseUrl ?? CATALOG_SCIM_BASE[app.name] ?? '');
        engine.configure(app, {
          source: 'api',
          connectionStatus:
            req.query.get('activate') === 'false' ? (previous?.connectionStatus ?? 'DISABLED') : 'ENABLED',
          baseUrl,
          uniqueIdentifierField: 'userName',
          supportedActions: {
            importNewUsersAndProfileUpdates: false,
            pushNewUsers: true,
            pushProfileUpdates: true,
            pushGroups: false,
            importGroups: false,
          },
          token: token.trim(),
          toApp: previous?.toApp ?? NO_TO_APP,
        });
        return connection(app);
      },
    },
    {
      method: 'POST',
      path: '/api/v1/apps/{appId}/connections/default/lifecycle/activate',
      auth: 'apps',
      handler: (req) => lifecycle('ENABLED')(req.params.appId ?? ''),
    },
    {
      method: 'POST',
      path: '/api/v1/apps/{appId}/connections/default/lifecycle/deactivate',
      auth: 'apps',
      handler: (req) => lifecycle('DISABLED')(req.params.appId ?? ''),
    },
    {
      method: 'GET',
      path: '/api/v1/apps/{appId}/features',
      auth: 'apps',
      handler: (req) => {
        const app = requireApp(state, req.params.appId ?? '');
        return json(200, [userProvisioningFeature(orgUrl(), app.id, enabledSettings(app))]);
      },
    },
    {
      method: 'GET',
      path: '/api/v1/apps/{appId}/features/{featureName}',
      auth: 'apps',
      handler: (req) => {
        const app = requireApp(state, req.params.appId ?? '');
        if (req.params.featureName !== 'USER_PROVISIONING') throw notFound(req.params.featureName ?? '', 'AppFeature');
        return json(200, userProvisioningFeature(orgUrl(), app.id, enabledSettings(app)));
      },
    },
    {
      method: 'PUT',
      path: '/api/v1/apps/{appId}/features/{featureName}',
      auth: 'apps',
      handler: (req) => {
        const app = requireApp(state, req.params.appId ?? '');
        if (req.params.featureName !== 'USER_PROVISIONING') throw notFound(req.params.featureName ?? '', 'AppFeature');
        const settings = enabledSettings(app);
        if (!isObject(req.body)) throw malformedBody();
        engine.configure(app, { ...settings, toApp: applyCapabilities(settings.toApp, req.body) });
        return json(200, userProvisioningFeature(orgUrl(), app.id, engine.settingsOf(app.id) ?? settings));
      },
    },
  ];
}

/** A partial CapabilitiesObject update: only the statuses present change. */
function applyCapabilities(current: ToAppSettings, body: Record<string, unknown>): ToAppSettings {
  const statusAt = (...path: string[]): boolean | undefined => {
    let node: unknown = body;
    for (const segment of path) node = isObject(node) ? node[segment] : undefined;
    if (node === undefined) return undefined;
    if (node !== 'ENABLED' && node !== 'DISABLED')
      throw validationFailed(path.join('.'), [`${path.join('.')}: Not one of the allowed values (ENABLED, DISABLED).`]);
    return node === 'ENABLED';
  };
  return {
    createUsers: statusAt('create', 'lifecycleCreate', 'status') ?? current.createUsers,
    updateUserAttributes: statusAt('update', 'profile', 'status') ?? current.updateUserAttributes,
    deactivateUsers: statusAt('update', 'lifecycleDeactivate', 'status') ?? current.deactivateUsers,
    syncPassword: statusAt('update', 'password', 'status') ?? current.syncPassword,
  };
}
