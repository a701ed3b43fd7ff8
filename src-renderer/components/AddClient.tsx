import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { change } from '../api/use-main';
import { useUi } from '../state/ui';
import { TextField } from './Field';

/** A client is a customer and its Okta org; the practice org is the built-in sandbox. */
export function AddClient({ onDone }: { onDone?: () => void }) {
  const [kind, setKind] = useState<'org' | 'sandbox'>('sandbox');
  const [name, setName] = useState('');
  const [orgUrl, setOrgUrl] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const selectClient = useUi((s) => s.selectClient);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const result = await change(api.clients.add(kind === 'org' ? { kind, name, orgUrl } : { kind, name }), {
      fieldsInline: true,
    });
    setBusy(false);
    if (result.ok) {
      selectClient(result.value.id);
      onDone?.();
      // A real org is useless until the wizard can sign in to it: ask for that next.
      if (kind === 'org') useUi.getState().openDialog('connect');
    } else {
      setErrors(result.error.field ? { [result.error.field]: result.error.message } : {});
    }
  }

  return (
    <form className="form" onSubmit={submit} aria-label="Add a client">
      <TextField
        label="Client name"
        name="name"
        value={name}
        onChange={(e) => setName(e.target.value)}
        placeholder="Acme Corp"
        autoFocus
        required
        error={errors.name}
        hint="The customer whose Okta org you are connecting."
      />
      <fieldset className="choice-group">
        <legend>Okta org</legend>
        <label className="choice">
          <input
            type="radio"
            name="kind"
            value="sandbox"
            checked={kind === 'sandbox'}
            onChange={() => setKind('sandbox')}
          />
          <span>
            <strong>Practice org (built-in sandbox)</strong>
            <small>A local Okta org on this machine with sample users and groups. Nothing leaves your computer.</small>
          </span>
        </label>
        <label className="choice">
          <input type="radio" name="kind" value="org" checked={kind === 'org'} onChange={() => setKind('org')} />
          <span>
            <strong>A real Okta org</strong>
            <small>You will sign in with an API token, an admin sign-in, or a service app.</small>
          </span>
        </label>
      </fieldset>
      {kind === 'org' ? (
        <TextField
          label="Org URL"
          name="orgUrl"
          value={orgUrl}
          onChange={(e) => setOrgUrl(e.target.value)}
          placeholder="https://acme.okta.com"
          inputMode="url"
          required
          error={errors.orgUrl}
          hint="The address users sign in at, without -admin: https://acme.okta.com"
        />
      ) : null}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Adding…' : 'Add client'}
        </button>
      </div>
    </form>
  );
}
