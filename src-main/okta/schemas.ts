import { appUserSchemaSchema } from './models';
import type { OktaOrgApi } from './org-api';
import { read, type OrgCalls } from './org-calls';
import { ROLE_FOR } from './permissions';

const e = encodeURIComponent;

export type SchemaCalls = Pick<OktaOrgApi, 'getAppUserSchema' | 'getUserSchema' | 'updateAppUserSchema'>;

/** Profile schemas: an app's user schema (read, add custom properties) and the org's user schema. */
export function schemaCalls({ http, write }: OrgCalls): SchemaCalls {
  return {
    getAppUserSchema(appId) {
      return http.json(
        'GET',
        `/api/v1/meta/schemas/apps/${e(appId)}/default`,
        appUserSchemaSchema,
        read(`read the user schema of app ${appId}`),
      );
    },

    getUserSchema() {
      return http.json(
        'GET',
        '/api/v1/meta/schemas/user/default',
        appUserSchemaSchema,
        read("read the org's user profile schema"),
      );
    },

    updateAppUserSchema(appId, update) {
      const names = Object.keys(update.custom).join(', ');
      return write(
        'app.schema.update',
        `app ${appId} user schema (${names})`,
        { kind: 'app-schema', appId, custom: update.custom },
        () =>
          http.json(
            'POST',
            `/api/v1/meta/schemas/apps/${e(appId)}/default`,
            appUserSchemaSchema,
            { operation: `update the user schema of app ${appId}`, role: ROLE_FOR.schemaWrite },
            { definitions: { custom: { id: '#custom', type: 'object', properties: update.custom } } },
          ),
      );
    },
  };
}
