#!/usr/bin/env node
// `npm start` and `npm run dev` need the Electron binary, which the electron package downloads
// once (its own install-electron; npm install never runs it). When that download fails, say what
// failed and how to use the app without it, instead of a bare "TypeError: fetch failed" and a stack.
//
//   node scripts/ensure-electron.mjs [installer]   installer defaults to electron's install.js
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const installer = process.argv[2] ?? require.resolve('electron/install.js');
const { version } = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8'));

const result = spawnSync(process.execPath, [installer], { stdio: ['ignore', 'inherit', 'pipe'], encoding: 'utf8' });
if (result.status === 0) process.exit(0);

const said = (result.stderr ?? '').split('\n').find((line) => line.trim() !== '') ?? `exit code ${result.status}`;
const platform = `${process.env.ELECTRON_INSTALL_PLATFORM ?? process.platform}-${process.env.ELECTRON_INSTALL_ARCH ?? process.arch}`;
process.stderr.write(
  [
    `Could not download Electron, the desktop app's shell: a one-time download of Electron ${version} for ${platform}`,
    `(about 100 MB, from GitHub or $ELECTRON_MIRROR). The downloader said: ${said.trim()}`,
    '',
    'Without network access, run the same wizard in your browser instead (nothing to download):',
    '  npm run start:browser',
    '',
    'Once you are online, npm start downloads Electron once and then starts without network.',
    'Behind a proxy, set HTTPS_PROXY; to use a mirror, set ELECTRON_MIRROR.',
    '',
  ].join('\n'),
);
process.exit(1);
