import { useState, type FormEvent } from 'react';
import type { VendorId, VendorSummary } from '../../src-main/api';
import { api } from '../api/client';
import { change } from '../api/use-main';
import { useUi } from '../state/ui';

/** Pick the vendor whose guide the wizard should follow for this client. */
export function NewIntegration({
  clientId,
  vendors,
  onDone,
}: {
  clientId: string;
  vendors: VendorSummary[];
  onDone?: () => void;
}) {
  const [vendorId, setVendorId] = useState<VendorId | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const selectIntegration = useUi((s) => s.selectIntegration);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!vendorId) return;
    setBusy(true);
    const result = await change(api.integrations.add({ clientId, vendorId }));
    setBusy(false);
    if (result.ok) {
      selectIntegration(result.value.id);
      onDone?.();
    }
  }

  return (
    <form className="form" onSubmit={submit} aria-label="Choose a vendor">
      <fieldset className="vendor-grid">
        <legend>Vendor</legend>
        {vendors.map((v) => (
          <label key={v.id} className={`vendor-card${vendorId === v.id ? ' selected' : ''}`}>
            <input
              type="radio"
              name="vendor"
              value={v.id}
              checked={vendorId === v.id}
              onChange={() => setVendorId(v.id)}
            />
            <span className="vendor-name">{v.name}</span>
            <span className="vendor-description">{v.description}</span>
            <span className="vendor-steps">
              {v.steps.length} steps · follows “{v.guide}”
            </span>
          </label>
        ))}
      </fieldset>
      <div className="actions">
        <button type="submit" className="primary" disabled={!vendorId || busy}>
          {busy ? 'Creating…' : 'Start integration'}
        </button>
      </div>
    </form>
  );
}
