import { useId, useState } from 'react';
import type { MigrateSummary } from '../../../src-main/api/channels-migrate';

type RoleMap = Record<string, string | null>;
const UNANSWERED = '';
const LEAVE_OUT = '-leave-out-';

/** The saved answers, as the step's input holds them (anything else in it is not an answer). */
export function savedRoleMap(input: Record<string, unknown>): RoleMap {
  const raw = input.roleMap;
  if (!raw || typeof raw !== 'object') return {};
  return Object.fromEntries(
    Object.entries(raw as Record<string, unknown>).filter(
      (e): e is [string, string | null] => e[1] === null || typeof e[1] === 'string',
    ),
  );
}

const roleName = (role: string) => (role === '' ? '(no role)' : `“${role}”`);
const people = (n: number) => `${n} ${n === 1 ? 'person' : 'people'}`;

/**
 * Vendor roles the app's role list does not have, each with its people count and a choice: one of
 * the app's roles, or leave those people out. A choice is saved as the step's input, and saving
 * matches again, so the counts, the review and the plan follow it.
 */
export function RoleMapping({
  summary,
  saved,
  disabled,
  save,
}: {
  summary: MigrateSummary;
  saved: RoleMap;
  disabled: boolean;
  save: (roleMap: RoleMap) => Promise<boolean>;
}) {
  const id = useId();
  const [saving, setSaving] = useState<string | undefined>(undefined);
  if (summary.roleMapping.length === 0 || summary.roles.length === 0) return null;
  const waiting = summary.unknownRoles.reduce((n, r) => n + r.rows, 0);

  const choose = async (role: string, value: string) => {
    const next: RoleMap = { ...saved };
    if (value === UNANSWERED) delete next[role];
    else next[role] = value === LEAVE_OUT ? null : value;
    setSaving(role);
    try {
      await save(next);
    } finally {
      setSaving(undefined);
    }
  };

  return (
    <section
      className={waiting > 0 ? 'inline-warning migrate-role-mapping' : 'step-section migrate-role-mapping'}
      aria-labelledby={`${id}-title`}
      data-unknown-roles={waiting}
    >
      <h3 id={`${id}-title`}>Vendor roles the app does not have</h3>
      <p role="status">
        {waiting > 0
          ? `${people(waiting)} ${waiting === 1 ? 'has' : 'have'} a role the app does not know and ${waiting === 1 ? 'is' : 'are'} not assigned until you map it to one of the app’s roles or leave them out.`
          : 'Every vendor role below is answered; change an answer here and the match follows it.'}
      </p>
      <table className="migrate-role-table">
        <thead>
          <tr>
            <th scope="col">Vendor role</th>
            <th scope="col">People</th>
            <th scope="col">Give them</th>
          </tr>
        </thead>
        <tbody>
          {summary.roleMapping.map((r, index) => {
            const selectId = `${id}-role-${index}`;
            const value = r.leftOut ? LEAVE_OUT : (r.mappedTo ?? UNANSWERED);
            return (
              <tr key={r.role} data-vendor-role={r.role}>
                <th scope="row">
                  <label htmlFor={selectId}>{roleName(r.role)}</label>
                </th>
                <td data-role-rows>{r.rows}</td>
                <td>
                  <select
                    id={selectId}
                    value={value}
                    disabled={disabled || saving !== undefined}
                    onChange={(e) => void choose(r.role, e.target.value)}
                  >
                    <option value={UNANSWERED}>Not mapped yet (not assigned)</option>
                    {summary.roles.map((choice) => (
                      <option key={choice.value} value={choice.value}>
                        {choice.title} ({choice.value})
                      </option>
                    ))}
                    <option value={LEAVE_OUT}>Leave these people out</option>
                  </select>
                  {saving === r.role ? <span className="muted"> Saving and matching again…</span> : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
