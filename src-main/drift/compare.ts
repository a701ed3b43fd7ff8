import type { DriftChange, DriftField, RecordedField } from '../api/drift';

/** How many names a sentence lists before "…" (the full lists are in `added` / `removed`). */
const NAMED = 5;

const listed = (names: readonly string[]): string =>
  `${names.slice(0, NAMED).join(', ')}${names.length > NAMED ? `, … ${names.length - NAMED} more` : ''}`;

const day = (iso: string | undefined): string | undefined => (iso ? iso.slice(0, 10) : undefined);

/**
 * An attribute statement as the app step shows it: `user.email · Unspecified`. When only the
 * expression changed, the format is left out of the sentence.
 */
function statementParts(text: string): { expression: string; format: string } {
  const at = text.lastIndexOf(' · ');
  return at < 0 ? { expression: text, format: '' } : { expression: text.slice(0, at), format: text.slice(at + 3) };
}

function valueSentence(label: string, key: string, before: string | null, after: string | null): string {
  if (before === null) return `${label} appeared: ${after ?? ''}`;
  if (after === null) return `${label} is gone (was ${before})`;
  if (key.startsWith('attribute:')) {
    const was = statementParts(before);
    const now = statementParts(after);
    if (was.format === now.format) return `${label} now maps ${now.expression} (was ${was.expression})`;
    return `${label} now maps ${now.expression} as ${now.format} (was ${was.expression} as ${was.format})`;
  }
  return `${label} now ${after} (was ${before})`;
}

/** "Role values": removed DEVELOPER; added OWNER. "People assigned": people unassigned: 3 (…). */
function setSentence(label: string, key: string, added: string[], removed: string[]): string {
  const parts: string[] = [];
  if (key === 'people') {
    if (removed.length > 0) parts.push(`people unassigned: ${removed.length} (${listed(removed)})`);
    if (added.length > 0) parts.push(`people assigned: ${added.length} (${listed(added)})`);
    return parts.join('; ');
  }
  if (removed.length > 0) parts.push(`removed ${listed(removed)}`);
  if (added.length > 0) parts.push(`added ${listed(added)}`);
  return `${label}: ${parts.join('; ')}`;
}

function certificateSentence(before: DriftField, after: DriftField | undefined): string {
  if (!after || after.value === null) return `${before.label} is gone (was kid ${String(before.value)})`;
  const expires = day(after.expiresAt);
  return `signing certificate replaced: kid ${String(before.value)} → ${String(after.value)}${expires ? `, expires ${expires}` : ''}`;
}

function sameValue(a: DriftField['value'], b: DriftField['value']): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => v === b[i]);
  return a === b;
}

const shown = (v: DriftField['value']): string =>
  v === null ? 'nothing' : Array.isArray(v) ? v.join(', ') || 'none' : v;

export interface FieldComparison {
  changes: DriftChange[];
  /** Fields the baseline's older field list did not have (see `lacksNewerFields`). */
  recordedNow: RecordedField[];
}

/**
 * What differs between the last verified fields and the fields read now, one change per field,
 * in the order the step lists them. A field only one side has is a change too (it appeared or
 * went), except when the baseline was taken with an older field list (`lacksNewerFields`): a
 * field it lacks may simply not have been read then, so it is reported as recorded now, not as
 * drift. A field the baseline has and Okta no longer shows is always a change.
 */
export function compareFields(
  baseline: readonly DriftField[],
  current: readonly DriftField[],
  lacksNewerFields = false,
): FieldComparison {
  const now = new Map(current.map((f) => [f.key, f]));
  const was = new Map(baseline.map((f) => [f.key, f]));
  const recordedNow: RecordedField[] = [];
  const keys = [...baseline.map((f) => f.key)];
  for (const f of current) {
    if (was.has(f.key)) continue;
    if (!lacksNewerFields) keys.push(f.key);
    else
      recordedNow.push({
        key: f.key,
        label: f.label,
        value: f.value,
        summary: `${f.label}: not in the baseline (recorded before this field was read); recorded now: ${shown(f.value)}`,
      });
  }
  const changes: DriftChange[] = [];
  for (const key of keys) {
    const before = was.get(key);
    const after = now.get(key);
    const field = (after ?? before)!;
    const beforeValue = before?.value ?? null;
    const afterValue = after?.value ?? null;
    if (sameValue(beforeValue, afterValue)) continue;
    const base = { key, label: field.label, before: beforeValue, after: afterValue };
    if (field.kind === 'set') {
      const b = Array.isArray(beforeValue) ? beforeValue : [];
      const a = Array.isArray(afterValue) ? afterValue : [];
      const added = a.filter((v) => !b.includes(v));
      const removed = b.filter((v) => !a.includes(v));
      changes.push({ ...base, added, removed, summary: setSentence(field.label, key, added, removed) });
    } else if (field.kind === 'certificate' && before && beforeValue !== null) {
      changes.push({ ...base, summary: certificateSentence(before, after) });
    } else if (field.kind === 'switch' && beforeValue !== null && afterValue !== null) {
      changes.push({ ...base, summary: `${field.label} switched ${String(afterValue)}` });
    } else {
      const text = (v: DriftField['value']) => (v === null ? null : Array.isArray(v) ? v.join(', ') : v);
      changes.push({ ...base, summary: valueSentence(field.label, key, text(beforeValue), text(afterValue)) });
    }
  }
  return { changes, recordedNow };
}
