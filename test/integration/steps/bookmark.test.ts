import { describe, expect, it } from 'vitest';
import { api, bookmarkAppBody } from '../../support/sandbox';
import { groupId, harnessWithApp } from './with-saml-app';

interface AppJson {
  id: string;
  name: string;
  label: string;
  status: string;
  signOnMode: string;
  settings: { app: Record<string, unknown> };
}

describe('bookmark step (Courier)', () => {
  it("creates the bookmark, assigns it to the main app's groups, and a second apply writes nothing", async () => {
    const h = await harnessWithApp('courier');
    const engineering = await groupId(h, 'Engineering');
    const support = await groupId(h, 'Support');
    for (const id of [engineering, support])
      await api(h.org, 'PUT', `/api/v1/apps/${h.appId}/groups/${id}`, { body: {} });

    await h.save('bookmark', { url: 'https://app.courier.example/login' });
    const planned = await h.inspect('bookmark');
    expect(planned.changes.map((c) => `${c.id}:${c.kind} ${c.target}`)).toEqual([
      'bookmark-app:create bookmark app "Courier Login"',
      `bookmark-group:${engineering}:create group "Engineering"`,
      `bookmark-group:${support}:create group "Support"`,
    ]);

    const applied = await h.apply('bookmark');
    expect(applied.status).toBe('verified');
    expect(applied.checks.map((c) => [c.id, c.status])).toEqual([
      ['bookmark-app', 'pass'],
      ['bookmark-url', 'pass'],
      ['bookmark-label', 'pass'],
      ['bookmark-active', 'pass'],
      ['bookmark-groups', 'pass'],
    ]);
    const { bookmarkAppId } = (await h.current()).facts;
    const app = await api<AppJson>(h.org, 'GET', `/api/v1/apps/${bookmarkAppId}`);
    expect([app.body.name, app.body.label, app.body.status, app.body.signOnMode, app.body.settings.app]).toEqual([
      'bookmark',
      'Courier Login',
      'ACTIVE',
      'BOOKMARK',
      { url: 'https://app.courier.example/login', requestIntegration: false },
    ]);
    const groups = await api<{ id: string }[]>(h.org, 'GET', `/api/v1/apps/${bookmarkAppId}/groups`);
    expect(groups.body.map((g) => g.id).sort()).toEqual([engineering, support].sort());

    const writes = h.org.writeCount();
    const again = await h.apply('bookmark');
    expect([h.org.writeCount(), again.status]).toEqual([writes, 'verified']);
  });

  it('finds a bookmark made earlier by its label, learns its id and corrects its URL', async () => {
    const h = await harnessWithApp('courier');
    const made = await api<AppJson>(h.org, 'POST', '/api/v1/apps', {
      body: bookmarkAppBody('Courier Login', 'https://old.courier.example/'),
    });
    await h.save('bookmark', { url: 'https://app.courier.example/login' });
    const planned = await h.inspect('bookmark');
    expect(planned.changes).toEqual([
      {
        id: 'bookmark-settings',
        kind: 'update',
        target: 'bookmark app "Courier Login"',
        summary: "Correct the bookmark's URL",
        details: [{ field: 'URL', from: 'https://old.courier.example/', to: 'https://app.courier.example/login' }],
      },
    ]);
    expect((await h.current()).facts.bookmarkAppId).toBe(made.body.id);
    const applied = await h.apply('bookmark');
    expect(applied.status).toBe('verified');
    const apps = await api<AppJson[]>(h.org, 'GET', '/api/v1/apps?q=Courier%20Login');
    expect(apps.body.filter((a) => a.name === 'bookmark').map((a) => [a.id, a.settings.app.url])).toEqual([
      [made.body.id, 'https://app.courier.example/login'],
    ]);
  });

  it('refuses a URL that is not https and names the field', async () => {
    const h = await harnessWithApp('courier');
    await expect(h.save('bookmark', { url: 'http://app.courier.example/login' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      field: 'url',
    });
  });
});
