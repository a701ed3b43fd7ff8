import type { AppMode } from '../api/step-app';
import type { IntegrationFacts } from '../api/model';
import { AppError } from '../errors';
import type { OktaApp, OktaOrgApi } from '../okta/org-api';

export interface FoundOktaApp {
  app: OktaApp;
  foundBy: 'fact' | 'search';
}

export interface AppWanted {
  mode: AppMode;
  label: string;
  /** The OIN name of the vendor's catalog app (`millie`, `mixpanel`), when it has one. */
  catalogName: string | undefined;
}

/** Okta names apps made in the app integration wizard `{org}_{label}_{n}` (OKTA-BEHAVIOUR §4). */
function isCustomSaml(app: OktaApp, wanted: AppWanted): boolean {
  return app.signOnMode === 'SAML_2_0' && app.name !== wanted.catalogName && /_\d+$/.test(app.name);
}

function fits(app: OktaApp, wanted: AppWanted): boolean {
  if (app.status === 'DELETED') return false;
  return wanted.mode === 'catalog' ? app.name === wanted.catalogName : isCustomSaml(app, wanted);
}

/**
 * The app an earlier run made or the admin added: first by the recorded id, then by searching
 * Okta (catalog apps by their OIN name, custom apps by label, which Okta keeps unique).
 */
export async function findApp(
  okta: OktaOrgApi,
  facts: IntegrationFacts,
  wanted: AppWanted,
): Promise<FoundOktaApp | undefined> {
  if (facts.appId) {
    const app = await okta.getApp(facts.appId);
    if (app && fits(app, wanted)) return { app, foundBy: 'fact' };
  }
  return wanted.mode === 'catalog' ? findCatalogInstance(okta, wanted) : findCustomApp(okta, wanted);
}

async function findCustomApp(okta: OktaOrgApi, wanted: AppWanted): Promise<FoundOktaApp | undefined> {
  const sameLabel = (await okta.listApps({ q: wanted.label })).filter(
    (a) => a.label.toLowerCase() === wanted.label.toLowerCase() && a.status !== 'DELETED',
  );
  const app = sameLabel[0];
  if (app === undefined) return undefined;
  if (!isCustomSaml(app, wanted)) {
    throw new AppError(
      'APP_LABEL_TAKEN',
      `Okta already has an app labelled "${app.label}" (id ${app.id}, ${app.name}, ${app.signOnMode}), and it is not a custom SAML 2.0 app; Okta keeps app labels unique, so the custom app cannot take that label.`,
      'Enter another label for the custom app (e.g. add "SAML"), or use the existing app instead.',
      'label',
    );
  }
  return { app, foundBy: 'search' };
}

async function findCatalogInstance(okta: OktaOrgApi, wanted: AppWanted): Promise<FoundOktaApp | undefined> {
  const instances = (await okta.listApps({ filter: `name eq "${wanted.catalogName ?? ''}"` })).filter((a) =>
    fits(a, wanted),
  );
  if (instances.length <= 1) return instances[0] ? { app: instances[0], foundBy: 'search' } : undefined;
  const labelled = instances.filter((a) => a.label.toLowerCase() === wanted.label.toLowerCase());
  if (labelled.length === 1 && labelled[0]) return { app: labelled[0], foundBy: 'search' };
  throw new AppError(
    'APP_AMBIGUOUS',
    `Okta has ${instances.length} ${wanted.catalogName} apps (${instances.map((a) => `"${a.label}" ${a.id}`).join(', ')}) and the wizard cannot tell which one is this integration's.`,
    `Label the one to use exactly "${wanted.label}" in the Admin Console (General tab), or enter its label here, then click Check Okta.`,
    'label',
  );
}
