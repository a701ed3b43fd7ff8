import type { AuditReport, ClientProblem, IntegrationAudit } from '../api/drift';
import type { Client, Integration } from '../api/model';
import type { OktaOrgApi } from '../okta/org-api';
import type { StepRunner } from '../steps/runner';
import type { Workspace } from '../workspace/workspace';
import { auditIntegration, failureOf } from './audit';

export interface AuditAllDeps {
  workspace: Workspace;
  runner: StepRunner;
  /** The connection the runner uses too, so the reachability probe and the steps share one org client. */
  connect(client: Client): Promise<OktaOrgApi>;
  /** Orgs audited at once; each org's own calls stay one at a time, within its rate limits. */
  concurrency?: number;
  now?: () => Date;
  /** Called as each integration (or unreachable client) is done, for progress on a terminal. */
  onDone?(what: string): void;
}

/**
 * The exit code of an audit: 1 when any integration drifted or fails a check (known problems come
 * first: a nightly job must not lose a drift to one unreachable org among hundreds), else 3 when
 * any org could not be read, else 0.
 */
export function auditExitCode(
  integrations: readonly IntegrationAudit[],
  unreachable: readonly ClientProblem[],
): 0 | 1 | 3 {
  if (integrations.some((i) => i.result === 'drift')) return 1;
  if (unreachable.length > 0 || integrations.some((i) => i.result === 'unreachable')) return 3;
  return 0;
}

export function auditReport(
  startedAt: string,
  finishedAt: string,
  integrations: IntegrationAudit[],
  unreachable: ClientProblem[],
): AuditReport {
  return {
    kind: 'okta-onboard-audit',
    version: 1,
    startedAt,
    finishedAt,
    integrations,
    unreachable,
    summary: {
      integrations: integrations.length + unreachable.reduce((n, p) => n + p.integrations.length, 0),
      drifted: integrations.filter((i) => i.result === 'drift').length,
      unreachable:
        integrations.filter((i) => i.result === 'unreachable').length +
        unreachable.reduce((n, p) => n + p.integrations.length, 0),
      same: integrations.filter((i) => i.result === 'same').length,
    },
    exitCode: auditExitCode(integrations, unreachable),
  };
}

/** Runs `work` over `items` with at most `limit` at once, keeping the results in the items' order. */
async function pooled<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const at = next++;
      results[at] = await work(items[at]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** Clients that share an org (one org URL) are audited in one queue, so the org sees one caller at a time. */
function byOrg(clients: readonly Client[]): Client[][] {
  const groups = new Map<string, Client[]>();
  for (const client of clients) {
    const key = client.sandbox ? `practice:${client.id}` : client.orgUrl;
    groups.set(key, [...(groups.get(key) ?? []), client]);
  }
  return [...groups.values()];
}

/**
 * Audits every integration of every client (or those in `scope`), orgs concurrently, each org's
 * integrations one after another. A client whose org does not answer a read (`whoAmI`) is reported
 * with its integrations named, never left out.
 */
export async function auditAll(
  deps: AuditAllDeps,
  scope: { clientIds?: readonly string[]; integrationIds?: readonly string[] } = {},
): Promise<AuditReport> {
  const now = deps.now ?? (() => new Date());
  const startedAt = now().toISOString();
  const clients = (await deps.workspace.listClients()).filter(
    (c) => !scope.clientIds || scope.clientIds.includes(c.id),
  );
  const integrations = (await deps.workspace.listIntegrations()).filter(
    (i) => !scope.integrationIds || scope.integrationIds.includes(i.id),
  );
  const of = (client: Client): Integration[] => integrations.filter((i) => i.clientId === client.id);
  const audited: IntegrationAudit[] = [];
  const unreachable: ClientProblem[] = [];
  await pooled(byOrg(clients), deps.concurrency ?? 8, async (group) => {
    for (const client of group) {
      const own = of(client);
      if (own.length === 0) continue;
      try {
        await (await deps.connect(client)).whoAmI();
      } catch (error) {
        unreachable.push({
          client: { id: client.id, name: client.name, orgUrl: client.orgUrl },
          integrations: own.map((i) => ({ id: i.id, label: i.label })),
          ...failureOf(error),
        });
        deps.onDone?.(`${client.name}: org not reachable`);
        continue;
      }
      for (const integration of own) {
        audited.push(await auditIntegration(deps, integration.id));
        deps.onDone?.(`${client.name} / ${integration.label}`);
      }
    }
  });
  const order = new Map(clients.map((c, i) => [c.id, i]));
  audited.sort(
    (a, b) =>
      (order.get(a.client.id) ?? 0) - (order.get(b.client.id) ?? 0) ||
      a.integration.label.localeCompare(b.integration.label),
  );
  unreachable.sort((a, b) => (order.get(a.client.id) ?? 0) - (order.get(b.client.id) ?? 0));
  return auditReport(startedAt, now().toISOString(), audited, unreachable);
}
