#!/usr/bin/env node
// Bundles the plain-Node entry (the okta-onboard CLI, which also starts browser mode and the
// sandbox org) with code splitting, so each command's modules load only when it runs.
import { build } from 'esbuild';
import { chmodSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const outdir = resolve(root, 'out', 'cli');
rmSync(outdir, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  // migrate-worker.js: the thread browser mode reads vendor exports on (src-main/migrate/worker/).
  entryPoints: { 'okta-onboard': 'src-main/cli/main.ts', 'migrate-worker': 'src-main/migrate/worker/table-worker.ts' },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: 'linked',
  chunkNames: 'chunks/[name]-[hash]',
  banner: {
    js: "#!/usr/bin/env node\nimport { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
chmodSync(resolve(outdir, 'okta-onboard.js'), 0o755);
