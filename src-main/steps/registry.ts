import type { StepId } from '../api/model';
import type { AnyStep } from './step';

/** Every step the wizard can run, by id. A vendor profile picks which of them it uses. */
export const wizardSteps: Partial<Record<StepId, AnyStep>> = {};
