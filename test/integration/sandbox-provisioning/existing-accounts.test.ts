import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { provisioningOf } from '../../../src-main/sandbox/provisioning/index';
import type { SandboxOrg } from '../../../src-main/sandbox/server';
import type { UserRecord } from '../../../src-main/sandbox/state';
import { api, startSandbox } from '../../support/sandbox';
import { startScimServer, type ScimTestServer } from '../../support/scim-server';
import { consoleSession, CORE, customAppWithRole, integration, postConsole } from './console-driver';

/**
 * Okta's SCIM 2.0 protocol reference, "Create Users": Okta first looks the person up by userName;
 * "If the SCIM server does return a User object, Okta automatically matches the result with the
 * user in Okta and sends the user's application profile to the SCIM server", and keeps the vendor's
 * id. Okta's OIN test plan case C9335 ("App Assignment For User Already Created In App") expects
 * the account to be linked and its profile updated. This is what makes "remove them from the team
 * and re-invite them through Okta" (Courier's migration guide) keep the person's vendor account.
 */

const TOKEN = 'existing-accounts-token';
let org: SandboxOrg;
let scim: ScimTestServer;
let people: UserRecord[];
let app: { id: string; name: string; label: string };

beforeAll(async () => {
  org = await startSandbox();
  scim = await startScimServer({ token: TOKEN });
  people = [...org.state.users.values()].filter((u) => u.status === 'ACTIVE' && u.id !== org.adminUserId);
  app = await customAppWithRole(org, 'Courier');
  await postConsole(await consoleSession(org, app), { ...integration(scim.baseUrl, TOKEN), action: 'save' });
});
afterAll(async () => {
  await scim.close();
});

async function vendorAccount(body: Record<string, unknown>): Promise<string> {
  const created = await fetch(`${scim.baseUrl}/Users`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/scim+json' },
    body: JSON.stringify({ schemas: [CORE], ...body }),
  });
  expect(created.status).toBe(201);
  return ((await created.json()) as { id: string }).id;
}

describe("a person who already has a vendor account is linked to it, as Okta's SCIM client does", () => {
  it('links a deactivated account found by the userName filter, whatever its case, and reactivates it with the Okta profile', async () => {
    const person = people[0];
    if (person === undefined) throw new Error('no seed user');
    // Removed from the team at the vendor before Okta, with a name in other capitals and the vendor's own data.
    const vendorId = await vendorAccount({
      userName: person.profile.login.toUpperCase(),
      name: { givenName: 'Old', familyName: 'Name', middleName: 'Q' },
      emails: [{ primary: true, value: 'old.address@vendor.example', type: 'work' }],
      title: 'Kept by the vendor',
      active: false,
    });
    const start = scim.requests.length;

    const assigned = await api(org, 'POST', `/api/v1/apps/${app.id}/users`, {
      body: { id: person.id, scope: 'USER', profile: { role: 'ANALYST' } },
    });
    expect(assigned.status).toBe(200);
    await provisioningOf(org.state).whenIdle();

    const sent = scim.requests.slice(start);
    expect(sent.map((r) => `${r.method} ${r.path}`)).toEqual([
      `GET /scim/v2/Users?filter=${encodeURIComponent(`userName eq "${person.profile.login}"`)}&startIndex=1&count=100`,
      `GET /scim/v2/Users/${vendorId}`,
      `PUT /scim/v2/Users/${vendorId}`,
    ]);
    expect(sent[2]?.body).toMatchObject({
      id: vendorId,
      userName: person.profile.login,
      name: { givenName: person.profile.firstName, familyName: person.profile.lastName, middleName: 'Q' },
      emails: [{ primary: true, value: person.profile.email, type: 'work' }],
      displayName: `${person.profile.firstName} ${person.profile.lastName}`,
      role: 'ANALYST',
      title: 'Kept by the vendor',
      active: true,
    });
    expect(scim.users().filter((u) => u.userName.toLowerCase() === person.profile.login.toLowerCase())).toEqual([
      expect.objectContaining({ id: vendorId, active: true, role: 'ANALYST', title: 'Kept by the vendor' }),
    ]);
    expect(provisioningOf(org.state).tasks.at(-1)).toMatchObject({
      appId: app.id,
      userId: person.id,
      action: 'link',
      status: 'SUCCESS',
      scimId: vendorId,
    });
    const appUser = await api(org, 'GET', `/api/v1/apps/${app.id}/users/${person.id}`);
    expect(appUser.body).toMatchObject({ syncState: 'SYNCHRONIZED', externalId: vendorId });
  });

  it('creates the account when the filter finds nobody, and later changes go to the same vendor id', async () => {
    const person = people[1];
    if (person === undefined) throw new Error('no seed user');
    const start = scim.requests.length;
    await api(org, 'POST', `/api/v1/apps/${app.id}/users`, { body: { id: person.id, scope: 'USER' } });
    await provisioningOf(org.state).whenIdle();
    expect(scim.requests.slice(start).map((r) => r.method)).toEqual(['GET', 'POST']);
    const created = scim.users().find((u) => u.userName === person.profile.login);
    expect(created).toMatchObject({ active: true, externalId: person.id });

    const beforeUnassign = scim.requests.length;
    await api(org, 'DELETE', `/api/v1/apps/${app.id}/users/${person.id}`);
    await provisioningOf(org.state).whenIdle();
    // Re-invited through Okta: assigned again, linked again to the account the unassignment deactivated.
    await api(org, 'POST', `/api/v1/apps/${app.id}/users`, { body: { id: person.id, scope: 'USER' } });
    await provisioningOf(org.state).whenIdle();
    expect(scim.requests.slice(beforeUnassign).map((r) => `${r.method} ${r.path.replace(/\?.*/, '')}`)).toEqual([
      `GET /scim/v2/Users/${created?.id ?? ''}`,
      `PUT /scim/v2/Users/${created?.id ?? ''}`,
      'GET /scim/v2/Users',
      `GET /scim/v2/Users/${created?.id ?? ''}`,
      `PUT /scim/v2/Users/${created?.id ?? ''}`,
    ]);
    expect(scim.users().filter((u) => u.userName === person.profile.login)).toEqual([
      expect.objectContaining({ id: created?.id, active: true }),
    ]);
  });
});
