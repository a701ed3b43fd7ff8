import { describe, expect, it } from 'vitest';
import type { PortfolioEntry, PortfolioReport } from '../../../src-main/report/model';
import { portfolioOrder } from '../../../src-main/report/portfolio';
import { portfolioDocument } from '../../../src-main/report/portfolio-document';
import { renderDocumentMarkdown } from '../../../src-main/report/markdown';

function entry(client: string, label: string, notAfter?: string, failing: string[] = []): PortfolioEntry {
  return {
    client: { id: `cli_${client}`, name: client, orgUrl: `https://${client.toLowerCase()}.okta.com` },
    integration: { id: `int_${label}`, label, vendor: label },
    state: failing.length > 0 ? 'failing' : 'verified',
    verifiedRequired: 5,
    requiredSteps: 5,
    failingChecks: failing.map((f) => ({ stepId: 'metadata', label: f, detail: `${f} failed` })),
    ...(notAfter ? { certificateExpiry: { notAfter, daysToExpiry: 10, subject: 'CN=okta' } } : {}),
  };
}

describe('the portfolio report', () => {
  it('lists the soonest certificate expiry first, integrations without a certificate last by client and label', () => {
    const list = [
      entry('Zeta', 'Millie'),
      entry('Acme', 'Courier', '2027-03-01T00:00:00Z'),
      entry('Beta', 'Mixpanel', '2026-12-24T00:00:00Z'),
      entry('Acme', 'Millie'),
    ].sort(portfolioOrder);
    expect(list.map((e) => `${e.client.name}/${e.integration.label}`)).toEqual([
      'Beta/Mixpanel',
      'Acme/Courier',
      'Acme/Millie',
      'Zeta/Millie',
    ]);
  });

  it('names each failing check with its client and integration, and counts what needs attention', () => {
    const report: PortfolioReport = {
      kind: 'okta-onboard-portfolio-report',
      schemaVersion: 1,
      generatedAt: '2026-11-27T16:00:00.000Z',
      generator: { name: 'okta-onboard', version: '0.1.0' },
      integrations: [
        entry('Acme', 'Courier', '2027-03-01T00:00:00Z', ['Signing certificate']),
        entry('Beta', 'Millie'),
      ],
    };
    const md = renderDocumentMarkdown(portfolioDocument(report));
    expect(md).toContain('**❌ 1 need attention**');
    expect(md).toContain('| Acme | Courier | metadata | Signing certificate | ❌ Signing certificate failed |');
    expect(md).toContain('| Beta | Millie | Millie | ✅ Verified | 5 of 5 | 0 | no certificate read |');
  });
});
