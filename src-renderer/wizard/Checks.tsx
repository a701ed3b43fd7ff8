import type { Check } from '../../src-main/api';
import { exactTime } from './when';

const glyph = { pass: '✓', warn: '!', fail: '✕' } as const;

/**
 * Read-back checks, each with its evidence one click away. `staleAt` marks checks of an earlier
 * run, shown greyed and titled as history because the latest read of Okta failed.
 */
export function Checks({ checks, staleAt }: { checks: Check[]; staleAt?: string }) {
  if (checks.length === 0) return null;
  return (
    <section
      className={`checks${staleAt ? ' checks-stale' : ''}`}
      aria-labelledby="checks-title"
      data-stale={staleAt ? 'true' : undefined}
    >
      <h3 id="checks-title">{staleAt ? `Checks from the last run at ${exactTime(staleAt)}: not current` : 'Checks'}</h3>
      <ul>
        {checks.map((c) => (
          <li key={c.id} className={`check check-${c.status}`} data-check={c.id}>
            <span className="check-glyph" aria-label={c.status}>
              {glyph[c.status]}
            </span>
            <div>
              <strong>{c.label}</strong>
              <p>{c.detail}</p>
              {c.evidence ? (
                <details>
                  <summary>Evidence</summary>
                  <pre>{c.evidence}</pre>
                </details>
              ) : null}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
