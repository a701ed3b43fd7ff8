import { cell, type Block, type CellLike, type ReportDocument } from './document';

/**
 * Markdown for tickets and wikis (GitHub, GitLab, Jira's and Confluence's Markdown import): one
 * table per list, facts as a two-column table. Text from Okta is escaped so a label cannot open a
 * link, an image or HTML in the page it is pasted into.
 */
function escapeMd(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/([`*_[\]<>|~&])/g, '\\$1')
    .replace(/^([#+\-=])/, '\\$1')
    .replace(/^(\d+)\./, '$1\\.')
    .replace(/\r?\n/g, ' ');
}

const TONE_MARK = { pass: '✅ ', warn: '⚠️ ', fail: '❌ ', muted: '' } as const;

function mdCell(value: CellLike): string {
  const c = cell(value);
  const mark = c.tone ? TONE_MARK[c.tone] : '';
  if (!c.mono) return `${mark}${escapeMd(c.text)}`;
  // A code span cannot escape a backtick: fence it with more backticks than it holds, and keep pipes out of tables.
  const ticks = '`'.repeat(Math.max(1, ...[...c.text.matchAll(/`+/g)].map((m) => m[0].length + 1)));
  const body = c.text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
  // A span that starts or ends with a backtick is padded on both sides; CommonMark strips one space from each.
  const pad = body.startsWith('`') || body.endsWith('`') ? ' ' : '';
  return `${mark}${ticks}${pad}${body}${pad}${ticks}`;
}

function row(cells: string[]): string {
  return `| ${cells.join(' | ')} |`;
}

function block(b: Block): string {
  switch (b.kind) {
    case 'text':
      return `${b.tone ? TONE_MARK[b.tone] : ''}${escapeMd(b.text)}`;
    case 'facts':
      return [
        row(['Item', 'Value']),
        row(['---', '---']),
        ...b.rows.map(([k, v]) => row([escapeMd(k), mdCell(v)])),
      ].join('\n');
    case 'table':
      if (b.rows.length === 0) return `**${escapeMd(b.caption)}:** ${escapeMd(b.empty)}`;
      return [
        `**${escapeMd(b.caption)}**`,
        '',
        row(b.columns.map(escapeMd)),
        row(b.columns.map(() => '---')),
        ...b.rows.map((r) => row(r.map(mdCell))),
      ].join('\n');
  }
}

export function renderDocumentMarkdown(doc: ReportDocument): string {
  const parts = [
    `# ${escapeMd(doc.title)}`,
    `${escapeMd(doc.subtitle)}`,
    `**${mdCell({ ...cell(doc.badge), mono: false })}**`,
  ];
  for (const section of doc.sections) {
    parts.push(`## ${escapeMd(section.title)}`);
    for (const b of section.blocks) parts.push(block(b));
  }
  parts.push('---', `_${escapeMd(doc.footer)}_`);
  return `${parts.join('\n\n')}\n`;
}
