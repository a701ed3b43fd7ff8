import { StepIdSchema, type StepId } from '../api/ids';
import type { CallerIdentity } from './org-api';

export type { StepId } from '../api/ids';
export const STEP_IDS: readonly StepId[] = StepIdSchema.options;

const APP_WRITERS = ['SUPER_ADMIN', 'ORG_ADMIN', 'APP_ADMIN'];
const ANY_ADMIN = ['SUPER_ADMIN', 'ORG_ADMIN', 'APP_ADMIN', 'USER_ADMIN', 'GROUP_MEMBERSHIP_ADMIN', 'READ_ONLY_ADMIN'];

export interface StepNeeds {
  /** Every one is needed; a granted `.manage` also covers the matching `.read`. */
  scopes: string[];
  /** Any one of these admin roles is enough. */
  roles: string[];
  /** What the step does in Okta, for the admin reading why. */
  does: string;
}

/** What each wizard step needs from the credentials. The one place this is decided. */
export const STEP_NEEDS: Record<StepId, StepNeeds> = {
  slug: { scopes: ['okta.apps.manage'], roles: APP_WRITERS, does: "sets the catalog app's tenant slug" },
  app: { scopes: ['okta.apps.manage'], roles: APP_WRITERS, does: 'creates or updates the SAML app' },
  metadata: { scopes: ['okta.apps.read'], roles: ANY_ADMIN, does: "reads the app's IdP metadata and signing keys" },
  domains: { scopes: ['okta.users.read'], roles: ANY_ADMIN, does: "reads users' email domains" },
  register: {
    scopes: ['okta.apps.read'],
    roles: ANY_ADMIN,
    does: 'reads the metadata to register the IdP with the vendor',
  },
  scim: {
    scopes: ['okta.apps.read'],
    roles: ANY_ADMIN,
    does: "reads the app; the preflight itself calls the vendor's SCIM endpoint, not Okta",
  },
  provisioning: {
    scopes: ['okta.apps.manage', 'okta.users.read'],
    roles: APP_WRITERS,
    does: 'sets the provisioning connection and features, and assigns a test user to prove it',
  },
  role: {
    scopes: ['okta.schemas.manage', 'okta.apps.read'],
    roles: APP_WRITERS,
    does: "adds the role attribute to the app's user schema",
  },
  bookmark: { scopes: ['okta.apps.manage'], roles: APP_WRITERS, does: 'creates the bookmark app' },
  assign: {
    scopes: ['okta.apps.manage', 'okta.users.read', 'okta.groups.read'],
    roles: APP_WRITERS,
    does: 'assigns users and groups to the app',
  },
  migrate: {
    scopes: ['okta.apps.manage', 'okta.users.manage', 'okta.groups.manage'],
    roles: APP_WRITERS,
    does: "assigns the vendor's existing users to the app, directly or through one group per role, and creates the people the admin chose to add",
  },
  'test-login': {
    scopes: ['okta.apps.read', 'okta.users.read'],
    roles: ANY_ADMIN,
    does: 'reads the app and the test user for a test sign-in',
  },
};

/** Scopes every sign-in asks for besides the steps': who am I, and which roles do I hold. */
export const IDENTITY_SCOPES = ['okta.users.read.self', 'okta.roles.read'];

/** The scopes to request so that every listed step is allowed. */
export function scopesFor(steps: readonly StepId[] = STEP_IDS): string[] {
  const wanted = new Set([...IDENTITY_SCOPES, ...steps.flatMap((s) => STEP_NEEDS[s].scopes)]);
  for (const scope of [...wanted]) {
    if (scope.endsWith('.read') && wanted.has(scope.replace(/\.read$/, '.manage'))) wanted.delete(scope);
  }
  return [...wanted].sort();
}

const ROLE_NAMES: Record<string, string> = {
  SUPER_ADMIN: 'Super Administrator (SUPER_ADMIN)',
  ORG_ADMIN: 'Organization Administrator (ORG_ADMIN)',
  APP_ADMIN: 'Application Administrator (APP_ADMIN)',
  USER_ADMIN: 'Group Administrator (USER_ADMIN)',
  GROUP_MEMBERSHIP_ADMIN: 'Group Membership Administrator (GROUP_MEMBERSHIP_ADMIN)',
  READ_ONLY_ADMIN: 'Read Only Administrator (READ_ONLY_ADMIN)',
};

export function describeRoles(roles: readonly string[]): string {
  const names = roles.map((r) => ROLE_NAMES[r] ?? r);
  return names.length <= 1
    ? (names[0] ?? 'an admin role')
    : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
}

/** Admin roles needed for reads and writes of each kind of resource, named in E0000006 hints. */
export const ROLE_FOR = {
  read: describeRoles(['READ_ONLY_ADMIN', 'APP_ADMIN', 'ORG_ADMIN', 'SUPER_ADMIN']),
  appWrite: describeRoles(APP_WRITERS),
  schemaWrite: describeRoles(APP_WRITERS),
  roles: 'any admin role (a plain user has no roles to list)',
  groupWrite: describeRoles(['SUPER_ADMIN', 'ORG_ADMIN', 'USER_ADMIN', 'GROUP_MEMBERSHIP_ADMIN']),
  userWrite: describeRoles(['SUPER_ADMIN', 'ORG_ADMIN', 'USER_ADMIN']),
} as const;

function hasScope(granted: readonly string[], needed: string): boolean {
  return (
    granted.includes(needed) || (needed.endsWith('.read') && granted.includes(needed.replace(/\.read$/, '.manage')))
  );
}

export interface StepVerdict {
  step: StepId;
  allowed: boolean;
  missingScopes: string[];
  /** The roles that would do, when the caller has none of them. */
  missingRole: string | undefined;
  /** True when the roles could not be read, so the verdict rests on scopes alone. */
  roleUnverified: boolean;
}

/** Which steps these credentials are enough for, and what is missing for the others. */
export function stepsAllowed(identity: CallerIdentity): StepVerdict[] {
  const held = new Set(identity.roles.filter((r) => r.status === 'ACTIVE').map((r) => r.type));
  const rolesKnown = identity.rolesUnreadable === undefined;
  return STEP_IDS.map((step) => {
    const needs = STEP_NEEDS[step];
    const missingScopes =
      identity.scopes === undefined ? [] : needs.scopes.filter((s) => !hasScope(identity.scopes ?? [], s));
    const roleOk = !rolesKnown || needs.roles.some((r) => held.has(r));
    return {
      step,
      allowed: missingScopes.length === 0 && roleOk,
      missingScopes,
      missingRole: roleOk ? undefined : describeRoles(needs.roles),
      roleUnverified: !rolesKnown,
    };
  });
}
