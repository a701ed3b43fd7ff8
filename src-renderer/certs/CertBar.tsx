import { useCallback, useEffect, useState } from 'react';
import type { CertView } from '../../src-main/api/cert-rotation';
import { ROTATION_STAGE_TITLE } from '../../src-main/api/cert-rotation';
import { api } from '../api/client';
import { change } from '../api/use-main';
import { Dialog } from '../components/Dialog';
import { CertBadge, CertLine } from './cert-level';
import { RotationScreen } from './RotationScreen';
import './certs.css';

/**
 * The integration's signing certificate, read from Okta each time the integration is opened, with
 * its expiry level; the rotation opens from here and resumes wherever it stopped.
 */
export function CertBar({ integrationId, hasApp }: { integrationId: string; hasApp: boolean }) {
  const [view, setView] = useState<CertView | undefined>(undefined);
  const [reading, setReading] = useState(false);
  const [open, setOpen] = useState(false);

  const check = useCallback(async () => {
    setReading(true);
    const result = await api.certs.check({ integrationId });
    setReading(false);
    if (result.ok) setView(result.value);
  }, [integrationId]);

  useEffect(() => {
    let live = true;
    void api.certs.view({ integrationId }).then((r) => {
      if (live && r.ok) setView(r.value);
    });
    // Read from Okta on open, after the last reading is shown.
    if (hasApp) void Promise.resolve().then(check);
    return () => {
      live = false;
    };
  }, [integrationId, hasApp, check]);

  if (!hasApp) return null;
  const rotation = view?.rotation;
  return (
    <section className="cert-bar" aria-label="Signing certificate">
      <strong>Signing certificate</strong> <CertBadge health={view?.health} />{' '}
      {reading ? <span className="muted">Reading the certificate from Okta…</span> : <CertLine health={view?.health} />}
      <span className="cert-bar-actions">
        <button type="button" disabled={reading} onClick={() => void check()}>
          Check certificate
        </button>
        <button type="button" className={rotation ? 'attention' : ''} onClick={() => setOpen(true)}>
          {rotation
            ? `Continue rotation: ${rotation.csr ? 'upload the certificate your CA signed' : ROTATION_STAGE_TITLE[rotation.stage].toLowerCase()}`
            : 'Rotate certificate'}
        </button>
      </span>
      {open && view ? (
        <Dialog title={`Rotate the signing certificate: ${view.vendorName}`} onClose={() => setOpen(false)}>
          <RotationScreen
            view={view}
            onView={(next) => {
              setView(next);
              void change(Promise.resolve({ ok: true as const, value: next }));
            }}
          />
        </Dialog>
      ) : null}
    </section>
  );
}
