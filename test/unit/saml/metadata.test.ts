import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { inspectMetadata, parseIdpMetadata } from '../../../src-main/saml/metadata';
import { generateSigningCredentials } from '../../../src-main/sandbox/sso/signing-credentials';
import { buildIdpMetadata } from '../../support/idp-metadata';

const okta = readFileSync(new URL('../../fixtures/saml/okta-idp-metadata-oktapreview.xml', import.meta.url), 'utf8');
const ENTITY = 'http://www.okta.com/exkjl16j5b8X4N6fS1d7';
const SSO = 'https://bugcrowd-pam-681.oktapreview.com/app/scaleft/exkjl16j5b8X4N6fS1d7/sso/saml';
const NOW = new Date('2026-06-01T00:00:00Z');

function refusedWith(xml: string): string {
  try {
    parseIdpMetadata(xml);
  } catch (error) {
    return error instanceof Error && 'code' in error ? String(error.code) : 'not an AppError';
  }
  return 'accepted';
}

describe('parseIdpMetadata', () => {
  it('reads the real Okta metadata', () => {
    const metadata = parseIdpMetadata(okta);
    expect({ ...metadata, signingCertificates: metadata.signingCertificates.map((c) => c.slice(0, 20)) }).toEqual({
      entityId: ENTITY,
      ssoServices: [
        { binding: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST', location: SSO },
        { binding: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect', location: SSO },
      ],
      nameIdFormats: ['urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress'],
      signingCertificates: ['MIIDsDCCApigAwIBAgIG'],
      wantAuthnRequestsSigned: false,
    });
    expect(Buffer.from(metadata.signingCertificates[0] ?? '', 'base64')).toHaveLength(948);
  });

  it('counts a KeyDescriptor without use as a signing key, and ignores encryption-only keys', () => {
    expect(
      parseIdpMetadata(okta.replace('<md:KeyDescriptor use="signing">', '<md:KeyDescriptor>')).signingCertificates,
    ).toHaveLength(1);
    expect(refusedWith(okta.replace('use="signing"', 'use="encryption"'))).toBe('METADATA_NO_SIGNING_KEY');
  });

  it('accepts an EntitiesDescriptor holding exactly one entity', () => {
    const wrapped =
      okta.replace(
        '<md:EntityDescriptor',
        '<md:EntitiesDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata"><md:EntityDescriptor',
      ) + '</md:EntitiesDescriptor>';
    expect(parseIdpMetadata(wrapped.replace('<?xml version="1.0" encoding="UTF-8"?>', '')).entityId).toBe(ENTITY);
  });

  it('refuses each hostile or wrong document with its own code', () => {
    const body = okta.replace('<?xml version="1.0" encoding="UTF-8"?>', '');
    const second = body.replace(ENTITY, 'http://www.okta.com/exkother');
    const cases: [string, string][] = [
      ['<?xml version="1.0"?><!DOCTYPE md [<!ENTITY x SYSTEM "file:///etc/passwd">]>' + body, 'METADATA_DOCTYPE'],
      ['<!ENTITY lol "lol">' + body, 'METADATA_DOCTYPE'],
      [
        body.replace('</md:EntityDescriptor>', `<!--${'x'.repeat(1024 * 1024)}--></md:EntityDescriptor>`),
        'METADATA_TOO_LARGE',
      ],
      [body.replace('</md:IDPSSODescriptor>', ''), 'METADATA_MALFORMED'],
      ['not xml at all', 'METADATA_MALFORMED'],
      ['', 'METADATA_MALFORMED'],
      ['<html><body>Sign in</body></html>', 'METADATA_NOT_SAML'],
      [body.replaceAll('urn:oasis:names:tc:SAML:2.0:metadata', 'urn:example:other'), 'METADATA_NOT_SAML'],
      [body.replace(` entityID="${ENTITY}"`, ''), 'METADATA_NOT_SAML'],
      [
        `<md:EntitiesDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata">${body}${second}</md:EntitiesDescriptor>`,
        'METADATA_MULTIPLE_ENTITIES',
      ],
      [body.replaceAll('IDPSSODescriptor', 'SPSSODescriptor'), 'METADATA_NO_IDP'],
      [body.replace(/<md:SingleSignOnService[^>]*\/>/g, ''), 'METADATA_NO_SSO_SERVICE'],
      [body.replace(/<md:KeyDescriptor[\s\S]*<\/md:KeyDescriptor>/, ''), 'METADATA_NO_SIGNING_KEY'],
    ];
    expect(cases.map(([xml]) => refusedWith(xml))).toEqual(cases.map(([, code]) => code));
  });

  it('says what is wrong in the message', () => {
    expect(() =>
      parseIdpMetadata(
        '<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="x"><md:SPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol"/></md:EntityDescriptor>',
      ),
    ).toThrow(
      'The metadata for x has no SAML 2.0 <md:IDPSSODescriptor>: it is not identity provider metadata (service provider metadata, perhaps).',
    );
    expect(() => parseIdpMetadata('<foo/>')).toThrow(
      'This XML is not SAML metadata: its root element is <foo>, not <md:EntityDescriptor> in namespace urn:oasis:names:tc:SAML:2.0:metadata.',
    );
  });
});

describe('inspectMetadata', () => {
  it('reports the real Okta metadata with its certificate and no findings', () => {
    const report = inspectMetadata(okta, NOW);
    expect(report.entityId).toBe(ENTITY);
    expect(report.certificates.map((c) => [c.subject, c.sha256Fingerprint, c.daysToExpiry])).toEqual([
      [
        'E=info@okta.com, CN=bugcrowd-pam-681, OU=SSOProvider, O=Okta, L=San Francisco, ST=California, C=US',
        '35:3F:E4:F3:9F:C2:F8:C2:39:FB:62:69:35:0C:05:5D:01:14:E3:66:C3:8B:D4:E1:02:04:A0:A0:C9:73:5B:57',
        3143,
      ],
    ]);
    expect(report.findings).toEqual([]);
  });

  it('warns about an http SSO URL and notes a missing HTTP-POST binding', () => {
    const xml = okta
      .replace(/<md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST"[^>]*\/>/, '')
      .replace(`Location="${SSO}"`, 'Location="http://idp.example/sso"');
    expect(inspectMetadata(xml, NOW).findings).toEqual([
      {
        level: 'warning',
        code: 'SSO_URL_NOT_HTTPS',
        message:
          'The single sign-on URL http://idp.example/sso (HTTP-Redirect) does not use https; credentials and assertions would cross the network unprotected.',
      },
      {
        level: 'info',
        code: 'SSO_NO_HTTP_POST',
        message:
          'The IdP lists no HTTP-POST binding for single sign-on; vendors that send AuthnRequests by POST must use HTTP-Redirect instead.',
      },
    ]);
  });

  it('carries certificate findings, numbered when there are several certificates', () => {
    const expiring = generateSigningCredentials({
      commonName: 'rollover',
      notBefore: new Date('2025-06-01T00:00:00Z'),
      validDays: 400,
    });
    const xml = buildIdpMetadata({
      entityId: ENTITY,
      ssoUrl: SSO,
      certificateBase64: expiring.certificateBase64,
    }).replace(
      '</md:KeyDescriptor>',
      `</md:KeyDescriptor>${/<md:KeyDescriptor[\s\S]*<\/md:KeyDescriptor>/.exec(okta)?.[0] ?? ''}`,
    );
    expect(inspectMetadata(xml, NOW).findings).toEqual([
      {
        level: 'info',
        code: 'CERT_MULTIPLE',
        message:
          'The IdP publishes 2 signing certificates (a key rollover, usually); the vendor must trust the one Okta signs with.',
      },
      {
        level: 'warning',
        code: 'CERT_EXPIRES_SOON',
        message:
          'Signing certificate 1: The certificate "CN=rollover" expires in 35 days (2026-07-06T00:00:00.000Z); plan a key rollover with the vendor before then.',
      },
    ]);
  });
});
