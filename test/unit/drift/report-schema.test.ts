import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { auditReportJsonSchema } from '../../../src-main/drift/report-schema';

const schemaFile = fileURLToPath(new URL('../../../docs/schemas/audit-report.schema.json', import.meta.url));

describe('the audit report schema', () => {
  it('the committed JSON Schema is the one made from the zod schema (UPDATE_SCHEMAS=1 rewrites it)', async () => {
    const current = `${JSON.stringify(auditReportJsonSchema(), null, 2)}\n`;
    if (process.env.UPDATE_SCHEMAS === '1') await writeFile(schemaFile, current);
    // Compared as JSON: Prettier owns the file's layout.
    expect(JSON.parse(await readFile(schemaFile, 'utf8'))).toEqual(JSON.parse(current));
  });
});
