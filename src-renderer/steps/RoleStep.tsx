import { useState } from 'react';
import { z } from 'zod';
import {
  GroupRoleSchema,
  RoleObservedSchema,
  RoleValueSchema,
  type GroupRole,
  type RoleAttribute,
  type RoleValue,
} from '../../src-main/api/step-role';
import { DirectoryPicker, RoleSelect } from './DirectoryPicker';
import type { StepScreenProps } from './types';
import './directory.css';

const FIELDS: { key: keyof RoleAttribute; label: string }[] = [
  { key: 'title', label: 'Display name' },
  { key: 'type', label: 'Data type' },
  { key: 'description', label: 'Description' },
  { key: 'externalName', label: 'External name' },
  { key: 'externalNamespace', label: 'External namespace' },
  { key: 'required', label: 'Attribute required' },
  { key: 'oneOf', label: 'Enumerated values' },
];

function show(attribute: RoleAttribute | null | undefined, key: keyof RoleAttribute): string {
  const value = attribute?.[key];
  if (value === undefined) return '—';
  if (key === 'oneOf' && Array.isArray(value))
    return (value as { const: string; title: string }[]).map((o) => `${o.title} = ${o.const}`).join(', ');
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  return Array.isArray(value) ? value.join(', ') : String(value);
}

/** The `role` attribute as planned and as Okta has it, the group → role table, and users needing a role. */
export default function RoleStep({ view, integration, save, fieldError, busy }: StepScreenProps) {
  const fixed = view.input.fixedValues === true;
  const [values, setValues] = useState<RoleValue[]>(() => z.array(RoleValueSchema).catch([]).parse(view.input.values));
  const [required, setRequired] = useState(view.input.required === true);
  const [groupRoles, setGroupRoles] = useState<GroupRole[]>(() =>
    z.array(GroupRoleSchema).catch([]).parse(view.input.groupRoles),
  );
  const [userRoles, setUserRoles] = useState<Record<string, string>>(() =>
    z.record(z.string(), z.string()).catch({}).parse(view.input.userRoles),
  );
  const [everyone, setEveryone] = useState<string | undefined>(undefined);
  const parsed = RoleObservedSchema.safeParse(view.observed);
  const observed = parsed.success ? parsed.data : undefined;
  const roles = values.map((v) => ({ value: v.value, title: v.title }));
  const errorFor = (field: string) => (fieldError?.field === field ? fieldError.message : undefined);
  const chosenGroups = new Set(groupRoles.map((g) => g.groupId));
  const needing = observed?.usersNeedingRole ?? [];

  return (
    <div className="role-step">
      <section className="step-section" aria-labelledby="role-attribute-title">
        <h2 id="role-attribute-title">Role attribute</h2>
        {fixed ? null : (
          <form
            className="form"
            aria-label="Role values"
            onSubmit={(e) => {
              e.preventDefault();
              void save({ values, required });
            }}
          >
            <table className="step-table">
              <thead>
                <tr>
                  <th scope="col">Display name</th>
                  <th scope="col">Value sent to the vendor</th>
                  <th scope="col">
                    <span className="muted">Remove</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {values.map((v, i) => (
                  <tr key={i}>
                    <td>
                      <input
                        aria-label={`Role ${i + 1} display name`}
                        value={v.title}
                        onChange={(e) =>
                          setValues(values.map((o, j) => (j === i ? { ...o, title: e.target.value } : o)))
                        }
                      />
                      {errorFor(`values.${i}.title`) ? (
                        <span className="field-error" role="alert">
                          {errorFor(`values.${i}.title`)}
                        </span>
                      ) : null}
                    </td>
                    <td>
                      <input
                        aria-label={`Role ${i + 1} value`}
                        value={v.value}
                        onChange={(e) =>
                          setValues(values.map((o, j) => (j === i ? { ...o, value: e.target.value } : o)))
                        }
                        spellCheck={false}
                      />
                      {errorFor(`values.${i}.value`) ? (
                        <span className="field-error" role="alert">
                          {errorFor(`values.${i}.value`)}
                        </span>
                      ) : null}
                    </td>
                    <td>
                      <button
                        type="button"
                        aria-label={`Remove role ${v.title || i + 1}`}
                        onClick={() => setValues(values.filter((_, j) => j !== i))}
                      >
                        ✕
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {errorFor('values') ? (
              <p className="field-error" role="alert">
                {errorFor('values')}
              </p>
            ) : null}
            <label>
              <input type="checkbox" checked={required} onChange={(e) => setRequired(e.target.checked)} /> Attribute
              required
            </label>
            <div className="actions">
              <button type="button" onClick={() => setValues([...values, { title: '', value: '' }])}>
                Add a role
              </button>
              <button type="submit" disabled={busy}>
                Save roles
              </button>
            </div>
          </form>
        )}
        <table className="step-table" aria-label="Role attribute, planned and in Okta">
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">Planned</th>
              <th scope="col">In Okta</th>
            </tr>
          </thead>
          <tbody>
            {FIELDS.map(({ key, label }) => {
              const planned = show(observed?.planned, key);
              const actual = observed
                ? observed.attribute
                  ? show(observed.attribute, key)
                  : 'not created yet'
                : 'check Okta to see';
              return (
                <tr key={key} data-role-field={key}>
                  <th scope="row">{label}</th>
                  <td>{observed ? planned : '—'}</td>
                  <td className={observed && actual !== planned ? 'differs' : undefined}>{actual}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>

      <section className="step-section" aria-labelledby="group-roles-title">
        <h2 id="group-roles-title">Groups and their roles</h2>
        <p className="muted">
          Each group is assigned to the app with a role; its members get that role in {integration.label}.
        </p>
        <table className="step-table" aria-label="Group roles">
          <thead>
            <tr>
              <th scope="col">Group</th>
              <th scope="col">Role</th>
              <th scope="col">In Okta now</th>
              <th scope="col">
                <span className="muted">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {groupRoles.map((g, i) => {
              const now = observed?.groups.find((o) => o.groupId === g.groupId);
              return (
                <tr key={g.groupId} data-group-role={g.groupName}>
                  <td>{g.groupName}</td>
                  <td>
                    <RoleSelect
                      label={`Role for ${g.groupName}`}
                      roles={roles}
                      value={g.role || undefined}
                      onChange={(role) =>
                        setGroupRoles(groupRoles.map((o, j) => (j === i ? { ...o, role: role ?? '' } : o)))
                      }
                      error={errorFor(`groupRoles.${i}.role`)}
                    />
                  </td>
                  <td>{now ? (now.role ?? 'assigned, no role') : 'not assigned'}</td>
                  <td>
                    <button
                      type="button"
                      aria-label={`Remove ${g.groupName}`}
                      onClick={() => setGroupRoles(groupRoles.filter((_, j) => j !== i))}
                    >
                      ✕
                    </button>
                  </td>
                </tr>
              );
            })}
            {observed?.groups
              .filter((o) => !chosenGroups.has(o.groupId))
              .map((o) => (
                <tr key={o.groupId} className="muted">
                  <td>{o.groupName}</td>
                  <td colSpan={2}>assigned in Okta with {o.role ?? 'no role'}</td>
                  <td>
                    <button
                      type="button"
                      onClick={() =>
                        setGroupRoles([
                          ...groupRoles,
                          { groupId: o.groupId, groupName: o.groupName, role: o.role ?? '' },
                        ])
                      }
                    >
                      Map
                    </button>
                  </td>
                </tr>
              ))}
          </tbody>
        </table>
        <DirectoryPicker
          kind="groups"
          clientId={integration.clientId}
          label="Add a group"
          chosen={chosenGroups}
          onPick={(item) => setGroupRoles([...groupRoles, { groupId: item.id, groupName: item.name, role: '' }])}
        />
        <div className="actions">
          <button type="button" disabled={busy} onClick={() => void save({ groupRoles })}>
            Save group roles
          </button>
        </div>
      </section>

      <section className="step-section" aria-labelledby="users-need-role-title">
        <h2 id="users-need-role-title">Users who need a role</h2>
        {needing.length === 0 ? (
          <p className="muted">
            {observed
              ? 'Every user assigned to the app has a role.'
              : 'Check Okta to list users already assigned without a role.'}
          </p>
        ) : (
          <>
            <p>
              These users were assigned before the role existed (or have a value the app does not know); set a role for
              each.
            </p>
            <div className="actions">
              <RoleSelect label="Role for everyone listed" roles={roles} value={everyone} onChange={setEveryone} />
              <button
                type="button"
                disabled={!everyone}
                onClick={() =>
                  setUserRoles({ ...userRoles, ...Object.fromEntries(needing.map((u) => [u.userId, everyone ?? ''])) })
                }
              >
                Give everyone this role
              </button>
            </div>
            <table className="step-table" aria-label="Users who need a role">
              <thead>
                <tr>
                  <th scope="col">User</th>
                  <th scope="col">Now</th>
                  <th scope="col">Set to</th>
                </tr>
              </thead>
              <tbody>
                {needing.map((u) => (
                  <tr key={u.userId} data-user-needing-role={u.userName}>
                    <td>
                      {u.userName} <span className="muted">({u.scope === 'USER' ? 'direct' : 'through a group'})</span>
                    </td>
                    <td>{u.role ?? 'no role'}</td>
                    <td>
                      <RoleSelect
                        label={`Role for ${u.userName}`}
                        roles={roles}
                        value={userRoles[u.userId]}
                        onChange={(role) => {
                          const next = { ...userRoles };
                          if (role) next[u.userId] = role;
                          else delete next[u.userId];
                          setUserRoles(next);
                        }}
                        error={errorFor(`userRoles.${u.userId}`)}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <div className="actions">
              <button
                type="button"
                disabled={busy || needing.every((u) => !userRoles[u.userId])}
                onClick={() => void save({ userRoles })}
              >
                Save roles for these users
              </button>
            </div>
          </>
        )}
      </section>
    </div>
  );
}
