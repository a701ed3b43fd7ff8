import { readFile } from 'node:fs/promises';
import { AppError } from '../errors';
import { parseCommandLine, wantsJson } from './args';
import type { CallerIdentity } from '../okta/org-api';
import type { StepVerdict } from '../okta/permissions';
import { Exit, fail, type CliCommand, type CliIo } from './io';
import { requireFlag } from './options';

const usage = [
  '  okta-onboard org check --client <name> [--data-dir <dir>] [--json]',
  '      whose credentials are stored for the client, their roles and scopes, and which wizard steps they allow',
  '  okta-onboard org signin --client <name> --method api-token --token-file <file> [--data-dir <dir>] [--json]',
  '      checks an API token (Security > API > Tokens) against the org, then stores it in the secret store',
].join('\n');

const METHOD_WORDS: Record<CallerIdentity['authMethod'], string> = {
  'api-token': 'an API token',
  'oauth-pkce': 'an admin sign-in (OAuth)',
  'service-app': 'a service app (OAuth client credentials)',
};

function printIdentity(io: CliIo, clientName: string, identity: CallerIdentity): void {
  io.out(`${clientName} (${identity.orgUrl}), signed in with ${METHOD_WORDS[identity.authMethod]}`);
  io.out(`Who:    ${identity.displayName}${identity.login ? ` <${identity.login}>` : ''}`);
  const roles = identity.roles
    .map((r) => `${r.type}${r.assignmentType === 'GROUP' ? ' (via a group)' : ''}`)
    .join(', ');
  io.out(
    `Roles:  ${identity.rolesUnreadable ? `unknown (${identity.rolesUnreadable})` : roles || 'none (not an admin)'}`,
  );
  io.out(
    `Scopes: ${identity.scopes ? identity.scopes.join(' ') : "none needed (an API token acts with its creator's roles)"}`,
  );
}

function printSteps(io: CliIo, verdicts: StepVerdict[], does: (step: StepVerdict['step']) => string): void {
  io.out('Steps:');
  const width = Math.max(...verdicts.map((v) => v.step.length));
  for (const v of verdicts) {
    const missing = [
      ...(v.missingScopes.length > 0 ? [`grant scope ${v.missingScopes.join(', ')}`] : []),
      ...(v.missingRole ? [`needs role ${v.missingRole}`] : []),
    ];
    const note = v.allowed ? does(v.step) + (v.roleUnverified ? ' (role not verified)' : '') : missing.join('; ');
    io.out(`  ${v.allowed ? 'ok ' : 'no '} ${v.step.padEnd(width)}  ${note}`);
  }
}

export const command: CliCommand = {
  summary: 'Check the credentials stored for a client against its Okta org',
  usage,
  async run(args, io) {
    const json = wantsJson(args);
    try {
      const { values, positionals } = parseCommandLine(
        args,
        { client: { type: 'string' }, method: { type: 'string' }, 'token-file': { type: 'string' } },
        { command: 'okta-onboard org', usage, positionals: true },
      );
      const [sub] = positionals;
      if (sub !== 'check' && sub !== 'signin') {
        throw new AppError(
          'UNKNOWN_SUBCOMMAND',
          sub ? `Unknown subcommand "org ${sub}".` : 'Missing subcommand.',
          `Use one of:\n${usage}`,
        );
      }
      const clientName = requireFlag(values.client, 'client', `okta-onboard org ${sub} --client "Acme"`);
      const [{ openWorkspace, resolveDataDir }, { FileSecretStore }, { AuditLog }, { STEP_NEEDS, stepsAllowed }] =
        await Promise.all([
          import('../workspace/workspace'),
          import('../workspace/secrets'),
          import('../workspace/audit-log'),
          import('../okta/permissions'),
        ]);
      const dataDir = resolveDataDir(values['data-dir']);
      const workspace = await openWorkspace(dataDir);
      const client = await workspace.findClient(clientName);
      const secrets = new FileSecretStore(dataDir);

      let identity: CallerIdentity;
      if (sub === 'signin') {
        if (values.method !== 'api-token') {
          throw new AppError(
            'INVALID_ARGUMENT',
            `--method ${values.method ?? '(missing)'}: the CLI signs in with an API token only.`,
            'Use --method api-token --token-file <file>; admin sign-in and service apps are set up in the desktop app.',
            'method',
          );
        }
        const file = requireFlag(
          values['token-file'],
          'token-file',
          `okta-onboard org signin --client "${client.name}" --method api-token --token-file ./token.txt`,
        );
        let token: string;
        try {
          token = await readFile(file, 'utf8');
        } catch {
          throw new AppError(
            'INVALID_ARGUMENT',
            `--token-file: cannot read ${file}.`,
            'Save the token (and nothing else) in a file only you can read, then pass its path.',
            'token-file',
          );
        }
        const { storeApiToken } = await import('../okta/signin/flows');
        identity = await storeApiToken(client.id, client.orgUrl, token, secrets);
        await workspace.updateClient(client.id, (c) => {
          c.auth = { method: 'api-token' };
        });
      } else {
        if (client.auth.method === 'none') {
          throw new AppError(
            'OKTA_NOT_SIGNED_IN',
            `No credentials are set up for "${client.name}".`,
            `Sign in first: okta-onboard org signin --client "${client.name}" --method api-token --token-file <file>`,
          );
        }
        const { connectOrg } = await import('../okta/connect');
        const org = await connectOrg({
          clientId: client.id,
          orgUrl: client.orgUrl,
          auth: client.auth,
          secrets,
          audit: new AuditLog(dataDir).append,
        });
        identity = await org.whoAmI();
      }
      const verdicts = stepsAllowed(identity);
      if (json) {
        io.out(JSON.stringify({ client: { id: client.id, name: client.name }, identity, steps: verdicts }, null, 2));
      } else {
        if (sub === 'signin') {
          io.out('The API token works and is stored in the secret store.');
          if (secrets.warning) io.err(`note: ${secrets.warning}`);
        }
        printIdentity(io, client.name, identity);
        printSteps(io, verdicts, (step) => STEP_NEEDS[step].does);
      }
      return Exit.ok;
    } catch (error) {
      return fail(io, error, json);
    }
  },
};
