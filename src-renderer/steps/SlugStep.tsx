import { useState, type FormEvent } from 'react';
import { SlugObservedSchema } from '../../src-main/api/step-slug';
import { TextField } from '../components/Field';
import { CopyButton } from './copy-value';
import type { StepScreenProps } from './types';
import './saml-app.css';

/** The Company Slug from the vendor's Settings / SSO page, and the app's "Slug Name" once the app exists. */
export default function SlugStep({ view, vendor, save, fieldError, busy }: StepScreenProps) {
  const [slug, setSlug] = useState(typeof view.input.companySlug === 'string' ? view.input.companySlug : '');
  const parsed = SlugObservedSchema.safeParse(view.observed);
  const observed = parsed.success ? parsed.data : undefined;

  function submit(event: FormEvent) {
    event.preventDefault();
    void save({ companySlug: slug });
  }

  return (
    <div className="slug-step">
      <p>
        In {vendor.name}, open <strong>Settings / SSO</strong> and note your <strong>Company Slug</strong>, a simplified
        version of your company name. The wizard checks it here; you type it into the app&apos;s{' '}
        <strong>Slug Name</strong> when you add the app, and the wizard writes it there whenever it differs.
      </p>
      <form className="form" onSubmit={submit} aria-label="Company slug">
        <TextField
          label="Company Slug"
          name="companySlug"
          value={slug}
          onChange={(e) => setSlug(e.target.value)}
          placeholder="acme-corp"
          hint="Lowercase letters, digits and hyphens, as Millie shows it."
          error={fieldError?.field === 'companySlug' ? fieldError.message : undefined}
          autoComplete="off"
          spellCheck={false}
        />
        <div className="actions">
          <button type="submit" disabled={busy}>
            Save
          </button>
        </div>
      </form>
      {observed ? (
        <section className="saml-panel" aria-labelledby="slug-okta-title">
          <h2 id="slug-okta-title">In Okta</h2>
          {observed.app ? (
            <>
              <p data-app-slug>
                The app “{observed.app.label}” has Slug Name <code>{observed.app.slugName ?? '(empty)'}</code>
                {observed.app.slugName === observed.companySlug
                  ? ' — the same as your Company Slug.'
                  : ` — the wizard will write ${observed.companySlug}.`}
              </p>
              <p>
                <a href={observed.app.consoleUrl} target="_blank" rel="noreferrer">
                  Open the app&apos;s Sign On tab
                </a>
              </p>
            </>
          ) : (
            <p data-app-slug>
              No {vendor.name} app in Okta yet. When you add it in the next step, type{' '}
              <code>{observed.companySlug}</code> into <strong>Slug Name</strong>{' '}
              <CopyButton value={observed.companySlug} label="the company slug" />
            </p>
          )}
        </section>
      ) : null}
    </div>
  );
}
