import { describe, expect, it } from 'vitest';
import { RegisterObservedSchema } from '../../../src-main/api/step-register';
import { CONFIG_REPORT_VERSION, ConfigReportSchema, type ConfigReport } from '../../../src-main/report/model';
import { renderConfigReport } from '../../../src-main/report/render';
import { registrationSection } from '../../../src-main/report/sections';

/**
 * The branches the practice-org test (test/integration/report/sections.test.ts) cannot reach in
 * its setup: a value changed after sending, and the vendor's side proven by an SP-initiated login.
 * The observation is shaped as the register step's schema parses it.
 */
const observed = RegisterObservedSchema.parse({
  vendor: 'millie',
  channel: 'email',
  channels: ['email'],
  to: 'sso@millie.example',
  afterwards: 'Millie switches SSO on once it has the values.',
  values: [
    { key: 'metadataUrl', label: 'Metadata URL', value: 'https://acme.okta.com/app/exk1/sso/saml/metadata' },
    { key: 'companyName', label: 'Company name', value: 'Acme Corp' },
  ],
  sent: {
    via: 'email',
    at: '2026-11-20T10:00:00.000Z',
    values: { metadataUrl: 'https://acme.okta.com/app/exk0/sso/saml/metadata', companyName: 'Acme Corp' },
  },
  changedSinceSent: ['metadataUrl'],
  confirmedAt: '2026-11-21T08:15:00.000Z',
  vendorSide: { checkable: true, provenAt: '2026-11-22T12:40:00.000Z' },
});

function reportWith(registration: ConfigReport['registration']): ConfigReport {
  return ConfigReportSchema.parse({
    kind: 'okta-onboard-config-report',
    schemaVersion: CONFIG_REPORT_VERSION,
    generatedAt: '2026-11-27T09:00:00.000Z',
    generator: { name: 'okta-onboard', version: '0.1.0' },
    org: { url: 'https://acme.okta.com', practice: false },
    client: { id: 'c1', name: 'Acme' },
    vendor: { id: 'millie', name: 'Millie', guide: 'Millie guide' },
    integration: { id: 'i1', label: 'Millie', createdAt: '2026-11-19T09:00:00.000Z' },
    summary: {
      state: 'incomplete',
      requiredSteps: 1,
      verifiedRequired: 0,
      skipped: 0,
      checks: { pass: 0, warn: 0, fail: 0 },
    },
    app: null,
    saml: null,
    emailDomains: null,
    registration,
    provisioning: null,
    role: null,
    bookmark: null,
    assignments: null,
    migration: null,
    steps: [],
    checks: [],
    auditLog: [],
    importIds: {},
    problems: [],
  });
}

describe('registration section of the configuration report', () => {
  it('keeps what changed since sending and when a login through the vendor proved its side', () => {
    expect(registrationSection(observed)).toEqual({
      selfReported: true,
      channel: 'email',
      via: 'email',
      sentAt: '2026-11-20T10:00:00.000Z',
      to: 'sso@millie.example',
      confirmedAt: '2026-11-21T08:15:00.000Z',
      values: [
        { key: 'metadataUrl', label: 'Metadata URL', value: 'https://acme.okta.com/app/exk1/sso/saml/metadata' },
        { key: 'companyName', label: 'Company name', value: 'Acme Corp' },
      ],
      changedSinceSent: ['metadataUrl'],
      vendorProvenAt: '2026-11-22T12:40:00.000Z',
    });
  });

  it('Markdown says the vendor side is proven and names the changed value by its label', async () => {
    const md = (
      await renderConfigReport(reportWith(registrationSection(observed)), 'md', () =>
        Promise.reject(new Error('no PDF here')),
      )
    ).bytes.toString('utf8');
    expect(md.split('\n## Registration with the vendor\n')[1]?.split('\n## ')[0]).toBe(
      [
        '',
        '✅ Self-reported by the admin; a sign-in started at the vendor passed at 2026-11-22 12:40 UTC, which proves the vendor holds the values.',
        '',
        '| Item | Value |',
        '| --- | --- |',
        '| Channel | email |',
        '| Sent | 2026-11-20 10:00 UTC via email |',
        '| Sent to | sso@millie.example |',
        '| Vendor confirmed | 2026-11-21 08:15 UTC |',
        '| Changed since sent | Metadata URL |',
        '',
        '**Values sent**',
        '',
        '| Value | As sent |',
        '| --- | --- |',
        '| Metadata URL | `https://acme.okta.com/app/exk1/sso/saml/metadata` |',
        '| Company name | `Acme Corp` |',
        '',
      ].join('\n'),
    );
  });
});
