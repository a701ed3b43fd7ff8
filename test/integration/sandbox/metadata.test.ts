import { X509Certificate } from 'node:crypto';
import { DOMParser } from '@xmldom/xmldom';
import xpath from 'xpath';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SandboxOrg } from '../../../src-main/sandbox/server';
import { api, samlAppBody, startSandbox } from '../../support/sandbox';

type Json = Record<string, unknown>;

const select = xpath.useNamespaces({
  md: 'urn:oasis:names:tc:SAML:2.0:metadata',
  ds: 'http://www.w3.org/2000/09/xmldsig#',
});

let org: SandboxOrg;
let app: Json;
let entityKey: string;

function read(xml: string, path: string): string[] {
  const doc = new DOMParser().parseFromString(xml, 'text/xml');
  return (select(path, doc as unknown as Node) as Node[]).map((n) => n.nodeValue ?? n.textContent ?? '');
}

beforeAll(async () => {
  org = await startSandbox();
  app = (await api<Json>(org, 'POST', '/api/v1/apps', { body: samlAppBody('Metadata App') })).body;
  entityKey = org.state.apps.get(String(app.id))?.entityKey ?? '';
});

describe('SAML IdP metadata', () => {
  it('names the app-specific issuer, both SSO bindings and the app signing certificate', async () => {
    const answer = await api(org, 'GET', `/api/v1/apps/${String(app.id)}/sso/saml/metadata`, {
      headers: { accept: 'application/xml' },
    });
    expect([answer.status, answer.headers.get('content-type')]).toEqual([200, 'application/xml;charset=UTF-8']);
    const xml = answer.text;
    expect(entityKey).toMatch(/^exk\w{17}$/);
    expect(read(xml, '/md:EntityDescriptor/@entityID')).toEqual([`http://www.okta.com/${entityKey}`]);
    expect(read(xml, '//md:IDPSSODescriptor/@WantAuthnRequestsSigned')).toEqual(['false']);
    const sso = `${org.url}/app/${String(app.name)}/${entityKey}/sso/saml`;
    expect(read(xml, '//md:SingleSignOnService/@Binding')).toEqual([
      'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST',
      'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect',
    ]);
    expect(read(xml, '//md:SingleSignOnService/@Location')).toEqual([sso, sso]);
    const [cert] = read(xml, '//md:KeyDescriptor[@use="signing"]//ds:X509Certificate');
    const keys = await api<Json[]>(org, 'GET', `/api/v1/apps/${String(app.id)}/credentials/keys`);
    expect(keys.body.map((k) => (k.x5c as string[])[0])).toEqual([cert]);
    expect(keys.body[0]?.kid).toBe(((app.credentials as Json).signing as Json).kid);
    const x509 = new X509Certificate(Buffer.from(cert ?? '', 'base64'));
    expect(x509.subject).toContain('CN=acme');
    expect(keys.body[0]?.['x5t#S256']).toBe(
      Buffer.from(x509.fingerprint256.replace(/:/g, ''), 'hex').toString('base64url'),
    );
  });

  it("answers text/xml by default and to the SDK's Accept: application/json", async () => {
    for (const accept of ['text/xml', 'application/json', '*/*']) {
      const answer = await api(org, 'GET', `/api/v1/apps/${String(app.id)}/sso/saml/metadata`, { headers: { accept } });
      expect([accept, answer.status, answer.headers.get('content-type')]).toEqual([
        accept,
        200,
        'text/xml;charset=UTF-8',
      ]);
    }
  });

  it('publishes the same metadata without authentication at /app/{exk}/sso/saml/metadata', async () => {
    const authed = await api(org, 'GET', `/api/v1/apps/${String(app.id)}/sso/saml/metadata`);
    const open = await api(org, 'GET', `/app/${entityKey}/sso/saml/metadata`, { token: null });
    expect(open.status).toBe(200);
    expect(open.text).toBe(authed.text);
  });

  it('has no metadata for a bookmark app, and none for an unknown entity key', async () => {
    const bookmark = (
      await api<Json>(org, 'POST', '/api/v1/apps', {
        body: {
          name: 'bookmark',
          label: 'BM',
          signOnMode: 'BOOKMARK',
          settings: { app: { url: 'https://x.example' } },
        },
      })
    ).body;
    expect((await api(org, 'GET', `/api/v1/apps/${String(bookmark.id)}/sso/saml/metadata`)).status).toBe(404);
    expect((await api(org, 'GET', '/app/exk00000000000000000/sso/saml/metadata', { token: null })).status).toBe(404);
  });
});
