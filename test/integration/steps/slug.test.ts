import { describe, expect, it } from 'vitest';
import { SlugObservedSchema } from '../../../src-main/api/step-slug';
import { api } from '../../support/sandbox';
import { stepHarness } from '../../support/step-harness';

describe('slug step (Millie)', () => {
  it('starts blocked and refuses a slug that is not one, naming the field', async () => {
    const h = await stepHarness('millie');
    const view = await h.inspect('slug');
    expect(view.status).toBe('needs-input');
    expect(view.blockers[0]?.label).toBe('Company slug');
    expect(view.blockers[0]?.message).toBe(
      'Enter the Company Slug: lowercase letters, digits and hyphens, starting with a letter or digit, at most 63 characters, e.g. acme-corp (Millie shows it on Settings / SSO as "Company Slug")',
    );
    await expect(h.save('slug', { companySlug: 'Acme Corp' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      field: 'companySlug',
    });
  });

  it('records the slug as a fact before the app exists, without writing', async () => {
    const h = await stepHarness('millie');
    const view = await h.save('slug', { companySlug: ' acme-corp ' });
    expect(view.changes).toEqual([]);
    expect(SlugObservedSchema.parse(view.observed)).toEqual({ companySlug: 'acme-corp', slugField: 'slugName' });
    expect((await h.current()).facts.companySlug).toBe('acme-corp');
    expect(h.org.writeCount()).toBe(0);
    expect(view.checks.map((c) => [c.id, c.status, c.label, c.detail])).toEqual([
      [
        'slug-valid',
        'pass',
        "The Company Slug has Millie's slug format",
        'Lowercase letters, digits and hyphens, starting with a letter or digit, at most 63 characters.',
      ],
      [
        'slug-vendor',
        'warn',
        'Millie knows this slug · Cannot be checked',
        'The app cannot read Millie\'s settings: compare acme-corp with "Company Slug" on Millie\'s Settings / SSO page. A wrong slug shows as a failed sign-in at Millie.',
      ],
      [
        'app-slug',
        'warn',
        "The app's Slug Name is the Company Slug",
        'No Millie app yet: type acme-corp into "Slug Name" when you add it in the app step; the wizard checks it there.',
      ],
    ]);
  });

  it('writes a changed slug into the existing app once, and proves it by reading it back', async () => {
    const h = await stepHarness('millie');
    const created = await api<{ id: string }>(h.org, 'POST', '/api/v1/apps', {
      body: { name: 'millie', label: 'Millie', signOnMode: 'SAML_2_0', settings: { app: { slugName: 'acme-corp' } } },
    });
    await h.save('slug', { companySlug: 'acme-corp' });
    await h.save('app', {});
    expect((await h.current()).facts.appId).toBe(created.body.id);

    const planned = await h.save('slug', { companySlug: 'acme-inc' });
    expect(planned.changes).toEqual([
      {
        id: 'slug.write',
        kind: 'update',
        target: 'Okta app "Millie"',
        summary: 'Write the Company Slug into the app\'s "Slug Name" field',
        details: [{ field: 'Slug Name', from: 'acme-corp', to: 'acme-inc' }],
      },
    ]);
    const writes = h.org.writeCount();
    const applied = await h.apply('slug');
    expect(applied.status).toBe('verified');
    expect(applied.checks.find((c) => c.id === 'app-slug')).toMatchObject({
      status: 'pass',
      evidence: 'Okta: acme-inc · planned: acme-inc',
    });
    expect(h.org.writeCount()).toBe(writes + 1);
    const app = await api<{ label: string; settings: { app: Record<string, unknown> } }>(
      h.org,
      'GET',
      `/api/v1/apps/${created.body.id}`,
    );
    expect(app.body.settings.app).toEqual({ slugName: 'acme-inc' });
    expect(app.body.label).toBe('Millie');

    await h.apply('slug');
    expect(h.org.writeCount()).toBe(writes + 1);
    const appStep = await h.inspect('app');
    expect(appStep.changes).toEqual([]);
  });
});
