import { useEffect, useState } from 'react';
import { screenOf, useUi, type Toast } from '../state/ui';

/** Long enough to read a message and its hint; errors stay twice as long. Paused while pointed at or focused. */
export const TOAST_MS = { error: 12_000, success: 5_000, info: 5_000 } as const;

function ToastItem({ toast }: { toast: Toast }) {
  const dismiss = useUi((s) => s.dismissToast);
  const [held, setHeld] = useState(false);
  useEffect(() => {
    if (held) return undefined;
    const timer = window.setTimeout(() => dismiss(toast.id), TOAST_MS[toast.tone]);
    return () => window.clearTimeout(timer);
  }, [toast, dismiss, held]);
  return (
    <div
      className={`toast toast-${toast.tone}`}
      role={toast.tone === 'error' ? 'alert' : 'status'}
      onMouseEnter={() => setHeld(true)}
      onMouseLeave={() => setHeld(false)}
      onFocus={() => setHeld(true)}
      onBlur={() => setHeld(false)}
    >
      <div className="toast-body">
        <strong className="toast-message">{toast.message}</strong>
        {toast.hint ? <span className="toast-hint">{toast.hint}</span> : null}
      </div>
      <button type="button" className="icon-button" aria-label="Dismiss" onClick={() => dismiss(toast.id)}>
        ×
      </button>
    </div>
  );
}

/**
 * Messages of the screen on show: they expire (errors after 12 s), leave with the screen that
 * raised them, and sit in the page's flow above the content, so they never cover a control.
 */
export function Toasts() {
  const toasts = useUi((s) => s.toasts);
  const screen = useUi(screenOf);
  const shown = toasts.filter((t) => t.screen === screen);
  return (
    <div className="toasts" aria-live="polite" data-toasts={shown.length}>
      {shown.map((t) => (
        <ToastItem key={t.id} toast={t} />
      ))}
    </div>
  );
}
