import { describe, expect, it } from 'vitest';
import { SlugInputSchema } from '../../../src-main/api/step-slug';
import { planSlug } from '../../../src-main/steps/slug';

describe('company slug', () => {
  it.each(['acme', 'acme-corp', '9lives', 'a'.repeat(63)])('accepts %s', (slug) => {
    expect(SlugInputSchema.parse({ companySlug: ` ${slug} ` })).toEqual({ companySlug: slug });
  });

  it.each(['Acme', 'acme corp', '-acme', 'acme_corp', 'a'.repeat(64), 'https://millie.co/acme'])(
    'refuses %s, saying what a slug looks like',
    (slug) => {
      const result = SlugInputSchema.safeParse({ companySlug: slug });
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.message).toBe(
        'This is not a company slug; use lowercase letters, digits and hyphens, starting with a letter or digit, at most 63 characters, e.g. acme-corp (Millie shows it on Settings / SSO as "Company Slug")',
      );
    },
  );

  it('plans nothing before the app exists, and nothing when the app has the slug', () => {
    expect(planSlug({ companySlug: 'acme' }, { companySlug: 'acme', slugField: 'slugName' })).toEqual([]);
    const app = { id: '0oa1', name: 'millie', label: 'Millie', slugName: 'acme', consoleUrl: 'x' };
    expect(planSlug({ companySlug: 'acme' }, { companySlug: 'acme', slugField: 'slugName', app })).toEqual([]);
  });

  it('plans one update when the app holds another slug or none', () => {
    const base = { id: '0oa1', name: 'millie', label: 'Millie', consoleUrl: 'x' };
    expect(
      planSlug(
        { companySlug: 'acme-corp' },
        { companySlug: 'acme-corp', slugField: 'slugName', app: { ...base, slugName: 'acme' } },
      ),
    ).toEqual([
      {
        id: 'slug.write',
        kind: 'update',
        target: 'Okta app "Millie"',
        summary: 'Write the Company Slug into the app\'s "Slug Name" field',
        details: [{ field: 'Slug Name', from: 'acme', to: 'acme-corp' }],
      },
    ]);
    expect(
      planSlug({ companySlug: 'acme-corp' }, { companySlug: 'acme-corp', slugField: 'slugName', app: base })[0]
        ?.details,
    ).toEqual([{ field: 'Slug Name', to: 'acme-corp' }]);
  });
});
