import type { IntegrationFacts } from '../api/model';
import type { StepView } from '../api/steps';
import type { VendorProfile } from '../vendors/profile';
import type { AnyStep } from './step';

type Blocker = StepView['blockers'][number];

/** Earlier steps whose facts this step needs and that have not produced them yet. */
export function missingFacts(step: AnyStep, facts: IntegrationFacts, profile: VendorProfile): Blocker[] {
  return (step.needs ?? [])
    .filter((need) => facts[need.fact] === undefined)
    .map((need) => {
      const title = profile.steps.find((s) => s.id === need.step)?.title ?? need.step;
      return { message: need.why, hint: `Finish the "${title}" step first.`, stepId: need.step };
    });
}

/** What the admin still has to enter, one blocker per field at fault. */
export function inputBlockers(step: AnyStep, raw: Record<string, unknown>): Blocker[] {
  const parsed = step.input.safeParse(raw);
  if (parsed.success) return [];
  return parsed.error.issues.map((issue) => {
    const field = issue.path.map(String).join('.');
    return { message: field ? `${field}: ${issue.message}` : issue.message, hint: 'Fill this in above and save.' };
  });
}
