import { useEffect, useState } from 'react';
import type { ApiFailure, ReportFormatChoice, ReportPreview, ReportTarget } from '../../src-main/api';
import { api, callFailed } from '../api/client';
import { bytesOfBase64, download } from '../download';
import { exactTime } from '../wizard/when';
import './export-report.css';

const FORMAT_LABELS: Record<ReportFormatChoice, { label: string; hint: string }> = {
  html: { label: 'HTML', hint: 'one self-contained page; opens in any browser, prints well' },
  pdf: { label: 'PDF', hint: 'the same page, printed to A4' },
  json: { label: 'JSON', hint: 'versioned, with a published JSON Schema' },
  md: { label: 'Markdown', hint: 'for tickets and wikis' },
  tf: { label: 'Terraform', hint: 'okta provider resources with import blocks' },
};

const STATE_WORDS = {
  verified: 'verified',
  failing: 'failing',
  incomplete: 'incomplete',
  unreadable: 'could not be read',
} as const;

type Loaded =
  { state: 'loading' } | { state: 'ready'; preview: ReportPreview } | { state: 'failed'; error: ApiFailure };

/**
 * The report read from Okta now, shown as it will be saved (the HTML in a sandboxed frame: no
 * script, no request), with the format to save it in. Export writes the report previewed.
 */
export function ExportReport({ target }: { target: ReportTarget }) {
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [reads, setReads] = useState(0);
  const [format, setFormat] = useState<ReportFormatChoice>('html');
  const [saving, setSaving] = useState(false);
  const [notice, setNotice] = useState<{ text: string; error?: ApiFailure } | undefined>(undefined);
  const targetKey = target.kind === 'portfolio' ? 'portfolio' : target.integrationId;
  const readAgain = () => {
    setLoaded({ state: 'loading' });
    setReads((n) => n + 1);
  };

  useEffect(() => {
    let live = true;
    void api.reports
      .preview(target)
      .catch(callFailed)
      .then((r) => {
        if (live) setLoaded(r.ok ? { state: 'ready', preview: r.value } : { state: 'failed', error: r.error });
      });
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `targetKey` stands for `target`; `reads` is "Read again".
  }, [targetKey, reads]);

  async function save(preview: ReportPreview) {
    setSaving(true);
    setNotice(undefined);
    const r = await api.reports.export({ target, format, reportId: preview.reportId }).catch(callFailed);
    setSaving(false);
    if (!r.ok) return setNotice({ text: 'The report was not saved.', error: r.error });
    if (r.value.kind === 'download') {
      download(r.value.fileName, bytesOfBase64(r.value.base64), r.value.mimeType);
      setNotice({ text: `Downloaded ${r.value.fileName}.` });
    } else if (r.value.kind === 'saved') setNotice({ text: `Saved to ${r.value.path}.` });
    else setNotice({ text: 'Not saved: the save dialog was cancelled.' });
  }

  if (loaded.state === 'loading')
    return (
      <p className="muted" role="status">
        Reading the org now (read-only calls) to build the report…
      </p>
    );
  if (loaded.state === 'failed')
    return (
      <div className="inline-error" role="alert">
        <strong>{loaded.error.message}</strong> <span>{loaded.error.hint}</span>{' '}
        <button type="button" onClick={readAgain}>
          Try again
        </button>
      </div>
    );
  const { preview } = loaded;
  return (
    <div className="export-report">
      <p className="muted">
        Read from Okta at <time dateTime={preview.generatedAt}>{exactTime(preview.generatedAt)}</time>:{' '}
        {preview.states.map((s) => STATE_WORDS[s]).join(', ')}. The report holds no secret.{' '}
        <button type="button" className="link-button" onClick={readAgain}>
          Read again
        </button>
      </p>
      <iframe
        className="report-preview"
        title={`Preview: ${preview.title}`}
        sandbox=""
        srcDoc={preview.html}
        data-testid="report-preview"
      />
      <form
        className="export-form"
        onSubmit={(e) => {
          e.preventDefault();
          void save(preview);
        }}
      >
        <fieldset>
          <legend>Format</legend>
          {preview.formats.map((f) => (
            <label key={f}>
              <input type="radio" name="report-format" value={f} checked={format === f} onChange={() => setFormat(f)} />{' '}
              {FORMAT_LABELS[f].label} <span className="muted">({FORMAT_LABELS[f].hint})</span>
            </label>
          ))}
        </fieldset>
        {notice ? (
          <p role={notice.error ? 'alert' : 'status'} className={notice.error ? 'inline-error' : 'muted'}>
            {notice.text}
            {notice.error ? ` ${notice.error.message} ${notice.error.hint}` : ''}
          </p>
        ) : null}
        {/* Under the choice it acts on, at the bottom right, as in every dialog of the app. */}
        <div className="actions">
          <button type="submit" className="primary" disabled={saving}>
            {saving ? 'Saving…' : `Export ${FORMAT_LABELS[format].label}`}
          </button>
        </div>
      </form>
    </div>
  );
}
