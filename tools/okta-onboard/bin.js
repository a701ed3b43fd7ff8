#!/usr/bin/env node
// npm links the root package's own `bin` only when installed elsewhere; this local package puts
// `okta-onboard` into the repo's node_modules/.bin so `npx okta-onboard` runs the built CLI.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const cli = fileURLToPath(new URL('../../out/cli/okta-onboard.js', import.meta.url));
if (!existsSync(cli)) {
  process.stderr.write(
    'error: the CLI is not built yet (no out/cli/okta-onboard.js).\nhint: run "npm run build" first.\n',
  );
  process.exit(2);
}
await import(pathToFileURL(cli).href);
