import { AppError } from '../errors';
import type { OktaOrgApi } from '../okta/org-api';
import type { ConfigReport } from './model';
import { renderTerraform } from './terraform/render';
import { readTerraformSetup, type TerraformTarget } from './terraform/setup';

/** What the Terraform file must cover for one integration, taken from its freshly built report. */
export function terraformTarget(report: ConfigReport): TerraformTarget {
  if (!report.app)
    throw new AppError(
      'REPORT_NO_APP',
      `"${report.integration.label}" has no Okta app to describe in Terraform${report.problems.length > 0 ? ` (${report.problems[0]!.message})` : ''}.`,
      'Finish the app step (or check the org can be read), then export again.',
    );
  return {
    name: report.integration.label,
    client: report.client.name,
    vendor: report.vendor.name,
    appId: report.app.id,
    catalog: report.app.mode === 'catalog',
    bookmarkAppId: report.importIds.bookmarkAppId,
    roleAttribute: report.importIds.appUserSchemaProperty?.propertyName,
  };
}

/**
 * One `.tf` file for integrations of one org: each is read again for the provider's arguments
 * (read-only calls), so the file and its `import` blocks describe what the org holds now.
 */
export async function terraformOf(okta: OktaOrgApi, reports: readonly ConfigReport[], readAt: Date): Promise<string> {
  const setups = [];
  for (const report of reports) setups.push(await readTerraformSetup(okta, terraformTarget(report)));
  return renderTerraform(setups, { readAt });
}
