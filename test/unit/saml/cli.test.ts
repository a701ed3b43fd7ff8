import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { command as metadataCommand } from '../../../src-main/cli/metadata';
import { command as samlCommand } from '../../../src-main/cli/saml';
import type { CliIo } from '../../../src-main/cli/io';
import { TestIdp } from '../../support/test-idp';

const OKTA_FIXTURE = new URL('../../fixtures/saml/okta-idp-metadata-oktapreview.xml', import.meta.url).pathname;
let dir: string;
let idp: TestIdp;
let idpMetadata: string;

function capture(): CliIo & { stdout: string; stderr: string } {
  const io = {
    stdout: '',
    stderr: '',
    out(text: string) {
      io.stdout += `${text}\n`;
    },
    err(text: string) {
      io.stderr += `${text}\n`;
    },
  };
  return io;
}

async function file(name: string, content: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'saml-cli-'));
  idp = new TestIdp();
  idpMetadata = await file('idp.xml', idp.metadataXml());
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('okta-onboard metadata inspect', () => {
  it('prints the real Okta metadata as JSON and exits 0', async () => {
    const io = capture();
    expect(await metadataCommand.run(['inspect', OKTA_FIXTURE, '--json'], io)).toBe(0);
    const report = JSON.parse(io.stdout) as Record<string, unknown> & { certificates: Record<string, unknown>[] };
    expect(report.entityId).toBe('http://www.okta.com/exkjl16j5b8X4N6fS1d7');
    expect(report.ssoServices).toEqual([
      {
        binding: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST',
        location: 'https://bugcrowd-pam-681.oktapreview.com/app/scaleft/exkjl16j5b8X4N6fS1d7/sso/saml',
      },
      {
        binding: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect',
        location: 'https://bugcrowd-pam-681.oktapreview.com/app/scaleft/exkjl16j5b8X4N6fS1d7/sso/saml',
      },
    ]);
    const cert = report.certificates[0] ?? {};
    expect({ ...cert, pem: undefined, daysToExpiry: undefined }).toEqual({
      subject: 'E=info@okta.com, CN=bugcrowd-pam-681, OU=SSOProvider, O=Okta, L=San Francisco, ST=California, C=US',
      issuer: 'E=info@okta.com, CN=bugcrowd-pam-681, OU=SSOProvider, O=Okta, L=San Francisco, ST=California, C=US',
      serialNumber: '019445CBD8EE',
      notBefore: '2025-01-08T12:01:54.000Z',
      notAfter: '2035-01-08T12:02:54.000Z',
      sha1Fingerprint: '7B:3B:16:03:3F:98:B9:48:0D:22:97:5D:C2:44:B3:23:CD:29:3B:42',
      sha256Fingerprint:
        '35:3F:E4:F3:9F:C2:F8:C2:39:FB:62:69:35:0C:05:5D:01:14:E3:66:C3:8B:D4:E1:02:04:A0:A0:C9:73:5B:57',
      keyType: 'RSA',
      keyBits: 2048,
      signatureAlgorithm: 'sha256WithRSAEncryption',
      daysToExpiry: undefined,
      pem: undefined,
    });
    expect(cert.daysToExpiry).toBe(Math.floor((Date.parse('2035-01-08T12:02:54Z') - Date.now()) / 86_400_000));
    expect(report.findings).toEqual([]);
  });

  it('prints a readable summary without --json', async () => {
    const io = capture();
    expect(await metadataCommand.run(['inspect', OKTA_FIXTURE], io)).toBe(0);
    expect(io.stdout).toContain('  Entity ID (issuer): http://www.okta.com/exkjl16j5b8X4N6fS1d7\n');
    expect(io.stdout).toContain(
      '    SHA-256:    35:3F:E4:F3:9F:C2:F8:C2:39:FB:62:69:35:0C:05:5D:01:14:E3:66:C3:8B:D4:E1:02:04:A0:A0:C9:73:5B:57\n',
    );
    expect(io.stdout).toContain('No findings.');
  });

  it('exits 1 when a finding is an error (an expired certificate)', async () => {
    const expired = new TestIdp();
    const { generateSigningCredentials } = await import('../../../src-main/sandbox/sso/signing-credentials');
    const old = generateSigningCredentials({
      commonName: 'old',
      notBefore: new Date('2020-01-01T00:00:00Z'),
      validDays: 365,
    });
    const xml = expired.metadataXml().replace(expired.credentials.certificateBase64, old.certificateBase64);
    const io = capture();
    expect(await metadataCommand.run(['inspect', await file('expired.xml', xml), '--json'], io)).toBe(1);
    const report = JSON.parse(io.stdout) as { findings: { level: string; code: string }[] };
    expect(report.findings.map((f) => [f.level, f.code])).toEqual([['error', 'CERT_EXPIRED']]);
  });

  it('exits 2 for a missing file, hostile XML and something that is not metadata', async () => {
    const cases: [string, string][] = [
      [join(dir, 'nope.xml'), 'METADATA_FILE_NOT_FOUND'],
      [await file('xxe.xml', '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>'), 'METADATA_DOCTYPE'],
      [await file('other.xml', '<note>hello</note>'), 'METADATA_NOT_SAML'],
    ];
    for (const [path, code] of cases) {
      const io = capture();
      expect(await metadataCommand.run(['inspect', path, '--json'], io)).toBe(2);
      expect((JSON.parse(io.stdout) as { error: { code: string } }).error.code).toBe(code);
    }
    const io = capture();
    expect(await metadataCommand.run(['inspect'], io)).toBe(2);
    expect(io.stderr).toBe(
      'error: Give the metadata file or URL to inspect.\nhint: For example: okta-onboard metadata inspect https://acme.okta.com/app/exk123/sso/saml/metadata\n',
    );
  });
});

describe('okta-onboard saml check', () => {
  const base = (responsePath: string): string[] => [
    'check',
    '--metadata',
    idpMetadata,
    '--response',
    responsePath,
    '--audience',
    'https://vendor.example/saml/metadata',
    '--recipient',
    'https://vendor.example/saml/acs',
    '--email',
    'alice@customer.example',
    '--attribute',
    'email=alice@customer.example',
    '--attribute',
    'role',
    '--json',
  ];

  it('exits 0 with every check passed for a good response wrapped across lines', async () => {
    const path = await file('good.txt', `${idp.response().replace(/.{76}/g, '$&\n')}\n`);
    const io = capture();
    expect(await samlCommand.run(base(path), io)).toBe(0);
    const result = JSON.parse(io.stdout) as { valid: boolean; checks: { name: string; status: string }[] };
    expect(result.valid).toBe(true);
    expect(result.checks.map((c) => `${c.name}:${c.status}`)).toEqual([
      'decode:pass',
      'signature:pass',
      'issuer:pass',
      'audience:pass',
      'recipient:pass',
      'destination:pass',
      'validity-window:pass',
      'name-id:pass',
      'attribute:email:pass',
      'attribute:role:pass',
    ]);
  });

  it('reads a url-encoded form body and exits 1 naming the failed check', async () => {
    const body = `SAMLResponse=${encodeURIComponent(idp.response({ audience: 'https://other.example' }))}&RelayState=%2Fhome`;
    const io = capture();
    expect(await samlCommand.run(base(await file('form.txt', body)), io)).toBe(1);
    const result = JSON.parse(io.stdout) as { valid: boolean; checks: { name: string; status: string }[] };
    expect(result.valid).toBe(false);
    expect(result.checks.filter((c) => c.status === 'fail').map((c) => c.name)).toEqual(['audience']);
  });

  it('prints PASS/FAIL lines without --json', async () => {
    const io = capture();
    const args = base(await file('tampered.txt', idp.response({ dropAttribute: 'role' }))).filter(
      (a) => a !== '--json',
    );
    expect(await samlCommand.run(args, io)).toBe(1);
    expect(io.stdout).toContain('SAML response: NOT VALID\n');
    expect(io.stdout).toContain('FAIL  attribute:role   The assertion has no attribute "role"; it has email.');
    expect(io.stdout).toContain('PASS  signature        ');
  });

  it("--at checks yesterday's response as of when it was posted; without it the same response has expired", async () => {
    const postedAt = new Date(Date.now() - 86_400_000);
    const path = await file('yesterday.txt', idp.response({ now: postedAt }));
    const asThen = capture();
    expect(await samlCommand.run([...base(path), '--at', postedAt.toISOString()], asThen)).toBe(0);
    const then = JSON.parse(asThen.stdout) as { valid: boolean; checks: { name: string; detail: string }[] };
    expect(then.valid).toBe(true);
    expect(then.checks.find((c) => c.name === 'validity-window')?.detail).toContain(
      `(checked as of ${postedAt.toISOString()}, allowing 60 s of clock skew)`,
    );
    const now = capture();
    expect(await samlCommand.run(base(path), now)).toBe(1);
    const later = JSON.parse(now.stdout) as { checks: { name: string; status: string; detail: string }[] };
    expect(later.checks.filter((c) => c.status === 'fail').map((c) => c.name)).toEqual(['validity-window']);
    expect(later.checks.find((c) => c.name === 'validity-window')?.detail).toMatch(
      /^Expired: Conditions NotOnOrAfter was \S+ \(checked as of \S+, allowing 60 s of clock skew\)\. Okta issued it at \S+\./,
    );
  });

  it('exits 0 and prints a WARN line for a response signed only on its Assertion', async () => {
    const io = capture();
    const args = base(await file('assertion-only.txt', idp.response({ signResponse: false }))).filter(
      (a) => a !== '--json',
    );
    expect(await samlCommand.run(args, io)).toBe(0);
    expect(io.stdout).toContain('SAML response: VALID\n');
    expect(io.stdout).toContain(
      'WARN  destination      Destination is https://vendor.example/saml/acs, but it is not covered by a signature:',
    );
  });

  it('exits 2 for an --at that is not an ISO time with a time zone', async () => {
    for (const at of ['yesterday', '2026-03-01 09:15', '2026-03-01T09:15:00']) {
      const io = capture();
      expect(await samlCommand.run([...base(join(dir, 'unused.txt')), '--at', at], io)).toBe(2);
      const { error } = JSON.parse(io.stdout) as { error: { message: string; hint: string } };
      expect(error.message).toBe(`--at: "${at}" is not an ISO 8601 time with a time zone.`);
      expect(error.hint).toBe('For example: --at 2026-03-01T09:15:00Z (UTC) or --at 2026-03-01T10:15:00+01:00');
    }
  });

  it('exits 2 for a missing flag, a missing response file, a response that is not base64 and a bad attribute', async () => {
    const garbage = await file('garbage.txt', 'this is not base64!');
    const attempts: [string[], string][] = [
      [
        base(garbage).filter((a, i, all) => a !== '--audience' && all[i - 1] !== '--audience'),
        '--audience is required.',
      ],
      [base(join(dir, 'missing.txt')), `The response file ${join(dir, 'missing.txt')} does not exist.`],
      [[...base(garbage).slice(0, -1), '--attribute', '=x', '--json'], '--attribute "=x" has no attribute name.'],
    ];
    for (const [args, message] of attempts) {
      const io = capture();
      expect(await samlCommand.run(args, io)).toBe(2);
      expect((JSON.parse(io.stdout) as { error: { message: string } }).error.message).toBe(message);
    }
    const io = capture();
    expect(await samlCommand.run(base(garbage), io)).toBe(2);
    expect((JSON.parse(io.stdout) as { checks: { name: string; status: string }[] }).checks[0]).toEqual({
      name: 'decode',
      status: 'fail',
      detail:
        'The SAMLResponse is not base64 text. Paste the value of the SAMLResponse form field as posted to the ACS URL.',
    });
  });
});
