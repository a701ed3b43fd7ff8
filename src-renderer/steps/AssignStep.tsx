import { useEffect, useRef, useState } from 'react';
import { z } from 'zod';
import type { StepProgress } from '../../src-main/api/channels-directory';
import {
  AssignInputSchema,
  AssignObservedSchema,
  type AssignInput,
  type PeopleCountView,
} from '../../src-main/api/step-assign';
import { addressProblem } from '../../src-main/api/mail-domains';
import { api } from '../api/client';
import { DirectoryPicker, RoleSelect } from './DirectoryPicker';
import type { StepScreenProps } from './types';
import './directory.css';

type Chosen = AssignInput['groups'][number];

const POLL_MS = 250;
const people = (n: number) => `${n} ${n === 1 ? 'person' : 'people'}`;

/** How many people the current choice reaches, asked of main's directory whenever the choice changes. */
function usePreview(clientId: string, groupIds: string[], userIds: string[]): PeopleCountView | undefined {
  const [preview, setPreview] = useState<PeopleCountView | undefined>(undefined);
  const latest = useRef(0);
  const key = `${groupIds.join(',')}|${userIds.join(',')}`;
  useEffect(() => {
    const ticket = ++latest.current;
    void api.directory.preview({ clientId, groupIds, userIds }).then((result) => {
      if (ticket === latest.current) setPreview(result.ok ? result.value : undefined);
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` stands for both id lists.
  }, [clientId, key]);
  return preview;
}

/** Main's progress of the running apply, polled while the frame says a phase is running. */
function useApplyProgress(integrationId: string, running: boolean): StepProgress | undefined {
  const [progress, setProgress] = useState<StepProgress | undefined>(undefined);
  useEffect(() => {
    if (!running) return;
    let live = true;
    const poll = () =>
      void api.directory.progress({ integrationId, stepId: 'assign' }).then((r) => {
        if (live && r.ok) setProgress(r.value);
      });
    poll();
    const timer = setInterval(poll, POLL_MS);
    return () => {
      live = false;
      clearInterval(timer);
      setProgress(undefined);
    };
  }, [integrationId, running]);
  return progress;
}

/** Groups and people to assign, each with a role, the number of people that reaches, and the apply's progress. */
export default function AssignStep({ view, integration, save, fieldError, busy }: StepScreenProps) {
  const initial = AssignInputSchema.catch({ groups: [], users: [] }).parse(view.input);
  const [groups, setGroups] = useState<Chosen[]>(initial.groups);
  const [users, setUsers] = useState<Chosen[]>(initial.users);
  const parsed = AssignObservedSchema.safeParse(view.observed);
  const observed = parsed.success ? parsed.data : undefined;
  const roles = observed?.roles ?? [];
  const preview = usePreview(
    integration.clientId,
    groups.map((g) => g.id),
    users.map((u) => u.id),
  );
  const progress = useApplyProgress(integration.id, busy);
  /**
   * The address of each person picked on this screen (not saved yet, so main has not looked at it).
   * The warning is worked out from it whenever the screen draws, against the current observation's
   * rule: a pick made before Okta's answer arrived (or under an older answer) is still warned about
   * once the rule is known, instead of only when the answer happened to come first.
   */
  const [pickedAddresses, setPickedAddresses] = useState<Record<string, string>>({});
  const addressWarning = (id: string) => {
    const picked = pickedAddresses[id];
    const rule = observed?.addressRule;
    return (
      (picked && rule ? addressProblem(picked, rule) : undefined) ??
      observed?.addressFindings?.find((f) => f.id === id)?.message
    );
  };
  const flaggedAssigned = (observed?.addressFindings ?? []).filter((f) => f.assigned);
  const errorFor = (field: string) => (fieldError?.field === field ? fieldError.message : undefined);
  const saved =
    JSON.stringify(
      z
        .object({ groups: z.array(z.unknown()), users: z.array(z.unknown()) })
        .catch({ groups: [], users: [] })
        .parse(view.input),
    ) === JSON.stringify({ groups, users });

  function rows(kind: 'groups' | 'users', list: Chosen[], set: (next: Chosen[]) => void) {
    return list.map((item, i) => {
      const now =
        kind === 'groups'
          ? observed?.groups.find((g) => g.id === item.id)
          : observed?.users.find((u) => u.id === item.id);
      const state = !now
        ? ''
        : 'assigned' in now
          ? now.assigned
            ? `assigned, ${now.role ?? 'no role'}`
            : `not assigned (${people(now.members)})`
          : now.scope === null
            ? 'not assigned'
            : `${now.scope === 'USER' ? 'direct' : 'through a group'}, ${now.role ?? 'no role'}`;
      return (
        <tr key={item.id} data-chosen={item.name}>
          <td>{item.name}</td>
          {roles.length > 0 ? (
            <td>
              <RoleSelect
                label={`Role for ${item.name}`}
                roles={roles}
                value={item.role}
                onChange={(role) =>
                  set(list.map((o, j) => (j === i ? { id: o.id, name: o.name, ...(role ? { role } : {}) } : o)))
                }
                error={errorFor(`${kind}.${i}.role`)}
              />
            </td>
          ) : null}
          <td>
            {state}
            {kind === 'users' && addressWarning(item.id) ? (
              <p className="field-warning-text" role="status" data-address-warning={item.name}>
                {addressWarning(item.id)}
              </p>
            ) : null}
          </td>
          <td>
            <button
              type="button"
              aria-label={`Remove ${item.name}`}
              onClick={() => set(list.filter((_, j) => j !== i))}
            >
              ✕
            </button>
          </td>
        </tr>
      );
    });
  }

  const header = (what: string) => (
    <thead>
      <tr>
        <th scope="col">{what}</th>
        {roles.length > 0 ? <th scope="col">Role</th> : null}
        <th scope="col">In Okta now</th>
        <th scope="col">
          <span className="muted">Remove</span>
        </th>
      </tr>
    </thead>
  );

  return (
    <div className="assign-step">
      <section className="step-section" aria-labelledby="assign-groups-title">
        <h2 id="assign-groups-title">Groups</h2>
        <DirectoryPicker
          kind="groups"
          clientId={integration.clientId}
          label="Search groups"
          chosen={new Set(groups.map((g) => g.id))}
          onPick={(item) => setGroups([...groups, { id: item.id, name: item.name }])}
        />
        {groups.length > 0 ? (
          <table className="step-table" aria-label="Chosen groups">
            {header('Group')}
            <tbody>{rows('groups', groups, setGroups)}</tbody>
          </table>
        ) : null}
      </section>
      <section className="step-section" aria-labelledby="assign-users-title">
        <h2 id="assign-users-title">People</h2>
        <DirectoryPicker
          kind="users"
          clientId={integration.clientId}
          label="Search people"
          chosen={new Set(users.map((u) => u.id))}
          onPick={(item) => {
            if (item.detail) setPickedAddresses({ ...pickedAddresses, [item.id]: item.detail });
            setUsers([...users, { id: item.id, name: item.name }]);
          }}
        />
        {users.length > 0 ? (
          <table className="step-table" aria-label="Chosen people">
            {header('Person')}
            <tbody>{rows('users', users, setUsers)}</tbody>
          </table>
        ) : null}
      </section>
      <section className="step-section" aria-labelledby="assign-preview-title">
        <h2 id="assign-preview-title">Who gets access</h2>
        <p className="preview-count" data-preview-people={preview?.people ?? ''} aria-live="polite">
          {preview
            ? `${people(preview.people)}: ${people(preview.fromGroups)} from ${groups.length} group${groups.length === 1 ? '' : 's'}, ${people(preview.direct)} picked directly${preview.duplicates > 0 ? `, ${preview.duplicates} duplicate${preview.duplicates === 1 ? '' : 's'} counted once` : ''}.`
            : 'Counting…'}
        </p>
        {observed?.appHas ? (
          <p
            className="app-has"
            data-app-has-people={observed.appHas.people}
            data-app-has-groups={observed.appHas.groups.length}
          >
            In Okta now: {people(observed.appHas.people)} ({observed.appHas.direct} directly,{' '}
            {observed.appHas.viaGroups} through groups)
            {observed.appHas.groups.length > 0
              ? `; ${observed.appHas.groups.length} group${observed.appHas.groups.length === 1 ? '' : 's'}: ${observed.appHas.groups
                  .map((g) => (g.role ? `${g.name} (${g.role})` : g.name))
                  .join(', ')}`
              : ''}
            .
          </p>
        ) : null}
        {flaggedAssigned.length > 0 ? (
          <div className="inline-warning" role="status" data-address-flagged={flaggedAssigned.length}>
            <strong>
              {people(flaggedAssigned.length)} assigned cannot sign in to {observed?.addressRule?.vendorName} with SSO:
            </strong>
            <ul>
              {flaggedAssigned.slice(0, 5).map((f) => (
                <li key={f.id}>{f.message}</li>
              ))}
            </ul>
          </div>
        ) : null}
        {roles.length === 0 && observed ? (
          <p className="muted">This app has no role attribute, so no role is set.</p>
        ) : null}
        <div className="actions">
          <button type="button" disabled={busy || saved} onClick={() => void save({ groups, users })}>
            {saved ? 'Choices saved' : 'Save choices'}
          </button>
        </div>
      </section>
      {busy && progress && progress.total > 0 ? (
        <div className="apply-progress" data-apply-progress>
          <label htmlFor="assign-progress">
            Assigning: {progress.done} of {progress.total}
          </label>
          <progress id="assign-progress" max={progress.total} value={progress.done}>
            {progress.done} of {progress.total}
          </progress>
          <span className="muted" aria-live="polite">
            {progress.message}
          </span>
        </div>
      ) : null}
    </div>
  );
}
