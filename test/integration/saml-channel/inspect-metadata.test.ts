import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { InspectMetadataRequestSchema } from '../../../src-main/api/channels-saml';
import { MetadataReportSchema } from '../../../src-main/api/step-metadata';
import type { SandboxOrg } from '../../../src-main/sandbox/server';
import { inspectMetadataSource } from '../../../src-main/services/handlers-saml';
import { api, samlAppBody, startSandbox } from '../../support/sandbox';

const NOW = new Date('2026-11-24T10:00:00Z');
const fixture = join(import.meta.dirname, '..', '..', 'fixtures', 'saml', 'okta-idp-metadata-oktapreview.xml');

let org: SandboxOrg;
let metadataUrl: string;

beforeAll(async () => {
  org = await startSandbox();
  const app = await api<{ id: string }>(org, 'POST', '/api/v1/apps', { body: samlAppBody('Vendor') });
  const exk = org.state.apps.get(app.body.id)?.entityKey ?? '';
  metadataUrl = `${org.url}/app/${exk}/sso/saml/metadata`;
});

describe('saml.inspectMetadata', () => {
  it('reports on pasted XML (a real Okta metadata document)', async () => {
    const report = await inspectMetadataSource(
      InspectMetadataRequestSchema.parse({ xml: await readFile(fixture, 'utf8') }),
      NOW,
    );
    expect(MetadataReportSchema.parse(report)).toEqual(report);
    expect(report.entityId).toBe('http://www.okta.com/exkjl16j5b8X4N6fS1d7');
    expect(report.certificates).toHaveLength(1);
  });

  it('fetches a metadata URL', async () => {
    const report = await inspectMetadataSource({ url: metadataUrl }, NOW);
    expect(report.entityId).toMatch(/^http:\/\/www\.okta\.com\/exk/);
    expect(report.ssoServices.map((s) => s.binding)).toEqual([
      'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST',
      'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect',
    ]);
  });

  it('refuses a DOCTYPE (entity attack) with the specific message', async () => {
    const hostile =
      '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="&e;"/>';
    await expect(inspectMetadataSource({ xml: hostile }, NOW)).rejects.toMatchObject({ code: 'METADATA_DOCTYPE' });
  });

  it('refuses XML that is not IdP metadata, saying what it is', async () => {
    await expect(inspectMetadataSource({ xml: '<html><body>hi</body></html>' }, NOW)).rejects.toMatchObject({
      code: 'METADATA_NOT_SAML',
      message:
        'This XML is not SAML metadata: its root element is <html>, not <md:EntityDescriptor> in namespace urn:oasis:names:tc:SAML:2.0:metadata.',
    });
  });

  it('never reads a local file: only http(s) URLs are fetched', async () => {
    await expect(inspectMetadataSource({ url: '/etc/passwd' }, NOW)).rejects.toMatchObject({
      code: 'METADATA_URL_INVALID',
      field: 'url',
    });
    await expect(inspectMetadataSource({ url: 'file:///etc/passwd' }, NOW)).rejects.toMatchObject({
      code: 'METADATA_URL_INVALID',
      field: 'url',
    });
  });

  it('names a URL that does not serve metadata', async () => {
    await expect(inspectMetadataSource({ url: `${org.url}/app/exkNOPE/sso/saml/metadata` }, NOW)).rejects.toMatchObject(
      { code: 'METADATA_URL_HTTP_STATUS' },
    );
  });
});
