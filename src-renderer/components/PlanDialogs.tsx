import { useState, type FormEvent } from 'react';
import type { ApiFailure, Client, Integration } from '../../src-main/api';
import { api } from '../api/client';
import { change } from '../api/use-main';
import { download } from '../download';
import { useUi } from '../state/ui';
import { Field, TextField } from './Field';

/** "Save as plan file": the integration's settings as YAML, for `okta-onboard apply --plan-file` or Import plan file. */
export function SavePlanButton({ integration }: { integration: Integration }) {
  const [busy, setBusy] = useState(false);
  async function save() {
    setBusy(true);
    const result = await change(api.plans.exportIntegration({ integrationId: integration.id, format: 'yaml' }));
    setBusy(false);
    if (!result.ok) return;
    download(result.value.fileName, result.value.text, 'application/yaml');
    useUi.getState().showSuccess(`Saved ${result.value.fileName}: the settings of ${integration.label}, no secrets.`);
  }
  return (
    <button type="button" disabled={busy} onClick={() => void save()}>
      {busy ? 'Saving…' : 'Save as plan file'}
    </button>
  );
}

/** "Export client": the client, its org and its integrations' settings as one file; no credentials or tokens. */
export function ExportClientButton({ client }: { client: Client }) {
  const [busy, setBusy] = useState(false);
  async function save() {
    setBusy(true);
    const result = await change(api.plans.exportClient({ clientId: client.id }));
    setBusy(false);
    if (!result.ok) return;
    download(result.value.fileName, result.value.text, 'application/yaml');
    useUi
      .getState()
      .showSuccess(
        `Exported ${client.name} to ${result.value.fileName}: settings only; credentials and tokens stay here.`,
      );
  }
  return (
    <button type="button" disabled={busy} onClick={() => void save()}>
      {busy ? 'Exporting…' : 'Export client'}
    </button>
  );
}

export type PickedFile = { fileName: string; text: string };

/** A file input for a .yaml/.json file; main's refusal of the file (with the path in it) shows right under it. */
export function FilePicker({
  label,
  hint,
  error,
  onPicked,
}: {
  label: string;
  hint: string;
  error: string | undefined;
  onPicked: (file: PickedFile | undefined) => void;
}) {
  return (
    <Field label={label} hint={hint} error={error}>
      {(aria) => (
        <input
          {...aria}
          type="file"
          name="file"
          accept=".yaml,.yml,.json"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (!file) return onPicked(undefined);
            void file.text().then((text) => onPicked({ fileName: file.name, text }));
          }}
        />
      )}
    </Field>
  );
}

/** Splits main's failure between the file and the name field it names; anything else becomes a toast. */
export function fieldErrors(error: ApiFailure): { file?: string; name?: string } {
  // A file's error names the path in it; the hint says what to do next (correct it, or pick the right file).
  if (error.field === 'plan-file' || error.field?.startsWith('file'))
    return { file: error.hint ? `${error.message} ${error.hint}` : error.message };
  if (error.field === 'label' || error.field === 'name') return { name: error.message };
  return {};
}

/** Import plan file: validates the file in main (errors name the path in it) and creates the integration. */
export function ImportPlan({ client, onDone }: { client: Client; onDone: () => void }) {
  const selectIntegration = useUi((s) => s.selectIntegration);
  const [file, setFile] = useState<PickedFile | undefined>(undefined);
  const [label, setLabel] = useState('');
  const [errors, setErrors] = useState<{ file?: string; name?: string }>({});
  const [busy, setBusy] = useState(false);
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!file) return setErrors({ file: 'Choose a plan file (.yaml, .yml or .json).' });
    setBusy(true);
    const result = await change(
      api.plans.importIntegration({ clientId: client.id, file, ...(label.trim() ? { label } : {}) }),
      { fieldsInline: true },
    );
    setBusy(false);
    if (!result.ok) return setErrors(fieldErrors(result.error));
    useUi.getState().showSuccess(`Created ${result.value.label} from ${file.fileName}. Apply its steps to set it up.`);
    selectIntegration(result.value.id);
    onDone();
  }
  return (
    <form className="form" onSubmit={(e) => void submit(e)} aria-label="Import plan file">
      <FilePicker
        label="Plan file"
        hint={`Saved with "Save as plan file" or okta-onboard plan --save-plan. It holds settings only; ${client.name}'s own groups, people and secrets are chosen on its screens.`}
        error={errors.file}
        onPicked={(picked) => {
          setFile(picked);
          setErrors({});
        }}
      />
      <TextField
        label="Name of this integration"
        name="label"
        value={label}
        placeholder="The name in the plan file"
        onChange={(e) => setLabel(e.target.value)}
        error={errors.name}
        hint="Leave empty to use the plan's name."
      />
      <div className="actions">
        <button type="submit" className="primary" disabled={busy || !file}>
          {busy ? 'Checking…' : 'Create integration'}
        </button>
      </div>
    </form>
  );
}

/** Copy to another client: the same settings as a new integration there; no secrets, nothing of this org. */
export function DuplicateIntegration({
  integration,
  clients,
  onDone,
}: {
  integration: Integration;
  clients: Client[];
  onDone: () => void;
}) {
  const others = clients.filter((c) => c.id !== integration.clientId);
  const [clientId, setClientId] = useState(others[0]?.id ?? integration.clientId);
  const [label, setLabel] = useState(integration.label);
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const { selectClient, selectIntegration } = useUi();
  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const result = await change(
      api.plans.duplicate({ integrationId: integration.id, clientId, ...(label.trim() ? { label } : {}) }),
      { fieldsInline: true },
    );
    setBusy(false);
    if (!result.ok) return setError(fieldErrors(result.error).name);
    const target = clients.find((c) => c.id === clientId);
    selectClient(clientId);
    selectIntegration(result.value.id);
    useUi
      .getState()
      .showSuccess(
        `Copied ${integration.label} to ${target?.name ?? 'the client'}. Apply its steps to set it up there.`,
      );
    onDone();
  }
  return (
    <form className="form" onSubmit={(e) => void submit(e)} aria-label="Copy to another client">
      <Field
        label="Client"
        hint="The settings are copied; secrets (the SCIM token) and this org's groups, people and app are not."
      >
        {(aria) => (
          <select {...aria} name="clientId" value={clientId} onChange={(e) => setClientId(e.target.value)}>
            {[...others, ...clients.filter((c) => c.id === integration.clientId)].map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <TextField
        label="Name of the copy"
        name="label"
        value={label}
        onChange={(e) => {
          setLabel(e.target.value);
          setError(undefined);
        }}
        error={error}
      />
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Copying…' : 'Copy'}
        </button>
      </div>
    </form>
  );
}
