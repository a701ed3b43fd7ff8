import { useState, type FormEvent } from 'react';
import { BookmarkObservedSchema } from '../../src-main/api/step-bookmark';
import { TextField } from '../components/Field';
import type { StepScreenProps } from './types';
import './directory.css';

/** The optional bookmark app: its name and URL, what Okta has, and the groups it shares with the main app. */
export default function BookmarkStep({ view, vendor, save, fieldError, busy }: StepScreenProps) {
  const [label, setLabel] = useState(typeof view.input.label === 'string' ? view.input.label : '');
  const [url, setUrl] = useState(typeof view.input.url === 'string' ? view.input.url : '');
  const parsed = BookmarkObservedSchema.safeParse(view.observed);
  const observed = parsed.success ? parsed.data : undefined;
  const errorFor = (field: string) => (fieldError?.field === field ? fieldError.message : undefined);
  const app = observed?.app;

  function submit(event: FormEvent) {
    event.preventDefault();
    void save({ label, url });
  }

  return (
    <div className="bookmark-step">
      <p>
        A bookmark app puts a tile on people&apos;s Okta dashboard that opens {vendor.name} directly. It is assigned to
        the same groups as the main app.
      </p>
      <form className="form" aria-label="Bookmark app" onSubmit={submit}>
        <TextField
          label="App name"
          name="label"
          value={label}
          onChange={(e) => setLabel(e.target.value)}
          hint="What people see on their dashboard."
          error={errorFor('label')}
          autoComplete="off"
        />
        <TextField
          label="Bookmark URL"
          name="url"
          value={url}
          onChange={(e) => setUrl(e.target.value)}
          placeholder="https://…"
          hint={`The login URL ${vendor.name} Support gave you; https only.`}
          error={errorFor('url')}
          autoComplete="off"
          spellCheck={false}
        />
        <div className="actions">
          <button type="submit" disabled={busy}>
            Save
          </button>
        </div>
      </form>
      <section className="step-section" aria-labelledby="bookmark-okta-title">
        <h2 id="bookmark-okta-title">In Okta</h2>
        {!observed ? (
          <p className="muted">Check Okta to see whether the bookmark exists.</p>
        ) : !app ? (
          <p data-bookmark-state="absent">No bookmark app named “{label}” yet; applying creates it.</p>
        ) : (
          <table className="step-table" aria-label="Bookmark app in Okta" data-bookmark-state="present">
            <tbody>
              <tr>
                <th scope="row">Name</th>
                <td className={app.label === label ? undefined : 'differs'}>{app.label}</td>
              </tr>
              <tr>
                <th scope="row">URL</th>
                <td className={app.url === url ? undefined : 'differs'}>{app.url ?? '—'}</td>
              </tr>
              <tr>
                <th scope="row">Status</th>
                <td className={app.status === 'ACTIVE' ? undefined : 'differs'}>{app.status}</td>
              </tr>
              <tr>
                <th scope="row">App id</th>
                <td>
                  <code>{app.id}</code>
                </td>
              </tr>
            </tbody>
          </table>
        )}
        {observed ? (
          <table className="step-table" aria-label="Groups of the main app">
            <thead>
              <tr>
                <th scope="col">Group of the main app</th>
                <th scope="col">Assigned to the bookmark</th>
              </tr>
            </thead>
            <tbody>
              {observed.mainGroups.length === 0 ? (
                <tr>
                  <td colSpan={2} className="muted">
                    The main app has no groups assigned yet.
                  </td>
                </tr>
              ) : (
                observed.mainGroups.map((g) => (
                  <tr key={g.groupId} data-bookmark-group={g.groupName}>
                    <td>{g.groupName}</td>
                    <td>{observed.bookmarkGroupIds.includes(g.groupId) ? '✓ yes' : 'not yet'}</td>
                  </tr>
                ))
              )}
            </tbody>
          </table>
        ) : null}
      </section>
    </div>
  );
}
