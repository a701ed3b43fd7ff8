import { judgeReply } from './replies';
import type { ScimReply } from './types';

export type CheckStatus = 'pass' | 'warning' | 'fail' | 'skipped';

export interface StepOutcome {
  status: CheckStatus;
  detail: string;
  /** Set when nothing after this step can give a meaningful answer (clean-up still runs). */
  stop?: string;
}

/** Collects what one preflight step found; a step fails on any failure, warns on any warning. */
export class Findings {
  private readonly fails: string[] = [];
  private readonly warnings: string[] = [];
  private stopReason: string | undefined;

  fail(text: string): void {
    this.fails.push(text);
  }

  warn(text: string): void {
    this.warnings.push(text);
  }

  stop(reason: string): void {
    this.stopReason ??= reason;
  }

  get failed(): boolean {
    return this.fails.length > 0;
  }

  /**
   * Records a reply that is not one of the expected statuses, or is not JSON. Returns whether the
   * body is worth reading. A network failure or a refused token stops the whole preflight.
   */
  expect(reply: ScimReply, expected: readonly number[]): boolean {
    const verdict = judgeReply(reply, expected);
    if (verdict.kind === 'ok') {
      verdict.warnings.forEach((w) => this.warn(w));
      return true;
    }
    this.fail(
      verdict.kind === 'server-error'
        ? `${verdict.text} Okta fails the provisioning task on a 5xx and does not retry it by itself.`
        : verdict.text,
    );
    if (verdict.kind === 'network') this.stop('the vendor could not be reached');
    if (verdict.kind === 'token') this.stop('the vendor refused the bearer token');
    return false;
  }

  outcome(passDetail: string): StepOutcome {
    const stop = this.stopReason === undefined ? {} : { stop: this.stopReason };
    if (this.fails.length > 0) return { status: 'fail', detail: [...this.fails, ...this.warnings].join(' '), ...stop };
    if (this.warnings.length > 0) return { status: 'warning', detail: this.warnings.join(' '), ...stop };
    return { status: 'pass', detail: passDetail, ...stop };
  }
}
