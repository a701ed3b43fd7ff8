import { useState, type FormEvent } from 'react';
import type { ApiFailure, ClientFileSummary, ImportedClient } from '../../src-main/api';
import { api } from '../api/client';
import { change } from '../api/use-main';
import { useUi } from '../state/ui';
import { Connect } from './Connect';
import { TextField } from './Field';
import { fieldErrors, FilePicker, type PickedFile } from './PlanDialogs';
import { SecretStorageNote } from './SecretStorageNote';

/** How the new client signs in to a real org: a token now, or a service app / admin sign-in just after. */
type SignIn = 'api-token' | 'after';

type Errors = { file?: string; name?: string; orgUrl?: string; token?: string };

/** Main's refusal next to the field it names (the org URL and the token with what to do); others are toasts. */
function errorsOf(error: ApiFailure): Errors {
  if (error.field === 'orgUrl' || error.field === 'token') return { [error.field]: `${error.message} ${error.hint}` };
  return fieldErrors(error);
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

/** A real org's URL and credentials, asked for in the import: the client is signed in when it appears. */
function OrgSignIn({
  orgUrl,
  signIn,
  token,
  errors,
  exportedWith,
  onOrgUrl,
  onSignIn,
  onToken,
}: {
  orgUrl: string;
  signIn: SignIn;
  token: string;
  errors: Errors;
  exportedWith: string;
  onOrgUrl: (value: string) => void;
  onSignIn: (value: SignIn) => void;
  onToken: (value: string) => void;
}) {
  return (
    <fieldset className="org-sign-in">
      <legend>Sign in to the client's Okta org (credentials are never exported)</legend>
      <TextField
        label="Org URL"
        name="orgUrl"
        value={orgUrl}
        inputMode="url"
        onChange={(e) => onOrgUrl(e.target.value)}
        error={errors.orgUrl}
        hint="From the file; checked to be an Okta org before anything is made."
      />
      <fieldset className="choice-group">
        <legend>Sign in with (the export was made with {exportedWith})</legend>
        <label className="choice">
          <input type="radio" name="signIn" checked={signIn === 'api-token'} onChange={() => onSignIn('api-token')} />
          <span>
            <strong>API token, now</strong>
            <small>Security &gt; API &gt; Tokens in that org. Okta checks it before the client is made.</small>
          </span>
        </label>
        <label className="choice">
          <input type="radio" name="signIn" checked={signIn === 'after'} onChange={() => onSignIn('after')} />
          <span>
            <strong>Service app or admin sign-in, right after the import</strong>
            <small>
              A service app's key pair is made for this client on this computer, so its public key is shown once the
              client exists.
            </small>
          </span>
        </label>
      </fieldset>
      {signIn === 'api-token' ? (
        <TextField
          label="API token"
          name="token"
          type="password"
          autoComplete="off"
          value={token}
          onChange={(e) => onToken(e.target.value)}
          error={errors.token}
          hint="Kept only for this client in the secret store; never shown again, never exported."
        />
      ) : null}
      <SecretStorageNote />
    </fieldset>
  );
}

const EXPORTED_WITH: Record<string, string> = {
  'api-token': 'an API token',
  'oauth-pkce': 'an admin sign-in',
  'service-app': 'a service app',
  none: 'no sign-in',
};

/** The import's outcome: what was made, who is signed in, what is left; a signed-out real org is signed in right here. */
function Imported({
  imported,
  exportedWith,
  onDone,
}: {
  imported: ImportedClient;
  exportedWith: string | undefined;
  onDone: () => void;
}) {
  const selectClient = useUi((s) => s.selectClient);
  const { client } = imported;
  return (
    <div className="form">
      <div role="status" aria-label="Client imported">
        <p>
          Created <strong>{client.name}</strong> with {imported.integrations.length} integration
          {imported.integrations.length === 1 ? '' : 's'} (
          {imported.integrations.map((i) => i.label).join(', ') || 'none'}
          ). Nothing was written to Okta; apply each integration's steps to set it up.
        </p>
        {imported.signedInAs ? (
          <p>
            Signed in to {client.orgUrl} as <strong>{imported.signedInAs}</strong> with an API token.
          </p>
        ) : null}
        {imported.toDo.length > 0 ? (
          <ul className="to-do">
            {imported.toDo.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        ) : null}
      </div>
      {!client.sandbox && !imported.signedInAs ? (
        <Connect client={client} initialMethod={exportedWith === 'oauth-pkce' ? 'oauth-pkce' : 'service-app'} />
      ) : null}
      <div className="actions">
        <button
          type="button"
          className="primary"
          onClick={() => {
            selectClient(client.id);
            onDone();
          }}
        >
          Open {client.name}
        </button>
      </div>
    </div>
  );
}

/** Import client: read and checked first (nothing is made), then created with the credentials and secrets entered again. */
export function ImportClient({ onDone }: { onDone: () => void }) {
  const [file, setFile] = useState<PickedFile | undefined>(undefined);
  const [summary, setSummary] = useState<ClientFileSummary | undefined>(undefined);
  const [name, setName] = useState('');
  const [orgUrl, setOrgUrl] = useState('');
  const [signIn, setSignIn] = useState<SignIn>('api-token');
  const [token, setToken] = useState('');
  const [secrets, setSecrets] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Errors>({});
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
    if (result.value.org.kind === 'okta') {
      setOrgUrl(result.value.org.url);
      setSignIn(['service-app', 'oauth-pkce'].includes(result.value.org.signIn) ? 'after' : 'api-token');
    }
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!file || !summary) return;
    const real = summary.org.kind === 'okta';
    if (real && signIn === 'api-token' && token.trim() === '')
      return setErrors({
        token: 'Paste an API token of this org, or choose "Service app or admin sign-in" to sign in after the import.',
      });
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
    const result = await change(
      api.plans.importClient({
        file,
        name,
        secrets: entered,
        ...(real ? { orgUrl } : {}),
        ...(real && signIn === 'api-token' ? { token } : {}),
      }),
      { fieldsInline: true },
    );
    setBusy(false);
    if (!result.ok) return setErrors(errorsOf(result.error));
    setToken('');
    setImported(result.value);
  }

  if (imported)
    return (
      <Imported
        imported={imported}
        exportedWith={summary?.org.kind === 'okta' ? summary.org.signIn : undefined}
        onDone={onDone}
      />
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
              : `A client for the Okta org ${summary.org.url}.`}{' '}
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
          {summary.org.kind === 'okta' ? (
            <OrgSignIn
              orgUrl={orgUrl}
              signIn={signIn}
              token={token}
              errors={errors}
              exportedWith={EXPORTED_WITH[summary.org.signIn] ?? summary.org.signIn}
              onOrgUrl={(value) => {
                setOrgUrl(value);
                setErrors({});
              }}
              onSignIn={setSignIn}
              onToken={(value) => {
                setToken(value);
                setErrors({});
              }}
            />
          ) : null}
          <SecretFields
            summary={summary}
            values={secrets}
            onChange={(key, value) => setSecrets((s) => ({ ...s, [key]: value }))}
          />
        </>
      ) : null}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy || !summary}>
          {busy
            ? summary?.org.kind === 'okta' && signIn === 'api-token'
              ? 'Checking with Okta…'
              : 'Importing…'
            : 'Import client'}
        </button>
      </div>
    </form>
  );
}
