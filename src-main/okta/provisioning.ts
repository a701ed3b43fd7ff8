import { withQuery } from './http';
import { connectionSchema, featureSchema } from './models';
import type { OktaOrgApi } from './org-api';
import { appWrite, read, type OrgCalls } from './org-calls';

const e = encodeURIComponent;

export type ProvisioningCalls = Pick<
  OktaOrgApi,
  | 'getProvisioningConnection'
  | 'setProvisioningConnection'
  | 'activateProvisioningConnection'
  | 'listFeatures'
  | 'updateUserProvisioningFeature'
>;

/** An app's provisioning: its connection to the vendor's SCIM server and what it may push. */
export function provisioningCalls({ http, write }: OrgCalls): ProvisioningCalls {
  return {
    getProvisioningConnection(appId) {
      return http.json(
        'GET',
        `/api/v1/apps/${e(appId)}/connections/default`,
        connectionSchema,
        read(`read the provisioning connection of app ${appId}`),
      );
    },

    setProvisioningConnection(appId, connection) {
      const body = {
        ...(connection.baseUrl === undefined ? {} : { baseUrl: connection.baseUrl }),
        profile: { authScheme: 'TOKEN', token: connection.token },
      };
      return write(
        'app.provisioning.connection.set',
        `app ${appId}${connection.baseUrl ? ` (${connection.baseUrl})` : ''}`,
        // The token is a secret: the probe checks the scheme and URL only.
        { kind: 'connection', appId, ...(connection.baseUrl === undefined ? {} : { baseUrl: connection.baseUrl }) },
        () =>
          http.json(
            'POST',
            withQuery(`/api/v1/apps/${e(appId)}/connections/default`, { activate: false }),
            connectionSchema,
            appWrite(`set the provisioning connection of app ${appId}`),
            body,
          ),
      );
    },

    activateProvisioningConnection(appId) {
      return write(
        'app.provisioning.connection.activate',
        `app ${appId}`,
        { kind: 'connection', appId, status: 'ENABLED' },
        () =>
          http.noContent(
            'POST',
            `/api/v1/apps/${e(appId)}/connections/default/lifecycle/activate`,
            appWrite(`activate the provisioning connection of app ${appId}`),
          ),
      );
    },

    listFeatures(appId) {
      return http
        .paged(
          `/api/v1/apps/${e(appId)}/features`,
          featureSchema,
          read(`list the provisioning features of app ${appId}`),
        )
        .all();
    },

    updateUserProvisioningFeature(appId, capabilities) {
      return write(
        'app.provisioning.feature.update',
        `app ${appId} USER_PROVISIONING`,
        { kind: 'feature', appId, capabilities: { ...capabilities } },
        () =>
          http.json(
            'PUT',
            `/api/v1/apps/${e(appId)}/features/USER_PROVISIONING`,
            featureSchema,
            appWrite(`update user provisioning of app ${appId}`),
            capabilities,
          ),
      );
    },
  };
}
