import { useState, type FormEvent } from 'react';
import { DomainsObservedSchema, type DomainCount } from '../../src-main/api/step-domains';
import { TextField } from '../components/Field';
import { fieldMessage } from './field-message';
import type { StepScreenProps } from './types';
import './saml-app.css';
import './domains.css';

function savedDomains(input: Record<string, unknown>): string[] {
  return Array.isArray(input.domains) ? input.domains.filter((d): d is string => typeof d === 'string') : [];
}

/** Email domains: chips the admin edits, suggestions from the org's users with counts, consumer-mail warnings. */
export default function DomainsStep({ view, vendor, save, fieldError, busy }: StepScreenProps) {
  const [domains, setDomains] = useState<string[]>(() => savedDomains(view.input));
  const [draft, setDraft] = useState('');
  const parsed = DomainsObservedSchema.safeParse(view.observed);
  const observed = parsed.success ? parsed.data : undefined;
  const listedError = fieldMessage(fieldError, (f) => f === 'domains' || f.startsWith('domains.'));
  const known = new Map<string, DomainCount>(
    [...(observed?.suggestions ?? []), ...(observed?.listed ?? [])].map((d) => [d.domain, d]),
  );
  const has = (domain: string) => domains.some((d) => d.trim().toLowerCase() === domain);

  function add(event: FormEvent) {
    event.preventDefault();
    const typed = draft
      .split(/[\s,;]+/)
      .map((d) => d.trim())
      .filter((d) => d !== '' && !has(d.toLowerCase()));
    if (typed.length > 0) setDomains([...domains, ...typed]);
    setDraft('');
  }

  const consumerListed = (observed?.listed ?? []).filter((d) => d.consumer);

  return (
    <div className="domains-step">
      <p>
        List every email domain your people sign in to {vendor.name} with. {observed?.consumerMail.why}
      </p>
      <form className="domain-add" onSubmit={add} aria-label="Add email domains">
        <TextField
          label="Add a domain"
          name="domain"
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          placeholder="acme.com"
          hint="Separate several with commas. Internationalised names are kept in punycode."
          autoComplete="off"
          spellCheck={false}
        />
        <button type="submit" disabled={draft.trim() === ''}>
          Add
        </button>
      </form>
      <section aria-labelledby="domains-listed-title">
        <h2 id="domains-listed-title">Your domains</h2>
        {domains.length === 0 ? <p className="muted">No domain yet: add one, or pick from the suggestions.</p> : null}
        <ul className="domain-chips" aria-label="Email domains">
          {domains.map((domain) => {
            const info = known.get(domain.trim().toLowerCase());
            return (
              <li
                key={domain}
                className={`domain-chip${info?.consumer ? ' domain-chip-consumer' : ''}`}
                data-domain={domain}
              >
                <span>{info?.display ?? domain}</span>
                {info ? <span className="muted">{info.users} users</span> : null}
                <button
                  type="button"
                  aria-label={`Remove ${domain}`}
                  onClick={() => setDomains(domains.filter((d) => d !== domain))}
                >
                  ×
                </button>
              </li>
            );
          })}
        </ul>
        {listedError ? (
          <p className="field-error" role="alert" data-domains-error>
            {listedError}
          </p>
        ) : null}
        <div className="actions">
          <button type="button" className="primary" disabled={busy} onClick={() => void save({ domains })}>
            Save domains
          </button>
        </div>
        {consumerListed.length > 0 ? (
          <p className="domain-warning" role="status" data-consumer-warning>
            {consumerListed.map((d) => d.display).join(', ')}: consumer mail. {observed?.consumerMail.why}
          </p>
        ) : null}
      </section>
      {observed ? (
        <>
          <section className="saml-panel" aria-labelledby="domains-coverage-title">
            <h2 id="domains-coverage-title">Who these domains cover</h2>
            <p data-coverage>
              {observed.totalUsers - observed.uncovered.users} of {observed.totalUsers} Okta users sign in with an
              address in your domains
              {observed.uncovered.users > 0
                ? `; ${observed.uncovered.users} do not (e.g. ${observed.uncovered.sample.slice(0, 3).join(', ')}).`
                : '.'}
            </p>
          </section>
          <section className="saml-panel" aria-labelledby="domains-suggestions-title">
            <h2 id="domains-suggestions-title">Login domains in Okta</h2>
            <table className="domain-table" aria-label="Login domains in Okta">
              <thead>
                <tr>
                  <th scope="col">Domain</th>
                  <th scope="col">Users</th>
                  <th scope="col">Add</th>
                </tr>
              </thead>
              <tbody>
                {observed.suggestions.map((s) => (
                  <tr key={s.domain} data-suggestion={s.domain}>
                    <td>
                      {s.display}
                      {s.consumer ? <span className="badge"> consumer mail</span> : null}
                    </td>
                    <td className="domain-count">{s.users}</td>
                    <td>
                      <button
                        type="button"
                        aria-label={`Add ${s.display}`}
                        disabled={has(s.domain)}
                        onClick={() => setDomains([...domains, s.domain])}
                      >
                        {has(s.domain) ? 'Added' : 'Add'}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </>
      ) : (
        <p className="muted">Press “Check Okta” to see the login domains of your users.</p>
      )}
    </div>
  );
}
