import { randomBytes } from 'node:crypto';
import type { Integration, StepId } from '../api/model';
import type { Workspace } from '../workspace/workspace';
import type { TemporaryLedger } from './temporaries';

/** A step's record of its test objects, kept on the integration in the workspace. */
export function workspaceLedger(
  workspace: Workspace,
  integrationId: string,
  stepId: StepId,
  now: () => Date,
): TemporaryLedger {
  const update = (change: (list: NonNullable<Integration['temporaries']>) => void) =>
    workspace.updateIntegration(integrationId, (integration) => {
      const list = integration.temporaries ?? [];
      change(list);
      if (list.length > 0) integration.temporaries = list;
      else delete integration.temporaries;
    });
  return {
    record: async (temporary) => {
      const id = `tmp_${randomBytes(6).toString('hex')}`;
      await update((list) => {
        list.push({ ...temporary, id, stepId, recordedAt: now().toISOString() });
      });
      return id;
    },
    removed: async (id) => {
      await update((list) => {
        const at = list.findIndex((t) => t.id === id);
        if (at >= 0) list.splice(at, 1);
      });
    },
    failed: async (id, problem) => {
      await update((list) => {
        const found = list.find((t) => t.id === id);
        if (found) found.problem = { ...problem, at: now().toISOString() };
      });
    },
    list: async () =>
      ((await workspace.getIntegration(integrationId)).temporaries ?? []).filter((t) => t.stepId === stepId),
  };
}
