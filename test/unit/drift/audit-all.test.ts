import { describe, expect, it } from 'vitest';
import type { Client } from '../../../src-main/api/model';
import { auditAll } from '../../../src-main/drift/audit-all';
import { AppError } from '../../../src-main/errors';
import type { OktaOrgApi } from '../../../src-main/okta/org-api';
import type { StepRunner } from '../../../src-main/steps/runner';
import { Workspace } from '../../../src-main/workspace/workspace';
import { withTempDir } from '../../support/temp-dir';

/** Integrations never started: the audit reads nothing from them, so only the org probe calls out. */
async function workspaceWith(dir: string, orgs: Record<string, string>): Promise<Workspace> {
  const workspace = await Workspace.open(dir);
  for (const [name, orgUrl] of Object.entries(orgs)) {
    const client = await workspace.addClient({ name, orgUrl, sandbox: false, auth: { method: 'api-token' } });
    await workspace.addIntegration({ clientId: client.id, vendorId: 'mixpanel' });
  }
  return workspace;
}

const runner = { has: () => true } as unknown as StepRunner;

describe('audit --all across orgs', () => {
  it('reads different orgs at once and the clients of one org one after another', async () => {
    await withTempDir(async (dir) => {
      const workspace = await workspaceWith(dir, {
        A1: 'https://a.okta.com',
        A2: 'https://a.okta.com',
        B: 'https://b.okta.com',
        C: 'https://c.okta.com',
      });
      const busy = new Map<string, number>();
      let mostAtOnce = 0;
      let sameOrgOverlap = false;
      const gates: (() => void)[] = [];
      let opened = false;
      const connect = async (client: Client) => {
        const org = client.orgUrl;
        if ((busy.get(org) ?? 0) > 0) sameOrgOverlap = true;
        busy.set(org, (busy.get(org) ?? 0) + 1);
        mostAtOnce = Math.max(
          mostAtOnce,
          [...busy.values()].reduce((a, b) => a + b, 0),
        );
        // The first probes wait until one per org is in flight at once; later ones go straight through.
        if (!opened)
          await new Promise<void>((resolve) => {
            gates.push(resolve);
            if (gates.length >= 3) {
              opened = true;
              gates.splice(0).forEach((g) => g());
            }
          });
        busy.set(org, (busy.get(org) ?? 1) - 1);
        return { whoAmI: async () => ({}) } as unknown as OktaOrgApi;
      };
      const report = await auditAll({ workspace, runner, connect, concurrency: 8 });
      expect(mostAtOnce).toBe(3);
      expect(sameOrgOverlap).toBe(false);
      expect(report.integrations.map((i) => i.client.name)).toEqual(['A1', 'A2', 'B', 'C']);
      expect(report.exitCode).toBe(0);
    });
  });

  it('an org that refuses is listed with the integrations it kept from the audit; the rest are audited', async () => {
    await withTempDir(async (dir) => {
      const workspace = await workspaceWith(dir, { Up: 'https://up.okta.com', Down: 'https://down.okta.com' });
      const connect = async (client: Client) => {
        if (client.name === 'Down')
          throw new AppError('OKTA_UNAUTHORIZED', 'The API token was refused.', 'Sign in again.');
        return { whoAmI: async () => ({}) } as unknown as OktaOrgApi;
      };
      const report = await auditAll({ workspace, runner, connect });
      expect(report.unreachable).toEqual([
        {
          client: expect.objectContaining({ name: 'Down' }) as unknown,
          integrations: [expect.objectContaining({ label: 'Mixpanel' }) as unknown],
          code: 'OKTA_UNAUTHORIZED',
          message: 'The API token was refused.',
          hint: 'Sign in again.',
        },
      ]);
      expect(report.integrations.map((i) => i.client.name)).toEqual(['Up']);
      expect(report.exitCode).toBe(3);
    });
  });
});
