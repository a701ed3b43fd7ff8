import { useState, type FormEvent } from 'react';
import type { ApiFailure } from '../../src-main/api';
import type { CertView, Rotation } from '../../src-main/api/cert-rotation';
import {
  CSR_SUBJECT_FIELDS,
  csrSubjectProblems,
  splitDnsNames,
  type CsrSubjectInput,
  type CsrSubjectKey,
} from '../../src-main/api/csr-subject';
import type { api } from '../api/client';
import { Field, TextField } from '../components/Field';
import { CsrWaiting } from './CsrWaiting';

export type RotationActionInput = Parameters<typeof api.certs.advance>[0]['action'];
export type Act = (action: RotationActionInput) => void;

/** Failures the CSR way shows next to its own fields rather than above the panel. */
export const CSR_FIELD_ERRORS: ReadonlySet<string> = new Set([
  ...CSR_SUBJECT_FIELDS.map((f) => f.key),
  'dnsNames',
  'certificate',
]);

const HINTS: Partial<Record<CsrSubjectKey, string>> = {
  commonName: 'The name the certificate is issued to. Your CA’s policy may prescribe it (a host name is common).',
  organizationName: 'Your organisation’s legal name, as your CA knows it. Optional.',
  countryName: 'Two letters, ISO 3166 (US, DE). Optional.',
};

/** What main said about a field, or the form's own rule once the field was left or the form sent. */
function messageFor(field: string, shown: boolean, local: ReturnType<typeof csrSubjectProblems>, error?: ApiFailure) {
  const problem = shown ? local.find((p) => p.field === field) : undefined;
  if (problem) return `${problem.message} ${problem.hint}`;
  return error?.field === field ? `${error.message} ${error.hint}` : undefined;
}

function cleaned(subject: CsrSubjectInput): CsrSubjectInput {
  const out: CsrSubjectInput = {};
  for (const { key } of CSR_SUBJECT_FIELDS) {
    const value = (subject[key] ?? '').trim();
    if (value !== '') out[key] = value;
  }
  return out;
}

function CsrForm({
  defaults,
  busy,
  error,
  act,
}: {
  defaults: CsrSubjectInput;
  busy: boolean;
  error: ApiFailure | undefined;
  act: Act;
}) {
  const [subject, setSubject] = useState<CsrSubjectInput>(defaults);
  const [dnsText, setDnsText] = useState('');
  const [left, setLeft] = useState<ReadonlySet<string>>(new Set());
  const [sent, setSent] = useState(false);
  const dnsNames = splitDnsNames(dnsText);
  const problems = csrSubjectProblems(cleaned(subject), dnsNames);
  const shown = (field: string) => sent || left.has(field);
  const leave = (field: string) => setLeft((prev) => new Set(prev).add(field));

  function submit(event: FormEvent) {
    event.preventDefault();
    setSent(true);
    if (problems.length === 0) act({ stage: 'csr', subject: cleaned(subject), dnsNames });
  }

  return (
    <form className="form csr-form" aria-label="Certificate signing request" onSubmit={submit} noValidate>
      <p>
        Okta makes the new key pair and keeps its private key; it answers a certificate signing request (CSR) with the
        names below, for your CA to sign. Nothing secret leaves Okta.
      </p>
      {CSR_SUBJECT_FIELDS.map(({ key, label, max }) => (
        <TextField
          key={key}
          label={label}
          name={key}
          value={subject[key] ?? ''}
          maxLength={key === 'countryName' ? 2 : max + 16}
          hint={HINTS[key]}
          error={messageFor(key, shown(key), problems, error)}
          onBlur={() => leave(key)}
          onChange={(e) =>
            setSubject((prev) => ({
              ...prev,
              [key]: key === 'countryName' ? e.target.value.toUpperCase() : e.target.value,
            }))
          }
        />
      ))}
      <Field
        label="DNS names (subject alternative names)"
        hint="One a line, or separated by commas. Optional: only if your CA requires them."
        error={messageFor('dnsNames', shown('dnsNames'), problems, error)}
      >
        {(aria) => (
          <textarea
            {...aria}
            name="dnsNames"
            rows={2}
            spellCheck={false}
            value={dnsText}
            onBlur={() => leave('dnsNames')}
            onChange={(e) => setDnsText(e.target.value)}
          />
        )}
      </Field>
      <div className="rotation-actions">
        <button type="submit" className="primary" disabled={busy}>
          Ask Okta for the CSR
        </button>
      </div>
    </form>
  );
}

/**
 * The rotation's first stage: how the new key is made. Okta generates it, or Okta makes a CSR the
 * admin's CA signs; an open CSR is shown (with its upload) whenever the dialog is opened again.
 */
export function KeyWayPanel({
  view,
  rotation,
  busy,
  error,
  act,
}: {
  view: CertView;
  rotation: Rotation;
  busy: boolean;
  error: ApiFailure | undefined;
  act: Act;
}) {
  const [way, setWay] = useState<'generate' | 'csr'>('generate');
  const pending = rotation.pending;
  if (rotation.csr) return <CsrWaiting view={view} rotation={rotation} busy={busy} error={error} act={act} />;
  if (pending?.op === 'csr') {
    return (
      <div>
        <p className="banner banner-warning">
          An earlier run stopped while asking Okta for the CSR. Continue: the app first looks for the CSR Okta made, so
          no second one is made.
        </p>
        <div className="rotation-actions">
          <button
            type="button"
            className="primary"
            disabled={busy}
            onClick={() =>
              act({ stage: 'csr', subject: pending.subject ?? view.csrDefaults, dnsNames: pending.dnsNames ?? [] })
            }
          >
            Continue asking for the CSR
          </button>
          <button type="button" disabled={busy} onClick={() => act({ stage: 'discard-csr' })}>
            Discard it and choose again
          </button>
        </div>
      </div>
    );
  }
  if (pending?.op === 'generate') {
    return (
      <div>
        <p className="banner banner-warning">
          An earlier run stopped while generating the key. Continue: the app looks for the key it made first, so no
          second key is made.
        </p>
        <button type="button" className="primary" disabled={busy} onClick={() => act({ stage: 'generate' })}>
          Continue generating
        </button>
      </div>
    );
  }
  return (
    <div>
      <fieldset className="choice-group">
        <legend>How is the new key made?</legend>
        <label className="choice">
          <input type="radio" name="key-way" checked={way === 'generate'} onChange={() => setWay('generate')} />
          <span>
            <strong>Okta generates a new key</strong>
            <small>Okta makes the key and a self-signed certificate valid {rotation.validityYears} years.</small>
          </span>
        </label>
        <label className="choice">
          <input type="radio" name="key-way" checked={way === 'csr'} onChange={() => setWay('csr')} />
          <span>
            <strong>Use a certificate from your CA (CSR)</strong>
            <small>
              Okta makes the key and a signing request; your certificate authority signs it and you upload the
              certificate. Its validity is your CA’s.
            </small>
          </span>
        </label>
      </fieldset>
      {way === 'generate' ? (
        <div>
          <p>
            Okta makes a new key and certificate ({rotation.validityYears} years); the app keeps signing with the old
            key.
          </p>
          <button type="button" className="primary" disabled={busy} onClick={() => act({ stage: 'generate' })}>
            Generate the new key in Okta
          </button>
        </div>
      ) : (
        <CsrForm defaults={view.csrDefaults} busy={busy} error={error} act={act} />
      )}
    </div>
  );
}
