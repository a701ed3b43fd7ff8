import type { IntegrationFacts } from '../api/model';
import { AppInputSchema, type AppInput, type AppObserved } from '../api/step-app';
import type { Check } from '../api/steps';
import { AppError } from '../errors';
import { addCatalogAppUrl, appInstanceUrl, browseCatalogUrl } from '../okta/console-links';
import type { OktaApp, OktaOrgApi } from '../okta/org-api';
import { parseIdpMetadata } from '../saml/metadata';
import type { VendorProfile } from '../vendors/profile';
import { findApp } from './app-find';
import { expressionFindings, userProfileAttributes } from './expression-findings';
import { desiredSignOn, effectiveMode, extraAttributes, samlSpec, statementText, updatedApp } from './app-settings';
import { oktaEntityKey, publicMetadataUrl } from './metadata-urls';
import { planApp, settingRows, slugFieldOf } from './app-plan';
import { defineStep, type StepContext } from './step';

function catalogName(profile: VendorProfile): string | undefined {
  return profile.app.kind === 'custom' ? undefined : profile.app.catalogName;
}

/** A catalog app's Sign On `…Override` fields (ACS URL, audience, recipient, destination) that hold a value. */
function signOnOverrides(app: OktaApp): string[] {
  const signOn: Record<string, unknown> = app.settings.signOn ?? {};
  return Object.entries(signOn)
    .filter(([key, value]) => key.endsWith('Override') && typeof value === 'string' && value !== '')
    .map(([key, value]) => `${key} = ${String(value)}`);
}

function learnApp(ctx: StepContext<AppInput>, app: OktaApp): void {
  const facts: Partial<IntegrationFacts> = { appId: app.id, appName: app.name, appLabel: app.label };
  const embed = app.appLinks[0]?.href;
  if (embed) facts.embedLink = embed;
  ctx.learn(facts);
}

function companySlug(ctx: StepContext<AppInput>): string | undefined {
  if (!slugFieldOf(ctx.profile)) return undefined;
  const slug = ctx.facts.companySlug;
  if (slug === undefined) {
    throw new AppError(
      'SLUG_FIRST',
      `The ${ctx.profile.name} app needs your Company Slug, and none is recorded yet.`,
      `Open the "Company slug" step, enter the Company Slug from ${ctx.profile.name}'s Settings / SSO page, save, then come back.`,
    );
  }
  return slug;
}

async function readApp(okta: OktaOrgApi, appId: string): Promise<OktaApp> {
  const app = await okta.getApp(appId);
  if (!app)
    throw new AppError(
      'APP_GONE',
      `The app ${appId} was deleted while the wizard was working on it.`,
      'Click Check Okta to look for the app again.',
    );
  return app;
}

function check(
  id: string,
  label: string,
  ok: boolean,
  detail: string,
  evidence?: string,
  failLevel: 'fail' | 'warn' = 'fail',
): Check {
  return { id, label, status: ok ? 'pass' : failLevel, detail, ...(evidence === undefined ? {} : { evidence }) };
}

/**
 * The vendor's SAML app: a custom SAML 2.0 app made through the API, or a catalog app the admin
 * adds in the console (a deep link) that the wizard then finds and finishes.
 */
export const appStep = defineStep<AppInput, AppObserved>({
  id: 'app',
  input: AppInputSchema,
  defaults(profile) {
    const saml = samlSpec(profile);
    return {
      mode: profile.app.kind === 'custom' ? 'custom' : 'catalog',
      label: profile.app.label,
      // An empty vendor-supplied field is what makes the screen ask for it.
      ...(saml?.vendorSupplied.includes('ssoAcsUrl') ? { ssoAcsUrl: '' } : {}),
      ...(saml?.vendorSupplied.includes('audience') ? { audience: '' } : {}),
      ...(saml?.editable ? { nameIdFormat: saml.nameIdFormat, attributeStatements: saml.attributeStatements } : {}),
    };
  },
  async inspect(ctx) {
    const okta = await ctx.okta();
    const mode = effectiveMode(ctx.profile, ctx.input);
    const oinName = catalogName(ctx.profile);
    const slug = mode === 'catalog' ? companySlug(ctx) : undefined;
    const found = await findApp(okta, ctx.facts, { mode, label: ctx.input.label, catalogName: oinName });
    if (found) learnApp(ctx, found.app);
    const saml = samlSpec(ctx.profile);
    const observed: AppObserved = {
      mode,
      modeChoice: ctx.profile.app.kind === 'catalog-or-custom',
      vendorSupplied: mode === 'custom' ? [...(saml?.vendorSupplied ?? [])] : [],
      editable: mode === 'custom' && saml?.editable === true,
      settings: [],

      ...(mode === 'catalog' && oinName
        ? {
            catalog: {
              oinName,
              displayName: ctx.profile.app.label,
              addUrl: addCatalogAppUrl(okta.orgUrl, oinName),
              browseUrl: browseCatalogUrl(okta.orgUrl),
              ...(slug ? { slugName: slug } : {}),
            },
          }
        : {}),
    };
    if (found) {
      const embedLink = found.app.appLinks[0]?.href;
      observed.app = {
        id: found.app.id,
        name: found.app.name,
        label: found.app.label,
        status: found.app.status,
        signOnMode: found.app.signOnMode,
        foundBy: found.foundBy,
        consoleUrl: appInstanceUrl(okta.orgUrl, found.app.name, found.app.id, 'signon'),
        ...(embedLink ? { embedLink } : {}),
        extraAttributes:
          mode === 'custom' && saml && !saml.editable ? extraAttributes(found.app, saml.attributeStatements) : [],
        attributeStatements: (found.app.settings.signOn?.attributeStatements ?? []).map((s) => ({
          name: s.name,
          group: s.type === 'GROUP',
          text: statementText(s),
        })),
        signOnOverrides: signOnOverrides(found.app),
      };
    }
    observed.settings = settingRows(ctx.input, observed, ctx.profile, found?.app);
    if (observed.editable) {
      const attributes = await userProfileAttributes(okta);
      if (Array.isArray(attributes)) {
        observed.profileAttributes = attributes;
        observed.expressionFindings = expressionFindings(ctx.input.attributeStatements ?? [], attributes);
      } else observed.profileUnchecked = attributes.unreadable;
    }
    return observed;
  },
  plan: planApp,
  async apply(ctx, changes, observed) {
    const okta = await ctx.okta();
    const saml = samlSpec(ctx.profile);
    for (const change of changes) {
      if (change.id === 'app.create' && saml) {
        const app = await okta.createApp(
          { label: ctx.input.label, signOnMode: 'SAML_2_0', settings: { signOn: desiredSignOn(saml, ctx.input) } },
          { activate: true },
        );
        learnApp(ctx, app);
      } else if (change.id === 'app.settings' && observed.app) {
        const app = await readApp(okta, observed.app.id);
        const slugField = slugFieldOf(ctx.profile);
        const slug = observed.catalog?.slugName;
        const next =
          observed.mode === 'custom' && saml
            ? updatedApp(app, {
                label: ctx.input.label,
                signOn: desiredSignOn(saml, ctx.input),
                statementsAuthoritative: saml.editable === true,
              })
            : updatedApp(app, {
                label: ctx.input.label,
                ...(slugField && slug ? { settingsApp: { [slugField]: slug } } : {}),
              });
        learnApp(ctx, await okta.updateApp(app.id, next));
      } else if (change.id === 'app.activate' && observed.app) {
        await okta.activateApp(observed.app.id);
      }
    }
  },
  async verify(ctx, observed) {
    if (!observed.app) {
      const how = observed.catalog
        ? `Add it from the catalog (${observed.catalog.addUrl}), then click Check Okta.`
        : 'Click Apply to create it.';
      return [check('app-exists', 'The app exists in Okta', false, `No ${ctx.input.label} app in Okta yet. ${how}`)];
    }
    const okta = await ctx.okta();
    const app = await readApp(okta, observed.app.id);
    const checks: Check[] = [
      check(
        'app-exists',
        'The app exists in Okta',
        true,
        `Found ${observed.app.foundBy === 'fact' ? 'by its recorded id' : 'by searching Okta'}.`,
        `${app.id} (${app.name}, "${app.label}")`,
      ),
      check(
        'app-active',
        'The app is active',
        app.status === 'ACTIVE',
        app.status === 'ACTIVE'
          ? 'Users assigned to it can sign in.'
          : 'An inactive app refuses every sign-in; click Apply to activate it.',
        `status ${app.status}`,
      ),
      observed.mode === 'catalog'
        ? check(
            'app-kind',
            'It is the catalog app',
            app.name === observed.catalog?.oinName,
            `Okta's ${observed.catalog?.displayName ?? ''} catalog app is named ${observed.catalog?.oinName ?? ''}.`,
            `name ${app.name}`,
          )
        : check(
            'app-kind',
            'It is a SAML 2.0 app',
            app.signOnMode === 'SAML_2_0',
            'The vendor signs users in with SAML 2.0.',
            `signOnMode ${app.signOnMode}`,
          ),
    ];
    for (const row of settingRows(ctx.input, observed, ctx.profile, app)) {
      checks.push(
        check(
          `setting:${row.key}`,
          row.label,
          row.matches,
          row.matches ? 'As planned.' : 'Differs from the plan; click Check Okta, then Apply.',
          `Okta: ${row.actual ?? '(not set)'} · planned: ${row.planned}`,
        ),
      );
    }
    const saml = samlSpec(ctx.profile);
    const extras =
      observed.mode === 'custom' && saml && !saml.editable ? extraAttributes(app, saml.attributeStatements) : [];
    if (extras.length > 0) {
      checks.push(
        check(
          'extra-attributes',
          'No unexpected attribute statements',
          false,
          'The app sends attributes the vendor did not ask for; they were kept. Remove them in the console if they are not needed.',
          extras.join(', '),
          'warn',
        ),
      );
    }
    if (observed.editable) {
      const findings = observed.expressionFindings ?? [];
      checks.push(
        check(
          'attribute-expressions',
          "Every attribute statement reads an attribute the org's profile has",
          findings.length === 0,
          findings.length === 0
            ? (observed.profileUnchecked ?? "Each user. attribute is on the org's Okta user profile.")
            : `Okta will send nothing for ${findings.map((f) => `"${f.name}"`).join(', ')}: ${findings.map((f) => f.message).join(' ')}`,
          findings.map((f) => `${f.name} = ${f.value}`).join('\n') || undefined,
          'warn',
        ),
      );
    }
    const embed = app.appLinks[0]?.href;
    checks.push(
      check(
        'embed-link',
        'The app has an embed link',
        embed !== undefined,
        embed
          ? 'Starts an IdP-initiated sign-in.'
          : 'Okta shows no app link; IdP-initiated sign-in will not be offered.',
        embed,
        'warn',
      ),
    );
    checks.push(await metadataCheck(ctx, okta, app));
    return checks;
  },
});

/** Reads the metadata Okta publishes for the app and records its public URL for the next steps. */
async function metadataCheck(ctx: StepContext<AppInput>, okta: OktaOrgApi, app: OktaApp): Promise<Check> {
  try {
    const metadata = parseIdpMetadata(await okta.getAppMetadataXml(app.id));
    const entityKey = oktaEntityKey(metadata.entityId);
    if (!entityKey)
      return check(
        'metadata',
        "Okta publishes the app's SAML metadata",
        false,
        `The metadata's entityID is not an Okta issuer (http://www.okta.com/exk…).`,
        metadata.entityId,
      );
    const url = publicMetadataUrl(okta.orgUrl, entityKey);
    ctx.learn({ metadataUrl: url });
    return check(
      'metadata',
      "Okta publishes the app's SAML metadata",
      true,
      'The Metadata URL is recorded for the next steps.',
      url,
    );
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return check('metadata', "Okta publishes the app's SAML metadata", false, error.message, error.hint);
  }
}
