import { wantsJson } from './cli/args';
import { Exit, exitCodesHelp, fail, processIo, type CliCommand, type CliIo } from './cli/io';

/**
 * Each command group is loaded only when it runs, so `--help` and light commands never pay for
 * the Okta SDK, XML or HTTP server modules.
 */
const commands: Record<string, { summary: string; load: () => Promise<{ command: CliCommand }> }> = {
  clients: { summary: 'List and add clients (a customer and its Okta org)', load: () => import('./cli/clients') },
  integrations: { summary: 'Add and list vendor integrations for a client', load: () => import('./cli/integrations') },
  org: { summary: 'Check the credentials stored for a client against its Okta org', load: () => import('./cli/org') },
  metadata: { summary: 'Inspect SAML IdP metadata and its signing certificate', load: () => import('./cli/metadata') },
  saml: {
    summary: 'Check a captured SAMLResponse against metadata and vendor expectations',
    load: () => import('./cli/saml'),
  },
  scim: {
    summary: "Preflight a vendor's SCIM 2.0 endpoint the way Okta will call it",
    load: () => import('./cli/scim'),
  },
  plan: {
    summary: "Inspect an integration's steps in Okta and print what apply would change",
    load: () => import('./cli/wizard').then((m) => ({ command: m.makeWizardCommand('plan') })),
  },
  apply: {
    summary: "Apply an integration's steps (manual ones print what to do) and verify them",
    load: () => import('./cli/wizard').then((m) => ({ command: m.makeWizardCommand('apply') })),
  },
  verify: {
    summary: "Read an integration's steps back from Okta and report their checks",
    load: () => import('./cli/wizard').then((m) => ({ command: m.makeWizardCommand('verify') })),
  },
  audit: {
    summary: 'Name what changed in Okta since each step was last verified (drift), for one client or all',
    load: () => import('./cli/audit'),
  },
  report: {
    summary: "Export an integration's configuration report (HTML, PDF, JSON, Markdown, Terraform) or the portfolio",
    load: () => import('./cli/report'),
  },
  cert: {
    summary: 'Signing certificate expiry, and a guided, resumable key rotation',
    load: () => import('./cli/cert'),
  },
  migrate: { summary: "Match the vendor's existing users against Okta", load: () => import('./cli/migrate') },
  browser: { summary: 'Run the wizard in a browser (browser mode) on 127.0.0.1', load: () => import('./cli/browser') },
  sandbox: { summary: 'Start the built-in sandbox Okta org on 127.0.0.1', load: () => import('./cli/sandbox') },
};

// Every command takes these (cli/args.ts adds them to each command's options).
const GLOBAL_HELP = [
  'Global options:',
  '  --data-dir <dir>  where clients, integrations, secrets and audit logs live',
  '                    (default: $OKTA_ONBOARD_DATA_DIR, else the per-user app data folder)',
  '  --json            print one JSON document on stdout (errors too); progress and notes go to stderr',
  '  --help            this help',
].join('\n');

export function helpText(): string {
  const width = Math.max(...Object.keys(commands).map((n) => n.length));
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`);
  return [
    "okta-onboard: connect a SaaS vendor's SAML SSO and SCIM provisioning to an Okta org.",
    '',
    'Usage: okta-onboard <command> [subcommand] [options]',
    '',
    'Commands:',
    ...lines,
    '',
    GLOBAL_HELP,
    '  okta-onboard <command> --help lists its options.',
    '',
    exitCodesHelp,
  ].join('\n');
}

export async function runCli(argv: string[], io: CliIo = processIo): Promise<number> {
  // `okta-onboard help <command>` is `okta-onboard <command> --help`.
  if (argv[0] === 'help' && argv[1] !== undefined && commands[argv[1]]) return runCli([argv[1], '--help'], io);
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(helpText());
    return Exit.ok;
  }
  if (name === '--version') {
    io.out('0.1.0');
    return Exit.ok;
  }
  const entry = commands[name];
  if (!entry) {
    io.err(`error: unknown command "${name}"`);
    io.err(`hint: run "okta-onboard --help" to see the commands (${Object.keys(commands).join(', ')}).`);
    return Exit.usage;
  }
  const { command } = await entry.load();
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(`${command.summary}\n\nUsage:\n${command.usage}\n\n${GLOBAL_HELP}`);
    return Exit.ok;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    return fail(io, error, wantsJson(rest));
  }
}
