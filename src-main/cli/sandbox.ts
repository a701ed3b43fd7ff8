import { z } from 'zod';
import { AppError } from '../errors';
import { parseCommandLine, wantsJson } from './args';
import { Exit, reportError, type CliCommand, type CliIo } from './io';
import { parseFlag } from './options';

const usage = [
  '  okta-onboard sandbox [--port <n>] [--rate-limit <per-minute> | --plan <plan> [--token-share <percent>]] [--json]',
  '',
  '  Starts the built-in sandbox Okta org on 127.0.0.1 with a seeded directory (acme.example users,',
  '  groups, consumer-domain contractors) and prints its URL, an SSWS API token for its Super Admin',
  "  and that admin's login. It stays up until Ctrl-C. The token is a throw-away for this process.",
  '',
  '  --port        port to listen on (default: any free port)',
  '  --rate-limit  one budget: Management API requests per minute before 429 E0000047 (default 6000)',
  "  --plan        Okta's own per-endpoint buckets and concurrency limit for an org plan:",
  '                integrator-free, one-app, enterprise or workforce',
  '  --token-share percent of each bucket one API token may use, with --plan (Okta default 50)',
  '  --json        print { url, apiToken, adminLogin, readOnlyApiToken, readOnlyLogin } as JSON',
].join('\n');

const portSchema = z.coerce
  .number()
  .int('must be a whole number')
  .min(0, 'must be 0 to 65535')
  .max(65535, 'must be 0 to 65535');
const rateSchema = z.coerce.number().int('must be a whole number').min(1, 'must be at least 1');
const planSchema = z.enum(['integrator-free', 'one-app', 'enterprise', 'workforce'], {
  error: 'must be integrator-free, one-app, enterprise or workforce',
});
const shareSchema = z.coerce
  .number()
  .int('must be a whole number')
  .min(1, 'must be 1 to 100')
  .max(100, 'must be 1 to 100');

type Limits = { perMinute: number } | { plan: z.output<typeof planSchema>; tokenSharePercent: number } | undefined;

function parseOptions(args: string[]): { port: number; limits: Limits; json: boolean } {
  const { values } = parseCommandLine(
    args,
    {
      port: { type: 'string' },
      'rate-limit': { type: 'string' },
      plan: { type: 'string' },
      'token-share': { type: 'string' },
    },
    { command: 'okta-onboard sandbox', usage },
  );
  if (values['rate-limit'] !== undefined && values.plan !== undefined) {
    throw new AppError('USAGE', '--rate-limit and --plan cannot be combined.', 'Give one budget, or a plan.', 'plan');
  }
  if (values['token-share'] !== undefined && values.plan === undefined) {
    throw new AppError(
      'USAGE',
      '--token-share needs --plan.',
      'For example: --plan enterprise --token-share 50',
      'token-share',
    );
  }
  let limits: Limits;
  if (values['rate-limit'] !== undefined)
    limits = { perMinute: parseFlag(rateSchema, values['rate-limit'], 'rate-limit') };
  else if (values.plan !== undefined) {
    limits = {
      plan: parseFlag(planSchema, values.plan, 'plan'),
      tokenSharePercent:
        values['token-share'] === undefined ? 50 : parseFlag(shareSchema, values['token-share'], 'token-share'),
    };
  }
  return {
    port: values.port === undefined ? 0 : parseFlag(portSchema, values.port, 'port'),
    limits,
    json: values.json === true,
  };
}

/** Runs the org until `until` settles; `command.run` passes a promise that settles on Ctrl-C. */
export async function runSandbox(args: string[], io: CliIo, until: Promise<void>): Promise<number> {
  let options;
  try {
    options = parseOptions(args);
  } catch (error) {
    reportError(io, error, wantsJson(args));
    return Exit.usage;
  }
  const { port, limits } = options;
  const { createSandboxOrg } = await import('../sandbox/server');
  let org;
  try {
    org = await createSandboxOrg({ port, ...(limits === undefined ? {} : { rateLimit: limits }) });
  } catch (error) {
    const code = error !== null && typeof error === 'object' && 'code' in error ? String(error.code) : '';
    if (code === 'EADDRINUSE')
      throw new AppError(
        'PORT_IN_USE',
        `Port ${port} on 127.0.0.1 is already in use.`,
        'Pick another --port, or leave it out to use any free port.',
        'port',
      );
    throw error;
  }
  const info = {
    url: org.url,
    apiToken: org.apiToken,
    adminLogin: org.adminLogin,
    readOnlyApiToken: org.readOnlyApiToken,
    readOnlyLogin: org.readOnlyLogin,
  };
  if (options.json) {
    io.out(JSON.stringify(info, null, 2));
  } else {
    io.out(
      [
        `Sandbox Okta org running at ${info.url}`,
        `  API token (SSWS, Super Admin): ${info.apiToken}`,
        `  Admin login:                   ${info.adminLogin}`,
        `  Read-only admin token:         ${info.readOnlyApiToken} (${info.readOnlyLogin})`,
        'Press Ctrl-C to stop.',
      ].join('\n'),
    );
  }
  try {
    await until;
  } finally {
    await org.close();
  }
  return Exit.ok;
}

function interrupted(): Promise<void> {
  return new Promise((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

export const command: CliCommand = {
  summary: 'Start the built-in sandbox Okta org on 127.0.0.1',
  usage,
  run: (args, io) => runSandbox(args, io, interrupted()),
};
