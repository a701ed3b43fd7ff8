import { AppError } from '../../errors';
import type { OktaOrgApi } from '../../okta/org-api';
import type { ConfigReport } from '../model';
import { renderTerraform } from './render';
import { readTerraformSetup, type TerraformTarget } from './setup';

/** Which Okta objects of a reported integration the Terraform file adopts; none before its app exists. */
export function terraformTargetOf(report: ConfigReport): TerraformTarget | undefined {
  const appId = report.importIds.samlAppId;
  if (!appId || !report.app) return undefined;
  return {
    name: report.integration.label,
    client: report.client.name,
    vendor: report.vendor.name,
    appId,
    catalog: report.app.mode === 'catalog',
    bookmarkAppId: report.importIds.bookmarkAppId,
    roleAttribute: report.importIds.appUserSchemaProperty?.propertyName,
  };
}

/**
 * The Terraform file for reported integrations of one org. The arguments come from a read of the
 * org made now (every direct assignment, the app's full sign-on settings), since a file that
 * misses one of them would make `terraform plan` propose a change.
 */
export async function terraformOf(okta: OktaOrgApi, reports: readonly ConfigReport[], readAt: Date): Promise<string> {
  const targets = reports.map(terraformTargetOf);
  const missing = reports.filter((_, i) => targets[i] === undefined);
  if (missing.length === reports.length) {
    const problem = missing.flatMap((r) => r.problems)[0];
    throw new AppError(
      'REPORT_NO_APP',
      `${missing.map((r) => `"${r.integration.label}"`).join(', ')} ${missing.length === 1 ? 'has' : 'have'} no Okta app to describe in Terraform${problem ? ` (${problem.message})` : ''}.`,
      'Finish the app step (or check the org can be read), then export again.',
    );
  }
  const setups = [];
  for (const target of targets) if (target) setups.push(await readTerraformSetup(okta, target));
  return renderTerraform(setups, { readAt, notYetInOkta: missing.map((r) => r.integration.label) });
}
