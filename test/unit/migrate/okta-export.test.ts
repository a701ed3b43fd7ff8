import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { matchUsers } from '../../../src-main/migrate/match';
import { readOktaExport } from '../../../src-main/migrate/okta-users';
import { readTable } from '../../../src-main/migrate/read-table';

const fixtures = join(import.meta.dirname, '..', '..', 'fixtures', 'migrate');
const read = (name: string) => readOktaExport(readTable(readFileSync(join(fixtures, name))));

describe("Okta's own user exports as the Okta side of a match", () => {
  it('reads the Okta Password Health report: Login and Status as Okta writes them', () => {
    const people = read('okta-password-health.csv');
    expect(people.map((p) => [p.login, p.status])).toEqual([
      ['jane.doe@acme.com', 'ACTIVE'],
      ['jose@acme.com', 'ACTIVE'],
      ['sam.staged@acme.com', 'STAGED'],
      ['pat.pending@acme.com', 'PROVISIONED'],
      ['lee.locked@acme.com', 'LOCKED_OUT'],
      ['sue.suspended@acme.com', 'SUSPENDED'],
      ['dee.gone@acme.com', 'DEPROVISIONED'],
    ]);
    // The report has no id or email column: the login is the only address.
    expect(people[0]).toEqual({ login: 'jane.doe@acme.com', status: 'ACTIVE' });
  });

  it("reads the User Accounts report (UTF-8 with BOM, quoted, CRLF) with the Admin Console's status labels", () => {
    const people = read('okta-user-accounts.csv');
    expect(people).toEqual([
      { login: 'jane.doe@acme.com', email: 'jane.doe@acme.com', status: 'ACTIVE' },
      { login: 'ana@acme.com', email: 'ana.alias@acme.com', status: 'PASSWORD_EXPIRED' },
      { login: 'dee.gone@acme.com', email: 'dee.gone@acme.com', status: 'DEPROVISIONED' },
    ]);
  });

  it('matches vendor users against the Password Health report, setting aside people who are not active', () => {
    const okta = read('okta-password-health.csv');
    const vendor = ['Jane.Doe@acme.com', 'sam.staged@acme.com', 'sue.suspended@acme.com', 'new@acme.com'].map(
      (email, i) => ({ row: i + 1, email }),
    );
    const result = matchUsers(vendor, okta, { domains: ['acme.com'] });
    expect(result.rows.map((r) => [r.email, r.class, r.login ?? null])).toEqual([
      ['Jane.Doe@acme.com', 'to-assign', 'jane.doe@acme.com'],
      ['sam.staged@acme.com', 'inactive', 'sam.staged@acme.com'],
      ['sue.suspended@acme.com', 'inactive', 'sue.suspended@acme.com'],
      ['new@acme.com', 'not-in-okta', null],
    ]);
  });

  it('refuses a file without a login column and says which Okta report has one', () => {
    const table = readTable(new TextEncoder().encode('Name,Mail\nJane,jane@acme.com\n'));
    expect(() => readOktaExport(table)).toThrow('The Okta export has no Username (login) column.');
  });
});
