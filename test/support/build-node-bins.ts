import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';

const root = resolve(import.meta.dirname, '..', '..');

/**
 * Builds the okta-onboard CLI and the test's second workspace writer into a fresh folder under
 * out/ (inside the repo, so their packages resolve from node_modules), for tests that need real
 * separate Node processes. The CLI is built with the same options as scripts/build-cli.mjs.
 */
export async function buildNodeBins(): Promise<{ cli: string; writer: string; remove(): Promise<void> }> {
  const bins = await buildNodeEntries({
    'okta-onboard': 'src-main/cli/main.ts',
    'workspace-writer': 'test/support/workspace-writer.ts',
  });
  return { cli: bins.path('okta-onboard'), writer: bins.path('workspace-writer'), remove: bins.remove };
}

/** Any entry points (name -> source path from the repo root) as Node ESM scripts in a fresh out/ folder. */
export async function buildNodeEntries(
  entryPoints: Record<string, string>,
): Promise<{ path(name: string): string; remove(): Promise<void> }> {
  const outdir = join(root, 'out', `test-bins-${randomBytes(4).toString('hex')}`);
  await build({
    absWorkingDir: root,
    entryPoints,
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    chunkNames: 'chunks/[name]-[hash]',
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
    logLevel: 'warning',
  });
  return {
    path: (name) => join(outdir, `${name}.js`),
    remove: () => rm(outdir, { recursive: true, force: true }),
  };
}
