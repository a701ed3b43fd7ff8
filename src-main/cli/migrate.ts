import { readFile, writeFile } from 'node:fs/promises';
import type { VendorId } from '../api/model';
import { AppError } from '../errors';
import { parseCommandLine, wantsJson } from './args';
import type { MatchClass, MatchOptions, MatchResult } from '../migrate/match';
import { Exit, exitCodesHelp, fail, type CliCommand, type CliIo } from './io';
import { planOrApply, runUsage } from './migrate-run';

const usage = [
  '  okta-onboard migrate match --vendor-users <csv> --okta-users <csv> [options] [--json]',
  '',
  "  Matches the vendor's current users (its CSV or TSV export) against Okta's user export, without",
  '  an org: each vendor user gets a class (to assign, not in Okta, consumer address, ...) and why.',
  '',
  '  --vendor-users <file>   the vendor export: UTF-8 (with or without BOM) or UTF-16; , ; or tab',
  "  --okta-users <file>     Okta's user export: the Okta Password Health report (Login, Status), the",
  '                          User Accounts report (Okta username, Primary Email, Okta user status), or',
  '                          a CSV with login/Username, email, secondEmail and status columns',
  '  --domains <a.com,b.com> the email domains the integration serves; others are flagged',
  '  --consumer-forbidden    flag gmail.com and other consumer addresses (they cannot use SSO)',
  "  --vendor <id>           take the role values and consumer rule from a vendor's profile",
  '                          (millie, mixpanel, courier)',
  '  --email-column <name>   the vendor column with the email (default: guessed from the header)',
  '  --login-column <name>   a vendor column with the username, matched as well',
  "  --role-column <name>    the vendor column with each user's role",
  "  --role-map <from=to,..> vendor role names to the app's role values, e.g. Owner=ADMINISTRATOR",
  '  --out <file>            also write the review table as CSV',
  '',
  runUsage,
  '',
  '  Matching itself never fails: every row gets a class, so it exits 0 with rows that need a decision.',
  `  ${exitCodesHelp}`,
].join('\n');

async function readInput(path: string, flag: string): Promise<Uint8Array> {
  try {
    return await readFile(path);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'there is no such file' : String(error);
    throw new AppError(
      'INVALID_ARGUMENT',
      `--${flag} ${path}: ${reason}.`,
      'Give the path of the exported CSV file.',
      flag,
    );
  }
}

function list(value: string | undefined): string[] | undefined {
  return value === undefined
    ? undefined
    : value
        .split(',')
        .map((v) => v.trim())
        .filter((v) => v !== '');
}

function roleMap(value: string | undefined): Record<string, string> | undefined {
  if (value === undefined) return undefined;
  const map: Record<string, string> = {};
  for (const pair of list(value) ?? []) {
    const eq = pair.indexOf('=');
    if (eq < 1 || eq === pair.length - 1) {
      throw new AppError(
        'INVALID_ARGUMENT',
        `--role-map: "${pair}" is not from=to.`,
        'For example: --role-map "Owner=ADMINISTRATOR,Member=DEVELOPER"',
        'role-map',
      );
    }
    map[pair.slice(0, eq).trim()] = pair.slice(eq + 1).trim();
  }
  return map;
}

export function formatMatch(
  result: MatchResult,
  classes: readonly MatchClass[],
  titles: Record<MatchClass, string>,
): string {
  const width = Math.max(...classes.map((c) => titles[c].length));
  const lines = ['Classes:'];
  for (const c of classes) lines.push(`  ${titles[c].padEnd(width)}  ${result.counts[c]}`);
  const attention = result.rows.filter((r) => r.class !== 'to-assign' && r.class !== 'assigned');
  if (attention.length > 0) {
    lines.push('', 'Rows that need a decision:');
    for (const r of attention)
      lines.push(`  row ${r.row}  ${r.email || '(no email)'}  ${titles[r.class]}: ${r.reason}`);
  }
  return lines.join('\n');
}

async function match(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandLine(
    args,
    {
      'vendor-users': { type: 'string' },
      'okta-users': { type: 'string' },
      domains: { type: 'string' },
      'consumer-forbidden': { type: 'boolean' },
      vendor: { type: 'string' },
      'email-column': { type: 'string' },
      'login-column': { type: 'string' },
      'role-column': { type: 'string' },
      'role-map': { type: 'string' },
      out: { type: 'string' },
    },
    { command: 'okta-onboard migrate match', usage, positionals: true },
  );
  if (positionals.length > 1) {
    throw new AppError('USAGE', `Unexpected argument "${positionals[1]}".`, `Use:\n${usage}`);
  }
  const vendorPath = values['vendor-users'];
  const oktaPath = values['okta-users'];
  if (!vendorPath || !oktaPath) {
    throw new AppError(
      'MISSING_ARGUMENT',
      `--${vendorPath ? 'okta-users' : 'vendor-users'} is required.`,
      'For example: okta-onboard migrate match --vendor-users courier-team.csv --okta-users okta-users.csv',
      vendorPath ? 'okta-users' : 'vendor-users',
    );
  }
  const [{ readTable }, { guessMapping, readVendorUsers }, { readOktaExport }, matchModule, { normalizeDomain }] =
    await Promise.all([
      import('../migrate/read-table'),
      import('../migrate/vendor-users'),
      import('../migrate/okta-users'),
      import('../migrate/match'),
      import('../steps/domain-rules'),
    ]);
  const domains = (list(values.domains) ?? []).map((raw) => {
    const checked = normalizeDomain(raw);
    if (!checked.ok)
      throw new AppError(
        'INVALID_ARGUMENT',
        `--domains: ${checked.message}`,
        'For example: --domains acme.com,acme.co.uk',
        'domains',
      );
    return checked.domain;
  });
  let profile;
  if (values.vendor !== undefined) {
    const { vendorProfiles } = await import('../vendors');
    profile = vendorProfiles[values.vendor as VendorId];
    if (!profile) {
      throw new AppError(
        'INVALID_ARGUMENT',
        `--vendor: "${values.vendor}" is not a vendor this tool knows.`,
        `Use one of: ${Object.keys(vendorProfiles).join(', ')}.`,
        'vendor',
      );
    }
  }
  const vendorTable = readTable(await readInput(vendorPath, 'vendor-users'));
  const guessed = guessMapping(vendorTable.headers);
  const email = values['email-column'] ?? guessed.email;
  if (email === undefined) {
    throw new AppError(
      'INVALID_ARGUMENT',
      'No email column was found in the vendor export.',
      `Name it with --email-column; the columns are: ${vendorTable.headers.join(', ')}.`,
      'email-column',
    );
  }
  const role = values['role-column'] ?? (profile?.role ? guessed.role : undefined);
  const vendorUsers = readVendorUsers(vendorTable, {
    email,
    ...(values['login-column'] ? { login: values['login-column'] } : {}),
    ...(role ? { role } : {}),
  });
  const oktaPeople = readOktaExport(readTable(await readInput(oktaPath, 'okta-users')));
  const map = roleMap(values['role-map']);
  const options: MatchOptions = {
    domains,
    consumerForbidden: values['consumer-forbidden'] === true || profile?.domains.consumerMail === 'refuse',
    ...(profile?.role ? { roles: { values: profile.role.values, ...(map ? { map } : {}) } } : {}),
  };
  const result = matchModule.matchUsers(vendorUsers, oktaPeople, options);
  if (values.out) {
    const { reviewCsv } = await import('../migrate/review-csv');
    await writeFile(values.out, reviewCsv(result.rows));
  }
  if (values.json) {
    io.out(JSON.stringify({ counts: result.counts, rows: result.rows }, null, 2));
  } else {
    io.out(formatMatch(result, matchModule.MATCH_CLASSES, matchModule.MATCH_CLASS_TITLES));
    if (values.out) io.out(`\nReview table written to ${values.out}`);
  }
  return Exit.ok;
}

export const command: CliCommand = {
  summary: "Match and migrate the vendor's existing users",
  usage,
  async run(args, io) {
    const json = wantsJson(args);
    try {
      const [sub, ...rest] = args;
      if (sub === 'plan' || sub === 'apply') return await planOrApply(sub, rest, io);
      if (sub !== 'match') {
        throw new AppError(
          'USAGE',
          sub === undefined || sub.startsWith('-') ? 'Missing subcommand.' : `Unknown subcommand "migrate ${sub}".`,
          `Use:\n${usage}`,
        );
      }
      return await match(rest, io);
    } catch (error) {
      return fail(io, error, json);
    }
  },
};
