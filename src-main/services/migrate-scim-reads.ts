import type { ScimReadProgress } from '../api/channels-migrate';
import { AppError } from '../errors';

interface Read {
  read: number;
  total: number | null;
  controller: AbortController;
}

/**
 * Live SCIM reads of the vendor's accounts, one per integration: how far each has come (for the
 * screen's progress bar, polled while the read's own call waits) and its cancel.
 */
export class ScimReads {
  private readonly reads = new Map<string, Read>();

  /** Runs one read; a second read of the same integration while one runs is refused. */
  async run<T>(
    integrationId: string,
    read: (hooks: { signal: AbortSignal; onPage: (read: number, total: number) => void }) => Promise<T>,
  ): Promise<T> {
    if (this.reads.has(integrationId))
      throw new AppError(
        'MIGRATE_READ_RUNNING',
        "The vendor's accounts are already being read for this integration.",
        'Wait for that read to end, or cancel it.',
      );
    const entry: Read = { read: 0, total: null, controller: new AbortController() };
    this.reads.set(integrationId, entry);
    try {
      return await read({
        signal: entry.controller.signal,
        onPage: (done, total) => {
          entry.read = done;
          entry.total = total;
        },
      });
    } finally {
      this.reads.delete(integrationId);
    }
  }

  progress(integrationId: string): ScimReadProgress {
    const entry = this.reads.get(integrationId);
    if (!entry) return { active: false, read: 0, total: null, cancelling: false };
    return { active: true, read: entry.read, total: entry.total, cancelling: entry.controller.signal.aborted };
  }

  cancel(integrationId: string): ScimReadProgress {
    const entry = this.reads.get(integrationId);
    if (!entry)
      throw new AppError(
        'MIGRATE_READ_NOT_RUNNING',
        "No read of the vendor's accounts is running for this integration.",
        'Start one with "Read from the vendor over SCIM".',
      );
    entry.controller.abort();
    return this.progress(integrationId);
  }

  running(integrationId: string): boolean {
    return this.reads.has(integrationId);
  }
}
