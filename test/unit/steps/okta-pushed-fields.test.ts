import { describe, expect, it } from 'vitest';
import {
  CRUD_TEST_FIELDS,
  externalIdNote,
  requiredFields,
  valueAt,
  type PushedPerson,
} from '../../../src-main/steps/okta-pushed-fields';
import { loadRunscopeTest } from '../../support/runscope';

const ANN: PushedPerson = {
  userName: 'ann.lee@acme.example',
  firstName: 'Ann',
  lastName: 'Lee',
  email: 'ann.lee@acme.example',
  oktaUserId: '00u1abcdefghijklmno',
};

/** A vendor's copy of Ann as Okta's reference shows a created user, without externalId. */
const atVendor = (changes: Record<string, unknown> = {}): Record<string, unknown> => ({
  schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
  id: '23a35c27-23d3-4c03-b4c5-6443c09e7173',
  userName: 'ann.lee@acme.example',
  name: { givenName: 'Ann', familyName: 'Lee' },
  emails: [{ primary: true, value: 'ann.lee@acme.example', type: 'work' }],
  active: true,
  ...changes,
});

describe('what the provisioning proof requires at the vendor', () => {
  it("is exactly what Okta's CRUD test checks after an assignment, against the same Okta values", () => {
    const crud = loadRunscopeTest('Okta-SCIM-20-CRUD-Test.json');
    const verify = crud.steps.find((s) => s.note === 'Verify if user is created in SCIM App');
    const checked = (verify?.assertions ?? [])
      .filter((a) => a.source === 'response_json')
      .map((a) => [a.property?.replace(/^Resources\[0\]\./, ''), a.value]);
    expect(checked.map(([field]) => field).sort()).toEqual([...CRUD_TEST_FIELDS].sort());
    // The suite assigns with userName = email = login, so both compare with {{okta_user_email}}.
    expect(Object.fromEntries(checked)).toEqual({
      userName: '{{okta_user_email}}',
      'emails[0].value': '{{okta_user_email}}',
      'name.familyName': '{{okta_user_lastname}}',
      'name.givenName': '{{okta_user_firstname}}',
    });
  });

  it('passes a vendor that keeps no externalId, and only notes it', () => {
    expect(requiredFields(atVendor(), ANN).every((f) => f.same)).toBe(true);
    expect(externalIdNote(atVendor(), ANN)).toBe(
      "externalId is not kept at the vendor, not the Okta user id: Okta links by the vendor's id, so this is only a note.",
    );
    expect(externalIdNote(atVendor({ externalId: ANN.oktaUserId }), ANN)).toBe(
      'externalId = "00u1abcdefghijklmno" (the Okta user id).',
    );
  });

  it('fails a changed name or address and a missing mapped role, but not a difference in case alone', () => {
    const fields = requiredFields(
      atVendor({ name: { givenName: 'Anne', familyName: 'LEE' }, emails: [{ value: 'ann@other.example' }] }),
      ANN,
      { role: 'ANALYST' },
    );
    expect(fields.filter((f) => !f.same)).toEqual([
      { field: 'emails[0].value', want: 'ann.lee@acme.example', got: 'ann@other.example', same: false },
      { field: 'name.givenName', want: 'Ann', got: 'Anne', same: false },
      { field: 'role', want: 'ANALYST', got: undefined, same: false },
    ]);
  });

  it('reads the paths the CRUD test uses', () => {
    expect(valueAt(atVendor(), 'emails[0].value')).toBe('ann.lee@acme.example');
    expect(valueAt(atVendor(), 'name.familyName')).toBe('Lee');
    expect(valueAt(atVendor(), 'phoneNumbers[0].value')).toBeUndefined();
  });
});
