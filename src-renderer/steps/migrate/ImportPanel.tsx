import { useId, useState } from 'react';
import {
  UPLOAD_PART_BYTES,
  type ColumnMappingView,
  type ImportPreviewView,
  type MigrateSummary,
} from '../../../src-main/api/channels-migrate';
import type { ApiFailure, ApiResult } from '../../../src-main/api';
import { api, callFailed } from '../../api/client';
import { exactTime } from '../../wizard/when';
import { ScimReadStatus } from './ScimReadStatus';

/** FileReader encodes off the page's thread; a 1 MB part never stalls typing or scrolling. */
function partAsBase64(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsDataURL(blob);
  });
}

/** Sends the file to main in parts under the request cap; main reads and parses it, never this page. */
async function upload(
  integrationId: string,
  file: File,
  onPart: (sent: number, parts: number) => void,
): Promise<ApiResult<{ uploadId: string }>> {
  const parts = Math.max(1, Math.ceil(file.size / UPLOAD_PART_BYTES));
  let uploadId: string | undefined;
  for (let part = 0; part < parts; part += 1) {
    let base64: string;
    try {
      base64 = await partAsBase64(file.slice(part * UPLOAD_PART_BYTES, (part + 1) * UPLOAD_PART_BYTES));
    } catch (error) {
      return callFailed(error);
    }
    const sent = await api.migrate.upload({ integrationId, ...(uploadId ? { uploadId } : {}), part, parts, base64 });
    if (!sent.ok) return sent;
    uploadId = sent.value.uploadId;
    onPart(part + 1, parts);
  }
  return { ok: true, value: { uploadId: uploadId ?? '' } };
}

const FIELDS: { key: keyof ColumnMappingView; label: string; hint: string }[] = [
  { key: 'email', label: 'Email', hint: "Each person's email; matched to Okta logins and emails." },
  {
    key: 'login',
    label: 'Username or second email',
    hint: 'Optional: a second address to match by when the email is not an Okta login.',
  },
  { key: 'role', label: 'Role', hint: "Optional: the vendor's role, mapped to the app's roles." },
  { key: 'name', label: 'Name', hint: 'Optional: used for people created in Okta.' },
];

const DELIMITER_NAMES = { ',': 'commas', ';': 'semicolons', '\t': 'tabs' } as const;

/** Step 1: choose the vendor's export, check the columns against its first rows, and keep it. */
export function ImportPanel({
  integrationId,
  summary,
  disabled,
  onImported,
}: {
  integrationId: string;
  summary: MigrateSummary;
  disabled: boolean;
  onImported: () => Promise<void>;
}) {
  const id = useId();
  const [choosing, setChoosing] = useState(summary.imported === null);
  const [sending, setSending] = useState<string | undefined>(undefined);
  const [failure, setFailure] = useState<ApiFailure | undefined>(undefined);
  const [preview, setPreview] = useState<ImportPreviewView | undefined>(undefined);
  const [mapping, setMapping] = useState<Partial<ColumnMappingView>>({});
  const [readingScim, setReadingScim] = useState(false);

  async function choose(file: File | undefined) {
    setFailure(undefined);
    setPreview(undefined);
    if (!file) return;
    setSending(`Sending ${file.name} to the app…`);
    const sent = await upload(integrationId, file, (done, parts) =>
      setSending(parts > 1 ? `Sending ${file.name}: part ${done} of ${parts}…` : `Reading ${file.name}…`),
    );
    if (!sent.ok) {
      setSending(undefined);
      setFailure(sent.error);
      return;
    }
    setSending(`Reading ${file.name}…`);
    const read = await api.migrate
      .preview({ integrationId, uploadId: sent.value.uploadId, fileName: file.name })
      .catch(callFailed);
    setSending(undefined);
    if (!read.ok) {
      setFailure(read.error);
      return;
    }
    setPreview(read.value);
    setMapping(read.value.mapping);
  }

  async function readScim() {
    setFailure(undefined);
    setPreview(undefined);
    setSending(`Reading ${summary.vendorName}'s accounts over SCIM, 100 a page…`);
    setReadingScim(true);
    const read = await api.migrate.importScim({ integrationId }).catch(callFailed);
    setReadingScim(false);
    if (!read.ok) {
      setSending(undefined);
      setFailure(read.error);
      return;
    }
    setSending('Matching against Okta…');
    setChoosing(false);
    await onImported();
    setSending(
      read.value.inactive > 0
        ? `${read.value.inactive} account${read.value.inactive === 1 ? '' : 's'} the vendor has deactivated ${read.value.inactive === 1 ? 'was' : 'were'} left out.`
        : undefined,
    );
  }

  async function keep() {
    if (!preview || !mapping.email) return;
    setSending(`Keeping ${preview.rows.toLocaleString('en')} rows…`);
    const kept = await api.migrate
      .import({
        integrationId,
        uploadId: preview.uploadId,
        fileName: preview.fileName,
        mapping: { ...mapping, email: mapping.email },
      })
      .catch(callFailed);
    if (!kept.ok) {
      setSending(undefined);
      setFailure(kept.error);
      return;
    }
    setSending('Matching against Okta…');
    setPreview(undefined);
    setChoosing(false);
    await onImported();
    setSending(undefined);
  }

  const imported = summary.imported;
  return (
    <section className="step-section migrate-import" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>1. {summary.vendorName}&rsquo;s current users</h2>
      {imported ? (
        <p data-imported-rows={imported.rows}>
          <strong>{imported.fileName}</strong>: {imported.rows.toLocaleString('en')} rows, imported{' '}
          {exactTime(imported.importedAt)}. Columns: email from &ldquo;{imported.mapping.email}&rdquo;
          {imported.mapping.login ? `, username from “${imported.mapping.login}”` : ''}
          {imported.mapping.role ? `, role from “${imported.mapping.role}”` : ', no role column'}
          {imported.mapping.name ? `, name from “${imported.mapping.name}”` : ''}.{' '}
          {!choosing ? (
            <button type="button" className="link-button" disabled={disabled} onClick={() => setChoosing(true)}>
              Import another file
            </button>
          ) : null}
        </p>
      ) : (
        <p className="muted">
          Export {summary.vendorName}&rsquo;s users as CSV or TSV (UTF-8 or UTF-16; commas, semicolons or tabs) and
          choose the file. It is read by the app on this computer, up to 100,000 rows.
        </p>
      )}
      {choosing ? (
        <div className="field">
          <label htmlFor={`${id}-file`}>{summary.vendorName} user export (CSV or TSV)</label>
          <input
            id={`${id}-file`}
            type="file"
            accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values"
            disabled={disabled || sending !== undefined}
            aria-describedby={failure ? `${id}-error` : undefined}
            onChange={(e) => void choose(e.currentTarget.files?.[0])}
          />
        </div>
      ) : null}
      {choosing && summary.scimSource ? (
        <div className="migrate-scim-source">
          <p>Or read the accounts {summary.vendorName} has now, live over SCIM:</p>
          <button
            type="button"
            disabled={disabled || sending !== undefined || !summary.scimSource.available}
            aria-describedby={`${id}-scim-why`}
            onClick={() => void readScim()}
          >
            Read from {summary.vendorName} over SCIM
          </button>{' '}
          <span className="field-hint" id={`${id}-scim-why`}>
            {summary.scimSource.why}
          </span>
        </div>
      ) : null}
      {readingScim ? <ScimReadStatus integrationId={integrationId} vendorName={summary.vendorName} /> : null}
      {sending ? (
        <p role="status" className="muted" data-import-status>
          {sending}
        </p>
      ) : null}
      {failure ? (
        <div className="inline-error" role="alert" id={`${id}-error`} data-import-error>
          <strong>{failure.message}</strong> <span>{failure.hint}</span>
        </div>
      ) : null}
      {preview ? (
        <div className="migrate-preview" data-preview-rows={preview.rows}>
          <p>
            <strong>{preview.fileName}</strong>: {preview.rows.toLocaleString('en')} rows, {preview.headers.length}{' '}
            columns, separated by {DELIMITER_NAMES[preview.delimiter]}, {preview.encoding.toUpperCase()}. Check which
            column holds what against the first rows:
          </p>
          <div className="migrate-mapping">
            {FIELDS.map((f) => (
              <div className="field" key={f.key}>
                <label htmlFor={`${id}-map-${f.key}`}>{f.label}</label>
                <select
                  id={`${id}-map-${f.key}`}
                  value={mapping[f.key] ?? ''}
                  aria-describedby={`${id}-map-${f.key}-hint`}
                  aria-invalid={f.key === 'email' && !mapping.email}
                  onChange={(e) => {
                    const value = e.currentTarget.value;
                    const next = { ...mapping };
                    if (value === '') delete next[f.key];
                    else next[f.key] = value;
                    setMapping(next);
                  }}
                >
                  <option value="">{f.key === 'email' ? 'Choose a column' : '(none)'}</option>
                  {preview.headers.map((h) => (
                    <option key={h} value={h}>
                      {h}
                    </option>
                  ))}
                </select>
                <span className="field-hint" id={`${id}-map-${f.key}-hint`}>
                  {f.key === 'email' && !mapping.email ? (
                    <span className="field-error">No column looks like an email: choose the one that holds it.</span>
                  ) : (
                    f.hint
                  )}
                </span>
              </div>
            ))}
          </div>
          <div className="table-scroll" tabIndex={0} role="region" aria-label="First rows of the file">
            <table className="step-table migrate-preview-table">
              <caption className="muted">
                First {preview.preview.length} of {preview.rows.toLocaleString('en')} rows
              </caption>
              <thead>
                <tr>
                  {preview.headers.map((h) => {
                    const as = FIELDS.find((f) => mapping[f.key] === h);
                    return (
                      <th scope="col" key={h}>
                        {h}
                        {as ? <span className="mapped-as"> → {as.label}</span> : null}
                      </th>
                    );
                  })}
                </tr>
              </thead>
              <tbody>
                {preview.preview.map((row, i) => (
                  <tr key={i}>
                    {preview.headers.map((h, j) => (
                      <td key={h}>{row[j]}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {preview.replaces ? (
            <p className="inline-warning" role="status" data-replaces>
              This replaces {preview.replaces.fileName} ({preview.replaces.rows.toLocaleString('en')} rows imported{' '}
              {exactTime(preview.replaces.importedAt)}
              {preview.replaces.decisions > 0 ? `, ${preview.replaces.decisions} decisions` : ''}
              {preview.replaces.results > 0 ? `, ${preview.replaces.results} row results` : ''}). People already
              assigned in Okta stay assigned and are shown as such.
            </p>
          ) : null}
          <div className="actions">
            <button
              type="button"
              className="primary"
              disabled={disabled || !mapping.email || sending !== undefined}
              onClick={() => void keep()}
            >
              Import {preview.rows.toLocaleString('en')} rows and match them
            </button>
            <button type="button" disabled={sending !== undefined} onClick={() => setPreview(undefined)}>
              Choose another file
            </button>
          </div>
        </div>
      ) : null}
    </section>
  );
}
