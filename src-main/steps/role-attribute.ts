import type { RoleAttribute, RoleInput } from '../api/step-role';
import type { AppUserSchemaProperty } from '../okta/org-api';
import type { RoleSpec, VendorProfile } from '../vendors/profile';

/** Where Okta puts a custom attribute so its SCIM client sends it as a top-level key (OKTA-BEHAVIOUR §3). */
export const SCIM_CORE_USER = 'urn:ietf:params:scim:schemas:core:2.0:User';

/** The attribute the vendor asks for: fixed by a profile with roles, the admin's own otherwise. */
export function roleSpecFor(input: Pick<RoleInput, 'values' | 'required'>, profile: VendorProfile): RoleSpec {
  return (
    profile.role ?? {
      attribute: 'role',
      displayName: 'Role',
      description: `${profile.name} role`,
      externalName: 'role',
      externalNamespace: SCIM_CORE_USER,
      required: input.required,
      values: input.values,
    }
  );
}

/** The app user schema property for the spec: an enumerated string whose values carry titles (`enum` + `oneOf`). */
export function roleProperty(spec: RoleSpec): AppUserSchemaProperty {
  return {
    title: spec.displayName,
    description: spec.description,
    type: 'string',
    enum: spec.values.map((v) => v.value),
    oneOf: spec.values.map((v) => ({ const: v.value, title: v.title })),
    externalName: spec.externalName,
    externalNamespace: spec.externalNamespace,
    required: spec.required,
    scope: 'NONE',
    master: { type: 'PROFILE_MASTER' },
  };
}

export function plannedAttribute(spec: RoleSpec): RoleAttribute {
  const property = roleProperty(spec);
  return readAttribute(property);
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** The fields we compare, narrowed from whatever Okta returned. */
export function readAttribute(property: AppUserSchemaProperty): RoleAttribute {
  const attribute: RoleAttribute = {};
  const set = <K extends keyof RoleAttribute>(key: K, value: RoleAttribute[K] | undefined) => {
    if (value !== undefined) attribute[key] = value;
  };
  set('title', str(property.title));
  set('type', str(property.type));
  set('description', str(property.description));
  set('externalName', str(property.externalName));
  set('externalNamespace', str(property.externalNamespace));
  set('required', typeof property.required === 'boolean' ? property.required : undefined);
  set('enum', Array.isArray(property.enum) ? property.enum.map(String) : undefined);
  set(
    'oneOf',
    Array.isArray(property.oneOf)
      ? property.oneOf.map((o) => ({ const: String(o.const), title: String(o.title) }))
      : undefined,
  );
  return attribute;
}

const FIELDS: { key: keyof RoleAttribute; label: string }[] = [
  { key: 'title', label: 'display name' },
  { key: 'type', label: 'data type' },
  { key: 'description', label: 'description' },
  { key: 'externalName', label: 'external name' },
  { key: 'externalNamespace', label: 'external namespace' },
  { key: 'required', label: 'required' },
  { key: 'enum', label: 'values' },
  { key: 'oneOf', label: 'value titles' },
];

export function showField(attribute: RoleAttribute | null, key: keyof RoleAttribute): string {
  const value = attribute?.[key];
  if (value === undefined) return '(none)';
  if (key === 'oneOf' && Array.isArray(value))
    return (value as { const: string; title: string }[]).map((o) => `${o.title}=${o.const}`).join(', ');
  if (Array.isArray(value)) return value.join(', ');
  return String(value);
}

/** Field by field: every field of `planned` that Okta's attribute lacks or has otherwise (all of them when absent). */
export function attributeDiff(
  planned: RoleAttribute,
  actual: RoleAttribute | null,
): { field: string; from?: string; to: string }[] {
  return FIELDS.filter(({ key }) => actual === null || showField(planned, key) !== showField(actual, key)).map(
    ({ key, label }) => ({
      field: label,
      ...(actual === null ? {} : { from: showField(actual, key) }),
      to: showField(planned, key),
    }),
  );
}
