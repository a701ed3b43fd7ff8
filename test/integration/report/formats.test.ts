import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConfigReport } from '../../../src-main/report/model';
import { htmlToPdfWithChromium } from '../../../src-main/report/pdf-chromium';
import { renderConfigReport, type RenderedReport, type ReportFormat } from '../../../src-main/report/render';
import { terraformOf } from '../../../src-main/report/terraform/from-report';
import { externalRequestsIn, pdfPages, schemaErrors } from '../../support/report-checks';
import { reportedSetup, type ReportedSetup } from './setup';
import { writeSamples } from './samples';

const VENDORS = [
  ['Millie', 'millie'],
  ['Mixpanel', 'mixpanel'],
  ['Courier', 'courier'],
] as const;

describe.each(VENDORS)(
  'the %s report in every format, from an integration set up against the practice org',
  (name, vendor) => {
    let setup: ReportedSetup;
    let report: ConfigReport;
    const out = {} as Record<ReportFormat, RenderedReport>;
    let tf: string;
    beforeAll(async () => {
      setup = await reportedSetup(vendor);
      report = await setup.build();
      for (const format of ['html', 'json', 'md', 'pdf'] as const)
        out[format] = await renderConfigReport(report, format, (html) => htmlToPdfWithChromium(html));
      tf = await terraformOf(await setup.h.connect(setup.h.client), [report], new Date(report.generatedAt));
      // UPDATE_SAMPLES=1 refreshes the README's samples (docs/samples) from this very run.
      if (process.env.UPDATE_SAMPLES === '1') await writeSamples(vendor, out, tf, setup);
    }, 300_000);
    afterAll(async () => {
      await setup?.scim.close();
    });

    it('JSON: validates against docs/schemas/config-report.schema.json and names it', async () => {
      const parsed = JSON.parse(out.json.bytes.toString('utf8')) as Record<string, unknown>;
      expect(await schemaErrors('config-report', parsed)).toEqual([]);
      expect(parsed.$schema).toBe('https://okta-onboard.dev/schemas/config-report.schema.json');
      expect(parsed).toMatchObject({ kind: 'okta-onboard-config-report', schemaVersion: 1 });
      expect(out.json.fileName).toMatch(/^okta-acme-sandbox-[a-z-]+-\d{4}-\d{2}-\d{2}\.json$/);
    });

    it('HTML: one file that makes no request (CSP, no fetching element, attribute or CSS url)', () => {
      const html = out.html.bytes.toString('utf8');
      expect(externalRequestsIn(html)).toEqual([]);
      expect(html).toContain(`<h1>${name} single sign-on for Acme (sandbox)</h1>`);
      expect(html).toContain('@media (prefers-color-scheme: dark)');
      expect(html).toContain('@media print');
      expect(html).toContain(report.app!.id);
    });

    it('Markdown: the same sections, the app id and every check', () => {
      const md = out.md.bytes.toString('utf8');
      expect(md.startsWith(`# ${name} single sign-on for Acme (sandbox)\n`)).toBe(true);
      for (const heading of [
        '## Summary',
        '## Single sign-on (SAML)',
        '## Metadata and signing certificate',
        '## Checks',
        '## Audit log of changes',
      ])
        expect(md).toContain(heading);
      expect(md).toContain(`\`${report.app!.id}\``);
      const checkRows = md.split('\n').filter((l) => /^\| [a-z-]+ \| .* \| (✅ pass|⚠️ warn|❌ fail) \|/.test(l));
      expect(checkRows).toHaveLength(report.checks.length);
    });

    it('PDF: A4 pages rendered to PNG by pdftoppm, with the report text on them', async () => {
      const pdf = await pdfPages(out.pdf.bytes);
      expect(pdf.pages).toBeGreaterThanOrEqual(2);
      expect(pdf.pages).toBeLessThanOrEqual(30);
      expect(pdf.pngs).toHaveLength(pdf.pages);
      for (const png of pdf.pngs) expect(png.height / png.width).toBeCloseTo(297 / 210, 1);
      const text = pdf.text.replace(/\s+/g, ' ');
      expect(text).toContain(`${name} single sign-on for Acme (sandbox)`);
      expect(text).toContain(report.app!.id);
      expect(text).toContain('Audit log of changes');
    });

    it("Terraform: the lead's renderer fed from this report imports the app it names", () => {
      expect(tf).toContain(`id = "${report.app!.id}"`);
      expect(tf).toMatch(/^import \{/m);
    });

    it('the report rests on this read: every step run before is verified now and the state says so', () => {
      const fresh = report.steps.filter((s) => s.observation === 'fresh');
      expect(fresh.length).toBeGreaterThan(2);
      expect(fresh.every((s) => s.status === 'verified')).toBe(true);
      expect(report.summary.checks.fail).toBe(0);
      expect(report.checks.length).toBeGreaterThan(5);
    });
  },
);
