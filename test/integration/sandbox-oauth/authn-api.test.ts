import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_PASSWORD } from '../../../src-main/sandbox/oauth/sign-in';
import { createSandboxOrg, type SandboxOrg } from '../../../src-main/sandbox/server';

/** The practice org's Authentication API and session redirect, held to the shapes Okta documents. */
let org: SandboxOrg;
beforeAll(async () => {
  org = await createSandboxOrg();
});
afterAll(async () => {
  await org.close();
});

const LOGIN = 'ava.adams@acme.example';

async function authn(username: string, password: string): Promise<Response> {
  return fetch(`${org.url}/api/v1/authn`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ username, password, options: { warnBeforePasswordExpired: false } }),
  });
}

const redirect = (token: string, redirectUrl: string) =>
  fetch(`${org.url}/login/sessionCookieRedirect?${new URLSearchParams({ token, redirectUrl }).toString()}`, {
    redirect: 'manual',
  });

describe('POST /api/v1/authn (primary authentication)', () => {
  it('answers SUCCESS with a one-time sessionToken, its expiry and the embedded user', async () => {
    const answer = await authn(LOGIN, SANDBOX_PASSWORD);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('x-okta-request-id')).toBeTruthy();
    const body = (await answer.json()) as Record<string, unknown>;
    expect(body).toEqual({
      expiresAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      status: 'SUCCESS',
      sessionToken: expect.stringMatching(/^[A-Za-z0-9_-]{32}$/),
      _embedded: {
        user: {
          id: org.state.getUser(LOGIN)?.id,
          passwordChanged: org.state.getUser(LOGIN)?.passwordChanged,
          profile: expect.objectContaining({ login: LOGIN, firstName: 'Ava', lastName: 'Adams' }),
        },
      },
    });
  });

  it('answers 401 E0000004 "Authentication failed" for a wrong password, an unknown user and a user without a password yet', async () => {
    const created = await fetch(`${org.url}/api/v1/users?activate=true`, {
      method: 'POST',
      headers: { authorization: `SSWS ${org.apiToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        profile: { firstName: 'No', lastName: 'Password', email: 'np@acme.example', login: 'np@acme.example' },
      }),
    });
    expect(((await created.json()) as { status: string }).status).toBe('PROVISIONED');
    for (const [username, password] of [
      [LOGIN, 'wrong'],
      ['nobody@acme.example', SANDBOX_PASSWORD],
      ['np@acme.example', SANDBOX_PASSWORD],
    ] as const) {
      const answer = await authn(username, password);
      expect([answer.status, await answer.json()]).toEqual([
        401,
        expect.objectContaining({ errorCode: 'E0000004', errorSummary: 'Authentication failed', errorCauses: [] }),
      ]);
    }
  });
});

describe('GET /login/sessionCookieRedirect', () => {
  it('sets the session cookie once per token and redirects on the org; a used token or another origin is refused', async () => {
    const { sessionToken } = (await (await authn(LOGIN, SANDBOX_PASSWORD)).json()) as { sessionToken: string };
    const target = `${org.url}/app/UserHome`;
    const first = await redirect(sessionToken, target);
    expect([first.status, first.headers.get('location')]).toEqual([302, target]);
    expect(first.headers.get('set-cookie')).toMatch(/^sid=[A-Za-z0-9_-]+; Path=\/; HttpOnly; SameSite=Lax$/);

    expect((await redirect(sessionToken, target)).status).toBe(403);

    const { sessionToken: another } = (await (await authn(LOGIN, SANDBOX_PASSWORD)).json()) as { sessionToken: string };
    expect((await redirect(another, 'https://attacker.example/')).status).toBe(400);
  });
});
