import type { Integration, StepView, VendorSummary } from '../../src-main/api';

/** What every step screen gets from the frame around it. */
export interface StepScreenProps {
  view: StepView;
  vendor: VendorSummary;
  integration: Integration;
  /** Saves input in main (validated there); false when main refused it (the field error shows). */
  save(input: Record<string, unknown>): Promise<boolean>;
  /** The field main refused last, with its message. */
  fieldError: { field: string; message: string } | undefined;
  busy: boolean;
  /** Runs the step's apply through the frame, so every action of the step is disabled while it runs. */
  apply(): Promise<boolean>;
  /** True while an apply (from the screen or the toolbar) runs. */
  applying: boolean;
}
