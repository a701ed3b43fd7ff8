import { useState, type FormEvent } from 'react';
import type { ApiResult, StepView } from '../../src-main/api';
import { TestLoginObservedSchema, type LoginMode, type LoginResult } from '../../src-main/api/step-test-login';
import { api } from '../api/client';
import { change, useMain } from '../api/use-main';
import { TextField } from '../components/Field';
import { DirectoryPicker } from './DirectoryPicker';
import { fieldMessage } from './field-message';
import type { StepScreenProps } from './types';
import './saml-app.css';
import './test-login.css';

const MODE_LABEL: Record<LoginMode, string> = { idp: 'IdP-initiated', sp: 'SP-initiated' };
const GLYPH = { pass: '✓', warn: '!', fail: '✕' } as const;
const VIA_LABEL = { password: 'password sign-in', window: 'sign-in window', paste: 'pasted' } as const;

function savedModes(input: Record<string, unknown>): LoginMode[] {
  return Array.isArray(input.modes)
    ? input.modes.filter((m): m is LoginMode => m === 'idp' || m === 'sp')
    : ['idp', 'sp'];
}

function Result({ result }: { result: LoginResult }) {
  return (
    <section className="login-result" data-login-result={result.mode} aria-labelledby={`login-result-${result.mode}`}>
      <h3 id={`login-result-${result.mode}`}>
        {MODE_LABEL[result.mode]}: <span data-verdict>{result.valid ? 'passed' : 'failed'}</span>{' '}
        <span className="muted">
          ({VIA_LABEL[result.via]}, {new Date(result.capturedAt).toLocaleString()})
        </span>
      </h3>
      <ul className="login-checks" aria-label={`${MODE_LABEL[result.mode]} checks`}>
        {result.checks.map((c) => (
          <li
            key={c.name}
            className={`login-check login-check-${c.status}`}
            data-login-check={c.name}
            data-status={c.status}
          >
            <span aria-label={c.status}>{GLYPH[c.status]}</span>
            <strong>{c.name}</strong>
            <span>{c.detail}</span>
          </li>
        ))}
      </ul>
      {result.assertionXml ? (
        <details className="login-assertion">
          <summary>Decoded assertion</summary>
          <pre>{result.assertionXml}</pre>
        </details>
      ) : null}
    </section>
  );
}

/** The picker hides nobody: picking only fills the username field, which stays editable. */
const noneChosen: ReadonlySet<string> = new Set();

/** Test login: who signs in, how the SAMLResponse is captured, and every check on it. */
export default function TestLoginStep({ view, vendor, save, fieldError, busy }: StepScreenProps) {
  const [userLogin, setUserLogin] = useState(typeof view.input.userLogin === 'string' ? view.input.userLogin : '');
  const [modes, setModes] = useState<LoginMode[]>(() => savedModes(view.input));
  const [forward, setForward] = useState(false);
  const [password, setPassword] = useState('');
  const [pasted, setPasted] = useState('');
  const [pasteMode, setPasteMode] = useState<LoginMode>('idp');
  const [requestId, setRequestId] = useState('');
  const [working, setWorking] = useState<string | undefined>(undefined);
  const [localError, setLocalError] = useState<{ field: string; message: string } | undefined>(undefined);
  const integrationId = view.integrationId;
  const ways = useMain(() => api.testLogin.ways({ integrationId }), integrationId);
  const parsed = TestLoginObservedSchema.safeParse(view.observed);
  const observed = parsed.success ? parsed.data : undefined;
  const shownError = localError ?? fieldError;
  const modesError = fieldMessage(shownError, (f) => f === 'modes' || f.startsWith('modes.'));
  const pasteError = fieldMessage(shownError, (f) => f === 'samlResponse');
  const disabled = busy || working !== undefined;

  async function run(label: string, call: () => Promise<ApiResult<StepView>>): Promise<boolean> {
    setWorking(label);
    const result = await change(call(), { fieldsInline: true });
    setWorking(undefined);
    setLocalError(
      !result.ok && result.error.field ? { field: result.error.field, message: result.error.message } : undefined,
    );
    return result.ok;
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    setLocalError(undefined);
    void save({ userLogin, modes });
  }

  const toggle = (mode: LoginMode) =>
    setModes(modes.includes(mode) ? modes.filter((m) => m !== mode) : [...modes, mode].sort());
  const available = ways.state === 'ready' ? ways.value : undefined;
  const testable = (['idp', 'sp'] as const).filter((m) => modes.includes(m));

  return (
    <div className="test-login-step">
      <form className="form" onSubmit={submit} aria-label="Who signs in">
        <TextField
          label="Test user"
          name="userLogin"
          value={userLogin}
          onChange={(e) => setUserLogin(e.target.value)}
          placeholder="alice@acme.com"
          hint={`The Okta username of a user assigned to ${vendor.name}.`}
          error={fieldMessage(shownError, (f) => f === 'userLogin')}
          autoComplete="off"
          spellCheck={false}
        />
        <DirectoryPicker
          kind="app-users"
          integrationId={integrationId}
          label={`Or pick someone assigned to ${vendor.name}`}
          chosen={noneChosen}
          onPick={(person) => {
            setUserLogin(person.detail);
            setLocalError(undefined);
          }}
        />
        <fieldset className="login-modes">
          <legend>Logins to test</legend>
          {(['idp', 'sp'] as const).map((m) => (
            <label key={m}>
              <input type="checkbox" checked={modes.includes(m)} onChange={() => toggle(m)} /> {MODE_LABEL[m]}
            </label>
          ))}
        </fieldset>
        {modesError ? (
          <p className="field-error" role="alert">
            {modesError}
          </p>
        ) : null}
        <div className="actions">
          <button type="submit" disabled={disabled}>
            Save
          </button>
        </div>
      </form>

      {observed ? (
        <section className="saml-panel" aria-labelledby="login-run-title">
          <h2 id="login-run-title">Sign in as {observed.user.login}</h2>
          {!observed.assigned ? (
            <p className="inline-error" role="alert" data-not-assigned>
              {observed.user.login} is not assigned to “{observed.app.label}”. Assign the user first (the Assign users
              step), then test.
            </p>
          ) : null}
          {observed.required.length < testable.length ? (
            <p className="muted">
              SP-initiated is optional here: the app does not know {vendor.name}&apos;s login page, so it cannot start
              one the vendor&apos;s way. Test it if you can; it is shown, not required.
            </p>
          ) : null}
          <form
            className="login-password"
            aria-label="Sign in with the test user's password"
            onSubmit={(e) => e.preventDefault()}
          >
            <TextField
              label="Test user's Okta password"
              name="password"
              type="password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              hint="The app signs in as the test user, as Okta's sign-in page does. Used for this test only, never saved. A practice org's sign-in page names its users' password."
              error={fieldMessage(shownError, (f) => f === 'password')}
              autoComplete="off"
            />
            <div className="login-ways">
              {testable.map((m) => (
                <button
                  key={m}
                  type="button"
                  className="primary"
                  disabled={disabled}
                  onClick={() =>
                    void run(`password-${m}`, () =>
                      api.testLogin.signInWithPassword({ integrationId, mode: m, password }),
                    )
                  }
                >
                  {working === `password-${m}` ? 'Signing in…' : `Run ${MODE_LABEL[m]} test`}
                </button>
              ))}
            </div>
          </form>
          {available?.window ? (
            <div className="login-ways" aria-label="Sign-in window">
              {testable.map((m) => (
                <button
                  key={m}
                  type="button"
                  disabled={disabled}
                  onClick={() =>
                    void run(`window-${m}`, () =>
                      api.testLogin.captureWithWindow({ integrationId, mode: m, forwardToVendor: forward }),
                    )
                  }
                >
                  {working === `window-${m}` ? 'Waiting for the sign-in…' : `Open sign-in window (${MODE_LABEL[m]})`}
                </button>
              ))}
              <label className="login-forward">
                <input type="checkbox" checked={forward} onChange={(e) => setForward(e.target.checked)} /> Let{' '}
                {vendor.name} receive the response too
              </label>
            </div>
          ) : null}
          <form
            className="login-paste"
            aria-label="Paste a SAMLResponse"
            onSubmit={(e) => {
              e.preventDefault();
              void run('paste', () =>
                api.testLogin.submitPasted({
                  integrationId,
                  mode: pasteMode,
                  samlResponse: pasted,
                  ...(requestId.trim() ? { requestId: requestId.trim() } : {}),
                }),
              ).then((ok) => ok && setPasted(''));
            }}
          >
            <label htmlFor="login-pasted">SAMLResponse from a SAML tracer (the value, or the whole form body)</label>
            <textarea id="login-pasted" value={pasted} onChange={(e) => setPasted(e.target.value)} spellCheck={false} />
            {pasteError ? (
              <p className="field-error" role="alert">
                {pasteError}
              </p>
            ) : null}
            <div className="login-ways">
              <label>
                Login{' '}
                <select
                  aria-label="Pasted login"
                  value={pasteMode}
                  onChange={(e) => setPasteMode(e.target.value as LoginMode)}
                >
                  <option value="idp">{MODE_LABEL.idp}</option>
                  <option value="sp">{MODE_LABEL.sp}</option>
                </select>
              </label>
              {pasteMode === 'sp' ? (
                <TextField
                  label="AuthnRequest ID (optional)"
                  name="requestId"
                  value={requestId}
                  onChange={(e) => setRequestId(e.target.value)}
                />
              ) : null}
              <button type="submit" disabled={disabled || pasted.trim() === ''}>
                Check pasted response
              </button>
            </div>
          </form>
          {(['idp', 'sp'] as const).map((m) => {
            const result = observed.results[m];
            return result ? <Result key={m} result={result} /> : null;
          })}
        </section>
      ) : null}
    </div>
  );
}
