import { AppError } from '../../errors';
import { keepTable } from '../import';
import { readTable, type Table } from '../read-table';
import { MAX_HELD_TABLES, TABLE_GONE, type WorkerReply, type WorkerRequest } from './protocol';

/** How many rows the preview shows. */
const PREVIEW_ROWS = 10;

/**
 * Answers the export reader's requests. The worker thread runs it (`table-worker.ts`); so does the
 * in-process reader, so both ways run this one code. Tables are held by key, oldest dropped first.
 */
export function createTableService(): (request: WorkerRequest) => Promise<WorkerReply> {
  const tables = new Map<string, Table>();

  function hold(key: string, table: Table): void {
    tables.delete(key);
    tables.set(key, table);
    while (tables.size > MAX_HELD_TABLES) tables.delete(tables.keys().next().value as string);
  }

  return async (request) => {
    try {
      switch (request.kind) {
        case 'read': {
          const table = readTable(new Uint8Array(request.bytes));
          hold(request.key, table);
          const { headers, rows, delimiter, encoding } = table;
          const shape = { rows: rows.length, headers, preview: rows.slice(0, PREVIEW_ROWS), delimiter, encoding };
          return { id: request.id, ok: true, kind: 'read', shape };
        }
        case 'keep': {
          const table = tables.get(request.key);
          if (!table) throw new AppError(TABLE_GONE, 'The export is no longer held by the reader.', 'Read it again.');
          const preview = await keepTable(
            request.dataDir,
            request.integrationId,
            table,
            { fileName: request.fileName, mapping: request.mapping },
            new Date(request.now),
          );
          tables.delete(request.key);
          return { id: request.id, ok: true, kind: 'keep', preview };
        }
        case 'forget':
          tables.delete(request.key);
          return { id: request.id, ok: true, kind: 'forget' };
      }
    } catch (error) {
      return { id: request.id, ok: false, error: failure(error) };
    }
  };
}

function failure(error: unknown): Extract<WorkerReply, { ok: false }>['error'] {
  if (error instanceof AppError)
    return {
      code: error.code,
      message: error.message,
      hint: error.hint,
      ...(error.field ? { field: error.field } : {}),
    };
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'INTERNAL', message: `Reading the export failed: ${message}`, hint: 'Choose the file again.' };
}
