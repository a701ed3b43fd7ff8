import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { idFileName } from './id-file-name';

/** One write the app made to an org or a vendor. Never carries a secret. */
export interface AuditEvent {
  time: string;
  clientId: string;
  operation: string;
  target: string;
  outcome: 'success' | 'failure';
  detail?: string;
  /** The integration and step whose apply made the write, and whose credentials it used. */
  integrationId?: string;
  stepId?: string;
  actor?: string;
}

export type AuditSink = (event: Omit<AuditEvent, 'time'>) => Promise<void>;

/** Append-only JSON-lines log per client under `<dataDir>/audit/<clientId>.jsonl`. */
export class AuditLog {
  constructor(
    private readonly dataDir: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private pathFor(clientId: string): string {
    return join(this.dataDir, 'audit', `${idFileName(clientId)}.jsonl`);
  }

  readonly append: AuditSink = async (event) => {
    const line: AuditEvent = { time: this.now().toISOString(), ...event };
    await mkdir(join(this.dataDir, 'audit'), { recursive: true });
    await appendFile(this.pathFor(event.clientId), `${JSON.stringify(line)}\n`, { encoding: 'utf8', mode: 0o600 });
  };

  async read(clientId: string): Promise<AuditEvent[]> {
    let text: string;
    try {
      text = await readFile(this.pathFor(clientId), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    return text
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as AuditEvent);
  }
}
