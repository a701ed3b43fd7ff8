/**
 * The app step's plan: the settings Okta should hold for the input, beside what it holds, and the
 * writes (or the manual catalog add) that get it there. Pure: no Okta call.
 */
import type { AppInput, AppObserved, SettingRow } from '../api/step-app';
import type { Change } from '../api/steps';
import type { OktaApp } from '../okta/org-api';
import type { VendorProfile } from '../vendors/profile';
import { catalogSettingRows, customSettingRows, desiredSignOn, samlSpec } from './app-settings';

/** The catalog app setting the vendor's slug goes in (`slugName` for Millie); undefined when the app has none. */
export function slugFieldOf(profile: VendorProfile): string | undefined {
  return profile.app.kind === 'catalog' ? profile.app.slugField : undefined;
}

/** Planned settings for `input`, beside `actual` (rows as Okta had them, or the app itself). */
export function settingRows(
  input: AppInput,
  observed: Pick<AppObserved, 'mode' | 'catalog'>,
  profile: VendorProfile,
  actual: OktaApp | SettingRow[] | undefined,
): SettingRow[] {
  const fromApp = Array.isArray(actual) ? undefined : actual;
  const saml = samlSpec(profile);
  const slugField = slugFieldOf(profile);
  const slug =
    slugField && observed.catalog?.slugName ? { field: slugField, value: observed.catalog.slugName } : undefined;
  const rows =
    observed.mode === 'custom' && saml
      ? customSettingRows(input.label, desiredSignOn(saml, input), fromApp, saml.editable === true)
      : catalogSettingRows(input.label, slug, fromApp);
  if (!Array.isArray(actual)) return rows;
  const before = new Map(actual.map((r) => [r.key, r.actual]));
  return rows.map((r) => {
    const was = before.get(r.key);
    const { actual: _ignored, ...rest } = r;
    return { ...rest, ...(was === undefined ? {} : { actual: was }), matches: was === r.planned };
  });
}

function target(label: string): string {
  return `Okta app "${label}"`;
}

/** The writes that bring Okta to the planned app; pure. */
export function planApp(input: AppInput, observed: AppObserved, profile: VendorProfile): Change[] {
  const rows = settingRows(input, observed, profile, observed.settings);
  if (!observed.app) {
    if (observed.mode === 'custom') {
      return [
        {
          id: 'app.create',
          kind: 'create',
          target: target(input.label),
          summary: `Create the custom SAML 2.0 app "${input.label}" with the settings below, and activate it`,
          details: rows.map((r) => ({ field: r.label, to: r.planned })),
        },
      ];
    }
    const catalog = observed.catalog;
    const slug = catalog?.slugName;
    return [
      {
        id: 'app.add-from-catalog',
        kind: 'manual',
        target: 'Okta Admin Console',
        summary: `Add the ${catalog?.displayName ?? input.label} app from the Okta catalog${slug ? `, type ${slug} into "Slug Name"` : ''}, click Done, then click Check Okta here`,
        details: [
          { field: 'Open', to: catalog?.addUrl ?? '' },
          ...(slug ? [{ field: 'Slug Name', to: slug }] : []),
          { field: 'Then', to: 'The wizard finds the new app and finishes it (label, settings) through the API' },
        ],
      },
    ];
  }
  const changes: Change[] = [];
  const wrong = rows.filter((r) => !r.matches);
  if (wrong.length > 0) {
    changes.push({
      id: 'app.settings',
      kind: 'update',
      target: target(observed.app.label),
      summary:
        observed.mode === 'custom'
          ? 'Set the SAML settings the vendor needs'
          : `Finish the ${observed.catalog?.displayName ?? input.label} catalog app`,
      details: wrong.map((r) => ({
        field: r.label,
        ...(r.actual === undefined ? {} : { from: r.actual }),
        to: r.planned,
      })),
    });
  }
  if (observed.app.status !== 'ACTIVE') {
    changes.push({
      id: 'app.activate',
      kind: 'update',
      target: target(observed.app.label),
      summary: `Activate the app: it is ${observed.app.status}, so nobody can sign in with it`,
      details: [{ field: 'Status', from: observed.app.status, to: 'ACTIVE' }],
    });
  }
  return changes;
}
