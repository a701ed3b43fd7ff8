import { parseArgs } from 'node:util';
import { AppError, isAppError } from '../errors';
import { Exit, reportError, type CliCommand } from './io';
import { parseFlag, requireFlag } from './options';

const usage = [
  '  okta-onboard clients list [--data-dir <dir>] [--json]',
  '  okta-onboard clients add --name <name> --org-url <https://acme.okta.com> [--data-dir <dir>] [--json]',
].join('\n');

export const command: CliCommand = {
  summary: 'List and add clients (a customer and its Okta org)',
  usage,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        'data-dir': { type: 'string' },
        json: { type: 'boolean' },
        name: { type: 'string' },
        'org-url': { type: 'string' },
      },
    });
    const json = values.json ?? false;
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
        if (json) io.out(JSON.stringify({ clients }, null, 2));
        else if (clients.length === 0)
          io.out('No clients yet. Add one: okta-onboard clients add --name "Acme" --org-url https://acme.okta.com');
        else
          for (const c of clients) io.out(`${c.name}\t${c.orgUrl}\t${c.auth.method}${c.sandbox ? '\t(sandbox)' : ''}`);
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
      reportError(io, error, json);
      return isAppError(error) && /^(INVALID|MISSING|UNKNOWN)_/.test(error.code) ? Exit.usage : Exit.failed;
    }
  },
};
