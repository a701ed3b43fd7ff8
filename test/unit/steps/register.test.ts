import { describe, expect, it } from 'vitest';
import type { RegisterObserved } from '../../../src-main/api/step-register';
import { RegisterInputSchema } from '../../../src-main/api/step-register';
import { buildEml, encodeHeaderWord, rfc5322Date } from '../../../src-main/steps/eml';
import { registerChecks, registerPlan, vendorProvenAt } from '../../../src-main/steps/register';
import {
  effectiveChannel,
  mailtoLink,
  registrationEmail,
  registrationPayload,
  registrationValues,
} from '../../../src-main/steps/register-message';
import { courier } from '../../../src-main/vendors/courier';
import { customSaml } from '../../../src-main/vendors/custom-saml';
import { millie } from '../../../src-main/vendors/millie';
import { mixpanel } from '../../../src-main/vendors/mixpanel';

const facts = {
  appId: '0oa1',
  metadataUrl: 'https://acme.okta.com/app/exk1/sso/saml/metadata',
  idpIssuer: 'http://www.okta.com/exk1',
  idpSsoUrl: 'https://acme.okta.com/app/millie/exk1/sso/saml',
  certificatePem: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n',
  emailDomains: ['acme.com', 'labs.acme.com'],
};

describe('register input', () => {
  it('asks for the support address and company name when the vendor takes email', () => {
    const parsed = RegisterInputSchema.safeParse({ channel: 'email' });
    expect(parsed.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['companyName', 'Enter your company name as the vendor knows it, e.g. "Acme Corp"'],
      [
        'supportEmail',
        "Enter the vendor's support address (the guide does not give it); an email address looks like support@vendor.com",
      ],
    ]);
  });

  it('refuses a support address that is not one', () => {
    const parsed = RegisterInputSchema.safeParse({
      channel: 'email',
      companyName: 'Acme',
      supportEmail: 'support at millie',
    });
    expect(parsed.error?.issues[0]?.message).toBe(
      '"support at millie" is not an email address; an email address looks like support@vendor.com',
    );
  });

  it('wants https for a registration API, loopback http aside', () => {
    expect(
      RegisterInputSchema.safeParse({
        channel: 'api',
        companyName: 'Acme',
        apiEndpoint: 'http://vendor.example/register',
      }).error?.issues[0]?.message,
    ).toBe(
      '"http://vendor.example/register" must use https; the registration API is an https URL, e.g. https://api.vendor.com/sso/register',
    );
    expect(
      RegisterInputSchema.safeParse({
        channel: 'api',
        companyName: 'Acme',
        apiEndpoint: 'http://127.0.0.1:4000/register',
      }).success,
    ).toBe(true);
  });

  it('needs nothing more for values pasted into the vendor', () => {
    expect(RegisterInputSchema.safeParse({ channel: 'paste' }).success).toBe(true);
  });

  it("keeps the vendor's own channel unless its profile allows another", () => {
    expect(effectiveChannel(millie, { channel: 'api' })).toBe('email');
    expect(effectiveChannel(customSaml, { channel: 'api' })).toBe('api');
  });
});

describe('registration values and email', () => {
  const input = { channel: 'email' as const, companyName: 'Acme Corp', supportEmail: 'support@millie.example' };

  it('are exactly what Millie asks for', () => {
    expect(registrationValues(millie, facts, input)).toEqual([
      { key: 'metadataUrl', label: 'Metadata URL', value: facts.metadataUrl },
      { key: 'companyName', label: 'Company name', value: 'Acme Corp' },
      { key: 'emailDomains', label: 'Email domains', value: 'acme.com, labs.acme.com' },
    ]);
  });

  it('are the certificate, Redirect Login URL and issuer for Mixpanel', () => {
    expect(registrationValues(mixpanel, facts, { channel: 'paste' }).map((v) => [v.key, v.value])).toEqual([
      ['certificatePem', facts.certificatePem],
      ['ssoUrl', facts.idpSsoUrl],
      ['idpIssuer', facts.idpIssuer],
    ]);
  });

  it('name the step to finish when a value is not known yet', () => {
    expect(() => registrationValues(millie, { ...facts, emailDomains: undefined }, input)).toThrow(
      'Millie needs the Email domains, which is not known yet.',
    );
  });

  it('make a ready email and a mailto link', () => {
    const email = registrationEmail(courier, input, registrationValues(courier, facts, input));
    expect(email.to).toBe('support@millie.example');
    expect(email.subject).toBe('Okta SAML metadata for Acme Corp');
    expect(email.body).toBe(
      [
        'Hello Courier support,',
        '',
        'Please set up SAML single sign-on with Okta for Acme Corp. Here are the values you asked for:',
        '',
        `Metadata URL: ${facts.metadataUrl}`,
        '',
        'The IdP metadata XML from Okta is attached to this message when it is sent as a file.',
        '',
        'Thank you,',
        'Acme Corp',
      ].join('\n'),
    );
    const link = new URL(mailtoLink(email));
    expect(link.protocol).toBe('mailto:');
    expect(link.pathname).toBe('support@millie.example');
    expect(link.searchParams.get('subject')).toBe('Okta SAML metadata for Acme Corp');
    expect(link.searchParams.get('body')).toBe(email.body.replace(/\n/g, '\r\n'));
  });

  it('post domains as a list to a registration API', () => {
    expect(registrationPayload(millie, facts, registrationValues(millie, facts, input))).toEqual({
      vendor: 'millie',
      idp: 'okta',
      metadataUrl: facts.metadataUrl,
      companyName: 'Acme Corp',
      emailDomains: ['acme.com', 'labs.acme.com'],
    });
  });
});

describe('eml', () => {
  const date = new Date('2026-11-24T10:03:21Z');
  const xml =
    '<?xml version="1.0"?><md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="http://www.okta.com/exk1"/>';
  const eml = buildEml({
    to: 'support@millie.example',
    subject: 'SSO für Müller GmbH',
    body: 'Hello,\nvalues below.',
    date,
    attachments: [{ fileName: 'okta-idp-metadata.xml', contentType: 'application/samlmetadata+xml', content: xml }],
  });
  const [head = '', ...rest] = eml.split('\r\n\r\n');

  it('has the headers a mail client opens as a draft', () => {
    const headers = head.split('\r\n');
    expect(headers[0]).toBe('To: support@millie.example');
    expect(headers).toContain('Date: Tue, 24 Nov 2026 10:03:21 +0000');
    expect(headers).toContain('X-Unsent: 1');
    expect(headers).toContain('MIME-Version: 1.0');
    expect(head).toMatch(/Content-Type: multipart\/mixed; boundary="(=_okta-onboard_[0-9a-f]{24})"/);
    expect(head).toMatch(/^Message-ID: <[0-9a-f]{32}@okta-onboard\.invalid>$/m);
  });

  it('encodes a non-ASCII subject as RFC 2047 words that decode back', () => {
    const subject = /^Subject: (.*(?:\r\n .*)*)$/m.exec(head)?.[1] ?? '';
    const decoded = subject
      .split('\r\n ')
      .map((word) => Buffer.from(/^=\?UTF-8\?B\?(.*)\?=$/.exec(word)?.[1] ?? '', 'base64').toString('utf8'))
      .join('');
    expect(decoded).toBe('SSO für Müller GmbH');
    expect(encodeHeaderWord('plain subject')).toBe('plain subject');
  });

  it('carries the body as 7bit text with CRLF and the metadata as a base64 attachment', () => {
    const boundary = /boundary="([^"]+)"/.exec(head)?.[1] ?? '';
    const parts = eml.split(`--${boundary}`);
    expect(parts).toHaveLength(4);
    expect(parts[3]).toBe('--\r\n');
    expect(parts[1]).toBe(
      '\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 7bit\r\n\r\nHello,\r\nvalues below.\r\n',
    );
    const [attachmentHead = '', attachmentBody = ''] = (parts[2] ?? '').split('\r\n\r\n');
    expect(attachmentHead).toBe(
      '\r\nContent-Type: application/samlmetadata+xml; name="okta-idp-metadata.xml"\r\nContent-Transfer-Encoding: base64\r\nContent-Disposition: attachment; filename="okta-idp-metadata.xml"',
    );
    expect(
      attachmentBody
        .split('\r\n')
        .filter((l) => l !== '')
        .every((line) => line.length <= 76),
    ).toBe(true);
    expect(Buffer.from(attachmentBody.replace(/\r\n/g, ''), 'base64').toString('utf8')).toBe(xml);
    expect(rest.join('\r\n\r\n')).not.toMatch(/[^\r]\n/);
  });

  it('base64-encodes a body that is not plain ASCII', () => {
    const other = buildEml({ to: 'a@b.example', subject: 's', body: 'Grüße', date, attachments: [] });
    expect(other).toContain('Content-Transfer-Encoding: base64\r\n\r\nR3LDvMOfZQ==\r\n');
  });

  it('formats dates as RFC 5322 wants', () => {
    expect(rfc5322Date(date)).toBe('Tue, 24 Nov 2026 10:03:21 +0000');
  });
});

describe('register plan', () => {
  const observed: RegisterObserved = {
    vendor: 'Millie',
    channel: 'email',
    channels: ['email'],
    to: 'support@millie.example',
    afterwards: 'Millie emails you when done.',
    values: [
      { key: 'metadataUrl', label: 'Metadata URL', value: 'https://m' },
      { key: 'companyName', label: 'Company name', value: 'Acme' },
    ],
    changedSinceSent: [],
    vendorSide: { checkable: false },
  };
  const input = { channel: 'email' as const, companyName: 'Acme', supportEmail: 'support@millie.example' };

  it('sends until sent', () => {
    expect(registerPlan(input, observed)).toEqual([
      {
        id: 'register-send',
        kind: 'send',
        target: 'Millie support (email to support@millie.example)',
        summary: 'Email Metadata URL, Company name to Millie support, then mark it as sent.',
        details: [
          { field: 'Metadata URL', to: 'https://m' },
          { field: 'Company name', to: 'Acme' },
        ],
      },
    ]);
  });

  it('then waits for the vendor by hand', () => {
    const sent = {
      ...observed,
      sent: {
        via: 'eml' as const,
        at: '2026-11-24T10:00:00.000Z',
        values: { metadataUrl: 'https://m', companyName: 'Acme' },
      },
    };
    expect(registerPlan(input, sent)).toEqual([
      {
        id: 'register-confirm',
        kind: 'manual',
        target: 'Millie (its answer)',
        summary: 'Wait for Millie to confirm, then mark it confirmed. Millie emails you when done.',
        details: [{ field: 'Sent', to: '2026-11-24T10:00:00.000Z (eml)' }],
      },
    ]);
  });

  const confirmed = {
    ...observed,
    sent: {
      via: 'eml' as const,
      at: '2026-11-24T10:00:00.000Z',
      values: { metadataUrl: 'https://m', companyName: 'Acme' },
    },
    confirmedAt: '2026-11-25T09:00:00.000Z',
  };

  it("shows the admin's marks as reported by them, never as read back", () => {
    expect(registerChecks(confirmed).map((c) => [c.id, c.status, c.label, c.detail])).toEqual([
      ['register-values', 'pass', 'Values Millie asks for', '2 values: Metadata URL, Company name.'],
      [
        'register-sent',
        'warn',
        'Sent to Millie · Reported by you, not checked',
        'Reported by you: sent 2026-11-24T10:00:00.000Z via eml.',
      ],
      [
        'register-confirmed',
        'warn',
        'Millie confirmed · Reported by you, not checked',
        'Reported by you: confirmed 2026-11-25T09:00:00.000Z.',
      ],
      [
        'register-vendor-side',
        'warn',
        'Millie has the values (SP-initiated test login through Millie)',
        "Cannot be checked: Millie has no SP-initiated login the app can start; Millie's side stays reported by you.",
      ],
    ]);
  });

  it('stays reported by you, never verified, for a vendor without an SP-initiated login', () => {
    expect(registerPlan(input, confirmed)).toEqual([
      {
        id: 'register-unprovable',
        kind: 'manual',
        target: 'Millie (its SSO settings)',
        summary:
          "The app cannot check Millie's side: Millie has no SP-initiated login the app can start. It stays reported by you.",
        details: [{ field: 'Reported by you', to: 'confirmed 2026-11-25T09:00:00.000Z' }],
      },
    ]);
  });

  it('asks for the SP-initiated test login through the vendor, and is done once it passed', () => {
    const checkable = { ...confirmed, vendor: 'Mixpanel', vendorSide: { checkable: true } };
    expect(registerPlan(input, checkable).map((c) => [c.id, c.kind, c.summary])).toEqual([
      [
        'register-prove',
        'manual',
        'Prove Mixpanel has the values: in the "Test login" step, sign in SP-initiated through Mixpanel\'s login page (the sign-in window), then check this step again.',
      ],
    ]);
    expect(registerChecks(checkable).at(-1)).toMatchObject({
      status: 'warn',
      detail:
        'Not proven yet: sign in SP-initiated through Mixpanel\'s login page ("Test login" step, sign-in window) after sending the values.',
    });
    const proven = { ...checkable, vendorSide: { checkable: true, provenAt: '2026-11-25T10:00:00.000Z' } };
    expect(registerPlan(input, proven)).toEqual([]);
    expect(registerChecks(proven).map((c) => [c.id, c.status])).toEqual([
      ['register-values', 'pass'],
      ['register-sent', 'warn'],
      ['register-confirmed', 'warn'],
      ['register-vendor-side', 'pass'],
    ]);
    expect(registerChecks(proven).at(-1)?.detail).toBe(
      'Proven: an SP-initiated test login through Mixpanel passed 2026-11-25T10:00:00.000Z.',
    );
  });

  it('sends again what changed since it was sent', () => {
    const stale = {
      ...observed,
      sent: { via: 'email' as const, at: 't0', values: { metadataUrl: 'https://old', companyName: 'Acme' } },
      changedSinceSent: ['Metadata URL'],
    };
    expect(registerPlan(input, stale)).toEqual([
      {
        id: 'register-send',
        kind: 'send',
        target: 'Millie support (email to support@millie.example)',
        summary: 'Send Millie the values again: Metadata URL changed since t0.',
        details: [{ field: 'Metadata URL', from: 'https://old', to: 'https://m' }],
      },
    ]);
  });
});

describe("the vendor's side of the registration", () => {
  const sentAt = '2026-11-25T09:00:00.000Z';
  function testLogin(sp: { via: 'window' | 'password' | 'paste'; capturedAt: string; valid: boolean }) {
    return {
      user: { id: '00u1', login: 'ava@acme.example', email: 'ava@acme.example', status: 'ACTIVE' },
      assigned: true,
      app: { id: '0oa1', label: 'Mixpanel' },
      required: ['idp', 'sp'],
      expected: {
        issuer: 'i',
        audience: 'a',
        acsUrl: 'u',
        recipient: 'r',
        destination: 'd',
        nameId: 'n',
        attributes: [],
      },
      start: { sp: 'https://mixpanel.com/login/', idpSsoUrl: 'https://acme.okta.com/sso' },
      results: { sp: { mode: 'sp', checks: [], ...sp } },
    };
  }

  it('is proven by a passing SP-initiated sign-in started at the vendor, after the values were sent', () => {
    const at = '2026-11-25T10:00:00.000Z';
    expect(vendorProvenAt(mixpanel, testLogin({ via: 'window', capturedAt: at, valid: true }), sentAt)).toBe(at);
  });

  it('is not proven by a login the app started itself, a failed one, an earlier one, or none', () => {
    const later = '2026-11-25T10:00:00.000Z';
    expect(vendorProvenAt(mixpanel, testLogin({ via: 'password', capturedAt: later, valid: true }), sentAt)).toBe(
      undefined,
    );
    expect(vendorProvenAt(mixpanel, testLogin({ via: 'paste', capturedAt: later, valid: true }), sentAt)).toBe(
      undefined,
    );
    expect(vendorProvenAt(mixpanel, testLogin({ via: 'window', capturedAt: later, valid: false }), sentAt)).toBe(
      undefined,
    );
    expect(
      vendorProvenAt(
        mixpanel,
        testLogin({ via: 'window', capturedAt: '2026-11-25T08:00:00.000Z', valid: true }),
        sentAt,
      ),
    ).toBe(undefined);
    expect(vendorProvenAt(mixpanel, undefined, sentAt)).toBe(undefined);
    expect(vendorProvenAt(mixpanel, testLogin({ via: 'window', capturedAt: later, valid: true }), undefined)).toBe(
      undefined,
    );
  });

  it('cannot be proven for a vendor without an SP-initiated login page', () => {
    expect(
      vendorProvenAt(millie, testLogin({ via: 'window', capturedAt: '2026-11-25T10:00:00.000Z', valid: true }), sentAt),
    ).toBe(undefined);
  });
});
