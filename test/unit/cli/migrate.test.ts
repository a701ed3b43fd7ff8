import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../src-main/cli';
import type { MatchResult } from '../../../src-main/migrate/match';
import { captureIo } from '../../support/capture-io';
import { withTempDir } from '../../support/temp-dir';

const fixtures = join(__dirname, '../../fixtures/migrate');
const vendorUsers = join(fixtures, 'courier-team.csv');
const oktaUsers = join(fixtures, 'okta-users.csv');

describe('okta-onboard migrate match', () => {
  it("classes a Courier team export (semicolons, BOM) against Okta's export, offline, as JSON", async () => {
    const io = captureIo();
    const code = await runCli(
      [
        'migrate',
        'match',
        '--vendor-users',
        vendorUsers,
        '--okta-users',
        oktaUsers,
        '--vendor',
        'courier',
        '--domains',
        'acme.com',
        '--consumer-forbidden',
        '--role-column',
        'Role',
        '--json',
      ],
      io,
    );
    expect(code).toBe(0);
    const { counts, rows } = io.json<MatchResult>();
    expect(rows.map((r) => [r.row, r.email, r.class, r.login ?? null])).toEqual([
      [1, 'Jane.Doe@Acme.com', 'to-assign', 'jane.doe@acme.com'],
      [2, 'jose@acme.com', 'to-assign', 'jose@acme.com'],
      [3, 'pat@gmail.com', 'consumer', null],
      [4, 'ghost@acme.com', 'not-in-okta', null],
      [5, 'x@other.io', 'outside-domains', null],
      [6, 'jane.doe@acme.com', 'duplicate', null],
      [7, '', 'invalid', null],
      [8, 'lee@acme.com', 'inactive', 'lee@acme.com'],
    ]);
    expect(rows[0]).toMatchObject({ role: 'ADMINISTRATOR', reason: 'Matched by login or email; role ADMINISTRATOR.' });
    expect(counts).toMatchObject({ 'to-assign': 2, consumer: 1, 'not-in-okta': 1, inactive: 1, invalid: 1 });
  });

  it('prints counts and the rows that need a decision, and writes the review CSV', async () => {
    await withTempDir(async (dir) => {
      const out = join(dir, 'review.csv');
      const io = captureIo();
      expect(
        await runCli(['migrate', 'match', '--vendor-users', vendorUsers, '--okta-users', oktaUsers, '--out', out], io),
      ).toBe(0);
      expect(io.stdout).toContain('  Matched, to assign                 3');
      expect(io.stdout).toContain('  row 4  ghost@acme.com  Not in Okta: No Okta user has this login or email.');
      const csv = await readFile(out, 'utf8');
      expect(csv.startsWith('\uFEFFRow,Email,Class,Class id,Reason,Okta login,Vendor role,Role to send\n')).toBe(true);
      expect(csv).toContain('4,ghost@acme.com,Not in Okta,not-in-okta,No Okta user has this login or email.,,,\n');
    });
  });

  it.each([
    [['--okta-users', oktaUsers], '--vendor-users is required.'],
    [
      ['--vendor-users', '/nonexistent/users.csv', '--okta-users', oktaUsers],
      '/nonexistent/users.csv: there is no such file.',
    ],
    [
      ['--vendor-users', vendorUsers, '--okta-users', oktaUsers, '--email-column', 'Mail'],
      'The email column "Mail" is not in the file.',
    ],
    [
      ['--vendor-users', vendorUsers, '--okta-users', oktaUsers, '--domains', 'not a domain'],
      '--domains: "not a domain" is not a domain',
    ],
    [
      ['--vendor-users', vendorUsers, '--okta-users', oktaUsers, '--vendor', 'acme'],
      '--vendor: "acme" is not a vendor this tool knows.',
    ],
    [['--vendor-users', vendorUsers, '--okta-users', vendorUsers], 'The Okta export has no Username (login) column.'],
    [['--vendor-users', vendorUsers, '--okta-users', oktaUsers, '--bogus'], "Unknown option '--bogus'"],
  ])('exits 2 with a specific message for unusable input %#', async (args, message) => {
    const io = captureIo();
    expect(await runCli(['migrate', 'match', ...args], io)).toBe(2);
    expect(io.stderr).toContain(message);
  });
});
