import { randomBytes } from 'node:crypto';
import { AppError } from '../errors';
import type { AuditInput, AuditSink } from '../workspace/audit-log';
import type { OktaOrgApi } from './org-api';
import { runProbe, WriteProbeSchema, type ProbeResult, type WriteProbe } from './write-probe';

/** Codes after which a write may or may not have landed: no answer, or a 5xx. */
const AMBIGUOUS = new Set(['OKTA_UNREACHABLE', 'OKTA_UNAVAILABLE']);

function removes(probe: WriteProbe): boolean {
  return (probe.kind === 'app-user' || probe.kind === 'app-group' || probe.kind === 'group-member') && !probe.present;
}

/**
 * A write whose outcome is not known from its answer. A 404 to a removal is one too: the
 * idempotent DELETE is re-sent after a lost answer, and the re-send finds nothing left to remove.
 */
function ambiguous(error: unknown, probe: WriteProbe): error is AppError {
  if (!(error instanceof AppError)) return false;
  return AMBIGUOUS.has(error.code) || (error.code === 'OKTA_NOT_FOUND' && removes(probe));
}

function describe(error: unknown): string {
  return error instanceof AppError ? `${error.code}: ${error.message}` : 'unexpected failure';
}

export interface ReconcileSummary {
  landed: number;
  notLanded: number;
  /** Okta could not be read, so these stay open for the next run. */
  stillOpen: number;
}

/**
 * The write-ahead audit log around every Okta write: the intent is logged before the request,
 * the outcome after. When the answer is lost (dropped connection, timeout, 5xx) Okta is read back
 * at once and the outcome logged as found; the caller gets what Okta holds, so a write that
 * landed is never reported as failed. Intents a killed run left open are settled the same way
 * before this client's first write.
 */
export class AuditedWrites {
  private reconciled: Promise<ReconcileSummary> | undefined;

  constructor(
    private readonly clientId: string,
    private readonly audit: AuditSink,
    private readonly okta: OktaOrgApi,
  ) {}

  async write<T>(operation: string, target: string, probe: WriteProbe, send: () => Promise<T>): Promise<T> {
    await this.reconcile();
    const base: Omit<AuditInput, 'outcome'> = {
      clientId: this.clientId,
      operation,
      target,
      writeId: `w_${randomBytes(8).toString('hex')}`,
    };
    await this.audit({ ...base, outcome: 'intent', probe });
    let result: T;
    try {
      result = await send();
    } catch (error) {
      if (!ambiguous(error, probe)) {
        await this.audit({ ...base, outcome: 'failure', resolvedBy: 'answer', detail: describe(error) });
        throw error;
      }
      return this.readBack(base, probe, error);
    }
    await this.audit({ ...base, outcome: 'success', resolvedBy: 'answer' });
    return result;
  }

  private async readBack<T>(base: Omit<AuditInput, 'outcome'>, probe: WriteProbe, error: AppError): Promise<T> {
    let found: ProbeResult;
    try {
      found = await runProbe(this.okta, probe);
    } catch (readError) {
      await this.audit({
        ...base,
        outcome: 'unknown',
        detail: `${describe(error)}; reading Okta back failed too (${describe(readError)}), so the next run checks again.`,
      });
      throw error;
    }
    if (found.landed) {
      await this.audit({
        ...base,
        outcome: 'success',
        resolvedBy: 'read-back',
        detail: `No usable answer (${describe(error)}); reading Okta back shows the change is there.`,
      });
      // The probe of each write reads the resource that write returns (see OktaOrgClient).
      return found.value as T;
    }
    await this.audit({
      ...base,
      outcome: 'failure',
      resolvedBy: 'read-back',
      detail: `${describe(error)}; reading Okta back shows the change was not made.`,
    });
    throw new AppError(
      error.code,
      `${error.message} Reading Okta back shows the change was not made.`,
      'Nothing was changed. Check your connection, then run the step again.',
      error.field,
    );
  }

  /** Settles the open intents of earlier runs, once per client object; later calls share the result. */
  reconcile(): Promise<ReconcileSummary> {
    this.reconciled ??= this.settleOpenWrites();
    return this.reconciled;
  }

  private async settleOpenWrites(): Promise<ReconcileSummary> {
    const summary: ReconcileSummary = { landed: 0, notLanded: 0, stillOpen: 0 };
    const open = (await this.audit.openWrites?.(this.clientId)) ?? [];
    for (const intent of open) {
      const probe = WriteProbeSchema.safeParse(intent.probe);
      const base = {
        clientId: this.clientId,
        operation: intent.operation,
        target: intent.target,
        writeId: intent.writeId,
      };
      if (!probe.success) {
        summary.stillOpen += 1;
        continue;
      }
      let found: ProbeResult;
      try {
        found = await runProbe(this.okta, probe.data);
      } catch {
        summary.stillOpen += 1;
        continue;
      }
      if (found.landed) summary.landed += 1;
      else summary.notLanded += 1;
      await this.audit({
        ...base,
        outcome: found.landed ? 'success' : 'failure',
        resolvedBy: 'reconcile',
        detail: found.landed
          ? `Its answer never arrived (the run that sent it at ${intent.time} ended or lost the connection); reading Okta later shows the change is there.`
          : `Its answer never arrived (the run that sent it at ${intent.time} ended or lost the connection); reading Okta later shows the change was not made.`,
      });
    }
    return summary;
  }
}
