import type { z } from 'zod';
import type { DriftField } from '../api/drift';
import type { DomainsObservedSchema } from '../api/step-domains';
import type { MigrateObservedSchema } from '../api/step-migrate';
import type { TestLoginObservedSchema } from '../api/step-test-login';
import { onOff, set, value } from './field-kit';

/**
 * Fields of the steps that read the org's people. How many people a domain or a role has moves
 * with every hire, so only what stays put in an unchanged org is a field: whether a listed domain
 * has anyone in Okta at all, which role groups exist and how they are assigned, the test user's
 * state.
 */

export function domainsFields(o: z.infer<typeof DomainsObservedSchema>): DriftField[] {
  return [
    set(
      'domains-with-users',
      'Listed email domains Okta users sign in with',
      o.listed.filter((d) => d.users > 0).map((d) => d.display),
    ),
  ];
}

/** The role groups the migration uses (those that exist in Okta): assigned to the app, and with which role. */
export function migrateFields(o: z.infer<typeof MigrateObservedSchema>): DriftField[] {
  return [
    set(
      'role-groups',
      'Role groups of the migration',
      o.roleGroups
        .filter((g) => g.id !== null)
        .map((g) =>
          g.assigned
            ? `${g.name}: assigned${g.roleOnApp ? ` with role ${g.roleOnApp}` : ''}`
            : `${g.name}: not assigned`,
        ),
    ),
  ];
}

export function testLoginFields(o: z.infer<typeof TestLoginObservedSchema>): DriftField[] {
  return [
    value('test-user-status', `Test user ${o.user.login}: Okta status`, o.user.status),
    onOff('test-user-assigned', `Test user ${o.user.login}: assigned to the app`, o.assigned),
  ];
}
