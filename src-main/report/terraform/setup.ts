import { groupNamesById } from '../../directory/group-names';
import type { AppFeature, AppUserSchemaProperty, OktaApp, OktaOrgApi } from '../../okta/org-api';

/**
 * What one integration has in Okta, read now, in the shape the Terraform file needs: the ids its
 * `import` blocks name and the arguments that make `terraform plan` show no change.
 */
export interface TerraformSetup {
  /** Names the Terraform resources: the integration's label, e.g. "Millie" or "Mixpanel (EU)". */
  name: string;
  client: string;
  vendor: string;
  orgUrl: string;
  app: OktaApp;
  /** A catalog (OIN) app, whose name is its catalog key: Terraform's `preconfigured_app`. */
  catalog: boolean;
  /** The vendor's role attribute on the app user schema, when the integration has one. */
  role: { index: string; property: AppUserSchemaProperty } | undefined;
  groups: { id: string; name: string; priority: number | undefined; profile: Record<string, unknown> }[];
  /** People assigned directly (scope USER); people assigned through a group come with the group. */
  people: { id: string; userName: string | undefined; profile: Record<string, unknown> }[];
  provisioning: AppFeature | undefined;
  /** Provisioning set up in the Admin Console: Okta's API shows no connection to read it from. */
  provisioningInConsole: boolean;
  bookmark: OktaApp | undefined;
}

export interface TerraformTarget {
  name: string;
  client: string;
  vendor: string;
  appId: string;
  catalog: boolean;
  bookmarkAppId: string | undefined;
  /** The app user schema property of the vendor's role, e.g. `role`. */
  roleAttribute: string | undefined;
}

/** Reads the integration's objects from the org (read-only calls); refuses when the app is gone. */
export async function readTerraformSetup(okta: OktaOrgApi, target: TerraformTarget): Promise<TerraformSetup> {
  const app = await okta.getApp(target.appId);
  if (!app) throw new Error(`The app ${target.appId} of "${target.name}" is not in ${okta.orgUrl} any more.`);
  const [schema, groupAssignments, appUsers, provisioning, bookmark] = await Promise.all([
    target.roleAttribute ? okta.getAppUserSchema(app.id) : undefined,
    okta.listAppGroups(app.id).all(),
    okta.listAppUsers(app.id).all(),
    provisioningFeatures(okta, app),
    target.bookmarkAppId ? okta.getApp(target.bookmarkAppId) : undefined,
  ]);
  const names = await groupNamesById(
    okta,
    groupAssignments.map((g) => g.id),
  );
  const roleProperty = target.roleAttribute ? schema?.custom[target.roleAttribute] : undefined;
  return {
    name: target.name,
    client: target.client,
    vendor: target.vendor,
    orgUrl: okta.orgUrl,
    app,
    catalog: target.catalog,
    role: target.roleAttribute && roleProperty ? { index: target.roleAttribute, property: roleProperty } : undefined,
    groups: groupAssignments.map((g) => ({
      id: g.id,
      name: names.get(g.id) ?? g.id,
      priority: g.priority,
      profile: g.profile,
    })),
    people: appUsers
      .filter((u) => u.scope === 'USER')
      .map((u) => ({ id: u.id, userName: u.userName, profile: u.profile })),
    provisioning: provisioning.features.find((f) => f.name === 'USER_PROVISIONING'),
    provisioningInConsole: provisioning.inConsole,
    bookmark,
  };
}

/**
 * Okta answers the features call only for an app whose provisioning connection is enabled; an
 * app whose connection is UNKNOWN but that has provisioning features was set up in the console.
 */
async function provisioningFeatures(
  okta: OktaOrgApi,
  app: OktaApp,
): Promise<{ features: AppFeature[]; inConsole: boolean }> {
  const connection = await okta.getProvisioningConnection(app.id);
  if (connection.status === 'ENABLED') return { features: await okta.listFeatures(app.id), inConsole: false };
  const unknown = connection.status === 'UNKNOWN' || connection.authScheme === 'UNKNOWN';
  return { features: [], inConsole: unknown && app.features.length > 0 };
}
