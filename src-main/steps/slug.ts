import { COMPANY_SLUG_PATTERN, SlugInputSchema, type SlugInput, type SlugObserved } from '../api/step-slug';
import type { Change, Check } from '../api/steps';
import { AppError } from '../errors';
import { appInstanceUrl } from '../okta/console-links';
import type { VendorProfile } from '../vendors/profile';
import { updatedApp } from './app-settings';
import { defineStep } from './step';

function slugField(profile: VendorProfile): string {
  if (profile.app.kind !== 'catalog' || !profile.app.slugField) {
    throw new AppError(
      'SLUG_NOT_USED',
      `${profile.name}'s app has no slug field.`,
      'Skip this step; it belongs to vendors whose catalog app takes a company slug (Millie).',
    );
  }
  return profile.app.slugField;
}

/** Writes the slug into the app's field once the app exists; before that the app step will. Pure. */
export function planSlug(input: SlugInput, observed: SlugObserved): Change[] {
  const app = observed.app;
  if (!app || app.slugName === input.companySlug) return [];
  return [
    {
      id: 'slug.write',
      kind: 'update',
      target: `Okta app "${app.label}"`,
      summary: `Write the Company Slug into the app's "Slug Name" field`,
      details: [
        { field: 'Slug Name', ...(app.slugName === undefined ? {} : { from: app.slugName }), to: input.companySlug },
      ],
    },
  ];
}

/**
 * The Company Slug from the vendor's Settings / SSO page. The guide notes it before the app is
 * added; so the slug is validated and recorded here, typed into "Slug Name" when the admin adds
 * the app (the app step shows it), and written by this step whenever the app's field differs.
 */
export const slugStep = defineStep<SlugInput, SlugObserved>({
  id: 'slug',
  input: SlugInputSchema,
  defaults: (_profile, facts) => ({ companySlug: facts.companySlug ?? '' }),
  async inspect(ctx) {
    const field = slugField(ctx.profile);
    ctx.learn({ companySlug: ctx.input.companySlug });
    const observed: SlugObserved = { companySlug: ctx.input.companySlug, slugField: field };
    if (!ctx.facts.appId) return observed;
    const okta = await ctx.okta();
    const app = await okta.getApp(ctx.facts.appId);
    if (!app) return observed;
    const current = app.settings.app?.[field];
    observed.app = {
      id: app.id,
      name: app.name,
      label: app.label,
      ...(typeof current === 'string' && current !== '' ? { slugName: current } : {}),
      consoleUrl: appInstanceUrl(okta.orgUrl, app.name, app.id, 'signon'),
    };
    return observed;
  },
  plan: (input, observed) => planSlug(input, observed),
  async apply(ctx, changes, observed) {
    if (!changes.some((c) => c.id === 'slug.write') || !observed.app) return;
    const okta = await ctx.okta();
    const app = await okta.getApp(observed.app.id);
    if (!app)
      throw new AppError(
        'APP_GONE',
        `The app ${observed.app.id} was deleted.`,
        'Go to the app step and add the app again.',
      );
    await okta.updateApp(
      app.id,
      updatedApp(app, { label: app.label, settingsApp: { [observed.slugField]: ctx.input.companySlug } }),
    );
  },
  async verify(ctx, observed): Promise<Check[]> {
    const slug = ctx.input.companySlug;
    const wellFormed = COMPANY_SLUG_PATTERN.test(slug);
    const checks: Check[] = [
      {
        id: 'slug-valid',
        label: `The Company Slug has ${ctx.profile.name}'s slug format`,
        status: wellFormed ? 'pass' : 'fail',
        detail: wellFormed
          ? 'Lowercase letters, digits and hyphens, starting with a letter or digit, at most 63 characters.'
          : `"${slug}" is not a company slug: use lowercase letters, digits and hyphens, starting with a letter or digit, at most 63 characters.`,
        evidence: slug,
      },
      {
        id: 'slug-vendor',
        label: `${ctx.profile.name} knows this slug · Cannot be checked`,
        status: 'warn',
        detail: `The app cannot read ${ctx.profile.name}'s settings: compare ${slug} with "Company Slug" on ${ctx.profile.name}'s Settings / SSO page. A wrong slug shows as a failed sign-in at ${ctx.profile.name}.`,
      },
    ];
    if (!observed.app) {
      checks.push({
        id: 'app-slug',
        label: "The app's Slug Name is the Company Slug",
        status: 'warn',
        detail: `No ${ctx.profile.name} app yet: type ${ctx.input.companySlug} into "Slug Name" when you add it in the app step; the wizard checks it there.`,
      });
      return checks;
    }
    const ok = observed.app.slugName === ctx.input.companySlug;
    checks.push({
      id: 'app-slug',
      label: "The app's Slug Name is the Company Slug",
      status: ok ? 'pass' : 'fail',
      detail: ok ? `Read back from the app "${observed.app.label}".` : 'Click Apply to write it.',
      evidence: `Okta: ${observed.app.slugName ?? '(not set)'} · planned: ${ctx.input.companySlug}`,
    });
    return checks;
  },
});
