import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { configReportJsonSchema, portfolioReportJsonSchema } from '../../../src-main/report/json-schema';

const files = {
  config: fileURLToPath(new URL('../../../docs/schemas/config-report.schema.json', import.meta.url)),
  portfolio: fileURLToPath(new URL('../../../docs/schemas/portfolio-report.schema.json', import.meta.url)),
};

describe('report JSON Schemas', () => {
  it.each([
    ['config', configReportJsonSchema],
    ['portfolio', portfolioReportJsonSchema],
  ] as const)(
    'the committed %s report schema is the one made from the zod schema (UPDATE_SCHEMAS=1 rewrites it)',
    async (name, make) => {
      const current = `${JSON.stringify(make(), null, 2)}\n`;
      if (process.env.UPDATE_SCHEMAS === '1') await writeFile(files[name], current);
      // Compared as JSON: Prettier owns the file's layout.
      expect(JSON.parse(await readFile(files[name], 'utf8'))).toEqual(JSON.parse(current));
    },
  );
});
