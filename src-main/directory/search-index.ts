/** One searchable record: its id, the text shown for it, and the fields a query may match. */
export interface IndexEntry {
  id: string;
  label: string;
  fields: readonly string[];
}

/** How well a query matched, best first: a whole field, the start of a field, the start of a word, anywhere. */
export type MatchRank = 0 | 1 | 2 | 3;

const WORD_START = /[\s.@_\-+]/;

/** The best rank `query` (lower-case) reaches in `field` (lower-case), or undefined when it does not occur. */
export function rankField(field: string, query: string): MatchRank | undefined {
  const at = field.indexOf(query);
  if (at < 0) return undefined;
  if (at === 0) return field.length === query.length ? 0 : 1;
  for (let i = at; i >= 0; i = field.indexOf(query, i + 1)) {
    if (WORD_START.test(field[i - 1] ?? '')) return 2;
  }
  return 3;
}

export function rankEntry(fields: readonly string[], query: string): MatchRank | undefined {
  let best: MatchRank | undefined;
  for (const field of fields) {
    const rank = rankField(field, query);
    if (rank !== undefined && (best === undefined || rank < best)) best = rank;
    if (best === 0) break;
  }
  return best;
}

interface Stored {
  entry: IndexEntry;
  lowered: string[];
  sortKey: string;
}

/**
 * An in-memory prefix/substring index for a type-ahead. Entries are kept sorted by label, so one
 * linear pass that drops each match into its rank's bucket yields results ranked, then
 * alphabetical, without sorting per keystroke.
 */
export class SearchIndex {
  private readonly byId = new Map<string, Stored>();
  private sorted: Stored[] = [];
  private dirty = false;

  get size(): number {
    return this.byId.size;
  }

  add(entries: readonly IndexEntry[]): void {
    for (const entry of entries) {
      this.byId.set(entry.id, {
        entry,
        lowered: entry.fields.map((f) => f.toLowerCase()),
        sortKey: entry.label.toLowerCase(),
      });
    }
    if (entries.length > 0) this.dirty = true;
  }

  clear(): void {
    this.byId.clear();
    this.sorted = [];
    this.dirty = false;
  }

  /** Matches of `query` ranked best first; an empty query lists entries alphabetically. */
  search(query: string, limit: number): { items: IndexEntry[]; matched: number } {
    if (this.dirty) {
      this.sorted = [...this.byId.values()].sort((a, b) =>
        a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0,
      );
      this.dirty = false;
    }
    const q = query.trim().toLowerCase();
    if (q === '') return { items: this.sorted.slice(0, limit).map((s) => s.entry), matched: this.sorted.length };
    const buckets: IndexEntry[][] = [[], [], [], []];
    let matched = 0;
    for (const stored of this.sorted) {
      const rank = rankEntry(stored.lowered, q);
      if (rank === undefined) continue;
      matched += 1;
      const bucket = buckets[rank]!;
      if (bucket.length < limit) bucket.push(stored.entry);
    }
    return { items: buckets.flat().slice(0, limit), matched };
  }
}
