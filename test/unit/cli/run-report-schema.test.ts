import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cliJsonSchemas } from '../../../src-main/cli/run-report';

describe('the published schemas of the CLI --json outputs', () => {
  it.each(Object.keys(cliJsonSchemas()))(
    'docs/schemas/%s is the one made from the zod schema (UPDATE_SCHEMAS=1 rewrites it)',
    async (name) => {
      const file = fileURLToPath(new URL(`../../../docs/schemas/${name}`, import.meta.url));
      const current = `${JSON.stringify(cliJsonSchemas()[name], null, 2)}\n`;
      if (process.env.UPDATE_SCHEMAS === '1') await writeFile(file, current);
      // Compared as JSON: Prettier owns the file's layout.
      expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(JSON.parse(current));
    },
  );
});
