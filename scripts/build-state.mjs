#!/usr/bin/env node
// Whether out/ was built from the sources as they are now, by a hash of every build input
// (mtimes lie after a checkout or a copy; content does not). `npm run build` stamps the hash;
// `npm run start:browser` builds only when the stamp is missing or differs.
//
//   node scripts/build-state.mjs check   exit 0 when out/ is current, 1 when a build is needed (says why)
//   node scripts/build-state.mjs stamp   record the current inputs' hash in out/.build-inputs
//   node scripts/build-state.mjs ensure  build (npm run build) only when needed
//   --root <dir>                         the project folder (default: this script's project)
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

/** What the build reads: the sources, the build scripts and configs, and the exact dependencies. */
const INPUTS = [
  'src-main',
  'src-renderer',
  'resources',
  'scripts/build-cli.mjs',
  'electron.vite.config.ts',
  'package.json',
  'package-lock.json',
  'tsconfig.json',
  'tsconfig.base.json',
  'tsconfig.main.json',
  'tsconfig.renderer.json',
];
/** Without these the app cannot start, whatever the stamp says. */
const OUTPUTS = ['out/cli/okta-onboard.js', 'out/renderer/index.html', 'out/main/index.js'];
const STAMP = 'out/.build-inputs';

function filesUnder(root, path) {
  const full = join(root, path);
  if (!existsSync(full)) return [];
  if (statSync(full).isFile()) return [path];
  return readdirSync(full, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)));
}

function inputHash(root) {
  const hash = createHash('sha256');
  const files = INPUTS.flatMap((input) => filesUnder(root, input)).sort();
  for (const file of files) {
    hash.update(`${file.split(sep).join('/')}\0`);
    hash.update(readFileSync(join(root, file)));
    hash.update('\0');
  }
  return hash.digest('hex');
}

/** Undefined when out/ is current, else why a build is needed. */
function staleReason(root) {
  const missing = OUTPUTS.find((file) => !existsSync(join(root, file)));
  if (missing) return `${missing} is missing`;
  if (!existsSync(join(root, STAMP))) return 'out/ was not built by "npm run build" (no stamp)';
  if (readFileSync(join(root, STAMP), 'utf8').trim() !== inputHash(root)) return 'sources changed since the last build';
  return undefined;
}

function main(argv) {
  const [command] = argv;
  const at = argv.indexOf('--root');
  const root = at >= 0 ? resolve(argv[at + 1] ?? '.') : resolve(import.meta.dirname, '..');
  if (command === 'stamp') {
    writeFileSync(join(root, STAMP), `${inputHash(root)}\n`);
    return 0;
  }
  const reason = staleReason(root);
  if (command === 'check') {
    process.stdout.write(reason ? `build needed: ${reason}\n` : 'build is current\n');
    return reason ? 1 : 0;
  }
  if (command === 'ensure') {
    if (!reason) {
      process.stdout.write('The build in out/ is current; starting at once.\n');
      return 0;
    }
    process.stdout.write(`Building first (${reason}).\n`);
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const build = spawnSync(npm, ['run', 'build'], {
      cwd: root,
      stdio: 'inherit',
      shell: process.platform === 'win32',
    });
    return build.status ?? 1;
  }
  process.stderr.write('usage: node scripts/build-state.mjs check|stamp|ensure [--root <dir>]\n');
  return 2;
}

process.exitCode = main(process.argv.slice(2));
