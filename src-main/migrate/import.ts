import { AppError } from '../errors';
import { readTable, type Table } from './read-table';
import { readMigration, writeMigration, type MigrationFile } from './store';
import { guessMapping, readVendorUsers, type ColumnMapping } from './vendor-users';
import { readVendorScim, SCIM_COLUMNS, type VendorScimOptions } from './vendor-scim';

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
  /** A live SCIM read: accounts the vendor reports deactivated, left out of the migration. */
  inactive?: number;
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
  return keepTable(dataDir, integrationId, readTable(upload.bytes), upload, now);
}

/** Keeps an export already read (the preview read it once; reading 100,000 rows again is not needed). */
export async function keepTable(
  dataDir: string,
  integrationId: string,
  table: Table,
  upload: { fileName: string; mapping?: Partial<ColumnMapping> },
  now: Date,
): Promise<ImportPreview> {
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
  readVendorUsers({ ...table, rows: [] }, complete);
  await replaceImport(dataDir, integrationId, {
    version: 1,
    fileName: upload.fileName,
    importedAt: now.toISOString(),
    headers: table.headers,
    mapping: complete,
    rows: table.rows,
  });
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

/**
 * Keeps a new import as the integration's migration file. The same rows imported again (the CLI
 * imports on every run; a resumed run reads the same export) keep the admin's decisions and the
 * results so far: a person created in Okta by the interrupted run is not created again.
 */
async function replaceImport(
  dataDir: string,
  integrationId: string,
  fresh: Omit<MigrationFile, 'decisions' | 'results'>,
): Promise<void> {
  const before = await readMigration(dataDir, integrationId);
  // Mappings are compared field by field: a file read back lists them in its schema's order.
  const key = (f: Omit<MigrationFile, 'decisions' | 'results'>) =>
    JSON.stringify([f.headers, f.mapping.email, f.mapping.login, f.mapping.name, f.mapping.role]);
  const same = before !== undefined && key(before) === key(fresh) && sameRows(before.rows, fresh.rows);
  await writeMigration(dataDir, integrationId, {
    ...fresh,
    decisions: same ? before.decisions : {},
    results: same ? before.results : {},
  });
}

/** Cell by cell: a JSON string of 100,000 rows each side cost more than the comparison itself. */
function sameRows(a: string[][], b: string[][]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) {
    const x = a[i] as string[];
    const y = b[i] as string[];
    if (x.length !== y.length) return false;
    for (let j = 0; j < x.length; j += 1) if (x[j] !== y[j]) return false;
  }
  return true;
}

/** Where a live read found the vendor's accounts, for the file's name in the review and the CLI. */
export function scimSourceName(baseUrl: string): string {
  return `SCIM ${baseUrl.replace(/\/+$/, '')}/Users`;
}

/**
 * Reads the vendor's accounts live from its SCIM endpoint and keeps them as the integration's
 * migration file, in the very rows and mapping a CSV import gives (userName as login, primary
 * email, display name, the vendor's role attribute), so matching, review and apply do not care
 * where the rows came from. Accounts the vendor has deactivated are left out and counted.
 */
export async function importVendorScim(
  dataDir: string,
  integrationId: string,
  source: VendorScimOptions,
  now: Date,
): Promise<ImportPreview> {
  const read = await readVendorScim(source);
  const mapping: ColumnMapping = {
    email: SCIM_COLUMNS.email,
    login: SCIM_COLUMNS.login,
    name: SCIM_COLUMNS.name,
    ...(source.role ? { role: SCIM_COLUMNS.role } : {}),
  };
  const fileName = scimSourceName(source.baseUrl);
  await replaceImport(dataDir, integrationId, {
    version: 1,
    fileName,
    importedAt: now.toISOString(),
    headers: read.headers,
    mapping,
    rows: read.rows,
  });
  return {
    fileName,
    rows: read.rows.length,
    headers: read.headers,
    preview: read.rows.slice(0, 10),
    mapping,
    delimiter: ',',
    encoding: 'utf-8',
    inactive: read.inactive,
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
  readVendorUsers({ headers: file.headers, rows: [], delimiter: ',', encoding: 'utf-8' }, mapping);
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
