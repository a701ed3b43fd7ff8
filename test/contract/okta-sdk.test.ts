import {
  Client,
  SamlApplication,
  BookmarkApplication,
  type Application,
  type AppUser,
  type Group,
  type User,
} from '@okta/okta-sdk-nodejs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SandboxOrg } from '../../src-main/sandbox/server';
import { api, bookmarkAppBody, samlAppBody, startSandbox } from '../support/sandbox';

let org: SandboxOrg;
let client: Client;
let samlId: string;

async function all<T>(collection: AsyncIterable<T | null>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of collection) if (item !== null) items.push(item);
  return items;
}

beforeAll(async () => {
  org = await startSandbox();
  // Okta's own SDK as an independent peer: what it reads from the sandbox, a real client would.
  client = new Client({ orgUrl: org.url, token: org.apiToken, authorizationMode: 'SSWS', cacheMiddleware: null });
  samlId = (await created(samlAppBody('SDK SAML'))).id;
  for (let i = 0; i < 4; i += 1) await created(bookmarkAppBody(`SDK Bookmark ${i}`));
});

/**
 * Creates an app and insists on Okta's 200 with an id. The setup once read the id of a create that
 * had failed, and three tests then failed on "undefined" with the create's answer lost; now the
 * answer itself is the failure.
 */
async function created(body: Record<string, unknown>): Promise<{ id: string }> {
  const answer = await api<{ id?: unknown }>(org, 'POST', '/api/v1/apps', { body });
  const id = answer.status === 200 ? answer.body.id : undefined;
  if (typeof id !== 'string')
    throw new Error(
      `Creating app "${String(body.label)}" answered HTTP ${answer.status}: ${answer.text.slice(0, 500)}`,
    );
  return { id };
}

describe('@okta/okta-sdk-nodejs 8.1 reads the sandbox into its typed models', () => {
  it('pages through apps two at a time and types each by sign-on mode', async () => {
    const apps = await all<Application>(await client.applicationApi.listApplications({ limit: 2 }));
    expect(apps.map((a) => a.label)).toEqual([
      'SDK SAML',
      'SDK Bookmark 0',
      'SDK Bookmark 1',
      'SDK Bookmark 2',
      'SDK Bookmark 3',
    ]);
    expect(apps[0]).toBeInstanceOf(SamlApplication);
    expect(apps[1]).toBeInstanceOf(BookmarkApplication);
    expect(org.requestLog().filter((e) => e.path.startsWith('/api/v1/apps?')).length).toBeGreaterThanOrEqual(3);
  });

  it('reads a SAML app with its sign-on settings, links and signing kid', async () => {
    const app = (await client.applicationApi.getApplication({ appId: samlId })) as SamlApplication;
    expect(app).toBeInstanceOf(SamlApplication);
    expect(app.settings?.signOn?.ssoAcsUrl).toBe('https://vendor.example/saml/acs');
    expect(app.settings?.signOn?.honorForceAuthn).toBe(true);
    expect(app.credentials?.signing?.kid).toMatch(/^[\w-]{43}$/);
    expect(app._links?.metadata?.href).toBe(`${org.url}/api/v1/apps/${samlId}/sso/saml/metadata`);
  });

  it('pages through every user, 10 at a time', async () => {
    const users = await all<User>(await client.userApi.listUsers({ limit: 10 }));
    expect(users).toHaveLength(org.state.users.size);
    expect(users[0]?.profile?.login).toBe(org.adminLogin);
    expect(new Set(users.map((u) => u.id)).size).toBe(users.length);
  });

  it('lists groups, app users, the app user schema, keys and metadata', async () => {
    const groups = await all<Group>(await client.groupApi.listGroups({ q: 'Eng' }));
    expect(groups.map((g) => g.profile?.name)).toEqual(['Engineering']);
    await client.applicationApi.assignGroupToApplication({
      appId: samlId,
      groupId: groups[0]?.id ?? '',
      applicationGroupAssignment: { priority: 0, profile: {} },
    });
    const appUsers = await all<AppUser>(await client.applicationApi.listApplicationUsers({ appId: samlId, limit: 5 }));
    expect(appUsers.length).toBe(org.state.groupMemberIds(groups[0]?.id ?? '').size);
    expect(appUsers.every((u) => u.scope === 'GROUP')).toBe(true);
    const schema = await client.schemaApi.getApplicationUserSchema({ appInstanceId: samlId });
    expect(schema.definitions?.custom?.properties).toEqual({});
    const keys = await all(await client.applicationApi.listApplicationKeys({ appId: samlId }));
    expect(keys).toHaveLength(1);
    const metadata = await client.applicationApi.previewSAMLmetadataForApplication({
      appId: samlId,
      kid: String((keys[0] as { kid?: string }).kid),
    });
    expect(metadata).toContain(`entityID="http://www.okta.com/${org.state.apps.get(samlId)?.entityKey ?? ''}"`);
  });
});
