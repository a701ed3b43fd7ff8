import type { ImportPreview } from '../import';
import type { Table } from '../read-table';
import type { ColumnMapping } from '../vendor-users';

/**
 * The messages between main and the export reader's worker thread. Small on purpose: the export's
 * bytes go in once (transferred, not copied), the 100,000 rows stay in the worker, and only their
 * shape and a few rows come back.
 */

/** What the preview shows of a table read in the worker. */
export interface TableShape {
  rows: number;
  headers: string[];
  /** The first rows, for the admin to check the mapping against. */
  preview: string[][];
  delimiter: Table['delimiter'];
  encoding: Table['encoding'];
}

export type WorkerRequest =
  /** Decode and parse an export; the worker keeps the table under `key` for a later `keep`. */
  | { id: number; kind: 'read'; key: string; bytes: ArrayBuffer }
  /** Write the table kept under `key` as the integration's migration file. */
  | {
      id: number;
      kind: 'keep';
      key: string;
      dataDir: string;
      integrationId: string;
      fileName: string;
      mapping: Partial<ColumnMapping>;
      /** ISO time of the import, from main's clock. */
      now: string;
    }
  | { id: number; kind: 'forget'; key: string };

export interface WorkerFailure {
  code: string;
  message: string;
  hint: string;
  field?: string;
}

export type WorkerReply =
  | { id: number; ok: true; kind: 'read'; shape: TableShape }
  | { id: number; ok: true; kind: 'keep'; preview: ImportPreview }
  | { id: number; ok: true; kind: 'forget' }
  | { id: number; ok: false; error: WorkerFailure };

/** A `keep` for a table the worker no longer holds (it was replaced, or the worker restarted): read it again. */
export const TABLE_GONE = 'MIGRATE_TABLE_GONE';

/** Tables the worker holds at once (one upload per integration; a few integrations open side by side). */
export const MAX_HELD_TABLES = 4;
