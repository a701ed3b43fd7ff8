/**
 * What the vendor must hold once Okta has provisioned a person, taken from Okta's documents and
 * not from the body our own SCIM client builds. Okta's "SCIM 2.0 CRUD Test" (okta/okta-developer-
 * docs, `standards/SCIM/SCIMFiles/Okta-SCIM-20-CRUD-Test.json`, step "Verify if user is created in
 * SCIM App") checks exactly these four fields at the vendor after an assignment; a mapped attribute
 * such as `role` is sent too ("custom attributes defined in your application schema ... are
 * applied", SCIM 2.0 protocol reference). Okta's create example also carries `externalId`,
 * `displayName` and `locale`, but the same reference shows a create without `externalId` and the
 * CRUD test checks none of them, so they are reported, never required.
 */
export const CRUD_TEST_FIELDS = ['userName', 'emails[0].value', 'name.familyName', 'name.givenName'] as const;
export type CrudTestField = (typeof CRUD_TEST_FIELDS)[number];

export interface PushedPerson {
  /** The app username Okta sends as userName. */
  userName: string;
  /** Undefined when the Okta profile has none: nothing is sent, so nothing is required. */
  firstName: string | undefined;
  lastName: string | undefined;
  email: string | undefined;
  /** The Okta user id, which Okta's create example sends as externalId. */
  oktaUserId: string;
}

export interface FieldComparison {
  field: string;
  want: string;
  got: unknown;
  /** RFC 7643 gives all four fields caseExact false, so case alone is not a difference. */
  same: boolean;
}

/** `emails[0].value` → that value of a SCIM resource. */
export function valueAt(resource: Record<string, unknown>, path: string): unknown {
  let current: unknown = resource;
  for (const part of path.split('.')) {
    const indexed = /^(\w+)\[(\d+)\]$/.exec(part);
    if (current === null || typeof current !== 'object' || Array.isArray(current)) return undefined;
    const record = current as Record<string, unknown>;
    if (indexed?.[1] !== undefined) {
      const list = record[indexed[1]];
      current = Array.isArray(list) ? list[Number(indexed[2])] : undefined;
    } else {
      current = record[part];
    }
  }
  return current;
}

const wanted: Record<CrudTestField, (p: PushedPerson) => string | undefined> = {
  userName: (p) => p.userName,
  'emails[0].value': (p) => p.email,
  'name.familyName': (p) => p.lastName,
  'name.givenName': (p) => p.firstName,
};

function compare(field: string, want: string, got: unknown): FieldComparison {
  return { field, want, got, same: typeof got === 'string' && got.toLowerCase() === want.toLowerCase() };
}

/** The fields that must match: the CRUD test's four, then each mapped attribute the admin set. */
export function requiredFields(
  resource: Record<string, unknown>,
  person: PushedPerson,
  mapped: Record<string, string> = {},
): FieldComparison[] {
  return [
    ...CRUD_TEST_FIELDS.flatMap((field) => {
      const want = wanted[field](person);
      return want === undefined ? [] : [compare(field, want, valueAt(resource, field))];
    }),
    ...Object.entries(mapped).map(([field, want]) => compare(field, want, valueAt(resource, field))),
  ];
}

/** What the vendor did with externalId, in words; never a failure. */
export function externalIdNote(resource: Record<string, unknown>, person: PushedPerson): string {
  const got = resource.externalId;
  if (got === person.oktaUserId) return `externalId = "${person.oktaUserId}" (the Okta user id).`;
  return `externalId is ${got === undefined ? 'not kept' : `"${String(got)}"`} at the vendor, not the Okta user id: Okta links by the vendor's id, so this is only a note.`;
}
