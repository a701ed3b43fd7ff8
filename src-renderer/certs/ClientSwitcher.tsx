import { useEffect, useRef, useState } from 'react';
import type { Client } from '../../src-main/api';
import { useUi } from '../state/ui';

interface Choice {
  id: string | undefined;
  name: string;
  detail: string;
}

/**
 * Finds a client by typing (name or org URL), beside the header's client menu, for a consultant
 * with many clients: arrows and Enter choose, Escape closes (back to the button). "All clients" opens the overview of
 * every client's integrations.
 */
export function ClientSwitcher({ clients }: { clients: Client[] }) {
  const selectClient = useUi((s) => s.selectClient);
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const root = useRef<HTMLDivElement>(null);
  const opener = useRef<HTMLButtonElement>(null);

  const q = query.trim().toLowerCase();
  const choices: Choice[] = [
    ...(q === '' ? [{ id: undefined, name: 'All clients', detail: 'Overview of every integration' }] : []),
    ...clients
      .filter((c) => q === '' || c.name.toLowerCase().includes(q) || c.orgUrl.toLowerCase().includes(q))
      .map((c) => ({ id: c.id, name: c.name, detail: c.sandbox ? 'Practice org' : c.orgUrl })),
  ];

  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [open]);

  function choose(choice: Choice | undefined) {
    if (!choice) return;
    selectClient(choice.id);
    setOpen(false);
    setQuery('');
  }

  return (
    <div className="client-switcher" ref={root}>
      <button
        ref={opener}
        type="button"
        accessKey="f"
        aria-haspopup="listbox"
        aria-expanded={open}
        onClick={() => {
          setOpen(!open);
          setActive(0);
        }}
      >
        Find client…
      </button>
      {open ? (
        <div className="client-switcher-panel">
          <input
            type="search"
            autoFocus
            aria-label="Search clients by name or org URL"
            placeholder="Search clients…"
            value={query}
            role="combobox"
            aria-expanded="true"
            aria-controls="client-switcher-list"
            aria-activedescendant={choices[active] ? `client-choice-${active}` : undefined}
            onChange={(e) => {
              setQuery(e.target.value);
              setActive(0);
            }}
            onKeyDown={(e) => {
              if (e.key === 'ArrowDown') setActive(Math.min(active + 1, choices.length - 1));
              else if (e.key === 'ArrowUp') setActive(Math.max(active - 1, 0));
              else if (e.key === 'Enter') choose(choices[active]);
              else if (e.key === 'Escape') {
                setOpen(false);
                // The search field goes away; the keyboard returns to where it was, not to the page's start.
                opener.current?.focus();
              } else return;
              e.preventDefault();
            }}
          />
          <ul id="client-switcher-list" role="listbox" aria-label="Clients">
            {choices.length === 0 ? <li className="muted">No client matches "{query}".</li> : null}
            {choices.map((c, i) => (
              <li key={c.id ?? 'all'} id={`client-choice-${i}`} role="option" aria-selected={i === active}>
                <button type="button" tabIndex={-1} onClick={() => choose(c)}>
                  <strong>{c.name}</strong> <span className="muted">{c.detail}</span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
