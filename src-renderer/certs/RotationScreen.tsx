import { useEffect, useState } from 'react';
import type { ApiFailure, ApiResult } from '../../src-main/api';
import type { Certificate } from '../../src-main/api/cert-health';
import {
  ROTATION_STAGE_TITLE,
  ROTATION_STAGES,
  type CertView,
  type Rotation,
  type RotationRegisterValues,
} from '../../src-main/api/cert-rotation';
import { api } from '../api/client';
import { CopyButton } from '../steps/copy-value';
import { useNow, When } from '../wizard/when';
import { download } from '../download';
import { CSR_FIELD_ERRORS, KeyWayPanel, type Act } from './KeyWayPanel';

function CertFacts({ cert, title }: { cert: Certificate; title: string }) {
  return (
    <dl className="cert-facts" aria-label={title}>
      <dt>Key id</dt>
      <dd>
        <code>{cert.kid}</code>
      </dd>
      <dt>SHA-256 fingerprint</dt>
      <dd>
        <code>{cert.fingerprintSha256}</code> <CopyButton value={cert.fingerprintSha256} label="SHA-256 fingerprint" />
      </dd>
      <dt>Valid</dt>
      <dd>
        {new Date(cert.notBefore).toUTCString()} to {new Date(cert.expiresAt).toUTCString()}
      </dd>
    </dl>
  );
}

function Stages({ rotation }: { rotation: Rotation | undefined }) {
  const at = rotation ? ROTATION_STAGES.indexOf(rotation.stage) : -1;
  return (
    <ol className="rotation-stages" aria-label="Rotation stages">
      {ROTATION_STAGES.filter((s) => s !== 'done').map((stage, i) => (
        <li
          key={stage}
          className={i < at ? 'stage-done' : i === at ? 'stage-current' : ''}
          aria-current={i === at ? 'step' : undefined}
        >
          {i < at ? '✓ ' : ''}
          {ROTATION_STAGE_TITLE[stage]}
        </li>
      ))}
    </ol>
  );
}

function RegisterPanel({ integrationId, busy, act }: { integrationId: string; busy: boolean; act: Act }) {
  const [values, setValues] = useState<RotationRegisterValues | undefined>(undefined);
  const [error, setError] = useState<ApiFailure | undefined>(undefined);
  useEffect(() => {
    void api.certs.registerValues({ integrationId }).then((r) => (r.ok ? setValues(r.value) : setError(r.error)));
  }, [integrationId]);
  if (error) return <ErrorLine error={error} />;
  if (!values) return <p className="muted">Reading the new certificate's metadata from Okta…</p>;
  const mailto = `mailto:?subject=${encodeURIComponent(values.emailSubject)}&body=${encodeURIComponent(values.emailBody)}`;
  return (
    <div className="rotation-register">
      <p>
        Give {values.vendorName} the new certificate before the switch: a vendor that holds only the old one refuses
        every sign-in once Okta signs with the new key. The Metadata URL stays the same and serves the new certificate
        after the switch.
      </p>
      <div className="rotation-downloads">
        <button
          type="button"
          onClick={() => download('okta-signing-certificate.pem', values.certificatePem, 'application/x-pem-file')}
        >
          Download certificate (PEM)
        </button>
        <button type="button" onClick={() => download('okta-idp-metadata.xml', values.metadataXml, 'application/xml')}>
          Download IdP metadata (XML)
        </button>
        <CopyButton value={values.certificatePem} label="new certificate (PEM)" />
      </div>
      <details>
        <summary>Email to {values.vendorName}</summary>
        <p>
          <strong>Subject:</strong> {values.emailSubject}{' '}
          <CopyButton value={values.emailSubject} label="email subject" />
        </p>
        <pre className="rotation-email">{values.emailBody}</pre>
        <CopyButton value={values.emailBody} label="email body" /> <a href={mailto}>Open in your mail app</a>
      </details>
      <p className="muted">
        The app cannot see {values.vendorName}'s side: what you record here is shown as reported by you, not checked.
        The test login after the switch proves it.
      </p>
      <div className="rotation-actions">
        <button type="button" disabled={busy} onClick={() => act({ stage: 'register', via: 'copied' })}>
          Mark as copied into {values.vendorName}
        </button>
        <button type="button" disabled={busy} onClick={() => act({ stage: 'register', via: 'email' })}>
          Mark as sent by email
        </button>
      </div>
    </div>
  );
}

function ErrorLine({ error }: { error: ApiFailure }) {
  return (
    <div className="inline-error" role="alert">
      <strong>{error.message}</strong> <span>{error.hint}</span>
    </div>
  );
}

function TestPanel({ view, busy, act }: { view: CertView; busy: boolean; act: Act }) {
  const [password, setPassword] = useState('');
  const test = view.rotation?.test;
  return (
    <div>
      <p>
        An SP-initiated sign-in as the test user chosen on the Test login step, checked the way {view.vendorName} checks
        it: the signature against the certificate {view.vendorName} holds (by what you reported).
      </p>
      <label className="field">
        <span>Test user's Okta password (used once for this sign-in, kept nowhere)</span>
        <input type="password" autoComplete="off" value={password} onChange={(e) => setPassword(e.target.value)} />
      </label>
      <div className="rotation-actions">
        <button
          type="button"
          className="primary"
          disabled={busy || password === ''}
          onClick={() => act({ stage: 'test', via: 'password', password })}
        >
          Sign in with the password
        </button>
        {view.testWays.window ? (
          <button type="button" disabled={busy} onClick={() => act({ stage: 'test', via: 'window' })}>
            Sign in at {view.vendorName} in a window
          </button>
        ) : null}
        <button type="button" disabled={busy} onClick={() => act({ stage: 'switch-back' })}>
          Switch back to the old key
        </button>
      </div>
      {test ? <TestResult test={test} /> : null}
    </div>
  );
}

function TestResult({ test }: { test: NonNullable<Rotation['test']> }) {
  const now = useNow();
  return (
    <div className="checks" aria-label="Test login result">
      <p>
        <strong>{test.valid ? 'Test login passed' : 'Test login failed'}</strong> as {test.userLogin},{' '}
        <When iso={test.at} now={now} />
      </p>
      <ul>
        {test.checks.map((c) => (
          <li key={c.name} className={`check check-${c.status}`}>
            <span className="check-glyph" aria-hidden="true">
              {c.status === 'pass' ? '✓' : c.status === 'warn' ? '!' : '✗'}
            </span>{' '}
            <strong>{c.name}</strong> <span>{c.detail}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The guided rotation: one stage at a time, each resumable, with what happened so far. */
export function RotationScreen({ view, onView }: { view: CertView; onView: (view: CertView) => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiFailure | undefined>(undefined);
  const [years, setYears] = useState('10');
  const [confirmingCancel, setConfirmingCancel] = useState(false);
  const rotation = view.rotation;
  const now = useNow();

  async function run(call: Promise<ApiResult<CertView>>) {
    setBusy(true);
    setError(undefined);
    const result = await call;
    setBusy(false);
    if (result.ok) {
      setConfirmingCancel(false);
      onView(result.value);
    } else setError(result.error);
  }
  const act: Act = (action) => void run(api.certs.advance({ integrationId: view.integrationId, action }));

  let panel;
  if (!rotation) {
    const last = view.lastRotation;
    panel = (
      <div>
        {last ? (
          <p className="muted">
            Last rotation {last.cancelledAt ? 'cancelled' : 'finished'}{' '}
            <When iso={last.finishedAt ?? last.cancelledAt ?? last.startedAt} now={now} />.
          </p>
        ) : null}
        {view.health?.certificate ? <CertFacts cert={view.health.certificate} title="Current certificate" /> : null}
        <label className="field">
          <span>New certificate valid for (years, 2 to 10)</span>
          <input type="number" min={2} max={10} value={years} onChange={(e) => setYears(e.target.value)} />
        </label>
        <button
          type="button"
          className="primary"
          disabled={busy}
          onClick={() => void run(api.certs.start({ integrationId: view.integrationId, validityYears: Number(years) }))}
        >
          Start rotation
        </button>
      </div>
    );
  } else if (rotation.stage === 'generate') {
    panel = <KeyWayPanel view={view} rotation={rotation} busy={busy} error={error} act={act} />;
  } else if (rotation.stage === 'register') {
    panel = <RegisterPanel integrationId={view.integrationId} busy={busy} act={act} />;
  } else if (rotation.stage === 'switch') {
    panel = (
      <div>
        {rotation.registered ? (
          <p>
            Reported by you: the new certificate was {rotation.registered.via === 'email' ? 'sent' : 'copied'} to{' '}
            {view.vendorName} <When iso={rotation.registered.at} now={now} /> (not checked).
          </p>
        ) : null}
        <p>Okta then signs every sign-in to this app with the new key. The old key stays in Okta until you confirm.</p>
        <button type="button" className="primary" disabled={busy} onClick={() => act({ stage: 'switch' })}>
          Switch the app to the new key
        </button>
      </div>
    );
  } else if (rotation.stage === 'test') {
    panel = <TestPanel view={view} busy={busy} act={act} />;
  } else if (rotation.stage === 'confirm') {
    panel = (
      <div>
        {rotation.test ? <TestResult test={rotation.test} /> : null}
        <p>
          The old key ({rotation.old.kid}) is kept until you confirm: until then you can switch back. Okta keeps it
          listed afterwards (its API cannot delete app keys) but no longer signs with it.
        </p>
        <div className="rotation-actions">
          <button type="button" className="primary" disabled={busy} onClick={() => act({ stage: 'confirm' })}>
            Confirm and retire the old key
          </button>
          <button type="button" disabled={busy} onClick={() => act({ stage: 'switch-back' })}>
            Switch back to the old key
          </button>
        </div>
      </div>
    );
  }

  return (
    <div className="rotation" aria-busy={busy}>
      <Stages rotation={rotation} />
      {rotation?.new ? <CertFacts cert={rotation.new} title="New certificate" /> : null}
      {error && !(rotation?.stage === 'generate' && error.field && CSR_FIELD_ERRORS.has(error.field)) ? (
        <ErrorLine error={error} />
      ) : null}
      <section aria-label={rotation ? ROTATION_STAGE_TITLE[rotation.stage] : 'Start a rotation'}>{panel}</section>
      {rotation && ['generate', 'register', 'switch'].includes(rotation.stage) ? (
        confirmingCancel ? (
          <div className="banner banner-warning" role="group" aria-label="Cancel the rotation">
            <p>
              Cancelling revokes CSR {rotation.csr?.id ?? ''} in Okta: a certificate your CA issues for it can no longer
              be published. The app keeps signing with the old key.
            </p>
            <div className="rotation-actions">
              <button type="button" disabled={busy} onClick={() => act({ stage: 'cancel' })}>
                Cancel the rotation and revoke the CSR
              </button>
              <button type="button" disabled={busy} onClick={() => setConfirmingCancel(false)}>
                Keep the rotation
              </button>
            </div>
          </div>
        ) : (
          <button
            type="button"
            className="link-button"
            disabled={busy}
            onClick={() => (rotation.csr ? setConfirmingCancel(true) : act({ stage: 'cancel' }))}
          >
            Cancel the rotation
          </button>
        )
      ) : null}
      {rotation ? (
        <details className="rotation-history">
          <summary>What happened so far</summary>
          <ul>
            {rotation.events.map((e) => (
              <li key={`${e.at}${e.what}`}>
                <When iso={e.at} now={now} />: {e.what}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
