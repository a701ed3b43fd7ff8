import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const require = createRequire(import.meta.url);

/** electron-builder.yml as electron-builder reads it. */
function builderConfig(): Record<string, unknown> {
  return parse(readFileSync('electron-builder.yml', 'utf8')) as Record<string, unknown>;
}

describe('electron-builder packaging', () => {
  it('flips the fuses that close Node and debugger entry points and lock the app to its checked asar', () => {
    expect(builderConfig().electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it("is valid against electron-builder's own published configuration schema", () => {
    // The schema electron-builder validates its configuration with; a misspelt fuse would be refused there.
    const schema = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8')) as object;
    const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true });
    const validate = ajv.compile(schema);
    expect(validate(builderConfig()), JSON.stringify(validate.errors)).toBe(true);
    const config = builderConfig();
    const misspelt = { ...config, electronFuses: { ...(config.electronFuses as object), runAsNod: false } };
    expect(validate(misspelt)).toBe(false);
  });

  it('packs the app into an asar, which onlyLoadAppFromAsar and the integrity check need', () => {
    expect(builderConfig().asar).not.toBe(false);
  });
});
