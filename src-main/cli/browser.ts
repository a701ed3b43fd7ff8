import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { AppError } from '../errors';
import { parseCommandLine } from './args';
import { Exit, type CliCommand } from './io';

/** The built renderer sits beside the CLI bundle in out/; chunks live one folder deeper. */
function locateRenderer(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [join(here, '..', 'renderer'), join(here, '..', '..', 'renderer'), resolve('out', 'renderer')];
  const found = candidates.find((dir) => existsSync(join(dir, 'index.html')));
  if (!found) {
    throw new AppError(
      'RENDERER_NOT_BUILT',
      'The renderer has not been built (no out/renderer/index.html).',
      'Run "npm run build" first, or use "npm run start:browser", which builds and starts.',
    );
  }
  return found;
}

/** The built thread that reads vendor exports: beside the CLI's entry, whichever chunk asks. */
function locateMigrateWorker(): URL {
  const here = dirname(fileURLToPath(import.meta.url));
  const found = [join(here, 'migrate-worker.js'), join(here, '..', 'migrate-worker.js')].find((f) => existsSync(f));
  if (!found) {
    throw new AppError(
      'CLI_NOT_BUILT',
      'The export reader has not been built (no out/cli/migrate-worker.js).',
      'Run "npm run build" first, or use "npm run start:browser", which builds and starts.',
    );
  }
  return pathToFileURL(found);
}

const usage = [
  '  okta-onboard browser [--data-dir <dir>] [--port <n>] [--practice-org <url> --practice-org-token-file <file>] [--json]',
  '',
  '  Serves the wizard on http://127.0.0.1 with a one-time token in the URL; open the printed URL.',
  '  --practice-org uses a sandbox started with "okta-onboard sandbox" as the practice org',
  '  instead of starting one inside this process.',
].join('\n');

export const command: CliCommand = {
  summary: 'Run the wizard in a browser (browser mode) on 127.0.0.1',
  usage,
  async run(args, io) {
    const { values } = parseCommandLine(
      args,
      { port: { type: 'string' }, 'practice-org': { type: 'string' }, 'practice-org-token-file': { type: 'string' } },
      { command: 'okta-onboard browser', usage },
    );
    const port = values.port === undefined ? 0 : Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      throw new AppError(
        'INVALID_PORT',
        `"${values.port}" is not a port.`,
        'Give a whole number from 1 to 65535, or leave --port out for a random free port.',
        'port',
      );
    }
    const [
      { startBridge, bridgeLogLine },
      { createServices },
      { channels },
      { resolveDataDir },
      { attachPracticeOrg },
    ] = await Promise.all([
      import('../bridge/server'),
      import('../services/bootstrap'),
      import('../api/channels'),
      import('../workspace/data-dir'),
      import('../services/practice-org'),
    ]);
    const dataDir = resolveDataDir(values['data-dir']);
    let practiceOrg;
    if (values['practice-org'] !== undefined) {
      const tokenFile = values['practice-org-token-file'];
      if (!tokenFile)
        throw new AppError(
          'MISSING_ARGUMENT',
          '--practice-org needs --practice-org-token-file.',
          "Pass the file holding the sandbox's API token (okta-onboard sandbox --json prints it).",
          'practice-org-token-file',
        );
      const { readFile } = await import('node:fs/promises');
      let token: string;
      try {
        token = (await readFile(tokenFile, 'utf8')).trim();
      } catch {
        throw new AppError(
          'INVALID_ARGUMENT',
          `--practice-org-token-file: cannot read ${tokenFile}.`,
          "Save the sandbox's API token (okta-onboard sandbox --json prints it) in a file and pass its path.",
          'practice-org-token-file',
        );
      }
      practiceOrg = attachPracticeOrg(values['practice-org'].replace(/\/+$/, ''), token);
    }
    const services = await createServices({
      mode: 'browser',
      dataDir,
      migrateWorker: locateMigrateWorker(),
      ...(practiceOrg ? { practiceOrg } : {}),
    });
    const bridge = await startBridge({
      channels,
      handlers: services.handlers,
      rendererDir: locateRenderer(),
      port,
      log: (entry) => io.err(bridgeLogLine(entry)),
    });
    if (values.json) {
      io.out(JSON.stringify({ url: bridge.url, origin: bridge.origin, dataDir }));
    } else {
      io.out(
        `Okta Onboarding Wizard (browser mode)\n  data folder: ${dataDir}\n  open: ${bridge.url}\nPress Ctrl-C to stop.`,
      );
    }
    if (services.workspace.setAside) {
      io.err(
        `warning: the workspace file was unreadable (${services.workspace.setAside.reason}); it was moved to ${services.workspace.setAside.movedTo} and a new one started.`,
      );
    }
    await new Promise<void>((resolveStop) => {
      const stop = () => resolveStop();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    await bridge.close();
    await services.close();
    return Exit.ok;
  },
};
