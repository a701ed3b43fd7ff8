import { useState, type FormEvent } from 'react';
import type { ApiResult, Client, ConnectionStatus } from '../../src-main/api';
import { api, runsInBrowser } from '../api/client';
import { useMain } from '../api/use-main';
import { useUi } from '../state/ui';
import { TextField } from './Field';
import { ServiceAppKey } from './ServiceAppKey';
import { SecretStorageNote } from './SecretStorageNote';

type Method = 'api-token' | 'oauth-pkce' | 'service-app';

function Verdicts({ status }: { status: Extract<ConnectionStatus, { state: 'signed-in' }> }) {
  const { caller } = status;
  return (
    <div className="connection-status">
      <p>
        Signed in as <strong>{caller.displayName}</strong>
        {caller.login ? ` (${caller.login})` : ''} with{' '}
        {caller.authMethod === 'api-token'
          ? 'an API token'
          : caller.authMethod === 'oauth-pkce'
            ? 'an admin sign-in'
            : 'a service app'}
        .
      </p>
      <p className="muted">
        Roles:{' '}
        {caller.roles.length > 0 ? caller.roles.map((r) => r.label).join(', ') : (caller.rolesUnreadable ?? 'none')}
        {caller.scopes ? ` · Scopes: ${caller.scopes.join(' ')}` : ''}
      </p>
      <table className="verdicts">
        <caption>What these credentials may do</caption>
        <thead>
          <tr>
            <th scope="col">Step</th>
            <th scope="col">Needs to</th>
            <th scope="col">Allowed</th>
          </tr>
        </thead>
        <tbody>
          {status.steps.map((v) => (
            <tr key={v.step} data-verdict={v.step}>
              <td>{v.step}</td>
              <td>{v.does}</td>
              <td>
                {v.allowed
                  ? '✓ yes'
                  : `✕ add ${[...v.missingScopes, ...(v.missingRole ? [v.missingRole] : [])].join(', ')}`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** How the wizard signs in to a client's Okta org: an API token, an admin sign-in, or a service app. */
export function Connect({ client, initialMethod = 'api-token' }: { client: Client; initialMethod?: Method }) {
  const status = useMain(
    () => api.okta.status({ clientId: client.id }),
    `okta-status:${client.id}:${client.auth.method}`,
  );
  const [method, setMethod] = useState<Method>(initialMethod);
  const [token, setToken] = useState('');
  const [oauthClientId, setOauthClientId] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ field?: string; message: string; hint: string } | undefined>(undefined);
  const [waitingFor, setWaitingFor] = useState<string | undefined>(undefined);

  if (client.sandbox) {
    return <p>The practice org signs in by itself with a built-in API token; nothing to set up.</p>;
  }

  async function run<T>(call: Promise<ApiResult<T>>): Promise<T | undefined> {
    setBusy(true);
    setError(undefined);
    // Every failure shows inside the dialog, with its hint, so no toast repeats it.
    const result = await call;
    if (result.ok) useUi.getState().dataChanged();
    setBusy(false);
    if (!result.ok) {
      setError({
        message: result.error.message,
        hint: result.error.hint,
        ...(result.error.field ? { field: result.error.field } : {}),
      });
      return undefined;
    }
    return result.value;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (method === 'api-token') {
      if (await run(api.okta.useApiToken({ clientId: client.id, token }))) setToken('');
    } else if (method === 'oauth-pkce') {
      const started = await run(api.okta.startAdminSignIn({ clientId: client.id, oauthClientId }));
      if (!started) return;
      if (!started.openedByApp) window.open(started.authorizeUrl, '_blank', 'noopener');
      setWaitingFor(started.authorizeUrl);
      await run(api.okta.finishAdminSignIn({ signInId: started.signInId }));
      setWaitingFor(undefined);
    } else {
      await run(api.okta.useServiceApp({ clientId: client.id, oauthClientId }));
    }
  }

  return (
    <section className="connect" aria-labelledby="connect-title">
      <h2 id="connect-title">Okta connection for {client.orgUrl}</h2>
      {status.state === 'ready' && status.value.state === 'signed-in' ? <Verdicts status={status.value} /> : null}
      {status.state === 'ready' && status.value.state === 'failed' ? (
        <div className="inline-error" role="alert">
          <strong>{status.value.message}</strong> <span>{status.value.hint}</span>
        </div>
      ) : null}
      {status.state === 'ready' && status.value.state !== 'not-signed-in' ? (
        <div className="actions">
          <button type="button" disabled={busy} onClick={() => void run(api.okta.signOut({ clientId: client.id }))}>
            Sign out
          </button>
        </div>
      ) : null}
      <form className="form" onSubmit={submit} aria-label="Sign in to Okta">
        <fieldset className="choice-group">
          <legend>Sign in with</legend>
          <label className="choice">
            <input
              type="radio"
              name="method"
              checked={method === 'api-token'}
              onChange={() => setMethod('api-token')}
            />
            <span>
              <strong>API token</strong>
              <small>
                Security &gt; API &gt; Tokens &gt; Create token. The token acts with its creator's admin role.
              </small>
            </span>
          </label>
          <label className="choice">
            <input
              type="radio"
              name="method"
              checked={method === 'oauth-pkce'}
              onChange={() => setMethod('oauth-pkce')}
            />
            <span>
              <strong>Admin sign-in (OAuth with PKCE)</strong>
              <small>
                An OIDC Native app with the loopback redirect http://127.0.0.1/callback and the Okta API scopes below
                granted.
              </small>
            </span>
          </label>
          <label className="choice">
            <input
              type="radio"
              name="method"
              checked={method === 'service-app'}
              onChange={() => setMethod('service-app')}
            />
            <span>
              <strong>Service app (private key JWT)</strong>
              <small>An API Services app with public key client authentication, for consultants and the CLI.</small>
            </span>
          </label>
        </fieldset>
        {method === 'api-token' ? (
          <TextField
            label="API token"
            name="token"
            type="password"
            autoComplete="off"
            value={token}
            onChange={(e) => setToken(e.target.value)}
            error={error?.field === 'token' ? error.message : undefined}
            hint="Checked at once against the org; stored in the OS keychain (in browser mode, a file only you can read)."
          />
        ) : (
          <TextField
            label="Client ID"
            name="oauthClientId"
            value={oauthClientId}
            onChange={(e) => setOauthClientId(e.target.value)}
            error={error?.field === 'oauthClientId' ? error.message : undefined}
            hint="Applications > your app > General > Client Credentials."
          />
        )}
        {method === 'service-app' ? <ServiceAppKey clientId={client.id} /> : null}
        <SecretStorageNote />
        {status.state === 'ready' ? (
          <p className="muted">
            Scopes to grant (Okta API Scopes tab): <code>{status.value.scopesNeeded.join(' ')}</code>
          </p>
        ) : null}
        {error && !error.field ? (
          <p className="field-error" role="alert">
            {error.message} {error.hint}
          </p>
        ) : null}
        {waitingFor ? (
          <p className="muted" role="status">
            Finish signing in in your browser{runsInBrowser ? ' (a new tab opened)' : ''}. Waiting…
          </p>
        ) : null}
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Checking…' : method === 'oauth-pkce' ? 'Sign in' : 'Check and save'}
          </button>
        </div>
      </form>
    </section>
  );
}
