import { parseArgs } from 'node:util';
import { AppError } from '../errors';
import { Exit, fail, type CliCommand } from './io';
import { parseFlag, requireFlag } from './options';

const usage = [
  '  okta-onboard clients list [--data-dir <dir>] [--json]',
  '  okta-onboard clients add --name <name> --org-url <https://acme.okta.com> [--data-dir <dir>] [--json]',
].join('\n');

const PRACTICE_ORG = 'practice org (built in; on 127.0.0.1 while the app or browser mode runs)';

function withoutOrgUrl<T extends { orgUrl: string }>(client: T): Omit<T, 'orgUrl'> {
  const { orgUrl: _orgUrl, ...rest } = client;
  return rest;
}

export const command: CliCommand = {
  summary: 'List and add clients (a customer and its Okta org)',
  usage,
  async run(args, io) {
    const json = args.includes('--json');
    let parsed;
    try {
      parsed = parseArgs({
        args,
        allowPositionals: true,
        options: {
          'data-dir': { type: 'string' },
          json: { type: 'boolean' },
          name: { type: 'string' },
          'org-url': { type: 'string' },
        },
      });
    } catch (error) {
      // An unknown option or a flag without its value is a usage error, named with the usage.
      return fail(io, error, json, usage);
    }
    const { values, positionals } = parsed;
    const [sub] = positionals;
    const [{ openWorkspace, resolveDataDir }, { ClientNameSchema, OrgUrlSchema }] = await Promise.all([
      import('../workspace/workspace'),
      import('../api/model'),
    ]);
    try {
      const workspace = await openWorkspace(resolveDataDir(values['data-dir']));
      if (workspace.setAside)
        io.err(
          `warning: the workspace file was unreadable (${workspace.setAside.reason}); it was moved to ${workspace.setAside.movedTo}.`,
        );
      if (sub === 'list') {
        const clients = await workspace.listClients();
        // A practice client's stored URL names the port of the practice org it was made with, which moves on
        // every launch of the app: printing it would send the reader to a dead or foreign port.
        if (json) io.out(JSON.stringify({ clients: clients.map((c) => (c.sandbox ? withoutOrgUrl(c) : c)) }, null, 2));
        else if (clients.length === 0)
          io.out('No clients yet. Add one: okta-onboard clients add --name "Acme" --org-url https://acme.okta.com');
        else
          for (const c of clients)
            io.out(
              `${c.name}\t${c.sandbox ? PRACTICE_ORG : c.orgUrl}\t${c.auth.method === 'none' ? 'not signed in' : c.auth.method}`,
            );
        return Exit.ok;
      }
      if (sub === 'add') {
        const name = parseFlag(
          ClientNameSchema,
          requireFlag(values.name, 'name', 'okta-onboard clients add --name "Acme" --org-url https://acme.okta.com'),
          'name',
        );
        const orgUrl = parseFlag(
          OrgUrlSchema,
          requireFlag(
            values['org-url'],
            'org-url',
            'okta-onboard clients add --name "Acme" --org-url https://acme.okta.com',
          ),
          'org-url',
        );
        const client = await workspace.addClient({ name, orgUrl, sandbox: false });
        if (json) io.out(JSON.stringify({ client }, null, 2));
        else
          io.out(
            `Added client "${client.name}" (${client.orgUrl}). Next: okta-onboard org signin --client "${client.name}" --method api-token --token-file <file>`,
          );
        return Exit.ok;
      }
      throw new AppError(
        'UNKNOWN_SUBCOMMAND',
        sub ? `Unknown subcommand "clients ${sub}".` : 'Missing subcommand.',
        `Use one of:\n${usage}`,
      );
    } catch (error) {
      return fail(io, error, json, usage);
    }
  },
};
