import { describe, expect, it } from 'vitest';
import type { DriftField } from '../../../src-main/api/drift';
import { compareFields } from '../../../src-main/drift/compare';

const people = (value: string[]): DriftField => ({ key: 'people', label: 'People assigned', kind: 'set', value });

describe('compareFields: what changed, in words', () => {
  it('names no change when every field reads the same', () => {
    const fields: DriftField[] = [people(['a@x', 'b@x']), { key: 'k', label: 'K', kind: 'value', value: 'v' }];
    expect(compareFields(fields, structuredClone(fields))).toEqual({ changes: [], recordedNow: [] });
  });

  it('lists at most five people in the sentence and all of them in removed / added', () => {
    const before = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((n) => `${n}@x`);
    const [change] = compareFields([people(before)], [people(['h@x', 'new@x'])]).changes;
    expect(change?.summary).toBe(
      'people unassigned: 7 (a@x, b@x, c@x, d@x, e@x, … 2 more); people assigned: 1 (new@x)',
    );
    expect(change?.removed).toEqual(before.slice(0, 7));
    expect(change?.added).toEqual(['new@x']);
  });

  it('says what an attribute statement maps now, and its format only when that changed', () => {
    const statement = (value: string): DriftField => ({
      key: 'attribute:role',
      label: 'Attribute statement "role"',
      kind: 'value',
      value,
    });
    expect(
      compareFields([statement('appuser.role · Unspecified')], [statement('user.title · Unspecified')]).changes,
    ).toMatchObject([{ summary: 'Attribute statement "role" now maps user.title (was appuser.role)' }]);
    expect(
      compareFields([statement('appuser.role · Unspecified')], [statement('appuser.role · URI Reference')]).changes,
    ).toMatchObject([
      {
        summary: 'Attribute statement "role" now maps appuser.role as URI Reference (was appuser.role as Unspecified)',
      },
    ]);
  });

  it('a replaced certificate names both kids and the new expiry; a switch says which way it went', () => {
    const cert = (value: string, expiresAt: string): DriftField => ({
      key: 'signing-certificate',
      label: 'Signing certificate',
      kind: 'certificate',
      value,
      expiresAt,
    });
    const on: DriftField = { key: 'deactivate', label: 'provisioning: Deactivate Users', kind: 'switch', value: 'on' };
    expect(
      compareFields(
        [cert('kidA', '2036-01-01T00:00:00Z'), on],
        [cert('kidB', '2028-11-27T12:00:00Z'), { ...on, value: 'off' }],
      ).changes.map((c) => c.summary),
    ).toEqual([
      'signing certificate replaced: kid kidA → kidB, expires 2028-11-27',
      'provisioning: Deactivate Users switched off',
    ]);
  });

  it('a field only one side has appeared or went', () => {
    const slug = (value: string | null): DriftField => ({ key: 'slug', label: 'Slug Name', kind: 'value', value });
    expect(compareFields([slug('acme')], [slug(null)]).changes[0]?.summary).toBe('Slug Name is gone (was acme)');
    expect(compareFields([], [slug('acme')]).changes[0]?.summary).toBe('Slug Name appeared: acme');
  });

  it('a baseline from an older field list: a field it lacks is recorded now, never drift; one it has still compares', () => {
    const domains = (value: string[]): DriftField => ({
      key: 'domains-with-users',
      label: 'Listed email domains Okta users sign in with',
      kind: 'set',
      value,
    });
    const slug = (value: string | null): DriftField => ({ key: 'slug', label: 'Slug Name', kind: 'value', value });
    expect(compareFields([slug('acme')], [slug('acme'), domains(['acme.example'])], true)).toEqual({
      changes: [],
      recordedNow: [
        {
          key: 'domains-with-users',
          label: 'Listed email domains Okta users sign in with',
          value: ['acme.example'],
          summary:
            'Listed email domains Okta users sign in with: not in the baseline (recorded before this field was read); recorded now: acme.example',
        },
      ],
    });
    const older = compareFields([slug('acme')], [slug('globex'), domains([])], true);
    expect(older.changes.map((c) => c.summary)).toEqual(['Slug Name now globex (was acme)']);
    expect(older.recordedNow.map((r) => r.summary)).toEqual([
      'Listed email domains Okta users sign in with: not in the baseline (recorded before this field was read); recorded now: none',
    ]);
    // A field the older baseline has and Okta no longer shows is still a change.
    expect(compareFields([slug('acme')], [], true).changes.map((c) => c.summary)).toEqual([
      'Slug Name is gone (was acme)',
    ]);
  });
});
