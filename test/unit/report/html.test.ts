import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, REPORT_STYLE_HASH } from '../../../src-main/api/csp';
import { renderDocumentHtml, REPORT_CSS } from '../../../src-main/report/html';
import { renderDocumentMarkdown } from '../../../src-main/report/markdown';
import type { ReportDocument } from '../../../src-main/report/document';
import { externalRequestsIn } from '../../support/report-checks';

const hostile: ReportDocument = {
  title: 'Acme <script>alert(1)</script>',
  subtitle: 'label "quoted" & <b>bold</b>',
  badge: { text: 'Verified', tone: 'pass' },
  sections: [
    {
      id: 'x',
      title: 'Section',
      blocks: [
        { kind: 'facts', rows: [['App label', '<img src=https://evil.example/x.png>']] },
        {
          kind: 'table',
          caption: 'Rows',
          columns: ['A', 'B'],
          rows: [
            [{ text: '`code` | pipe', mono: true }, '[link](https://evil.example) ![i](https://evil.example/i.png)'],
          ],
          empty: 'none',
        },
      ],
    },
  ],
  footer: 'f',
};

describe('report writers', () => {
  it('the renderer CSP allows the report stylesheet by its hash, so the preview frame shows it styled', () => {
    const hash = `'sha256-${createHash('sha256').update(REPORT_CSS).digest('base64')}'`;
    expect(REPORT_STYLE_HASH).toBe(hash);
    expect(contentSecurityPolicy).toContain(`style-src 'self' ${hash}`);
  });

  it('HTML escapes every value from Okta: a label cannot become an element or a request', () => {
    const html = renderDocumentHtml(hostile);
    expect(externalRequestsIn(html)).toEqual([]);
    expect(html).toContain('Acme &#60;script&#62;alert(1)&#60;/script&#62;');
    expect(html).not.toContain('<img');
  });

  it('Markdown escapes link, image and HTML syntax, and keeps a code span with backticks and pipes whole', () => {
    const md = renderDocumentMarkdown(hostile);
    expect(md).toContain('# Acme \\<script\\>alert(1)\\</script\\>');
    expect(md).toContain('\\[link\\](https://evil.example) !\\[i\\](https://evil.example/i.png)');
    expect(md).toContain('| `` `code` \\| pipe `` |');
    expect(md).not.toMatch(/[^\\]\[link\]/);
  });
});
