import { describe, expect, it } from 'vitest';
import type { MetadataObserved } from '../../../src-main/api/step-metadata';
import { inspectCertificate } from '../../../src-main/saml/certificate';
import {
  generateSigningCredentials,
  type SigningCredentialsOptions,
} from '../../../src-main/sandbox/sso/signing-credentials';
import { metadataChecks } from '../../../src-main/steps/metadata';
import { idpSsoUrl, oktaEntityKey, publicMetadataUrl } from '../../../src-main/steps/metadata-urls';

const NOW = new Date('2026-11-24T10:00:00Z');
const DAY = 86_400_000;
const ORG = 'https://acme.okta.com';
const SSO = `${ORG}/app/millie/exk1abc/sso/saml`;

function observed(
  cert: Partial<SigningCredentialsOptions>,
  overrides: Partial<MetadataObserved> = {},
): MetadataObserved {
  const facts = inspectCertificate(
    generateSigningCredentials({ commonName: 'acme', organization: 'Okta', keyBits: 1024, ...cert }).certificatePem,
    NOW,
  );
  return {
    appId: '0oa1',
    appLabel: 'Millie',
    metadataUrl: `${ORG}/app/exk1abc/sso/saml/metadata`,
    publicMetadata: { ok: true, detail: 'Answers without sign-in with the same issuer and certificate.' },
    report: {
      entityId: 'http://www.okta.com/exk1abc',
      ssoServices: [
        { binding: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST', location: SSO },
        { binding: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect', location: SSO },
      ],
      nameIdFormats: [],
      wantAuthnRequestsSigned: false,
      certificates: [facts],
      findings: facts.findings,
    },
    expected: { issuer: 'http://www.okta.com/exk1abc', ssoUrl: SSO },
    activeKey: { kid: 'k1', matchesMetadata: true },
    ...overrides,
  };
}

const byId = (o: MetadataObserved) => Object.fromEntries(metadataChecks(o).map((c) => [c.id, c.status]));

describe('metadata URLs', () => {
  it('reads the exk key from an Okta issuer only', () => {
    expect(oktaEntityKey('http://www.okta.com/exk1abc')).toBe('exk1abc');
    expect(oktaEntityKey('https://www.okta.com/exk1abc')).toBeUndefined();
    expect(oktaEntityKey('http://www.okta.com/exk1/../x')).toBeUndefined();
    expect(publicMetadataUrl(ORG, 'exk1abc')).toBe('https://acme.okta.com/app/exk1abc/sso/saml/metadata');
    expect(idpSsoUrl(ORG, 'millie', 'exk1abc')).toBe(SSO);
  });
});

describe('metadataChecks', () => {
  it('a weak key fails; a fresh SHA-256 certificate otherwise passes everything', () => {
    expect(byId(observed({ notBefore: new Date(NOW.getTime() - DAY), validDays: 3650 }))).toEqual({
      'metadata-url': 'pass',
      issuer: 'pass',
      'sso-url': 'pass',
      'cert-validity': 'pass',
      'cert-signature': 'pass',
      'cert-key': 'fail',
      'cert-active-key': 'pass',
    });
    expect(byId(observed({ notBefore: new Date(NOW.getTime() - DAY), keyBits: 2048 }))['cert-key']).toBe('pass');
  });

  it("warns under 90 days and fails once expired, with Okta's dates as evidence", () => {
    const soon = metadataChecks(observed({ notBefore: new Date(NOW.getTime() - 300 * DAY), validDays: 330 })).find(
      (c) => c.id === 'cert-validity',
    );
    expect(soon?.status).toBe('warn');
    expect(soon?.detail).toMatch(/^The certificate "O=Okta, CN=acme" expires in 30 days/);
    const expired = metadataChecks(observed({ notBefore: new Date(NOW.getTime() - 400 * DAY), validDays: 365 })).find(
      (c) => c.id === 'cert-validity',
    );
    expect(expired?.status).toBe('fail');
    expect(expired?.detail).toMatch(/expired on/);
  });

  it('flags a SHA-1 signed certificate', () => {
    const checks = metadataChecks(observed({ notBefore: new Date(NOW.getTime() - DAY), digest: 'sha1' }));
    expect(checks.find((c) => c.id === 'cert-signature')).toMatchObject({
      status: 'warn',
      evidence: 'sha1WithRSAEncryption',
    });
  });

  it("fails when the certificate is not the active key, the SSO URL is another app's, or the public URL does not answer", () => {
    const base = observed({ notBefore: new Date(NOW.getTime() - DAY) });
    const other = {
      ...base.report,
      ssoServices: [
        { binding: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST', location: `${ORG}/app/other/exk9/sso/saml` },
      ],
    };
    const statuses = byId({
      ...base,
      report: other,
      activeKey: { kid: 'k2', matchesMetadata: false },
      publicMetadata: { ok: false, detail: 'no' },
    });
    expect(statuses).toMatchObject({ 'sso-url': 'fail', 'cert-active-key': 'fail', 'metadata-url': 'fail' });
  });
});
