import { beforeAll, describe, expect, it } from 'vitest';
import { lookupAccessToken } from '../../../src-main/sandbox/auth';
import type { SandboxOrg } from '../../../src-main/sandbox/server';
import { api, bookmarkAppBody, startSandbox } from '../../support/sandbox';

type Json = Record<string, unknown>;

let org: SandboxOrg;

function grant(
  token: string,
  scopes: string[],
  options: { tokenType?: 'Bearer' | 'DPoP'; expiresAt?: number; userId?: string } = {},
): void {
  org.state.accessTokens.set(token, {
    userId: options.userId ?? org.adminUserId,
    clientId: '0oaclient',
    scopes,
    expiresAt: options.expiresAt ?? Date.now() + 3_600_000,
    tokenType: options.tokenType ?? 'Bearer',
  });
}

beforeAll(async () => {
  org = await startSandbox();
  // Tokens are put in state directly: this file tests the router's scope and role checks, not the OAuth server.
  org.context.setAccessTokenValidator(lookupAccessToken);
});

describe('SSWS API tokens', () => {
  it('accepts the admin token and answers /users/me with its creator', async () => {
    const me = await api<Json>(org, 'GET', '/api/v1/users/me');
    expect([me.status, (me.body.profile as Json).login]).toEqual([200, 'admin@acme.example']);
  });

  it('answers a wrong token 401 E0000011 and no Authorization 403 E0000005', async () => {
    const wrong = await api<Json>(org, 'GET', '/api/v1/apps', { token: '00wrongwrongwrong' });
    const none = await api<Json>(org, 'GET', '/api/v1/apps', { token: null });
    expect([wrong.status, wrong.body.errorCode, wrong.body.errorSummary]).toEqual([
      401,
      'E0000011',
      'Invalid token provided',
    ]);
    expect([none.status, none.body.errorCode, none.body.errorSummary]).toEqual([403, 'E0000005', 'Invalid session']);
  });

  it('lets a read-only admin read but answers its writes 403 E0000006', async () => {
    expect((await api(org, 'GET', '/api/v1/apps', { token: org.readOnlyApiToken })).status).toBe(200);
    const write = await api<Json>(org, 'POST', '/api/v1/apps', {
      body: bookmarkAppBody('Denied'),
      token: org.readOnlyApiToken,
    });
    expect([write.status, write.body.errorCode, write.body.errorSummary]).toEqual([
      403,
      'E0000006',
      'You do not have permission to perform the requested action',
    ]);
    const roles = await api<Json[]>(org, 'GET', `/api/v1/users/${org.readOnlyLogin}/roles`, {
      token: org.readOnlyApiToken,
    });
    expect(roles.body.map((r) => [r.type, r.label, r.assignmentType, r.status])).toEqual([
      ['READ_ONLY_ADMIN', 'Read Only Administrator', 'USER', 'ACTIVE'],
    ]);
  });

  it('gives the Super Admin SUPER_ADMIN', async () => {
    const roles = await api<Json[]>(org, 'GET', `/api/v1/users/${org.adminUserId}/roles`);
    expect(roles.body.map((r) => r.type)).toEqual(['SUPER_ADMIN']);
  });
});

describe('OAuth access tokens', () => {
  it('accepts a Bearer token whose scopes cover the call', async () => {
    grant('at-read-apps', ['okta.apps.read']);
    expect((await api(org, 'GET', '/api/v1/apps', { token: 'Bearer at-read-apps' })).status).toBe(200);
  });

  it("answers a missing scope 403 with an empty body and Okta's WWW-Authenticate", async () => {
    grant('at-apps-only', ['okta.apps.read']);
    const answer = await api(org, 'GET', '/api/v1/groups', { token: 'Bearer at-apps-only' });
    expect([answer.status, answer.text]).toEqual([403, '']);
    expect(answer.headers.get('www-authenticate')).toBe(
      `Bearer authorization_uri="${org.url}/oauth2/v1/authorize", realm="${org.url}", scope="okta.groups.read", error="insufficient_scope", error_description="The access token provided does not contain the required scopes.", resource="/api/v1/groups"`,
    );
  });

  it('needs .manage to write, and still needs an admin role', async () => {
    grant('at-read-only-scope', ['okta.apps.read']);
    const write = await api(org, 'POST', '/api/v1/apps', {
      body: bookmarkAppBody('Scoped'),
      token: 'Bearer at-read-only-scope',
    });
    expect([write.status, write.headers.get('www-authenticate')?.includes('scope="okta.apps.manage"')]).toEqual([
      403,
      true,
    ]);
    const plainUser = org.state.getUser('ava.adams@acme.example')?.id;
    grant('at-no-role', ['okta.apps.manage'], { userId: plainUser });
    const denied = await api<Json>(org, 'GET', '/api/v1/apps', { token: 'Bearer at-no-role' });
    expect([denied.status, denied.body.errorCode]).toEqual([403, 'E0000006']);
  });

  it('answers /users/me for okta.users.read.self', async () => {
    grant('at-self', ['okta.users.read.self'], { userId: org.state.getUser('ava.adams@acme.example')?.id });
    const me = await api<Json>(org, 'GET', '/api/v1/users/me', { token: 'Bearer at-self' });
    expect([me.status, (me.body.profile as Json).email]).toEqual([200, 'ava.adams@acme.example']);
  });

  it('answers an expired token or the wrong scheme 401 invalid_token with an empty body', async () => {
    grant('at-expired', ['okta.apps.read'], { expiresAt: Date.now() - 1 });
    const expired = await api(org, 'GET', '/api/v1/apps', { token: 'Bearer at-expired' });
    expect([expired.status, expired.text]).toEqual([401, '']);
    expect(expired.headers.get('www-authenticate')).toContain('error="invalid_token"');
    grant('at-dpop', ['okta.apps.read'], { tokenType: 'DPoP' });
    const wrongScheme = await api(org, 'GET', '/api/v1/apps', { token: 'Bearer at-dpop' });
    expect(wrongScheme.status).toBe(401);
    const dpop = await api(org, 'GET', '/api/v1/groups', { token: 'DPoP at-dpop' });
    expect(dpop.headers.get('www-authenticate')).toMatch(
      /^DPoP algs="RS256 RS384 RS512 ES256 ES384 ES512", authorization_uri=/,
    );
  });
});

describe('unknown routes', () => {
  it('answers an unsupported method with 405 E0000022 and an unknown path with 404', async () => {
    const method = await api<Json>(org, 'PATCH', '/api/v1/apps');
    const path = await api<Json>(org, 'GET', '/api/v1/nothing-here');
    expect([method.status, method.body.errorCode, path.status, path.body.errorCode]).toEqual([
      405,
      'E0000022',
      404,
      'E0000007',
    ]);
  });
});
