import { useState } from 'react';

/** Copies a value the admin must paste elsewhere (the vendor's settings, an email). */
export function CopyButton({ value, label }: { value: string; label: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      className="copy-button"
      aria-label={`Copy ${label}`}
      onClick={() => void navigator.clipboard.writeText(value).then(() => setCopied(true))}
    >
      {copied ? 'Copied' : 'Copy'}
    </button>
  );
}

/** A labelled value with its copy button, as a row of a definition list. */
export function CopyRow({ id, label, value }: { id: string; label: string; value: string }) {
  return (
    <div className="copy-row" data-value={id}>
      <dt>{label}</dt>
      <dd>
        <code>{value}</code> <CopyButton value={value} label={label} />
      </dd>
    </div>
  );
}
