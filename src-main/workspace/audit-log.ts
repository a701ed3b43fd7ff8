import { randomBytes } from 'node:crypto';
import { appendFile, mkdir, open, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { idFileName } from './id-file-name';

/**
 * One line of the audit log. A write to an org is logged twice (write-ahead): an `intent` before
 * the request leaves, then its outcome under the same `writeId`. An intent without an outcome
 * is a write whose answer never arrived (the app was killed, the connection dropped); the next
 * run reads Okta and logs what happened (`resolvedBy: 'reconcile'`). Never carries a secret.
 */
export interface AuditEvent {
  time: string;
  clientId: string;
  operation: string;
  target: string;
  /** `unknown`: the answer was lost and reading Okta could not tell yet; reconciled later. */
  outcome: 'intent' | 'success' | 'failure' | 'unknown';
  detail?: string;
  /** The integration and step whose apply made the write, and whose credentials it used. */
  integrationId?: string;
  stepId?: string;
  actor?: string;
  /** Pairs an intent with its outcome. */
  writeId?: string;
  /** On an intent: how to tell later whether it landed (data for `okta/write-probe`, no secret). */
  probe?: unknown;
  /** On an outcome: the answer itself, or Okta read back because the answer was lost or the run was killed. */
  resolvedBy?: 'answer' | 'read-back' | 'reconcile';
  /** On an intent: the process that sent it, so another run leaves an in-flight write alone. */
  session?: string;
  pid?: number;
}

export type AuditInput = Omit<AuditEvent, 'time'>;

/** An intent whose outcome is not logged yet. */
export type OpenWrite = AuditEvent & { writeId: string };

/**
 * Appends one event. The log's own sink also lists the open writes of other, finished runs
 * (`openWrites`), so a client built on it reconciles them; a plain function (tests, read-only
 * sign-in checks) has nothing to reconcile.
 */
export type AuditSink = ((event: AuditInput) => Promise<void>) & {
  openWrites?: (clientId: string) => Promise<OpenWrite[]>;
  session?: string;
};

/** This process's id in the log; a fresh one per process, not per log object. */
const PROCESS_SESSION = randomBytes(6).toString('hex');

function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** True when the file is missing, empty or ends with a newline. */
async function endsCleanly(path: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw error;
  }
  try {
    const { size } = await handle.stat();
    if (size === 0) return true;
    const last = Buffer.alloc(1);
    await handle.read(last, 0, 1, size - 1);
    return last[0] === 0x0a;
  } finally {
    await handle.close();
  }
}

/** Append-only JSON-lines log per client under `<dataDir>/audit/<clientId>.jsonl`. */
export class AuditLog {
  readonly session = PROCESS_SESSION;
  /** Files this object has checked for a torn last line (left by a kill mid-append). */
  private readonly checked = new Set<string>();

  constructor(
    private readonly dataDir: string,
    private readonly now: () => Date = () => new Date(),
    /** Whether the process that logged an intent still runs (tests stand in for other processes). */
    private readonly alive: (pid: number) => boolean = processAlive,
  ) {}

  private pathFor(clientId: string): string {
    return join(this.dataDir, 'audit', `${idFileName(clientId)}.jsonl`);
  }

  readonly append: AuditSink = Object.assign(
    async (event: AuditInput) => {
      const line: AuditEvent = {
        time: this.now().toISOString(),
        ...event,
        ...(event.outcome === 'intent' ? { session: this.session, pid: process.pid } : {}),
      };
      const path = this.pathFor(event.clientId);
      await mkdir(join(this.dataDir, 'audit'), { recursive: true });
      // A kill mid-append leaves a torn last line; start after it, or the next line would be lost too.
      let text = `${JSON.stringify(line)}\n`;
      if (!this.checked.has(path)) {
        if (!(await endsCleanly(path))) text = `\n${text}`;
        this.checked.add(path);
      }
      await appendFile(path, text, { encoding: 'utf8', mode: 0o600 });
    },
    {
      openWrites: (clientId: string) => this.openWrites(clientId),
      session: PROCESS_SESSION,
    },
  );

  /** Every event in order. A torn last line (the app was killed mid-append) is skipped, never fatal. */
  async read(clientId: string): Promise<AuditEvent[]> {
    let text: string;
    try {
      text = await readFile(this.pathFor(clientId), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const events: AuditEvent[] = [];
    for (const line of text.split('\n')) {
      if (line.trim() === '') continue;
      try {
        events.push(JSON.parse(line) as AuditEvent);
      } catch {
        // A torn line from a kill mid-append: its write is reconciled from the intent, if that landed.
      }
    }
    return events;
  }

  /**
   * Intents with no final outcome: their answers were lost, or their process ended before they came.
   * An intent with no outcome at all from this process, or from another that still runs (the CLI
   * beside the app), is in flight and left alone.
   */
  async openWrites(clientId: string): Promise<OpenWrite[]> {
    const open = new Map<string, OpenWrite>();
    const answeredUnknown = new Set<string>();
    for (const event of await this.read(clientId)) {
      if (event.writeId === undefined) continue;
      if (event.outcome === 'intent') open.set(event.writeId, { ...event, writeId: event.writeId });
      else if (event.outcome === 'unknown') answeredUnknown.add(event.writeId);
      else open.delete(event.writeId);
    }
    const inFlight = (e: OpenWrite) =>
      !answeredUnknown.has(e.writeId) && (e.session === this.session || (e.pid !== undefined && this.alive(e.pid)));
    return [...open.values()].filter((e) => !inFlight(e));
  }
}

/** One write as the log tells it: its intent's time and scope, with the last outcome logged for it. */
export type AuditWrite = Omit<AuditEvent, 'outcome' | 'probe' | 'session' | 'pid'> & {
  outcome: 'success' | 'failure' | 'unknown';
};

/**
 * Folds the write-ahead lines into one entry per write, in the order the writes were sent. An
 * intent with no outcome yet is `unknown`; a later run's reconciliation settles it.
 */
export function writesOf(events: readonly AuditEvent[]): AuditWrite[] {
  const writes: AuditWrite[] = [];
  const byId = new Map<string, AuditWrite>();
  for (const event of events) {
    const { probe: _probe, session: _session, pid: _pid, ...rest } = event;
    if (event.writeId === undefined) {
      if (event.outcome !== 'intent') writes.push({ ...rest, outcome: event.outcome });
      continue;
    }
    const known = byId.get(event.writeId);
    if (event.outcome === 'intent' || known === undefined) {
      const entry: AuditWrite = { ...rest, outcome: event.outcome === 'intent' ? 'unknown' : event.outcome };
      byId.set(event.writeId, entry);
      writes.push(entry);
      continue;
    }
    known.outcome = event.outcome;
    if (event.detail !== undefined) known.detail = event.detail;
    else delete known.detail;
    if (event.resolvedBy !== undefined) known.resolvedBy = event.resolvedBy;
  }
  return writes;
}
