import { withQuery } from './http';
import { appSchema } from './models';
import type { OktaOrgApi } from './org-api';
import { appWrite, read, withoutNulls, type OrgCalls } from './org-calls';

const e = encodeURIComponent;

export type AppCalls = Pick<
  OktaOrgApi,
  'listApps' | 'getApp' | 'createApp' | 'updateApp' | 'activateApp' | 'deactivateApp' | 'getAppMetadataXml'
>;

/** The org's apps: list, read, create, replace, (de)activate, and a SAML app's metadata. */
export function appCalls({ http, write }: OrgCalls): AppCalls {
  return {
    async listApps(query = {}) {
      return http
        .paged(
          withQuery('/api/v1/apps', { q: query.q, filter: query.filter, limit: 200 }),
          appSchema,
          read("list the org's apps"),
        )
        .all();
    },

    getApp(appId) {
      return http.optional(`/api/v1/apps/${e(appId)}`, appSchema, read(`read app ${appId}`));
    },

    createApp(app, options) {
      return write(
        'app.create',
        `app "${app.label}"${app.name ? ` (${app.name})` : ''}`,
        { kind: 'app-label', label: app.label, ...(app.name === undefined ? {} : { name: app.name }) },
        () =>
          http.json(
            'POST',
            withQuery('/api/v1/apps', { activate: options.activate }),
            appSchema,
            appWrite(`create the app "${app.label}"`),
            withoutNulls(app),
          ),
      );
    },

    updateApp(appId, app) {
      return write(
        'app.update',
        `app ${appId}`,
        { kind: 'app-fields', appId, fields: withoutNulls({ label: app.label, settings: app.settings ?? {} }) },
        () =>
          http.json('PUT', `/api/v1/apps/${e(appId)}`, appSchema, appWrite(`update app ${appId}`), withoutNulls(app)),
      );
    },

    activateApp(appId) {
      return write('app.activate', `app ${appId}`, { kind: 'app-status', appId, status: 'ACTIVE' }, () =>
        http.noContent('POST', `/api/v1/apps/${e(appId)}/lifecycle/activate`, appWrite(`activate app ${appId}`)),
      );
    },

    deactivateApp(appId) {
      return write('app.deactivate', `app ${appId}`, { kind: 'app-status', appId, status: 'INACTIVE' }, () =>
        http.noContent('POST', `/api/v1/apps/${e(appId)}/lifecycle/deactivate`, appWrite(`deactivate app ${appId}`)),
      );
    },

    /** A raw call: the SDK's previewSAMLmetadataForApplication asks for JSON and mis-parses XML (§8). */
    getAppMetadataXml(appId, kid) {
      return http.text(
        withQuery(`/api/v1/apps/${e(appId)}/sso/saml/metadata`, { kid }),
        'application/xml',
        read(`read the SAML metadata of app ${appId}`),
      );
    },
  };
}
