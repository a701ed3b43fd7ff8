import { AppError } from '../errors';
import { readTable, type Table } from './read-table';
import { readMigration, writeMigration, type MigrationFile } from './store';
import { guessMapping, readVendorUsers, type ColumnMapping } from './vendor-users';

export interface ImportPreview {
  fileName: string;
  rows: number;
  headers: string[];
  /** The first rows, for the admin to check the mapping against. */
  preview: string[][];
  /** The mapping in use: the admin's where given, else guessed from the header names. */
  mapping: Partial<ColumnMapping>;
  delimiter: Table['delimiter'];
  encoding: Table['encoding'];
}

/**
 * Reads a vendor export and keeps it as the integration's migration file (replacing an earlier
 * import and its decisions). A file without a recognisable email column is refused, with its columns named.
 */
export async function importVendorExport(
  dataDir: string,
  integrationId: string,
  upload: { bytes: Uint8Array; fileName: string; mapping?: Partial<ColumnMapping> },
  now: Date,
): Promise<ImportPreview> {
  const table = readTable(upload.bytes);
  const mapping = { ...guessMapping(table.headers), ...upload.mapping };
  if (mapping.email === undefined) {
    throw new AppError(
      'INVALID_ARGUMENT',
      'No email column was found in the export.',
      `Choose the column with each person's email; the columns are: ${table.headers.map((h) => `"${h}"`).join(', ')}.`,
      'mapping.email',
    );
  }
  const complete = mapping as ColumnMapping;
  readVendorUsers(table, complete);
  const file: MigrationFile = {
    version: 1,
    fileName: upload.fileName,
    importedAt: now.toISOString(),
    headers: table.headers,
    mapping: complete,
    rows: table.rows,
    decisions: {},
    results: {},
  };
  await writeMigration(dataDir, integrationId, file);
  return {
    fileName: upload.fileName,
    rows: table.rows.length,
    headers: table.headers,
    preview: table.rows.slice(0, 10),
    mapping,
    delimiter: table.delimiter,
    encoding: table.encoding,
  };
}

async function existing(dataDir: string, integrationId: string): Promise<MigrationFile> {
  const file = await readMigration(dataDir, integrationId);
  if (!file)
    throw new AppError(
      'MIGRATE_NOTHING_IMPORTED',
      'No vendor export has been imported yet.',
      'Import the export first.',
    );
  return file;
}

/** Changes which column holds what; refuses a column the file does not have. */
export async function setMapping(dataDir: string, integrationId: string, mapping: ColumnMapping): Promise<void> {
  const file = await existing(dataDir, integrationId);
  readVendorUsers({ headers: file.headers, rows: [], lines: [], delimiter: ',', encoding: 'utf-8' }, mapping);
  await writeMigration(dataDir, integrationId, { ...file, mapping });
}

/** Create or drop "not in Okta" rows, by row number; `null` takes a decision back. */
export async function setDecisions(
  dataDir: string,
  integrationId: string,
  decisions: Record<number, 'create' | 'drop' | null>,
): Promise<void> {
  const file = await existing(dataDir, integrationId);
  for (const [row, decision] of Object.entries(decisions)) {
    const n = Number(row);
    if (!Number.isInteger(n) || n < 1 || n > file.rows.length)
      throw new AppError('INVALID_ARGUMENT', `Row ${row} is not in the import.`, 'Pick rows from the review table.');
    if (decision === null) delete file.decisions[row];
    else file.decisions[row] = decision;
  }
  await writeMigration(dataDir, integrationId, file);
}
