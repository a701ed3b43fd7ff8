import type { VendorId } from '../../../src-main/api/model';
import { buildConfigReport, type ReportDeps } from '../../../src-main/report/build';
import type { ConfigReport } from '../../../src-main/report/model';
import { fullSetup } from '../../support/full-setup';
import { startScimServer, type ScimTestServer } from '../../support/scim-server';
import { stepHarness, type StepHarness } from '../../support/step-harness';

export const SCIM_TOKEN = 'vendor-scim-token-report-7c2';

export interface ReportedSetup {
  h: StepHarness;
  scim: ScimTestServer;
  deps: ReportDeps;
  build(): Promise<ConfigReport>;
}

/** A vendor set up end to end against the practice org (as the faults suite does), ready to report on. */
export async function reportedSetup(vendor: Exclude<VendorId, 'custom-saml'>): Promise<ReportedSetup> {
  const scim = await startScimServer({ token: SCIM_TOKEN });
  const h = await stepHarness(vendor, { scopedAudit: true });
  await fullSetup(vendor, {
    orgUrl: h.org.url,
    apiToken: h.org.apiToken,
    adminLogin: h.org.adminLogin,
    scim: { baseUrl: scim.baseUrl, token: SCIM_TOKEN },
    save: h.save,
    inspect: h.inspect,
    apply: h.apply,
    current: h.current,
  });
  const deps: ReportDeps = {
    workspace: h.workspace,
    runner: h.runner,
    connect: h.connect,
    audit: h.audit,
  };
  return { h, scim, deps, build: () => buildConfigReport(deps, h.integration.id) };
}
