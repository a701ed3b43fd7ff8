/**
 * Pause, resume and cancel of a running migration, by integration. The screen (a channel) and the
 * CLI (Ctrl-C) reach the apply loop of the same process through this.
 */
export type MigrationCommand = 'pause' | 'resume' | 'cancel';

interface Control {
  paused: boolean;
  cancelled: boolean;
  wake: (() => void)[];
}

const controls = new Map<string, Control>();

function control(integrationId: string): Control {
  let c = controls.get(integrationId);
  if (!c) controls.set(integrationId, (c = { paused: false, cancelled: false, wake: [] }));
  return c;
}

export function controlMigration(integrationId: string, command: MigrationCommand): void {
  const c = control(integrationId);
  if (command === 'pause') c.paused = true;
  else {
    c.paused = false;
    if (command === 'cancel') c.cancelled = true;
    for (const wake of c.wake.splice(0)) wake();
  }
}

/** A fresh run starts neither paused nor cancelled. */
export function startMigrationRun(integrationId: string): void {
  controls.set(integrationId, { paused: false, cancelled: false, wake: [] });
}

/** Waits while paused; true when the run was cancelled and must stop before its next write. */
export async function shouldStop(integrationId: string, onPause: () => void): Promise<boolean> {
  const c = control(integrationId);
  if (c.paused) {
    onPause();
    await new Promise<void>((resolve) => c.wake.push(resolve));
  }
  return c.cancelled;
}
