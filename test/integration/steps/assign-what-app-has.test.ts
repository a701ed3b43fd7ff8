import { describe, expect, it } from 'vitest';
import { AssignObservedSchema } from '../../../src-main/api/step-assign';
import { TestLoginObservedSchema } from '../../../src-main/api/step-test-login';
import { api } from '../../support/sandbox';
import { harnessWithLoginApp } from './login-app';
import { groupId, harnessWithApp, userId } from './with-saml-app';

const GMAIL = 'noor.aziz@gmail.com';

describe('assign step: what the app has, whoever assigned it', () => {
  it('counts groups assigned outside the step (the role mapping) and passes on them', async () => {
    const h = await harnessWithApp('courier');
    await h.apply('role');
    const engineering = await groupId(h, 'Engineering');
    const sales = await groupId(h, 'Sales');
    for (const [id, role] of [
      [engineering, 'DEVELOPER'],
      [sales, 'ANALYST'],
    ] as const)
      expect(
        (await api(h.org, 'PUT', `/api/v1/apps/${h.appId}/groups/${id}`, { body: { profile: { role } } })).status,
      ).toBe(200);
    const members = new Set<string>();
    for (const id of [engineering, sales])
      for (const u of (await api<{ id: string }[]>(h.org, 'GET', `/api/v1/groups/${id}/users`)).body) members.add(u.id);

    const view = await h.verify('assign');
    const observed = AssignObservedSchema.parse(view.observed);
    expect(observed.appHas).toEqual({
      groups: expect.arrayContaining([
        { id: engineering, name: 'Engineering', role: 'DEVELOPER' },
        { id: sales, name: 'Sales', role: 'ANALYST' },
      ]) as unknown,
      people: members.size,
      direct: 0,
      viaGroups: members.size,
      logins: expect.any(Array) as unknown,
    });
    expect(observed.appHas?.logins).toHaveLength(members.size);
    expect(view.checks[0]).toMatchObject({
      id: 'assignments',
      status: 'pass',
      detail: `The app has 2 groups and ${members.size} people (0 directly, ${members.size} through groups), assigned outside this step (the role step or the Admin Console). Pick more above to add to them.`,
    });
    expect(view.status).toBe('verified');
  });
});

describe("Millie's domain rule: gmail can never be used for SSO", () => {
  it('warns before assigning a gmail user, flags it after, and fails the test login with that user', async () => {
    const h = await harnessWithLoginApp('millie', { practice: true });
    const gmail = await userId(h, GMAIL);
    await h.save('assign', { groups: [], users: [{ id: gmail, name: 'Noor Aziz' }] });
    const before = await h.inspect('assign');
    const why =
      'Millie uses the email domain to find the company and its IdP, so consumer mail such as gmail.com can never be used with Millie SSO.';
    expect(before.changes.map((c) => c.summary)).toEqual([
      `Assign Noor Aziz directly (warning: ${GMAIL} is a gmail.com address: ${why})`,
    ]);
    expect(AssignObservedSchema.parse(before.observed).addressFindings).toEqual([
      { id: gmail, address: GMAIL, message: `${GMAIL} is a gmail.com address: ${why}`, assigned: false },
    ]);

    const after = await h.apply('assign');
    const flagged = after.checks.find((c) => c.id === 'vendor-addresses');
    expect([flagged?.status, flagged?.label, flagged?.evidence]).toEqual([
      'warn',
      'Everyone assigned can sign in to Millie with SSO',
      GMAIL,
    ]);

    await h.save('test-login', { userLogin: GMAIL });
    const login = await h.verify('test-login');
    expect(TestLoginObservedSchema.parse(login.observed).addressProblem).toBe(
      `${GMAIL} is a gmail.com address: ${why}`,
    );
    expect(login.checks.find((c) => c.id === 'test-user-address')).toEqual({
      id: 'test-user-address',
      label: "The vendor accepts the test user's address",
      status: 'fail',
      detail: `${GMAIL} is a gmail.com address: ${why} A login with this user proves nothing about the people who will use SSO.`,
    });
    expect(login.changes.map((c) => c.id)).toEqual(['test-login-user-address']);
    expect(login.status).not.toBe('verified');
  });
});
