import { useId, useRef, useState } from 'react';
import type { ApiFailure } from '../../src-main/api';
import type { CertView, CsrView, Rotation } from '../../src-main/api/cert-rotation';
import { CopyButton } from '../steps/copy-value';
import { useNow, When } from '../wizard/when';
import { download } from '../download';
import type { Act } from './KeyWayPanel';

/** A chosen file as main takes it: PEM as its text, anything else (DER) as base64 of its bytes. */
interface ChosenFile {
  name: string;
  size: number;
  kind: 'PEM text' | 'binary (DER)';
  payload: string;
}

async function readChosen(file: File): Promise<ChosenFile> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const text = new TextDecoder().decode(bytes);
  if (text.includes('-----BEGIN')) return { name: file.name, size: file.size, kind: 'PEM text', payload: text };
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { name: file.name, size: file.size, kind: 'binary (DER)', payload: btoa(binary) };
}

function CsrFacts({ csr }: { csr: CsrView }) {
  const now = useNow();
  return (
    <dl className="cert-facts" aria-label="Certificate signing request">
      <dt>CSR id</dt>
      <dd>
        <code>{csr.id}</code>, made <When iso={csr.createdAt} now={now} />
      </dd>
      <dt>Subject</dt>
      <dd>
        <code>{csr.subject}</code>
      </dd>
      <dt>DNS names</dt>
      <dd>{csr.dnsNames.length > 0 ? csr.dnsNames.join(', ') : 'none'}</dd>
      <dt>Public key</dt>
      <dd>{csr.publicKey} (the private key stays in Okta)</dd>
      <dt>SHA-256 of the CSR</dt>
      <dd>
        <code>{csr.sha256}</code>
      </dd>
    </dl>
  );
}

function CertificateUpload({ busy, error, act }: { busy: boolean; error: ApiFailure | undefined; act: Act }) {
  const [text, setText] = useState('');
  const [chosen, setChosen] = useState<ChosenFile | undefined>(undefined);
  const fileInput = useRef<HTMLInputElement>(null);
  const id = useId();
  const message = error?.field === 'certificate' ? error : undefined;
  const certificate = chosen?.payload ?? text;
  return (
    <fieldset className={`csr-upload field${message ? ' field-invalid' : ''}`}>
      <legend>Certificate your CA issued</legend>
      <label htmlFor={`${id}-file`}>Choose the file (.pem, .crt, .cer or .der)</label>
      <input
        ref={fileInput}
        id={`${id}-file`}
        type="file"
        accept=".pem,.crt,.cer,.der,.cert,application/x-pem-file,application/pkix-cert,application/x-x509-ca-cert"
        aria-describedby={`${id}-error`}
        aria-invalid={Boolean(message)}
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (!file) return setChosen(undefined);
          setText('');
          void readChosen(file).then(setChosen);
        }}
      />
      {chosen ? (
        <p className="field-hint">
          Chosen: {chosen.name} ({chosen.kind}, {chosen.size.toLocaleString()} bytes)
        </p>
      ) : null}
      <label htmlFor={`${id}-pem`}>Or paste the certificate (PEM)</label>
      <textarea
        id={`${id}-pem`}
        rows={5}
        spellCheck={false}
        placeholder={'-----BEGIN CERTIFICATE-----\n…\n-----END CERTIFICATE-----'}
        aria-describedby={`${id}-error`}
        aria-invalid={Boolean(message)}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setChosen(undefined);
          if (fileInput.current) fileInput.current.value = '';
        }}
      />
      <p className="field-hint">
        Before Okta sees it, the app checks that it is a certificate for this CSR’s key and valid now. A file with the
        chain is fine: the certificate for this key is taken from it.
      </p>
      {message ? (
        <p className="field-error" id={`${id}-error`} role="alert">
          {message.message} {message.hint}
        </p>
      ) : null}
      <div className="rotation-actions">
        <button
          type="button"
          className="primary"
          disabled={busy || certificate.trim() === ''}
          onClick={() => act({ stage: 'publish', certificate })}
        >
          Publish the certificate to Okta
        </button>
      </div>
    </fieldset>
  );
}

/** The open CSR: what it says, the file for the CA, what to do with it, and the upload of what the CA returns. */
export function CsrWaiting({
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
  const [discarding, setDiscarding] = useState(false);
  const csr = view.csr;
  const name = `okta-${view.vendorName.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${csr?.id ?? 'csr'}`;
  return (
    <div className="csr-waiting">
      {rotation.pending?.op === 'publish' ? (
        <p className="banner banner-warning">
          An earlier run stopped while publishing the certificate. Upload it again: the app first looks for the key Okta
          may already have made, so nothing is published twice.
        </p>
      ) : null}
      {csr ? (
        <>
          <p>
            Okta made a new key pair and this certificate signing request. The private key never leaves Okta: the CSR
            holds only the public key and the names below, so it is safe to send.
          </p>
          <CsrFacts csr={csr} />
          {/* Scrolls when long: focusable, so a keyboard can scroll it too. */}
          <pre className="rotation-csr" aria-label="CSR (PEM)" tabIndex={0}>
            {csr.pem}
          </pre>
          <div className="rotation-downloads">
            <button type="button" onClick={() => download(`${name}.csr`, csr.pem, 'application/pkcs10')}>
              Download CSR (.csr)
            </button>
            <button type="button" onClick={() => download(`${name}.pem`, csr.pem, 'application/x-pem-file')}>
              Download CSR (.pem)
            </button>
            <CopyButton value={csr.pem} label="CSR (PEM)" />
          </div>
        </>
      ) : null}
      <h3 className="csr-next-title">What to do with it</h3>
      <ol className="csr-next">
        <li>
          Send the CSR to your certificate authority (your PKI team or your CA’s request form) and ask for a certificate
          for SAML signing (key usage: digital signature). The validity is your CA’s.
        </li>
        <li>
          Upload the certificate the CA returns, below. Okta then adds it as a new key of the app; the app keeps signing
          with the old key until you switch, after {view.vendorName} has the new certificate.
        </li>
      </ol>
      <p className="muted">
        You can close this window while the CA works: the CSR stays open in Okta and in this rotation, and is shown here
        again when you continue the rotation.
      </p>
      <CertificateUpload busy={busy} error={error} act={act} />
      {discarding ? (
        <div className="banner banner-warning" role="group" aria-label="Discard the CSR">
          <p>
            Discarding revokes CSR {rotation.csr?.id} in Okta: a certificate your CA issues for it can no longer be
            published. You then choose again how the new key is made.
          </p>
          <div className="rotation-actions">
            <button type="button" disabled={busy} onClick={() => act({ stage: 'discard-csr' })}>
              Discard and revoke the CSR
            </button>
            <button type="button" disabled={busy} onClick={() => setDiscarding(false)}>
              Keep the CSR
            </button>
          </div>
        </div>
      ) : (
        <button type="button" className="link-button" disabled={busy} onClick={() => setDiscarding(true)}>
          Discard this CSR and request a new one
        </button>
      )}
    </div>
  );
}
