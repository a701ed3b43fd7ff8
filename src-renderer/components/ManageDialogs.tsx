import { useState, type FormEvent, type ReactNode } from 'react';
import type { ApiResult, Client, Integration } from '../../src-main/api';
import { api } from '../api/client';
import { change } from '../api/use-main';
import { useUi } from '../state/ui';
import { TextField } from './Field';

/** A one-field rename form; main's refusal (a name already taken) shows under the field. */
function RenameForm({
  label,
  field,
  initial,
  hint,
  submit,
  onDone,
}: {
  label: string;
  field: 'name' | 'label';
  initial: string;
  hint: string;
  submit: (value: string) => Promise<ApiResult<unknown>>;
  onDone: () => void;
}) {
  const [value, setValue] = useState(initial);
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const result = await change(submit(value), { fieldsInline: true });
    setBusy(false);
    if (result.ok) onDone();
    else setError(result.error.field === field ? result.error.message : undefined);
  }
  return (
    <form className="form" onSubmit={onSubmit}>
      <TextField
        label={label}
        name={field}
        value={value}
        onChange={(e) => setValue(e.target.value)}
        autoFocus
        required
        error={error}
        hint={hint}
      />
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Saving…' : 'Rename'}
        </button>
      </div>
    </form>
  );
}

/** A confirmation that says exactly what goes and what stays, with the destructive button last. */
function Confirm({
  children,
  action,
  busyLabel,
  run,
  onDone,
}: {
  children: ReactNode;
  action: string;
  busyLabel: string;
  run: () => Promise<ApiResult<unknown>>;
  onDone: () => void;
}) {
  const [busy, setBusy] = useState(false);
  const close = useUi((s) => s.closeDialog);
  return (
    <div className="form confirm">
      {children}
      <div className="actions">
        <button type="button" onClick={close} disabled={busy}>
          Cancel
        </button>
        <button
          type="button"
          className="danger"
          disabled={busy}
          onClick={() => {
            setBusy(true);
            void change(run()).then((result) => {
              setBusy(false);
              if (result.ok) onDone();
            });
          }}
        >
          {busy ? busyLabel : action}
        </button>
      </div>
    </div>
  );
}

export function RenameClient({ client, onDone }: { client: Client; onDone: () => void }) {
  return (
    <RenameForm
      label="Client name"
      field="name"
      initial={client.name}
      hint="Only the name in this app changes; nothing in Okta."
      submit={(name) => api.clients.rename({ clientId: client.id, name })}
      onDone={onDone}
    />
  );
}

export function DeleteClient({
  client,
  integrations,
  onDone,
}: {
  client: Client;
  integrations: Integration[];
  onDone: () => void;
}) {
  const selectClient = useUi((s) => s.selectClient);
  return (
    <Confirm
      action={`Delete ${client.name}`}
      busyLabel="Deleting…"
      run={() => api.clients.remove({ clientId: client.id })}
      onDone={() => {
        selectClient(undefined);
        onDone();
      }}
    >
      <p>
        This removes <strong>{client.name}</strong> from this app: its {integrations.length} integration
        {integrations.length === 1 ? '' : 's'}
        {integrations.length ? ` (${integrations.map((i) => i.label).join(', ')})` : ''}, their inputs and results, and
        the credentials saved for its org.
      </p>
      {client.sandbox ? (
        <p>Its practice org on this computer is deleted too, with everything in it.</p>
      ) : (
        <p>
          <strong>Nothing in the Okta org {client.orgUrl} is changed or deleted.</strong> The apps, assignments and
          settings the wizard made there stay; remove them in the Admin Console if they are no longer needed.
        </p>
      )}
      <p>The audit log of what was written to Okta is kept in the data folder.</p>
    </Confirm>
  );
}

export function ResetPracticeOrg({ client, onDone }: { client: Client; onDone: () => void }) {
  return (
    <Confirm
      action="Reset practice org"
      busyLabel="Resetting…"
      run={() => api.clients.resetPracticeOrg({ clientId: client.id })}
      onDone={() => {
        useUi.getState().showSuccess(`The practice org of ${client.name} was reset to its sample users and groups.`);
        onDone();
      }}
    >
      <p>
        This deletes everything in the practice org of <strong>{client.name}</strong>: every app, assignment, app
        attribute and provisioning setting in it, and any user or group added to it. It starts again with only the
        sample users and groups.
      </p>
      <p>
        The integrations stay in this app with their inputs; their steps will show as not verified until you apply them
        again. No real Okta org is touched.
      </p>
    </Confirm>
  );
}

export function RenameIntegration({ integration, onDone }: { integration: Integration; onDone: () => void }) {
  return (
    <RenameForm
      label="Integration name"
      field="label"
      initial={integration.label}
      hint="Only the name in this app changes; the Okta app keeps its label."
      submit={(label) => api.integrations.rename({ integrationId: integration.id, label })}
      onDone={onDone}
    />
  );
}

export function DeleteIntegration({ integration, onDone }: { integration: Integration; onDone: () => void }) {
  const selectIntegration = useUi((s) => s.selectIntegration);
  const { appId, appLabel, bookmarkAppId } = integration.facts;
  return (
    <Confirm
      action={`Delete ${integration.label}`}
      busyLabel="Deleting…"
      run={() => api.integrations.remove({ integrationId: integration.id })}
      onDone={() => {
        selectIntegration(undefined);
        onDone();
      }}
    >
      <p>
        This removes the integration <strong>{integration.label}</strong> from this app: its inputs, results, checks and
        saved secrets.
      </p>
      <p>
        <strong>Nothing in Okta is changed or deleted.</strong>{' '}
        {appId
          ? `The Okta app${appLabel ? ` "${appLabel}"` : ''} (${appId})${bookmarkAppId ? `, the bookmark app (${bookmarkAppId})` : ''}, its assignments and settings stay; remove them in the Admin Console if they are no longer needed.`
          : 'This integration has not created anything in Okta.'}
      </p>
    </Confirm>
  );
}
