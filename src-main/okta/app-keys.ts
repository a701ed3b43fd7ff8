import { AppError } from '../errors';
import { withQuery } from './http';
import { appSchema, csrSchema, keySchema } from './models';
import type { OktaAppInput, OktaOrgApi } from './org-api';
import { appWrite, read, withoutNulls, type OrgCalls } from './org-calls';

const e = encodeURIComponent;

export type AppKeyCalls = Pick<
  OktaOrgApi,
  | 'listAppKeys'
  | 'getAppKey'
  | 'generateAppKey'
  | 'listAppCsrs'
  | 'createAppCsr'
  | 'publishAppCsr'
  | 'revokeAppCsr'
  | 'setAppSigningKey'
>;

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** An app's signing keys and certificate signing requests, and which key the app signs with. */
export function appKeyCalls({ http, write }: OrgCalls, apps: Pick<OktaOrgApi, 'getApp'>): AppKeyCalls {
  const listAppKeys: AppKeyCalls['listAppKeys'] = (appId) =>
    http.json(
      'GET',
      `/api/v1/apps/${e(appId)}/credentials/keys`,
      keySchema.array(),
      read(`list the signing keys of app ${appId}`),
    );

  const listAppCsrs: AppKeyCalls['listAppCsrs'] = (appId) =>
    http.json(
      'GET',
      `/api/v1/apps/${e(appId)}/credentials/csrs`,
      csrSchema.array(),
      read(`list the certificate signing requests of app ${appId}`),
    );

  return {
    listAppKeys,
    listAppCsrs,

    getAppKey(appId, kid) {
      return http.optional(
        `/api/v1/apps/${e(appId)}/credentials/keys/${e(kid)}`,
        keySchema,
        read(`read signing key ${kid} of app ${appId}`),
      );
    },

    /** POST, never re-sent: a lost answer is settled by looking for a key the app did not have. */
    async generateAppKey(appId, validityYears) {
      const knownKids = (await listAppKeys(appId)).map((k) => k.kid);
      return write(
        'app.key.generate',
        `app ${appId} (new signing key, ${validityYears} years)`,
        { kind: 'app-key-new', appId, knownKids },
        () =>
          http.json(
            'POST',
            withQuery(`/api/v1/apps/${e(appId)}/credentials/keys/generate`, { validityYears }),
            keySchema,
            appWrite(`generate a signing key for app ${appId}`),
          ),
      );
    },

    /** POST, never re-sent: a lost answer is settled by looking for a CSR the app did not have. */
    async createAppCsr(appId, subject, dnsNames = []) {
      const knownCsrIds = (await listAppCsrs(appId)).map((c) => c.id);
      const body = { subject, ...(dnsNames.length > 0 ? { subjectAltNames: { dnsNames } } : {}) };
      return write(
        'app.csr.create',
        `app ${appId} (certificate signing request for ${subject.commonName ?? 'no common name'})`,
        { kind: 'app-csr-new', appId, knownCsrIds },
        () =>
          http.json(
            'POST',
            `/api/v1/apps/${e(appId)}/credentials/csrs`,
            csrSchema,
            appWrite(`make a certificate signing request for app ${appId}`),
            body,
          ),
      );
    },

    /** POST, never re-sent: a lost answer is settled by looking for a key the app did not have. */
    async publishAppCsr(appId, csrId, certificatePem) {
      const knownKids = (await listAppKeys(appId)).map((k) => k.kid);
      return write(
        'app.csr.publish',
        `app ${appId} (signed certificate for CSR ${csrId})`,
        { kind: 'app-key-new', appId, knownKids },
        () =>
          http.sendText(
            `/api/v1/apps/${e(appId)}/credentials/csrs/${e(csrId)}/lifecycle/publish`,
            keySchema,
            appWrite(`publish the signed certificate for CSR ${csrId} of app ${appId}`),
            certificatePem,
            'application/x-pem-file',
          ),
      );
    },

    async revokeAppCsr(appId, csrId) {
      await write('app.csr.revoke', `app ${appId} (CSR ${csrId})`, { kind: 'app-csr-gone', appId, csrId }, () =>
        http.noContent(
          'DELETE',
          `/api/v1/apps/${e(appId)}/credentials/csrs/${e(csrId)}`,
          appWrite(`revoke CSR ${csrId} of app ${appId}`),
        ),
      );
    },

    async setAppSigningKey(appId, kid) {
      const app = await apps.getApp(appId);
      if (app === undefined) {
        throw new AppError(
          'APP_GONE',
          `The app ${appId} is no longer in Okta, so its signing key cannot be switched.`,
          'Check the app in the Admin Console (Applications); if it was deleted, set the integration up again.',
        );
      }
      const body: OktaAppInput = {
        name: app.name,
        label: app.label,
        signOnMode: app.signOnMode,
        settings: app.settings,
        credentials: { ...app.credentials, signing: { ...asRecord(app.credentials?.signing), kid } },
        ...(app.visibility ? { visibility: app.visibility } : {}),
      };
      return write(
        'app.signing-key.switch',
        `app ${appId} (sign with key ${kid})`,
        { kind: 'app-fields', appId, fields: { credentials: { signing: { kid } } } },
        () =>
          http.json(
            'PUT',
            `/api/v1/apps/${e(appId)}`,
            appSchema,
            appWrite(`switch the signing key of app ${appId}`),
            withoutNulls(body),
          ),
      );
    },
  };
}
