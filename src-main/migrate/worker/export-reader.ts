import { Worker } from 'node:worker_threads';
import { AppError } from '../../errors';
import type { ImportPreview } from '../import';
import type { ColumnMapping } from '../vendor-users';
import { TABLE_GONE, type TableShape, type WorkerReply, type WorkerRequest } from './protocol';
import { createTableService } from './table-service';

type Request = WorkerRequest extends infer R ? (R extends WorkerRequest ? Omit<R, 'id'> : never) : never;
type Send = (request: WorkerRequest, transfer: ArrayBuffer[]) => Promise<WorkerReply>;

/**
 * Reads vendor exports for the migrate screen. With a worker (the app and browser mode), decoding,
 * parsing and writing 100,000 rows happen on another thread, so main's event loop keeps answering
 * the window; without one (tests of the handlers, the CLI's own process) the same service runs here.
 */
export class ExportReader {
  private nextId = 1;

  private constructor(
    private readonly send: Send,
    readonly close: () => Promise<void>,
  ) {}

  /** On a worker thread started from `url` (the built migrate-worker.js), when first needed. */
  static onWorker(url: URL): ExportReader {
    const thread = new WorkerThread(url);
    return new ExportReader(
      (request, transfer) => thread.call(request, transfer),
      () => thread.close(),
    );
  }

  /** In this thread. */
  static inProcess(): ExportReader {
    const serve = createTableService();
    return new ExportReader(
      (request) => serve(request),
      async () => undefined,
    );
  }

  /** Reads the export and holds it under `key`; the bytes are copied once and moved to the reader. */
  async read(key: string, bytes: Uint8Array): Promise<TableShape> {
    const own = new Uint8Array(bytes).buffer as ArrayBuffer;
    const reply = await this.call({ kind: 'read', key, bytes: own }, [own]);
    if (reply.kind !== 'read') throw unexpected(reply.kind);
    return reply.shape;
  }

  /** Keeps the export read under `key` as the migration file; reads it again from `bytes` if it is no longer held. */
  async keep(
    key: string,
    bytes: () => Uint8Array,
    target: { dataDir: string; integrationId: string; fileName: string; mapping: Partial<ColumnMapping>; now: Date },
  ): Promise<ImportPreview> {
    const request = { kind: 'keep' as const, key, ...target, now: target.now.toISOString() };
    const reply = await this.call(request, []).catch(async (error: unknown) => {
      if (!(error instanceof AppError) || error.code !== TABLE_GONE) throw error;
      await this.read(key, bytes());
      return this.call(request, []);
    });
    if (reply.kind !== 'keep') throw unexpected(reply.kind);
    return reply.preview;
  }

  async forget(key: string): Promise<void> {
    await this.call({ kind: 'forget', key }, []);
  }

  private async call(request: Request, transfer: ArrayBuffer[]): Promise<Extract<WorkerReply, { ok: true }>> {
    const reply = await this.send({ ...request, id: this.nextId++ } as WorkerRequest, transfer);
    if (!reply.ok) throw new AppError(reply.error.code, reply.error.message, reply.error.hint, reply.error.field);
    return reply;
  }
}

function unexpected(kind: string): AppError {
  return new AppError('INTERNAL', `The export reader answered "${kind}" out of turn.`, 'Choose the file again.');
}

/**
 * One worker thread, started when first needed and again after it died. It keeps the process alive
 * only while a request waits on it, so the CLI still exits when its work is done.
 */
class WorkerThread {
  private worker: Worker | undefined;
  private readonly pending = new Map<number, (reply: WorkerReply) => void>();

  constructor(private readonly url: URL) {}

  call(request: WorkerRequest, transfer: ArrayBuffer[]): Promise<WorkerReply> {
    const worker = this.started();
    return new Promise((resolve) => {
      this.pending.set(request.id, resolve);
      worker.ref();
      worker.postMessage(request, transfer);
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    if (worker) await worker.terminate();
  }

  private started(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.url);
    worker.unref();
    worker.on('message', (reply: WorkerReply) => {
      const resolve = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if (this.pending.size === 0) worker.unref();
      resolve?.(reply);
    });
    const fail = (why: string) => {
      if (this.worker === worker) this.worker = undefined;
      for (const [id, resolve] of this.pending)
        resolve({
          id,
          ok: false,
          error: { code: 'INTERNAL', message: `The export reader stopped: ${why}`, hint: 'Choose the file again.' },
        });
      this.pending.clear();
    };
    worker.on('error', (error) => fail(error.message));
    worker.on('exit', (code) => fail(`it exited with code ${code}`));
    this.worker = worker;
    return worker;
  }
}
