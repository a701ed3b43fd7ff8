import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { api } from '../api/client';
import './directory.css';

export interface PickedItem {
  id: string;
  name: string;
  /** A second line: a login, or a group's description. */
  detail: string;
}

interface Results {
  items: PickedItem[];
  matched: number;
  complete: boolean;
}

/** Where a picker searches: the org's users or groups, or the people assigned to an integration's app. */
export type PickerSource =
  { kind: 'users' | 'groups'; clientId: string } | { kind: 'app-users'; integrationId: string };

async function search(source: PickerSource, query: string): Promise<Results | undefined> {
  if (source.kind === 'app-users') {
    const result = await api.directory.searchAppUsers({ integrationId: source.integrationId, query, limit: 10 });
    if (!result.ok) return undefined;
    // The Okta username is what a sign-in needs, so it is the detail shown and picked.
    return { ...result.value, items: result.value.items.map((u) => ({ id: u.id, name: u.name, detail: u.login })) };
  }
  const { kind, clientId } = source;
  if (kind === 'users') {
    const result = await api.directory.searchUsers({ clientId, query, limit: 10 });
    if (!result.ok) return undefined;
    return {
      ...result.value,
      items: result.value.items.map((u) => ({ id: u.id, name: u.name, detail: u.email ?? u.login })),
    };
  }
  const result = await api.directory.searchGroups({ clientId, query, limit: 10 });
  if (!result.ok) return undefined;
  return {
    ...result.value,
    items: result.value.items.map((g) => ({ id: g.id, name: g.name, detail: g.description ?? '' })),
  };
}

/**
 * A type-ahead over the org's users or groups, answered from main's in-memory directory: arrow
 * keys move through the results, Enter picks, Escape clears.
 */
export function DirectoryPicker({
  label,
  chosen,
  onPick,
  ...source
}: PickerSource & {
  label: string;
  chosen: ReadonlySet<string>;
  onPick(item: PickedItem): void;
}) {
  const id = useId();
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<Results | undefined>(undefined);
  const [active, setActive] = useState(0);
  const [failed, setFailed] = useState(false);
  const latest = useRef(0);

  const kind = source.kind;
  const scope = source.kind === 'app-users' ? source.integrationId : source.clientId;
  useEffect(() => {
    const ticket = ++latest.current;
    const from: PickerSource = kind === 'app-users' ? { kind, integrationId: scope } : { kind, clientId: scope };
    void search(from, query).then((found) => {
      if (ticket !== latest.current) return;
      setFailed(found === undefined);
      setResults(found);
      setActive(0);
    });
  }, [kind, scope, query]);

  const items = (results?.items ?? []).filter((i) => !chosen.has(i.id));
  const open = query.trim() !== '' && items.length > 0;
  // The list can shrink under the highlight (a pick elsewhere, a key pressed before the results came);
  // an open list always has one highlighted option, so Enter picks what is shown.
  const current = Math.min(Math.max(active, 0), Math.max(items.length - 1, 0));

  function pick(item: PickedItem | undefined) {
    if (!item) return;
    onPick(item);
    setQuery('');
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setActive(Math.min(current + 1, items.length - 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive(Math.max(current - 1, 0));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (open) pick(items[current]);
    } else if (event.key === 'Escape') {
      setQuery('');
    }
  }

  const noun = kind === 'groups' ? 'groups' : kind === 'app-users' ? 'people assigned to the app' : 'people';
  return (
    <div className="picker" data-picker={kind}>
      <label htmlFor={`${id}-input`}>{label}</label>
      <input
        id={`${id}-input`}
        type="search"
        role="combobox"
        aria-expanded={open}
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={open ? `${id}-option-${current}` : undefined}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={onKeyDown}
        placeholder={kind === 'groups' ? 'Group name' : 'Name, login or email'}
        autoComplete="off"
        spellCheck={false}
      />
      <p className="field-hint" aria-live="polite">
        {failed
          ? kind === 'app-users'
            ? 'Could not list the people assigned to the app: create the app and assign people first, or type a username.'
            : `Could not search the org's ${noun}; check the connection and type again.`
          : results && query.trim() !== ''
            ? `${results.matched} match${results.matched === 1 ? '' : 'es'}${results.complete ? '' : ' so far (still loading the directory)'}`
            : kind === 'app-users'
              ? `Type to search the ${noun}.`
              : `Type to search the org's ${noun}.`}
      </p>
      {open ? (
        <ul className="picker-results" role="listbox" id={`${id}-list`} aria-label={`${label} results`}>
          {items.map((item, i) => (
            <li
              key={item.id}
              id={`${id}-option-${i}`}
              role="option"
              aria-selected={i === current}
              className={i === current ? 'picker-option picker-active' : 'picker-option'}
              onMouseDown={(e) => {
                e.preventDefault();
                pick(item);
              }}
              onMouseEnter={() => setActive(i)}
            >
              <span className="picker-name">{item.name}</span>
              {item.detail ? <span className="picker-detail">{item.detail}</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** A role select for one chosen row, with its field error under it. */
export function RoleSelect({
  label,
  roles,
  value,
  onChange,
  error,
}: {
  label: string;
  roles: { value: string; title: string }[];
  value: string | undefined;
  onChange(role: string | undefined): void;
  error?: string;
}) {
  const id = useId();
  return (
    <span className="role-select">
      <select
        id={id}
        aria-label={label}
        aria-invalid={Boolean(error)}
        value={value ?? ''}
        onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}
      >
        <option value="">Choose a role…</option>
        {roles.map((r) => (
          <option key={r.value} value={r.value}>
            {r.title} ({r.value})
          </option>
        ))}
      </select>
      {error ? (
        <span className="field-error" role="alert">
          {error}
        </span>
      ) : null}
    </span>
  );
}
