import { useState, type FormEvent } from 'react';
import type { ApiFailure } from '../../src-main/api';
import {
  MetadataObservedSchema,
  type CertificateFactsView,
  type MetadataReportView,
} from '../../src-main/api/step-metadata';
import { api } from '../api/client';
import { CopyRow } from './copy-value';
import { download } from '../download';
import type { StepScreenProps } from './types';
import './saml-app.css';

function Certificate({ cert, fileName }: { cert: CertificateFactsView; fileName: string }) {
  const rows: [string, string][] = [
    ['Subject', cert.subject],
    ['Issuer', cert.issuer],
    ['Serial number', cert.serialNumber],
    ['Valid from', cert.notBefore],
    [
      'Valid until',
      `${cert.notAfter} (${cert.daysToExpiry < 0 ? `expired ${-cert.daysToExpiry} days ago` : `${cert.daysToExpiry} days left`})`,
    ],
    ['SHA-1 fingerprint', cert.sha1Fingerprint],
    ['SHA-256 fingerprint', cert.sha256Fingerprint],
    ['Key', `${cert.keyType} ${cert.keyBits} bits`],
    ['Signature algorithm', cert.signatureAlgorithm],
  ];
  return (
    <div className="saml-certificate" data-certificate={cert.sha256Fingerprint}>
      <dl>
        {rows.map(([label, value]) => (
          <div className="copy-row" key={label}>
            <dt>{label}</dt>
            <dd>
              <code>{value}</code>
            </dd>
          </div>
        ))}
      </dl>
      <button type="button" onClick={() => download(fileName, cert.pem, 'application/x-pem-file')}>
        Download certificate (PEM)
      </button>
    </div>
  );
}

function Findings({ report }: { report: MetadataReportView }) {
  if (report.findings.length === 0)
    return <p className="muted">No findings: nothing to worry about in this metadata.</p>;
  return (
    <ul className="saml-findings" aria-label="Findings">
      {report.findings.map((f, i) => (
        <li key={`${f.code}-${i}`} className={`saml-finding saml-finding-${f.level}`} data-finding={f.code}>
          {f.message}
        </li>
      ))}
    </ul>
  );
}

function Report({ report }: { report: MetadataReportView }) {
  return (
    <div data-metadata-report={report.entityId}>
      <dl>
        <div className="copy-row">
          <dt>Entity ID (issuer)</dt>
          <dd>
            <code>{report.entityId}</code>
          </dd>
        </div>
        {report.ssoServices.map((s) => (
          <div className="copy-row" key={s.binding}>
            <dt>SSO URL ({s.binding.split(':').pop()})</dt>
            <dd>
              <code>{s.location}</code>
            </dd>
          </div>
        ))}
      </dl>
      {report.certificates.map((cert) => (
        <Certificate key={cert.sha256Fingerprint} cert={cert} fileName="idp-certificate.pem" />
      ))}
      <Findings report={report} />
    </div>
  );
}

type Source = 'xml' | 'file' | 'url';

/** "Check any IdP's metadata": pasted XML, a file read here in the renderer, or a URL main fetches. */
function MetadataChecker() {
  const [source, setSource] = useState<Source>('xml');
  const [xml, setXml] = useState('');
  const [fileXml, setFileXml] = useState<{ name: string; text: string } | undefined>(undefined);
  const [url, setUrl] = useState('');
  const [result, setResult] = useState<{ report: MetadataReportView } | { error: ApiFailure } | undefined>(undefined);
  const [checking, setChecking] = useState(false);

  async function check(event: FormEvent) {
    event.preventDefault();
    const request = source === 'url' ? { url } : { xml: source === 'file' ? (fileXml?.text ?? '') : xml };
    setChecking(true);
    const answer = await api.saml.inspectMetadata(request);
    setChecking(false);
    setResult(answer.ok ? { report: answer.value } : { error: answer.error });
  }

  return (
    <section className="saml-panel" aria-labelledby="metadata-check-title">
      <h2 id="metadata-check-title">Check any IdP&apos;s metadata</h2>
      <form onSubmit={(e) => void check(e)} aria-label="Check metadata">
        <fieldset className="saml-check-source">
          <legend className="muted">Metadata from</legend>
          {(['xml', 'file', 'url'] as const).map((s) => (
            <label key={s}>
              <input type="radio" name="metadata-source" checked={source === s} onChange={() => setSource(s)} />{' '}
              {s === 'xml' ? 'Pasted XML' : s === 'file' ? 'A file' : 'A URL'}
            </label>
          ))}
        </fieldset>
        {source === 'xml' ? (
          <label>
            Metadata XML
            <textarea name="metadataXml" value={xml} onChange={(e) => setXml(e.target.value)} spellCheck={false} />
          </label>
        ) : null}
        {source === 'file' ? (
          <label>
            Metadata file{' '}
            <input
              type="file"
              name="metadataFile"
              accept=".xml,application/xml,text/xml,application/samlmetadata+xml"
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (file) void file.text().then((t) => setFileXml({ name: file.name, text: t }));
              }}
            />
            {fileXml ? (
              <span className="muted">
                {' '}
                {fileXml.name} ({fileXml.text.length} characters)
              </span>
            ) : null}
          </label>
        ) : null}
        {source === 'url' ? (
          <label>
            Metadata URL{' '}
            <input
              name="metadataUrl"
              type="url"
              value={url}
              onChange={(e) => setUrl(e.target.value)}
              placeholder="https://acme.okta.com/app/exk…/sso/saml/metadata"
            />
          </label>
        ) : null}
        <div className="actions">
          <button type="submit" disabled={checking}>
            {checking ? 'Checking…' : 'Check metadata'}
          </button>
        </div>
      </form>
      {result && 'error' in result ? (
        <div className="inline-error" role="alert" data-metadata-error={result.error.code}>
          <strong>{result.error.message}</strong> <span>{result.error.hint}</span>
        </div>
      ) : null}
      {result && 'report' in result ? <Report report={result.report} /> : null}
    </section>
  );
}

/** The app's Metadata URL, issuer, SSO URL and signing certificate, checked, plus a checker for any metadata. */
export default function MetadataStep({ view }: StepScreenProps) {
  const parsed = MetadataObservedSchema.safeParse(view.observed);
  const observed = parsed.success ? parsed.data : undefined;
  const sso =
    observed?.report.ssoServices.find((s) => s.binding.endsWith(':HTTP-POST')) ?? observed?.report.ssoServices[0];
  const cert = observed?.report.certificates[0];
  return (
    <div className="metadata-step">
      {observed ? (
        <section className="saml-panel" aria-labelledby="okta-metadata-title">
          <h2 id="okta-metadata-title">What Okta publishes for “{observed.appLabel}”</h2>
          <dl>
            <CopyRow id="metadata-url" label="Metadata URL" value={observed.metadataUrl} />
            <CopyRow id="issuer" label="Identity Provider Issuer" value={observed.report.entityId} />
            {sso ? (
              <CopyRow id="sso-url" label="Identity Provider SSO URL (Redirect Login URL)" value={sso.location} />
            ) : null}
          </dl>
          {cert ? (
            <Certificate
              cert={cert}
              fileName={`${observed.appLabel.replace(/[^A-Za-z0-9-]+/g, '-')}-okta-certificate.pem`}
            />
          ) : null}
          <Findings report={observed.report} />
        </section>
      ) : (
        <p className="muted">Click Check Okta to read the app&apos;s metadata.</p>
      )}
      <MetadataChecker />
    </div>
  );
}
