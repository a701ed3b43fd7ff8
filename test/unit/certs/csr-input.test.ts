import { generateKeyPairSync, X509Certificate } from 'node:crypto';
import forge from 'node-forge';
import { describe, expect, it } from 'vitest';
import { csrPem, csrSubjectProblems, splitDnsNames } from '../../../src-main/api/csr-subject';
import { checkCertificateForCsr, describeCsr, publishRefused } from '../../../src-main/certs/csr-stage';
import { oktaFailure } from '../../../src-main/okta/errors';
import { startTestCa } from '../../support/test-ca';

/** A PKCS#10 request as Okta's `csr` field carries it (base64 DER), made here with node-forge. */
function makeCsr(subject: Record<string, string>, dnsNames: string[] = []): string {
  const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const request = forge.pki.createCertificationRequest();
  request.publicKey = forge.pki.publicKeyFromPem(pair.publicKey.export({ format: 'pem', type: 'spki' }).toString());
  request.setSubject(Object.entries(subject).map(([name, value]) => ({ name, value })));
  if (dnsNames.length > 0) {
    request.setAttributes([
      {
        name: 'extensionRequest',
        extensions: [{ name: 'subjectAltName', altNames: dnsNames.map((value) => ({ type: 2, value })) }],
      },
    ]);
  }
  request.sign(
    forge.pki.privateKeyFromPem(pair.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString()),
    forge.md.sha256.create(),
  );
  return forge.util.encode64(forge.asn1.toDer(forge.pki.certificationRequestToAsn1(request)).getBytes());
}

const NOW = new Date();
const csr = makeCsr({ commonName: 'sso.acme.example', organizationName: 'Acme Corp' }, ['sso.acme.example']);
const ca = startTestCa();

const refusal = (certificate: string, csrBase64 = csr, now = NOW) => {
  try {
    checkCertificateForCsr(certificate, csrBase64, now);
  } catch (error) {
    const { message, hint, field } = error as { message: string; hint: string; field: string };
    return { message, hint, field };
  }
  return undefined;
};

describe('the certificate an admin uploads for a CSR', () => {
  it('takes PEM, PEM with CRLF and the chain after it, and DER in base64, returning the leaf for the CSR key', () => {
    const leaf = ca.sign(csr);
    const expected = new X509Certificate(leaf).toString();
    const chain = `${leaf}${startTestCa('Other CA').sign(makeCsr({ commonName: 'ca' }))}`;
    const der = new X509Certificate(leaf).raw.toString('base64');
    expect(checkCertificateForCsr(leaf, csr, NOW)).toBe(expected);
    expect(checkCertificateForCsr(leaf.replace(/\n/g, '\r\n'), csr, NOW)).toBe(expected);
    expect(checkCertificateForCsr(chain, csr, NOW)).toBe(expected);
    expect(checkCertificateForCsr(der, csr, NOW)).toBe(expected);
  });

  it('says what the file is when it is not a certificate, with where to look instead', () => {
    expect(refusal('')).toEqual({
      field: 'certificate',
      message: 'certificate: nothing was chosen or pasted.',
      hint: 'Upload the certificate your CA issued for this CSR: a .pem, .crt, .cer or .der file, or its PEM text.',
    });
    expect(refusal('hello')?.message).toBe(
      'certificate: this is not a certificate (PEM text starts with -----BEGIN CERTIFICATE-----; a DER file is binary X.509).',
    );
    expect(refusal(csrPem(csr))?.message).toBe(
      'certificate: this is the certificate signing request itself, not the certificate.',
    );
    const key = generateKeyPairSync('rsa', { modulusLength: 1024 })
      .privateKey.export({ format: 'pem', type: 'pkcs8' })
      .toString();
    expect(refusal(key)).toMatchObject({
      message: 'certificate: this is a private key, not a certificate.',
      hint: expect.stringContaining('Okta made and keeps this rotation’s private key'),
    });
    expect(refusal('-----BEGIN PKCS7-----\nMIIB\n-----END PKCS7-----')?.message).toBe(
      'certificate: this is a PKCS#7 bundle (.p7b), which holds certificates but is not one.',
    );
    expect(refusal('-----BEGIN CERTIFICATE-----\nMIIBbroken\n-----END CERTIFICATE-----')?.message).toBe(
      'certificate: certificate 1 in the PEM text is damaged and cannot be read as X.509.',
    );
  });

  it('refuses a certificate for another key, an expired one and one not valid yet', () => {
    const other = makeCsr({ commonName: 'sso.acme.example' });
    expect(refusal(ca.sign(other))).toEqual({
      field: 'certificate',
      message: "certificate: this certificate's public key is not the one in the CSR, so Okta could not sign with it.",
      hint: 'Have the CA sign the CSR downloaded from this rotation (not an earlier one), then upload what it returns.',
    });
    expect(refusal(`${ca.sign(other)}${ca.sign(makeCsr({ commonName: 'x' }))}`)?.message).toBe(
      "certificate: none of the 2 certificates in the file is for the CSR's public key, so Okta could not sign with them.",
    );
    const twoYears = ca.sign(csr, { validDays: 730 });
    const later = new Date(Date.now() + 800 * 86_400_000);
    expect(refusal(twoYears, csr, later)?.message).toMatch(
      /^certificate: it expired on \d{4}-\d\d-\d\d \d\d:\d\d UTC\.$/,
    );
    const earlier = new Date(Date.now() - 86_400_000);
    expect(refusal(twoYears, csr, earlier)).toMatchObject({
      message: expect.stringMatching(
        /^certificate: it is not valid yet: it becomes valid on \d{4}-\d\d-\d\d \d\d:\d\d UTC\.$/,
      ),
      hint: expect.stringContaining('upload it again after that time'),
    });
    // A CA clock a few minutes ahead is skew, not a future certificate.
    expect(refusal(twoYears, csr, new Date(Date.now() - 5 * 60_000))).toBeUndefined();
  });
});

describe('the CSR form’s rules', () => {
  it('names each field at fault in the form’s order', () => {
    expect(csrSubjectProblems({ commonName: 'sso.acme.example', countryName: 'US' }, ['sso.acme.example'])).toEqual([]);
    expect(
      csrSubjectProblems({ commonName: ' ', organizationName: 'x'.repeat(65), countryName: 'usa' }, [
        'sso.acme.example',
        'not a name',
      ]).map((p) => [p.field, p.message]),
    ).toEqual([
      ['commonName', 'commonName: the CSR needs a common name (the name the certificate is issued to).'],
      ['organizationName', 'organizationName: Organization (O) is 65 characters; a certificate allows at most 64.'],
      ['countryName', 'countryName: "usa" is not a two-letter country code.'],
      [
        'dnsNames',
        'dnsNames: "not a name" is not a DNS name (letters, digits and hyphens in dot-separated parts, such as sso.acme.example).',
      ],
    ]);
    expect(csrSubjectProblems({ commonName: 'a' }, ['*.sso.acme.example', 'xn--bcher-kva.example'])).toEqual([]);
    expect(csrSubjectProblems({ commonName: 'a' }, ['*.example'])[0]?.field).toBe('dnsNames');
    expect(splitDnsNames(' a.example, b.example\nc.example ')).toEqual(['a.example', 'b.example', 'c.example']);
  });

  it('describes an open CSR from the request itself: subject, DNS names, key and a fingerprint', () => {
    const view = describeCsr({ id: 'crs1', csrBase64: csr, createdAt: '2026-01-01T00:00:00.000Z', commonName: 'x' });
    expect(view).toMatchObject({
      id: 'crs1',
      subject: 'O=Acme Corp, CN=sso.acme.example',
      dnsNames: ['sso.acme.example'],
      publicKey: 'RSA 2048-bit',
      pem: csrPem(csr),
    });
    expect(view.sha256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
  });
});

describe('Okta’s answer to a publish, as the dialog shows it under the certificate', () => {
  const call = {
    orgUrl: 'https://acme.okta.com',
    operation: 'publish the signed certificate for CSR crs1 of app 0oa1',
    wwwAuthenticate: undefined,
    roleNeeded: 'Application Administrator (APP_ADMIN)',
  };
  const okta = (status: number, errorCode: string, errorSummary: string, causes: string[]) =>
    oktaFailure({
      ...call,
      status,
      bodyText: JSON.stringify({
        errorCode,
        errorSummary,
        errorId: 'oae1',
        errorCauses: causes.map((c) => ({ errorSummary: c })),
      }),
    });

  it('a 400 (E0000001) is Okta refusing the certificate, in Okta’s words, the CSR kept', () => {
    const refused = publishRefused(
      okta(400, 'E0000001', 'Api validation failed: certificate', ['certificate: The certificate has expired.']),
      'crs1',
    );
    expect(refused).toMatchObject({
      code: 'OKTA_REFUSED_CERTIFICATE',
      field: 'certificate',
      message: expect.stringMatching(/^certificate: Okta refused it\. .*The certificate has expired\./),
      hint: 'Check with your CA that it signed this CSR as an X.509 certificate, then upload it again; the CSR stays open.',
    });
  });

  it('a 404 (E0000007) is a CSR Okta no longer has, with the next action', () => {
    expect(
      publishRefused(okta(404, 'E0000007', 'Not found: Resource not found: crs1 (AppInstanceCsr)', []), 'crs1'),
    ).toMatchObject({
      code: 'CSR_GONE',
      field: 'certificate',
      hint: 'Discard this CSR and request a new one, then have your CA sign the new CSR.',
    });
  });

  it('anything else (Okta down, the admin role missing) passes through unchanged', () => {
    const down = okta(503, 'E0000009', 'Internal Server Error', []);
    expect(publishRefused(down, 'crs1')).toBe(down);
  });
});
