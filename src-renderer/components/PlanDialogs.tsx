import { useState, type FormEvent } from 'react';
import type { ApiFailure, Client, ClientFileSummary, ImportedClient, Integration } from '../../src-main/api';
import { api } from '../api/client';
import { change } from '../api/use-main';
import { useUi } from '../state/ui';
import { Field, TextField } from './Field';

/** Hands a file main made (a plan or client file: settings only, never a secret) to the browser as a download. */
function download(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/yaml' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** "Save as plan file": the integration's settings as YAML, for `okta-onboard apply --plan-file` or Import plan file. */
export function SavePlanButton({ integration }: { integration: Integration }) {
  const [busy, setBusy] = useState(false);
  async function save() {
    setBusy(true);
    const result = await change(api.plans.exportIntegration({ integrationId: integration.id, format: 'yaml' }));
    setBusy(false);
    if (!result.ok) return;
    download(result.value.fileName, result.value.text);
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
    download(result.value.fileName, result.value.text);
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

type PickedFile = { fileName: string; text: string };

/** A file input for a .yaml/.json file; main's refusal of the file (with the path in it) shows right under it. */
function FilePicker({
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
function fieldErrors(error: ApiFailure): { file?: string; name?: string } {
  if (error.field === 'plan-file' || error.field?.startsWith('file')) return { file: error.message };
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

/** The secrets a client file left out, asked for again; each is kept for the new client in the secret store. */
function SecretFields({
  summary,
  values,
  onChange,
}: {
  summary: ClientFileSummary;
  values: Record<string, string>;
  onChange: (key: string, value: string) => void;
}) {
  const wanted = summary.integrations.flatMap((i, index) =>
    i.secrets.map((s) => ({ ...s, index, integration: i.label })),
  );
  if (wanted.length === 0) return null;
  return (
    <fieldset className="secret-fields">
      <legend>Secrets to enter again (never exported)</legend>
      {wanted.map((s) => {
        const key = `${s.index}:${s.stepId}:${s.field}`;
        return (
          <TextField
            key={key}
            label={`${s.integration}: ${s.label}`}
            type="password"
            autoComplete="off"
            value={values[key] ?? ''}
            onChange={(e) => onChange(key, e.target.value)}
            hint="Leave empty to enter it later on the step's screen."
          />
        );
      })}
    </fieldset>
  );
}

/** Import client: read and checked first (nothing is made), then created with the secrets entered again. */
export function ImportClient({ onDone }: { onDone: () => void }) {
  const selectClient = useUi((s) => s.selectClient);
  const [file, setFile] = useState<PickedFile | undefined>(undefined);
  const [summary, setSummary] = useState<ClientFileSummary | undefined>(undefined);
  const [name, setName] = useState('');
  const [secrets, setSecrets] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<{ file?: string; name?: string }>({});
  const [busy, setBusy] = useState(false);
  const [imported, setImported] = useState<ImportedClient | undefined>(undefined);

  async function read(picked: PickedFile | undefined) {
    setFile(picked);
    setSummary(undefined);
    setErrors({});
    if (!picked) return;
    const result = await change(api.plans.readClient({ file: picked }), { fieldsInline: true });
    if (!result.ok) return setErrors(fieldErrors(result.error));
    setSummary(result.value);
    setName(result.value.name);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!file || !summary) return;
    setBusy(true);
    const entered = Object.entries(secrets)
      .filter(([, value]) => value.trim() !== '')
      .map(([key, value]) => {
        const [index, stepId, field] = key.split(':') as [
          string,
          ClientFileSummary['integrations'][number]['steps'][number],
          string,
        ];
        return { integration: Number(index), stepId, field, value };
      });
    const result = await change(api.plans.importClient({ file, name, secrets: entered }), { fieldsInline: true });
    setBusy(false);
    if (!result.ok) return setErrors(fieldErrors(result.error));
    setImported(result.value);
  }

  if (imported)
    return (
      <div className="form" role="status" aria-label="Client imported">
        <p>
          Created <strong>{imported.client.name}</strong> with {imported.integrations.length} integration
          {imported.integrations.length === 1 ? '' : 's'} (
          {imported.integrations.map((i) => i.label).join(', ') || 'none'}
          ). Nothing was written to Okta; apply each integration's steps to set it up.
        </p>
        {imported.toDo.length > 0 ? (
          <ul className="to-do">
            {imported.toDo.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        ) : null}
        <div className="actions">
          <button
            type="button"
            className="primary"
            onClick={() => {
              selectClient(imported.client.id);
              onDone();
            }}
          >
            Open {imported.client.name}
          </button>
        </div>
      </div>
    );

  return (
    <form className="form" onSubmit={(e) => void submit(e)} aria-label="Import client">
      <FilePicker
        label="Client file"
        hint='Made with "Export client". It holds settings only: you sign in again and enter secrets again here.'
        error={errors.file}
        onPicked={(picked) => void read(picked)}
      />
      {summary ? (
        <>
          <p className="muted" aria-label="What the import makes">
            {summary.org.kind === 'practice'
              ? 'A new practice org on this computer (the exported one stays where it ran).'
              : `Okta org ${summary.org.url}; you sign in again after the import.`}{' '}
            Integrations: {summary.integrations.map((i) => i.label).join(', ') || 'none'}.
          </p>
          <TextField
            label="Client name"
            name="name"
            value={name}
            onChange={(e) => {
              setName(e.target.value);
              setErrors({});
            }}
            error={errors.name}
          />
          <SecretFields
            summary={summary}
            values={secrets}
            onChange={(key, value) => setSecrets((s) => ({ ...s, [key]: value }))}
          />
        </>
      ) : null}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy || !summary}>
          {busy ? 'Importing…' : 'Import client'}
        </button>
      </div>
    </form>
  );
}
