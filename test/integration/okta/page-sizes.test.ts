import { describe, expect, it } from 'vitest';
import { api, samlAppBody, startSandbox } from '../../support/sandbox';
import { apiTokenClient } from '../../support/api-token-client';

describe("lists are read at the largest page Okta's spec allows", () => {
  it('reads an app with 1,200 people in 3 calls of 500, and its groups 200 a page', async () => {
    const org = await startSandbox({ seed: { generate: { users: 1_200, groups: 450 } } });
    const app = await api<{ id: string }>(org, 'POST', '/api/v1/apps', { body: samlAppBody('Big') });
    for (const user of org.state.users.values()) org.state.assignments.assignUser(app.body.id, user.id, {});
    for (const group of org.state.groups.values()) org.state.assignments.assignGroup(app.body.id, group.id, {});
    const paths: string[] = [];
    const okta = apiTokenClient({
      clientId: 'cli_pages',
      orgUrl: org.url,
      apiToken: org.apiToken,
      fetchImpl: async (input, init) => {
        const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
        paths.push(`${url.pathname}?limit=${url.searchParams.get('limit')}`);
        return fetch(input, init);
      },
    });
    const users = await okta.listAppUsers(app.body.id).all();
    expect(users).toHaveLength(org.state.users.size);
    expect(paths).toEqual(Array(3).fill(`/api/v1/apps/${app.body.id}/users?limit=500`));
    paths.length = 0;
    expect(await okta.listAppGroups(app.body.id).all()).toHaveLength(org.state.groups.size);
    expect(paths.length).toBe(Math.ceil(org.state.groups.size / 200));
  });
});
