import { createHash } from 'node:crypto';
import { escapeXml as esc } from '../saml/xml-escape';
import { cell, type Block, type CellLike, type ReportDocument } from './document';

/**
 * One self-contained HTML file: no script, no font, no image, no link. The Content-Security-Policy
 * allows only this file's own stylesheet (by its hash), so a browser opening it makes no request.
 * Light and dark follow the reader's setting; print is always light, A4, with headers kept with
 * what follows them and table rows never split.
 */
export const REPORT_CSS = `
:root { color-scheme: light dark; --bg: #ffffff; --fg: #1b1f24; --muted: #57606a; --line: #d0d7de;
  --head: #f3f5f7; --pass: #116329; --pass-bg: #dafbe1; --warn: #7a4a00; --warn-bg: #fff1c2;
  --fail: #a40e26; --fail-bg: #ffe3e6; --accent: #0b5cad; }
@media (prefers-color-scheme: dark) {
  :root { --bg: #0d1117; --fg: #e6edf3; --muted: #9da7b3; --line: #3d444d; --head: #161b22;
    --pass: #7ee2a0; --pass-bg: #12361f; --warn: #f2cc60; --warn-bg: #3b2e05; --fail: #ffa3ad;
    --fail-bg: #4a1119; --accent: #79b8ff; }
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg);
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 72rem; margin: 0 auto; padding: 2rem 1.5rem 3rem; }
header { border-bottom: 2px solid var(--line); padding-bottom: 1rem; margin-bottom: 1.5rem; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; line-height: 1.25; }
h2 { font-size: 1.2rem; margin: 2rem 0 .75rem; padding-bottom: .25rem; border-bottom: 1px solid var(--line); }
.subtitle { color: var(--muted); margin: 0 0 .75rem; }
.badge { display: inline-block; padding: .2rem .6rem; border-radius: 999px; font-weight: 600; }
.pass { color: var(--pass); } .warn { color: var(--warn); } .fail { color: var(--fail); } .muted { color: var(--muted); }
.badge.pass { background: var(--pass-bg); } .badge.warn { background: var(--warn-bg); } .badge.fail { background: var(--fail-bg); }
p.note { margin: .5rem 0; } p.note.pass, p.note.warn, p.note.fail { font-weight: 600; }
dl { display: grid; grid-template-columns: minmax(10rem, 16rem) 1fr; gap: .35rem 1rem; margin: 0 0 1rem; }
dl > div { display: contents; } dt { color: var(--muted); } dd { margin: 0; min-width: 0; }
code { font: .9em/1.4 ui-monospace, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace; overflow-wrap: anywhere; }
table { width: 100%; border-collapse: collapse; margin: .5rem 0 1rem; font-size: .92rem; }
caption { text-align: left; font-weight: 600; padding: .25rem 0; }
th, td { border: 1px solid var(--line); padding: .35rem .5rem; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
th { background: var(--head); }
footer { margin-top: 2.5rem; color: var(--muted); font-size: .85rem; border-top: 1px solid var(--line); padding-top: .75rem; }
@page { size: A4; margin: 14mm 12mm 16mm; }
@media print {
  :root { color-scheme: light; --bg: #fff; --fg: #000; --muted: #444; --line: #999; --head: #eee;
    --pass: #0a4d1f; --pass-bg: #e6f4ea; --warn: #5c3900; --warn-bg: #fdf0cc; --fail: #8a0c20; --fail-bg: #fde2e4; }
  body { font-size: 10.5pt; } main { max-width: none; padding: 0; }
  h2 { break-after: avoid; page-break-after: avoid; } caption { break-after: avoid; }
  tr, dl > * { break-inside: avoid; page-break-inside: avoid; } thead { display: table-header-group; }
  .badge { border: 1px solid currentColor; }
}
`.trim();

/** The CSP of every report: its own stylesheet and nothing else (no script, image, font or fetch). */
export function reportCsp(css = REPORT_CSS): string {
  const hash = createHash('sha256').update(css).digest('base64');
  return `default-src 'none'; style-src 'sha256-${hash}'; img-src 'none'; script-src 'none'; base-uri 'none'; form-action 'none'`;
}

function td(value: CellLike, tag: 'td' | 'dd'): string {
  const c = cell(value);
  const inner = c.mono ? `<code>${esc(c.text)}</code>` : esc(c.text);
  return `<${tag}${c.tone ? ` class="${c.tone}"` : ''}>${inner}</${tag}>`;
}

function block(b: Block): string {
  switch (b.kind) {
    case 'text':
      return `<p class="note${b.tone ? ` ${b.tone}` : ''}">${esc(b.text)}</p>`;
    case 'facts':
      return `<dl>${b.rows.map(([k, v]) => `<div><dt>${esc(k)}</dt>${td(v, 'dd')}</div>`).join('')}</dl>`;
    case 'table':
      if (b.rows.length === 0) return `<p class="note muted"><strong>${esc(b.caption)}:</strong> ${esc(b.empty)}</p>`;
      return [
        `<table><caption>${esc(b.caption)}</caption>`,
        `<thead><tr>${b.columns.map((c) => `<th scope="col">${esc(c)}</th>`).join('')}</tr></thead>`,
        `<tbody>${b.rows.map((r) => `<tr>${r.map((c) => td(c, 'td')).join('')}</tr>`).join('')}</tbody></table>`,
      ].join('');
  }
}

/** The document as one HTML page; every value is escaped, so a label from Okta cannot become markup. */
export function renderDocumentHtml(doc: ReportDocument): string {
  const badge = cell(doc.badge);
  const sections = doc.sections
    .map(
      (s) =>
        `<section aria-labelledby="s-${esc(s.id)}"><h2 id="s-${esc(s.id)}">${esc(s.title)}</h2>${s.blocks.map(block).join('\n')}</section>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${esc(reportCsp())}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${esc(doc.title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<main>
<header>
<h1>${esc(doc.title)}</h1>
<p class="subtitle">${esc(doc.subtitle)}</p>
<p><span class="badge${badge.tone ? ` ${badge.tone}` : ''}">${esc(badge.text)}</span></p>
</header>
${sections}
<footer>${esc(doc.footer)}</footer>
</main>
</body>
</html>
`;
}
