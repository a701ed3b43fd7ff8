import { beforeAll, describe, expect, it } from 'vitest';
import type { SandboxOrg } from '../../../src-main/sandbox/server';
import { api, startSandbox } from '../../support/sandbox';
import { ConsoleClient } from './console-client';

let org: SandboxOrg;

beforeAll(async () => {
  org = await startSandbox();
});

describe('sandbox Admin Console: catalog pages', () => {
  it('asks for sign-in before showing the Add page', async () => {
    const page = await new ConsoleClient(org).get('/admin/app/millie/instance/_new_/');
    expect(page.status).toBe(200);
    expect(page.html).toContain('Sign in to the Admin Console');
    expect(page.html).not.toContain('Slug Name');
  });

  it('refuses a wrong password and a read-only admin', async () => {
    const console1 = new ConsoleClient(org);
    const wrong = await console1.signIn('/admin/apps/add-app', org.adminLogin, 'not-the-password');
    expect(wrong.html).toContain('Unable to sign in');
    const reader = new ConsoleClient(org);
    await reader.signIn('/admin/apps/add-app', org.readOnlyLogin);
    const denied = await reader.get('/admin/apps/add-app');
    expect(denied.status).toBe(403);
  });

  it('lists the sandbox catalog with links to each Add page', async () => {
    const admin = new ConsoleClient(org);
    await admin.signIn('/admin/apps/add-app');
    const catalog = await admin.get('/admin/apps/add-app');
    expect(catalog.status).toBe(200);
    expect(catalog.html).toContain('<a href="/admin/app/millie/instance/_new_/">Millie</a>');
    expect(catalog.html).toContain('<a href="/admin/app/mixpanel/instance/_new_/">Mixpanel</a>');
  });

  it("shows Millie's Slug Name field and creates the instance on Done, as POST /api/v1/apps would", async () => {
    const admin = new ConsoleClient(org);
    await admin.signIn('/admin/app/millie/instance/_new_/');
    const form = await admin.get('/admin/app/millie/instance/_new_/');
    expect(form.html).toContain('<h1>Add Millie</h1>');
    expect(form.html).toContain('Slug Name <input name="slugName"');
    const writes = org.writeCount();
    const { appId, location } = await admin.addCatalogApp('/admin/app/millie/instance/_new_/', {
      label: 'Millie',
      slugName: 'acme-corp',
    });
    expect(location).toBe(`/admin/app/millie/instance/${appId}/`);
    expect(org.writeCount()).toBe(writes);
    const read = await api<{
      name: string;
      label: string;
      status: string;
      settings: { app: { slugName: string } };
      _links: { appLinks: { href: string }[] };
    }>(org, 'GET', `/api/v1/apps/${appId}`);
    expect(read.body).toMatchObject({
      name: 'millie',
      label: 'Millie',
      status: 'ACTIVE',
      settings: { app: { slugName: 'acme-corp' } },
    });
    expect(read.body._links.appLinks[0]?.href).toMatch(new RegExp(`/home/millie/${appId}/aln`));
    const appPage = await admin.get(location);
    expect(appPage.html).toContain(`<dd id="app-id">${appId}</dd>`);
    expect(appPage.html).toContain('<dd id="setting-slugName">acme-corp</dd>');
  });

  it("keeps the form and shows Okta's message when the slug is not valid", async () => {
    const admin = new ConsoleClient(org);
    await admin.signIn('/admin/app/millie/instance/_new_/');
    const before = org.state.apps.size;
    const answer = await admin.post('/admin/app/millie/instance/_new_/', { label: 'Millie 2', slugName: 'Acme Corp' });
    expect(answer.status).toBe(400);
    expect(answer.html).toContain(
      'slugName: &#39;Acme Corp&#39; is not valid; use lowercase letters, digits and hyphens, e.g. acme-corp.',
    );
    expect(answer.html).toContain('value="Acme Corp"');
    expect(org.state.apps.size).toBe(before);
  });

  it('answers 404 for an app that is not in the catalog', async () => {
    const admin = new ConsoleClient(org);
    await admin.signIn('/admin/app/slack/instance/_new_/');
    expect((await admin.get('/admin/app/slack/instance/_new_/')).status).toBe(404);
  });
});
