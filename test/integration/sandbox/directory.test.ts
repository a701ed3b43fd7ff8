import { beforeAll, describe, expect, it } from 'vitest';
import type { SandboxOrg } from '../../../src-main/sandbox/server';
import { api, startSandbox } from '../../support/sandbox';

type Json = Record<string, unknown>;

let org: SandboxOrg;

async function logins(query: string): Promise<string[]> {
  const answer = await api<Json[]>(org, 'GET', `/api/v1/users?${query}`);
  expect(answer.status).toBe(200);
  return answer.body.map((u) => String((u.profile as Json).login));
}

beforeAll(async () => {
  org = await startSandbox();
});

describe('seeded directory', () => {
  it('has an acme.example workforce, a subsidiary domain and consumer-domain contractors', async () => {
    const domains = new Map<string, number>();
    for (const login of await logins('limit=200')) {
      const domain = login.split('@')[1] ?? '';
      domains.set(domain, (domains.get(domain) ?? 0) + 1);
    }
    expect(Object.fromEntries(domains)).toEqual({
      'acme.example': 42,
      'labs.acme.example': 6,
      'gmail.com': 3,
      'outlook.com': 2,
    });
  });

  it('has the working groups with members, and Everyone holding every user', async () => {
    const groups = await api<Json[]>(org, 'GET', '/api/v1/groups');
    const names = groups.body.map((g) => (g.profile as Json).name);
    expect(names).toEqual([
      'Everyone',
      'Engineering',
      'Support',
      'Managers',
      'Designers',
      'Analysts',
      'Sales',
      'Contractors',
    ]);
    const everyone = groups.body[0];
    expect((everyone?._embedded as { stats: Json }).stats.usersCount).toBe(org.state.users.size);
    const contractors = await api<Json[]>(org, 'GET', `/api/v1/groups/${String(groups.body[7]?.id)}/users`);
    expect(contractors.body.map((u) => (u.profile as Json).email)).toEqual([
      'sam.rivera.design@gmail.com',
      'noor.aziz@gmail.com',
      'leo.martin.dev@gmail.com',
      'mia.novak@outlook.com',
      'tbyrne@outlook.com',
    ]);
  });

  it('generates N users and M groups on request', async () => {
    const big = await startSandbox({ seed: { generate: { users: 10_000, groups: 2_000 } } });
    expect([big.state.users.size, big.state.groups.size]).toEqual([10_002, 2_001]);
    const page = await api<Json[]>(big, 'GET', '/api/v1/groups?q=Team%200042');
    expect(page.body.map((g) => (g.profile as Json).name)).toEqual(['Team 0042']);
  });
});

describe('user queries', () => {
  it('finds users by q (first name, last name or email prefix)', async () => {
    expect(await logins('q=noor')).toEqual(['noor.aziz@gmail.com']);
    expect(await logins('q=Aziz')).toEqual(['noor.aziz@gmail.com']);
  });

  it('filters on status and profile.login, and searches profile.email with sw and eq', async () => {
    expect(await logins(`filter=${encodeURIComponent('profile.login eq "tbyrne@outlook.com"')}`)).toEqual([
      'tbyrne@outlook.com',
    ]);
    expect((await logins(`filter=${encodeURIComponent('status eq "ACTIVE"')}&limit=200`)).length).toBe(
      org.state.users.size,
    );
    expect(await logins(`search=${encodeURIComponent('profile.email sw "mia."')}`)).toEqual(['mia.novak@outlook.com']);
    expect(
      await logins(
        `search=${encodeURIComponent('profile.email eq "Noor.Aziz@gmail.com" or profile.email eq "tbyrne@outlook.com"')}`,
      ),
    ).toEqual(['noor.aziz@gmail.com', 'tbyrne@outlook.com']);
  });

  it('reads a user by id or by login and answers an unknown one with E0000007', async () => {
    const byLogin = await api<Json>(org, 'GET', '/api/v1/users/tbyrne@outlook.com');
    const byId = await api<Json>(org, 'GET', `/api/v1/users/${String(byLogin.body.id)}`);
    expect(byId.body).toEqual(byLogin.body);
    const missing = await api<Json>(org, 'GET', '/api/v1/users/nobody@acme.example');
    expect([missing.status, missing.body.errorSummary]).toEqual([
      404,
      'Not found: Resource not found: nobody@acme.example (User)',
    ]);
  });

  it('creates a user with a password as ACTIVE, refusing a login already taken', async () => {
    const body = {
      profile: { firstName: 'Zed', lastName: 'Zero', email: 'zed@acme.example', login: 'zed@acme.example' },
      credentials: { password: { value: 'Zed-Passw0rd!' } },
    };
    const created = await api<Json>(org, 'POST', '/api/v1/users?activate=true', { body });
    expect([created.status, created.body.status]).toEqual([200, 'ACTIVE']);
    const again = await api<Json>(org, 'POST', '/api/v1/users', { body });
    expect([again.status, again.body.errorSummary, again.body.errorCauses]).toEqual([
      400,
      'Api validation failed: login',
      [{ errorSummary: 'login: An object with this field already exists in the current organization' }],
    ]);
  });
});
