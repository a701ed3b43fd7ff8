/**
 * A report laid out once as sections of facts and tables, so HTML (screen, print, PDF) and
 * Markdown say the same thing in the same order. Values are plain text; each writer escapes them.
 */

export type Tone = 'pass' | 'warn' | 'fail' | 'muted';

export interface Cell {
  text: string;
  tone?: Tone;
  /** Ids, URLs, fingerprints: shown in a fixed-width font and allowed to break anywhere. */
  mono?: boolean;
}

export type CellLike = string | Cell;

export type Block =
  | { kind: 'facts'; rows: [string, CellLike][] }
  | { kind: 'table'; caption: string; columns: string[]; rows: CellLike[][]; empty: string }
  | { kind: 'text'; text: string; tone?: Tone };

export interface Section {
  id: string;
  title: string;
  blocks: Block[];
}

export interface ReportDocument {
  title: string;
  /** One line under the title: who, what, when. */
  subtitle: string;
  /** The headline state, e.g. "Verified: 8 of 8 required steps", with its tone. */
  badge: Cell;
  sections: Section[];
  footer: string;
}

export function cell(value: CellLike): Cell {
  return typeof value === 'string' ? { text: value } : value;
}

export const mono = (text: string): Cell => ({ text, mono: true });

/** `2026-11-27T14:05:09.123Z` → `2026-11-27 14:05 UTC`: exact to the minute, one zone for every reader. */
export function when(iso: string | undefined): string {
  if (!iso) return '—';
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  return `${new Date(t).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

export function yesNo(value: boolean | undefined): string {
  return value === undefined ? '—' : value ? 'Yes' : 'No';
}

export function orDash(value: string | number | boolean | null | undefined): string {
  return value === undefined || value === null || value === '' ? '—' : String(value);
}

export function facts(rows: [string, CellLike][]): Block {
  return { kind: 'facts', rows };
}

export function table(caption: string, columns: string[], rows: CellLike[][], empty: string): Block {
  return { kind: 'table', caption, columns, rows, empty };
}

export function text(value: string, tone?: Tone): Block {
  return { kind: 'text', text: value, ...(tone ? { tone } : {}) };
}
