#!/usr/bin/env node
// Runs every test/bench/*.bench.ts suite and prints one line per figure with its goal beside it.
// Suites are bundled with esbuild on the fly so they run in plain Node like the CLI does.
import { build } from 'esbuild';
import { readdirSync, mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = resolve(import.meta.dirname, '..');
const benchDir = join(root, 'test', 'bench');
const only = process.argv.slice(2);
const files = readdirSync(benchDir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();
// Inside the repo so the bundles resolve node_modules like the sources do.
mkdirSync(join(root, '.tmp'), { recursive: true });
const outDir = mkdtempSync(join(root, '.tmp', 'bench-'));
let missed = 0;
try {
  for (const file of files) {
    const outfile = join(outDir, file.replace(/\.ts$/, '.mjs'));
    await build({
      entryPoints: [join(benchDir, file)],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      logLevel: 'error',
      absWorkingDir: root,
      banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    });
    const mod = await import(pathToFileURL(outfile).href);
    const suite = mod.default;
    console.log(`\n${suite.name}`);
    const figures = await suite.run();
    for (const f of figures) {
      const value = f.value >= 100 ? f.value.toFixed(0) : f.value.toFixed(2);
      console.log(
        `  ${f.met ? 'ok  ' : 'MISS'} ${f.name.padEnd(58)} ${`${value} ${f.unit}`.padStart(14)}   goal ${f.goal}`,
      );
      if (!f.met) missed += 1;
    }
  }
} finally {
  rmSync(outDir, { recursive: true, force: true });
}
console.log(`\n${missed === 0 ? 'every figure met its goal' : `${missed} figure(s) missed their goal`}`);
