import { useState, type FormEvent } from 'react';
import type { VendorId, VendorSummary } from '../../src-main/api';
import { api } from '../api/client';
import { change } from '../api/use-main';
import { useUi } from '../state/ui';
import { TextField } from './Field';

/**
 * Pick the vendor whose guide the wizard should follow for this client, and name the integration.
 * The name starts as the vendor's until the admin types one; a second integration of the same
 * vendor needs its own (e.g. "Mixpanel (EU)"), and main's refusal shows under the field.
 */
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
  const [label, setLabel] = useState('');
  const [labelTyped, setLabelTyped] = useState(false);
  const [labelError, setLabelError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const selectIntegration = useUi((s) => s.selectIntegration);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!vendorId) return;
    setBusy(true);
    const result = await change(api.integrations.add({ clientId, vendorId, label }), { fieldsInline: true });
    setBusy(false);
    if (result.ok) {
      selectIntegration(result.value.id);
      onDone?.();
      return;
    }
    const { field, message } = result.error;
    // Main prefixes the field for messages read out of context; under the field itself it is noise.
    if (field === 'label') setLabelError(message.startsWith('label: ') ? message.slice('label: '.length) : message);
  }

  function chooseVendor(vendor: VendorSummary) {
    setVendorId(vendor.id);
    if (!labelTyped) {
      setLabel(vendor.name);
      setLabelError(undefined);
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
              onChange={() => chooseVendor(v)}
            />
            <span className="vendor-name">{v.name}</span>
            <span className="vendor-description">{v.description}</span>
            <span className="vendor-steps">
              {v.steps.length} steps · follows “{v.guide}”
            </span>
          </label>
        ))}
      </fieldset>
      <TextField
        label="Name of this integration"
        name="label"
        value={label}
        maxLength={80}
        onChange={(e) => {
          setLabel(e.target.value);
          setLabelTyped(true);
          setLabelError(undefined);
        }}
        error={labelError}
        hint="How this integration is listed for the client. Two integrations of one vendor need different names, e.g. “Mixpanel (EU)”."
      />
      <div className="actions">
        <button type="submit" className="primary" disabled={!vendorId || busy}>
          {busy ? 'Creating…' : 'Start integration'}
        </button>
      </div>
    </form>
  );
}
