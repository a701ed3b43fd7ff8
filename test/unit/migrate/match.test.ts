import { describe, expect, it } from 'vitest';
import { matchUsers, type MatchOptions } from '../../../src-main/migrate/match';
import type { OktaPerson } from '../../../src-main/migrate/okta-users';
import type { VendorUser } from '../../../src-main/migrate/vendor-users';

const okta: OktaPerson[] = [
  { id: '00u1', login: 'jane.doe@acme.com', email: 'jane.doe@acme.com', status: 'ACTIVE' },
  { id: '00u2', login: 'jose@acme.com', email: 'jos\u00e9@acme.com', status: 'ACTIVE' },
  { id: '00u3', login: 'sam@acme.com', email: 'sam@acme.com', secondEmail: 'samuel@acme.com', status: 'ACTIVE' },
  { id: '00u4', login: 'staged@acme.com', email: 'staged@acme.com', status: 'STAGED' },
  { id: '00u5', login: 'gone@acme.com', email: 'gone@acme.com', status: 'DEPROVISIONED' },
  { id: '00u6', login: 'twin1@acme.com', email: 'shared@acme.com', status: 'ACTIVE' },
  { id: '00u7', login: 'twin2@acme.com', email: 'shared@acme.com', status: 'ACTIVE' },
  { id: '00u8', login: 'lee@acme.com', email: 'lee@acme.com', status: 'ACTIVE' },
  { id: '00u9', login: 'pat@gmail.com', email: 'pat@gmail.com', status: 'ACTIVE' },
];

function vendor(...rows: [string, string?][]): VendorUser[] {
  return rows.map(([email, role], i) => ({ row: i + 1, email, ...(role === undefined ? {} : { role }) }));
}

function classes(users: VendorUser[], options?: MatchOptions): string[] {
  return matchUsers(users, okta, options).rows.map((r) => `${r.row} ${r.class}${r.login ? ` ${r.login}` : ''}`);
}

describe('matching vendor users to Okta users', () => {
  it('matches case-insensitively and ignores surrounding spaces', () => {
    expect(classes(vendor(['  Jane.Doe@ACME.com  ']))).toEqual(['1 to-assign jane.doe@acme.com']);
  });

  it('matches a name typed in decomposed Unicode (NFD) to the same name composed (NFC)', () => {
    const nfd = 'jose\u0301@acme.com';
    expect(nfd).not.toBe('jos\u00e9@acme.com');
    expect(classes(vendor([nfd]))).toEqual(['1 to-assign jose@acme.com']);
  });

  it('keeps plus-addressed and dotted variants distinct: they are other mailboxes', () => {
    expect(classes(vendor(['jane.doe+ops@acme.com'], ['janedoe@acme.com']))).toEqual([
      '1 not-in-okta',
      '2 not-in-okta',
    ]);
  });

  it("matches by the Okta user's secondary email when nobody has it as login or email, and says so", () => {
    const [row] = matchUsers(vendor(['Samuel@acme.com']), okta).rows;
    expect(row).toMatchObject({ class: 'to-assign', login: 'sam@acme.com', oktaId: '00u3' });
    expect(row?.reason).toBe("Matched by the Okta user's secondary email.");
  });

  it('marks a repeated vendor row as a duplicate of the first, which is the one used', () => {
    const result = matchUsers(vendor(['lee@acme.com'], ['LEE@acme.com ']), okta);
    expect(result.rows.map((r) => [r.class, r.reason])).toEqual([
      ['to-assign', 'Matched by login or email.'],
      ['duplicate', 'The same address as row 1; row 1 is used.'],
    ]);
  });

  it('marks two vendor rows that reach the same Okta user by different addresses as a duplicate', () => {
    expect(matchUsers(vendor(['sam@acme.com'], ['samuel@acme.com']), okta).rows[1]).toMatchObject({
      class: 'duplicate',
      reason: 'The same Okta user (sam@acme.com) as row 1.',
    });
  });

  it('marks an address that two Okta users share as a duplicate on the Okta side, naming both', () => {
    expect(matchUsers(vendor(['shared@acme.com']), okta).rows[0]).toMatchObject({
      class: 'duplicate',
      reason: '2 Okta users have this address (twin1@acme.com, twin2@acme.com); pick one in Okta first.',
    });
  });

  it('puts empty and malformed emails in their own class with the reason', () => {
    const result = matchUsers(vendor([''], ['   '], ['not-an-email'], ['@acme.com'], ['a b@acme.com']), okta);
    expect(result.rows.map((r) => [r.class, r.reason])).toEqual([
      ['invalid', 'The email cell is empty.'],
      ['invalid', 'The email cell is empty.'],
      ['invalid', '"not-an-email" is not an email address.'],
      ['invalid', '"@acme.com" is not an email address.'],
      ['invalid', '"a b@acme.com" is not an email address.'],
    ]);
    expect(result.counts.invalid).toBe(5);
  });

  it('flags Okta users that are staged or deactivated, saying what to do', () => {
    const result = matchUsers(vendor(['staged@acme.com'], ['gone@acme.com']), okta);
    expect(result.rows.map((r) => r.reason)).toEqual([
      'Matched by login or email, but the Okta user is staged (created but never activated); activate them in Okta first.',
      'Matched by login or email, but the Okta user is deactivated; activate them in Okta first.',
    ]);
    expect(result.counts.inactive).toBe(2);
  });

  it('flags consumer addresses when the vendor forbids them, before matching', () => {
    expect(matchUsers(vendor(['pat@gmail.com']), okta, { consumerForbidden: true }).rows[0]).toMatchObject({
      class: 'consumer',
      reason: 'gmail.com is a consumer mail provider; it cannot sign in through SSO.',
    });
    expect(classes(vendor(['pat@gmail.com']))).toEqual(['1 to-assign pat@gmail.com']);
  });

  it("flags addresses outside the integration's domains", () => {
    expect(matchUsers(vendor(['x@other.io']), okta, { domains: ['acme.com'] }).rows[0]).toMatchObject({
      class: 'outside-domains',
      reason: "other.io is not one of the integration's domains (acme.com).",
    });
  });

  it('marks people the app already has as assigned', () => {
    expect(classes(vendor(['lee@acme.com']), { assignedIds: new Set(['00u8']) })).toEqual(['1 assigned lee@acme.com']);
  });

  describe('roles', () => {
    const roles = {
      values: [
        { title: 'Admin', value: 'ADMINISTRATOR' },
        { title: 'Support', value: 'SUPPORT_SPECIALIST' },
      ],
    };

    it("maps the vendor's role by the enum value or its title, whatever the case and separators", () => {
      const result = matchUsers(vendor(['lee@acme.com', 'admin'], ['jane.doe@acme.com', 'support specialist']), okta, {
        roles,
      });
      expect(result.rows.map((r) => [r.class, r.role, r.vendorRole])).toEqual([
        ['to-assign', 'ADMINISTRATOR', 'admin'],
        ['to-assign', 'SUPPORT_SPECIALIST', 'support specialist'],
      ]);
    });

    it("uses the admin's role map for names the enum does not share, and flags the rest", () => {
      const result = matchUsers(vendor(['lee@acme.com', 'Owner'], ['jane.doe@acme.com', 'Guest']), okta, {
        roles: { ...roles, map: { owner: 'ADMINISTRATOR' } },
      });
      expect(result.rows.map((r) => [r.class, r.role ?? null])).toEqual([
        ['to-assign', 'ADMINISTRATOR'],
        ['unknown-role', null],
      ]);
      expect(result.rows[1]?.reason).toBe(
        'Matched by login or email, but the role "Guest" is not one of the app\'s roles; map it to one.',
      );
    });

    it('gives rows without a role the fallback the admin chose, or flags them', () => {
      expect(matchUsers(vendor(['lee@acme.com', '']), okta, { roles }).rows[0]?.class).toBe('unknown-role');
      expect(
        matchUsers(vendor(['lee@acme.com', '']), okta, { roles: { ...roles, fallback: 'SUPPORT_SPECIALIST' } }).rows[0],
      ).toMatchObject({
        class: 'to-assign',
        role: 'SUPPORT_SPECIALIST',
      });
    });
    it('leaves out the people of a role the admin chose to leave out, in any spelling, and says so', () => {
      const result = matchUsers(
        vendor(['lee@acme.com', 'Team_Lead'], ['jane.doe@acme.com', ''], ['sam@acme.com', 'admin']),
        okta,
        { roles: { ...roles, leftOut: ['team lead', ''] } },
      );
      expect(result.rows.map((r) => [r.class, r.role ?? null, r.reason])).toEqual([
        [
          'unknown-role',
          null,
          'Matched by login or email; left out: you chose not to migrate people with the role "Team_Lead".',
        ],
        ['unknown-role', null, 'Matched by login or email; left out: you chose not to migrate people without a role.'],
        ['to-assign', 'ADMINISTRATOR', 'Matched by login or email; role ADMINISTRATOR.'],
      ]);
    });

    it("maps rows without a role through the admin's answer for '' before any fallback", () => {
      expect(
        matchUsers(vendor(['lee@acme.com', ' ']), okta, {
          roles: { ...roles, map: { '': 'ADMINISTRATOR' }, fallback: 'SUPPORT_SPECIALIST' },
        }).rows[0],
      ).toMatchObject({ class: 'to-assign', role: 'ADMINISTRATOR' });
    });
  });

  it('counts every class, zero included', () => {
    expect(matchUsers(vendor(['lee@acme.com'], ['nobody@acme.com']), okta).counts).toEqual({
      'to-assign': 1,
      assigned: 0,
      'unknown-role': 0,
      'not-in-okta': 1,
      inactive: 0,
      'outside-domains': 0,
      consumer: 0,
      duplicate: 0,
      invalid: 0,
    });
  });
});
