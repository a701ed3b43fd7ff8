import { describe, expect, it } from 'vitest';
import type { CallerIdentity } from '../../../src-main/okta/org-api';
import { scopesFor, stepsAllowed } from '../../../src-main/okta/permissions';

const identity = (over: Partial<CallerIdentity>): CallerIdentity => ({
  orgUrl: 'https://acme.okta.com',
  authMethod: 'api-token',
  userId: '00u1',
  login: 'a@acme.example',
  displayName: 'A',
  roles: [],
  scopes: undefined,
  rolesUnreadable: undefined,
  ...over,
});
const role = (type: string) => ({ id: `ra-${type}`, type, label: type, status: 'ACTIVE', assignmentType: 'USER' });

describe('stepsAllowed', () => {
  it('lets a Super Admin API token do every step', () => {
    expect(stepsAllowed(identity({ roles: [role('SUPER_ADMIN')] })).every((v) => v.allowed)).toBe(true);
  });

  it('lets a read-only admin read metadata but names the role the app step needs', () => {
    const verdicts = stepsAllowed(identity({ roles: [role('READ_ONLY_ADMIN')] }));
    expect(verdicts.find((v) => v.step === 'metadata')).toEqual({
      step: 'metadata',
      allowed: true,
      missingScopes: [],
      missingRole: undefined,
      roleUnverified: false,
    });
    expect(verdicts.find((v) => v.step === 'app')?.missingRole).toBe(
      'Super Administrator (SUPER_ADMIN), Organization Administrator (ORG_ADMIN) or Application Administrator (APP_ADMIN)',
    );
  });

  it('names the scopes an OAuth token lacks, counting .manage as covering .read', () => {
    const verdicts = stepsAllowed(
      identity({
        authMethod: 'oauth-pkce',
        roles: [role('SUPER_ADMIN')],
        scopes: ['okta.apps.manage', 'okta.users.read'],
      }),
    );
    expect(verdicts.find((v) => v.step === 'test-login')?.allowed).toBe(true);
    expect(verdicts.find((v) => v.step === 'assign')?.missingScopes).toEqual(['okta.groups.read']);
    expect(verdicts.find((v) => v.step === 'role')?.missingScopes).toEqual(['okta.schemas.manage']);
  });

  it('judges on scopes alone when the roles could not be read, and says so', () => {
    const verdict = stepsAllowed(
      identity({ scopes: ['okta.apps.manage'], rolesUnreadable: 'no okta.roles.read' }),
    ).find((v) => v.step === 'app');
    expect(verdict).toEqual({
      step: 'app',
      allowed: true,
      missingScopes: [],
      missingRole: undefined,
      roleUnverified: true,
    });
  });
});

describe('scopesFor', () => {
  it('asks for the fewest scopes that cover every step', () => {
    expect(scopesFor()).toEqual([
      'okta.apps.manage',
      'okta.groups.manage',
      'okta.roles.read',
      'okta.schemas.manage',
      'okta.users.manage',
      'okta.users.read.self',
    ]);
  });
});
