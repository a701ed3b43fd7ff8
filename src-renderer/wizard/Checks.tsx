import type { Check } from '../../src-main/api';

const glyph = { pass: '✓', warn: '!', fail: '✕' } as const;

/** Read-back checks, each with its evidence one click away. */
export function Checks({ checks }: { checks: Check[] }) {
  if (checks.length === 0) return null;
  return (
    <section className="checks" aria-labelledby="checks-title">
      <h3 id="checks-title">Checks</h3>
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
