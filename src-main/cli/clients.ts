import { AppError } from '../errors';
import { parseCommandLine, wantsJson } from './args';
import { Exit, fail, type CliCommand } from './io';
import { parseFlag, requireFlag } from './options';

const usage = [
  '  okta-onboard clients list [--data-dir <dir>] [--json]',
  '  okta-onboard clients add --name <name> --org-url <https://acme.okta.com> [--data-dir <dir>] [--json]',
  '  okta-onboard clients rename --client <name> --name <new name> [--data-dir <dir>] [--json]',
  '  okta-onboard clients delete --client <name> [--data-dir <dir>] [--json]',
  '      forgets the client, its integrations and credentials in this app (and its practice org);',
  '      nothing in its Okta org is changed',
].join('\n');

const PRACTICE_ORG = 'practice org (built in; on 127.0.0.1 while the app or browser mode runs)';

function withoutOrgUrl<T extends { orgUrl: string }>(client: T): Omit<T, 'orgUrl'> {
  const { orgUrl: _orgUrl, ...rest } = client;
  return rest;
}

export const command: CliCommand = {
  summary: 'List, add, rename and delete clients (a customer and its Okta org)',
  usage,
  async run(args, io) {
    const json = wantsJson(args);
    try {
      const { values, positionals } = parseCommandLine(
        args,
        { name: { type: 'string' }, 'org-url': { type: 'string' }, client: { type: 'string' } },
        { command: 'okta-onboard clients', usage, positionals: true },
      );
      const [sub] = positionals;
      const [{ openWorkspace, resolveDataDir }, { ClientNameSchema, OrgUrlSchema }] = await Promise.all([
        import('../workspace/workspace'),
        import('../api/model'),
      ]);
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
      if (sub === 'rename') {
        const client = await workspace.findClient(
          requireFlag(values.client, 'client', 'okta-onboard clients rename --client "Acme" --name "Acme Corp"'),
        );
        const name = parseFlag(
          ClientNameSchema,
          requireFlag(values.name, 'name', 'okta-onboard clients rename --client "Acme" --name "Acme Corp"'),
          'name',
        );
        const renamed = await workspace.renameClient(client.id, name);
        if (json) io.out(JSON.stringify({ client: renamed }, null, 2));
        else io.out(`Renamed "${client.name}" to "${renamed.name}". Nothing in Okta changed.`);
        return Exit.ok;
      }
      if (sub === 'delete') {
        const client = await workspace.findClient(
          requireFlag(values.client, 'client', 'okta-onboard clients delete --client "Acme"'),
        );
        const [{ FileSecretStore }, { practiceOrgFile }, { rm }] = await Promise.all([
          import('../workspace/secrets'),
          import('../services/practice-org'),
          import('node:fs/promises'),
        ]);
        const integrations = await workspace.listIntegrations(client.id);
        await workspace.removeClient(client.id);
        await new FileSecretStore(workspace.dataDir).delete(client.id);
        if (client.sandbox) await rm(practiceOrgFile(workspace.dataDir, client.id), { force: true });
        if (json) io.out(JSON.stringify({ deleted: client, integrations: integrations.length }, null, 2));
        else
          io.out(
            `Deleted "${client.name}" and its ${integrations.length} integration(s) from this app. ${
              client.sandbox
                ? 'Its practice org was deleted too.'
                : `Nothing in the Okta org ${client.orgUrl} was changed; remove what the wizard made there in the Admin Console if it is no longer needed.`
            }`,
          );
        return Exit.ok;
      }
      throw new AppError(
        'UNKNOWN_SUBCOMMAND',
        sub ? `Unknown subcommand "clients ${sub}".` : 'Missing subcommand.',
        `Use one of:\n${usage}`,
      );
    } catch (error) {
      return fail(io, error, json);
    }
  },
};
