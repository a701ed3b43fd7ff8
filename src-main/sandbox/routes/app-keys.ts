import { newSigningKey } from '../app-defaults';
import type { SandboxContext, SandboxPlugin } from '../context';
import { notFound, validationFailed } from '../errors';
import { renderKey } from '../render';
import { json } from '../router';
import { requireApp } from './apps';

/**
 * An app's SAML signing key credentials (Okta's "Application SSO Credential Key" API): list, read
 * one, and generate a new one. A generated key is only stored; the app keeps signing with the key
 * `credentials.signing.kid` names until a replace of the app names the new one (apps.ts).
 */
export const appKeysPlugin: SandboxPlugin = {
  name: 'app-keys',
  install(ctx: SandboxContext) {
    const { state } = ctx;
    ctx.router.add(
      {
        method: 'GET',
        path: '/api/v1/apps/{appId}/credentials/keys',
        auth: 'apps',
        handler: (req) => json(200, requireApp(state, req.params.appId ?? '').signingKeys.map(renderKey)),
      },
      {
        method: 'GET',
        path: '/api/v1/apps/{appId}/credentials/keys/{keyId}',
        auth: 'apps',
        handler: (req) => {
          const key = requireApp(state, req.params.appId ?? '').signingKeys.find((k) => k.kid === req.params.keyId);
          if (!key) throw notFound(req.params.keyId ?? '', 'Key');
          return json(200, renderKey(key));
        },
      },
      {
        method: 'POST',
        path: '/api/v1/apps/{appId}/credentials/keys/generate',
        auth: 'apps',
        handler: (req) => {
          const app = requireApp(state, req.params.appId ?? '');
          const raw = req.query.get('validityYears');
          const years = raw === null || !/^\d+$/.test(raw) ? Number.NaN : Number(raw);
          // Okta's documented range for app key credentials is 2 to 10 years.
          if (!Number.isInteger(years) || years < 2 || years > 10) {
            throw validationFailed('validityYears', ['Validity years out of range. It should be 2 - 10 years']);
          }
          const key = newSigningKey(state.orgName, years);
          app.signingKeys.push(key);
          return json(201, renderKey(key));
        },
      },
    );
  },
};
