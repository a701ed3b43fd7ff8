import type { Integration } from '../api/model';
import { AppError } from '../errors';
import { parseCommandLine, wantsJson } from './args';
import { Exit, fail, type CliCommand } from './io';
import { parseFlag, requireFlag } from './options';

const usage = [
  '  okta-onboard integrations list [--client <name>] [--data-dir <dir>] [--json]',
  '  okta-onboard integrations add --client <name> --vendor <millie|mixpanel|courier|custom-saml> [--label <label>] [--data-dir <dir>] [--json]',
  '  okta-onboard integrations rename --client <name> --integration <label> --label <new label> [--data-dir <dir>] [--json]',
  '  okta-onboard integrations delete --client <name> --integration <label> [--data-dir <dir>] [--json]',
  '      forgets the integration in this app; the Okta app and everything it made in Okta stay',
].join('\n');

export const command: CliCommand = {
  summary: 'Add, list, rename and delete vendor integrations for a client',
  usage,
  async run(args, io) {
    const json = wantsJson(args);
    try {
      const { values, positionals } = parseCommandLine(
        args,
        {
          client: { type: 'string' },
          vendor: { type: 'string' },
          label: { type: 'string' },
          integration: { type: 'string' },
        },
        {
          command: 'okta-onboard integrations',
          usage,
          positionals: true,
        },
      );
      const [sub] = positionals;
      const [{ openWorkspace, resolveDataDir }, { VendorIdSchema }, { vendorProfile }, { integrationProgress }] =
        await Promise.all([
          import('../workspace/workspace'),
          import('../api/model'),
          import('../vendors'),
          import('../api/progress'),
        ]);
      // Counted as the overview counts them: required steps apart, skipped optional steps as skipped.
      const progressOf = (i: Integration) =>
        integrationProgress(
          i,
          vendorProfile(i.vendorId).steps.map((s) => ({ id: s.id, optional: s.optional === true })),
        );
      const workspace = await openWorkspace(resolveDataDir(values['data-dir']));
      if (sub === 'list') {
        const client = values.client ? await workspace.findClient(values.client) : undefined;
        const integrations = await workspace.listIntegrations(client?.id);
        const clientNames = new Map((await workspace.listClients()).map((c) => [c.id, c.name]));
        if (json)
          io.out(
            JSON.stringify({ integrations: integrations.map((i) => ({ ...i, progress: progressOf(i) })) }, null, 2),
          );
        else if (integrations.length === 0)
          io.out('No integrations yet. Add one: okta-onboard integrations add --client "Acme" --vendor courier');
        else
          // Two integrations of one vendor may share a label: the client and the id tell them apart.
          for (const i of integrations)
            io.out(
              [
                i.label,
                vendorProfile(i.vendorId).name,
                `client ${clientNames.get(i.clientId) ?? i.clientId}`,
                `id ${i.id}`,
                progressOf(i).text,
              ].join('\t'),
            );
        return Exit.ok;
      }
      if (sub === 'add') {
        const client = await workspace.findClient(
          requireFlag(values.client, 'client', 'okta-onboard integrations add --client "Acme" --vendor courier'),
        );
        const vendorId = parseFlag(
          VendorIdSchema,
          requireFlag(values.vendor, 'vendor', 'okta-onboard integrations add --client "Acme" --vendor courier'),
          'vendor',
        );
        const integration = await workspace.addIntegration({
          clientId: client.id,
          vendorId,
          ...(values.label ? { label: values.label } : {}),
        });
        if (json) io.out(JSON.stringify({ integration }, null, 2));
        else
          io.out(
            `Added ${vendorProfile(vendorId).name} to "${client.name}": ${vendorProfile(vendorId)
              .steps.map((s) => s.title)
              .join(' → ')}`,
          );
        return Exit.ok;
      }
      if (sub === 'rename' || sub === 'delete') {
        const example =
          sub === 'rename'
            ? 'okta-onboard integrations rename --client "Acme" --integration "Mixpanel" --label "Mixpanel EU"'
            : 'okta-onboard integrations delete --client "Acme" --integration "Mixpanel"';
        const client = await workspace.findClient(requireFlag(values.client, 'client', example));
        const integration = await workspace.findIntegration(
          client.id,
          requireFlag(values.integration, 'integration', example),
        );
        if (sub === 'rename') {
          const label = requireFlag(values.label, 'label', example).trim();
          const renamed = await workspace.renameIntegration(integration.id, label);
          if (json) io.out(JSON.stringify({ integration: renamed }, null, 2));
          else io.out(`Renamed "${integration.label}" to "${renamed.label}". Nothing in Okta changed.`);
          return Exit.ok;
        }
        const [{ FileSecretStore }, { deleteIntegrationSecrets }] = await Promise.all([
          import('../workspace/secrets'),
          import('../services/handlers-manage'),
        ]);
        await deleteIntegrationSecrets(
          new FileSecretStore(workspace.dataDir),
          await workspace.removeIntegration(integration.id),
        );
        if (json) io.out(JSON.stringify({ deleted: integration }, null, 2));
        else
          io.out(
            `Deleted "${integration.label}" from "${client.name}" in this app. Nothing in Okta was changed${
              integration.facts.appId ? `: the Okta app ${integration.facts.appId} and its assignments stay` : ''
            }.`,
          );
        return Exit.ok;
      }
      throw new AppError(
        'UNKNOWN_SUBCOMMAND',
        sub ? `Unknown subcommand "integrations ${sub}".` : 'Missing subcommand.',
        `Use one of:\n${usage}`,
      );
    } catch (error) {
      return fail(io, error, json);
    }
  },
};
