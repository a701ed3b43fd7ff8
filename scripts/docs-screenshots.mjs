#!/usr/bin/env node
/**
 * Regenerates the README's screenshots (docs/screenshots) from the e2e suite, so they always show
 * the current screens (the status line with its time included) rather than a hand-made picture.
 *
 *   node scripts/docs-screenshots.mjs            build if needed, run the specs below, copy
 *   node scripts/docs-screenshots.mjs --no-run   only copy what test-results/screenshots holds
 *
 * Each README image is one named e2e screenshot; the spec that takes it is listed beside it.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const results = join(root, 'test-results', 'screenshots');
const docs = join(root, 'docs', 'screenshots');

/** README image → [e2e spec, screenshot it saves]. */
const images = {
  'wizard.png': ['status.e2e.ts', 'status-01-verified-with-time'],
  'status-changed-org.png': ['status.e2e.ts', 'status-03-changed-org-stale-checks'],
  'audit-log.png': ['status.e2e.ts', 'status-06-audit-log'],
  'millie-02-app.png': ['millie.e2e.ts', 'millie-02-app'],
  'millie-04-domains-gmail-refused.png': ['millie.e2e.ts', 'millie-04-domains-gmail-refused'],
  'mixpanel-03-register.png': ['mixpanel.e2e.ts', 'mixpanel-03-register'],
  'mixpanel-04-provisioning-api.png': ['mixpanel.e2e.ts', 'mixpanel-04-provisioning-api'],
  'courier-01-app-planned.png': ['courier.e2e.ts', 'courier-01-app-planned'],
  'courier-04-scim.png': ['courier.e2e.ts', 'courier-04-scim'],
  'courier-06-provisioning-console-values.png': ['courier.e2e.ts', 'courier-06-provisioning-console-values'],
  'assign-group-assigned-counted.png': ['assign.e2e.ts', 'assign-06-group-assigned-counted'],
  'provisioning-proof-running.png': ['provisioning-proof.e2e.ts', 'provisioning-proof-03-running-elapsed-and-left'],
  'report-export-preview.png': ['export-report.e2e.ts', 'report-export-preview'],
  'header-1280.png': ['layout.e2e.ts', 'layout-header-1280'],
  'header-1024.png': ['layout.e2e.ts', 'layout-header-1024'],
  'cert-rotation-csr.png': ['cert-rotation.e2e.ts', 'cert-06-csr'],
};

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`docs-screenshots: ${command} ${args.join(' ')} failed (exit ${result.status}); nothing copied.`);
    process.exit(result.status ?? 1);
  }
}

if (!process.argv.includes('--no-run')) {
  run(process.execPath, [join(root, 'scripts', 'build-state.mjs'), 'ensure']);
  const specs = [...new Set(Object.values(images).map(([spec]) => join('test', 'e2e', spec)))];
  run(join(root, 'node_modules', '.bin', 'playwright'), ['test', ...specs]);
}

mkdirSync(docs, { recursive: true });
const missing = Object.entries(images).filter(([, [, shot]]) => !existsSync(join(results, `${shot}.png`)));
if (missing.length > 0) {
  console.error(
    `docs-screenshots: not in test-results/screenshots: ${missing.map(([, [spec, shot]]) => `${shot} (${spec})`).join(', ')}`,
  );
  process.exit(1);
}
for (const [image, [, shot]] of Object.entries(images)) {
  copyFileSync(join(results, `${shot}.png`), join(docs, image));
  console.log(`docs/screenshots/${image} ← test-results/screenshots/${shot}.png`);
}
