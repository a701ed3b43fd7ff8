import { activeSigningKey } from '../app-defaults';
import { samlEndpoints } from '../catalog';
import type { SandboxContext, SandboxPlugin } from '../context';
import { notFound } from '../errors';
import type { AppRecord } from '../model';
import { type SandboxRequest, type SandboxResponse } from '../router';
import { requireApp } from './apps';

/** The IdP metadata Okta publishes for a SAML app (entityID `http://www.okta.com/{exk}`). */
export function idpMetadataXml(app: AppRecord, base: string, key = activeSigningKey(app)): string {
  const sso = `${base}/app/${app.name}/${app.entityKey}/sso/saml`;
  const formats = [
    ...new Set([
      samlEndpoints(app).nameIdFormat,
      'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified',
      'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress',
    ]),
  ];
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="http://www.okta.com/${app.entityKey}">`,
    '<md:IDPSSODescriptor WantAuthnRequestsSigned="false" protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">',
    '<md:KeyDescriptor use="signing"><ds:KeyInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:X509Data>',
    `<ds:X509Certificate>${key?.certificateBase64 ?? ''}</ds:X509Certificate>`,
    '</ds:X509Data></ds:KeyInfo></md:KeyDescriptor>',
    ...formats.map((f) => `<md:NameIDFormat>${f}</md:NameIDFormat>`),
    `<md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="${sso}"/>`,
    `<md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="${sso}"/>`,
    '</md:IDPSSODescriptor>',
    '</md:EntityDescriptor>',
  ].join('\n');
}

/**
 * Always XML (the Okta SDK asks with `Accept: application/json` and still gets XML); the type is
 * `application/xml` when the client asks for exactly that, else Okta's `text/xml`.
 */
function metadataResponse(req: SandboxRequest, app: AppRecord, base: string): SandboxResponse {
  if (app.signOnMode !== 'SAML_2_0') throw notFound(app.id, 'SAML metadata');
  // `kid` names one of the app's signing keys (a rotation previews the next one); a kid the app
  // does not have is Okta's E0000007, never the active key's metadata.
  const kid = req.query.get('kid');
  const key = kid === null ? activeSigningKey(app) : app.signingKeys.find((k) => k.kid === kid);
  if (key === undefined) throw notFound(kid ?? '', 'AppInstanceKey');
  const accept = req.headers.accept ?? '';
  const contentType = /application\/xml/i.test(accept) && !/text\/xml/i.test(accept) ? 'application/xml' : 'text/xml';
  return { status: 200, text: idpMetadataXml(app, base, key), contentType: `${contentType};charset=UTF-8` };
}

export const metadataPlugin: SandboxPlugin = {
  name: 'metadata',
  install(ctx: SandboxContext) {
    const { state } = ctx;
    ctx.router.add(
      {
        method: 'GET',
        path: '/api/v1/apps/{appId}/sso/saml/metadata',
        auth: 'apps',
        handler: (req) => metadataResponse(req, requireApp(state, req.params.appId ?? ''), ctx.baseUrl),
      },
      {
        method: 'GET',
        path: '/app/{entityKey}/sso/saml/metadata',
        auth: 'none',
        handler: (req) => {
          const app = [...state.apps.values()].find((a) => a.entityKey === req.params.entityKey);
          if (!app) throw notFound(req.params.entityKey ?? '', 'AppInstance');
          return metadataResponse(req, app, ctx.baseUrl);
        },
      },
    );
  },
};
