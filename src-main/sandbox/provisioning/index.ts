import type { SandboxPlugin } from '../context';
import { json } from '../router';
import type { OrgState } from '../state';
import { requireApp } from '../routes/apps';
import { provisioningApiRoutes } from './api-routes';
import { consoleRoutes } from './console-routes';
import { ProvisioningEngine } from './engine';

const byOrg = new WeakMap<OrgState, ProvisioningEngine>();

/** The provisioning engine of a running sandbox org (tests: `await provisioningOf(org.state).whenIdle()`). */
export function provisioningOf(org: OrgState): ProvisioningEngine {
  const engine = byOrg.get(org);
  if (engine === undefined) throw new Error('The provisioning plugin is not installed on this sandbox org.');
  return engine;
}

/** Provisioning connections and features (API apps), the console's Provisioning tab, and the SCIM push engine. */
export const provisioningPlugin: SandboxPlugin = {
  name: 'provisioning',
  install(ctx) {
    const engine = new ProvisioningEngine(ctx.state);
    byOrg.set(ctx.state, engine);
    const off = ctx.state.assignments.onAssignmentChanged((event) => engine.onAssignment(event));
    ctx.onClose(async () => {
      off();
      await engine.close();
    });
    ctx.router.add(
      ...provisioningApiRoutes(ctx.state, engine, () => ctx.baseUrl),
      ...consoleRoutes(ctx.state, engine),
      {
        // Sandbox-only: the Tasks list / System Log `application.provision.user.push` outcomes.
        method: 'GET',
        path: '/sandbox/v1/apps/{appId}/provisioning/tasks',
        auth: 'apps',
        handler: (req) => {
          const app = requireApp(ctx.state, req.params.appId ?? '');
          return json(
            200,
            engine.tasks.filter((t) => t.appId === app.id),
          );
        },
      },
    );
  },
};
