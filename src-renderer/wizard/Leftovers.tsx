import type { StepView } from '../../src-main/api';

/**
 * Test objects an earlier run of this step made and has not removed (a crash, a clean-up that
 * failed): what is left, why, and what to do. Apply removes them first, so it stays available.
 */
export function Leftovers({ leftovers }: { leftovers: StepView['leftovers'] }) {
  if (leftovers.length === 0) return null;
  return (
    <ul className="leftovers" aria-label="Left behind by an earlier run" role="status">
      {leftovers.map(({ what, problem, hint }) => (
        <li key={what}>
          <strong>{what}</strong>
          {problem ? <span className="leftover-problem">{problem}</span> : null}
          <span>{hint}</span>
        </li>
      ))}
    </ul>
  );
}
