/** Where a long apply stands, as the screen polls it. */
export interface ProgressReport {
  active: boolean;
  done: number;
  total: number;
  message: string;
}

const idle: ProgressReport = { active: false, done: 0, total: 0, message: '' };

/**
 * The latest progress of each running step, written by the step runner's `onProgress` and read
 * by the screen's polling channel. A report ends when done reaches total.
 */
export class ProgressBoard {
  private readonly reports = new Map<string, ProgressReport>();

  readonly report = (
    ref: { integrationId: string; stepId: string },
    done: number,
    total: number,
    message: string,
  ): void => {
    this.reports.set(`${ref.integrationId}:${ref.stepId}`, { active: done < total, done, total, message });
  };

  get(ref: { integrationId: string; stepId: string }): ProgressReport {
    return this.reports.get(`${ref.integrationId}:${ref.stepId}`) ?? idle;
  }
}
