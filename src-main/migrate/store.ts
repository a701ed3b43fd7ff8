import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { AppError } from '../errors';
import { writeFileAtomic } from '../workspace/atomic-file';
import { idFileName } from '../workspace/id-file-name';

const RowResultSchema = z.object({
  status: z.enum(['done', 'failed', 'skipped']),
  action: z.enum(['create', 'assign']),
  message: z.string(),
  at: z.string(),
  /** The Okta user created for a "not in Okta" row, so a resume never creates a second one. */
  createdId: z.string().optional(),
  /** The role the person was given, checked on read-back. */
  role: z.string().optional(),
});
export type RowResult = z.infer<typeof RowResultSchema>;

function isStringTable(value: unknown): boolean {
  if (!Array.isArray(value)) return false;
  for (const row of value as unknown[]) {
    if (!Array.isArray(row)) return false;
    for (const cell of row as unknown[]) if (typeof cell !== 'string') return false;
  }
  return true;
}

export const MigrationFileSchema = z.object({
  version: z.literal(1),
  fileName: z.string(),
  importedAt: z.string(),
  headers: z.array(z.string()),
  mapping: z.object({
    email: z.string(),
    login: z.string().optional(),
    name: z.string().optional(),
    role: z.string().optional(),
  }),
  // One loop instead of a schema per cell: zod walking 500,000 cells was most of reading the file back.
  rows: z.custom<string[][]>(isStringTable, 'rows must be lists of strings'),
  /** For "not in Okta" rows, by row number: create the person in Okta, or leave them out. */
  decisions: z.record(z.string(), z.enum(['create', 'drop'])),
  /** Per row number, what apply did, saved as it goes. */
  results: z.record(z.string(), RowResultSchema),
});
export type MigrationFile = z.infer<typeof MigrationFileSchema>;

/** The imported rows of one integration: too big for workspace.json, so one file each in the data folder. */
export function migrationPath(dataDir: string, integrationId: string): string {
  return join(dataDir, 'migrations', `${idFileName(integrationId)}.json`);
}

export async function readMigration(dataDir: string, integrationId: string): Promise<MigrationFile | undefined> {
  let text: string;
  try {
    text = await readFile(migrationPath(dataDir, integrationId), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const parsed = MigrationFileSchema.safeParse(JSON.parse(text));
  if (!parsed.success) {
    throw new AppError(
      'INVALID_FILE',
      "The integration's imported vendor users could not be read back.",
      'Import the vendor export again.',
    );
  }
  return parsed.data;
}

export async function writeMigration(dataDir: string, integrationId: string, file: MigrationFile): Promise<void> {
  await writeFileAtomic(migrationPath(dataDir, integrationId), JSON.stringify(file));
}
