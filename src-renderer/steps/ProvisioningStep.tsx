import { useEffect, useId, useState, type FormEvent } from 'react';
import type { Change } from '../../src-main/api';
import {
  PROOF_BLOCKED_FIELD,
  ProvisioningObservedSchema,
  TOKEN_FIELD,
  type ProvisioningObserved,
} from '../../src-main/api/step-provisioning';
import { api } from '../api/client';
import { change } from '../api/use-main';
import { Field, TextField } from '../components/Field';
import type { StepScreenProps } from './types';
import './provisioning.css';

function CopyButton({ value, label, disabled }: { value: string; label: string; disabled: boolean }) {
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      aria-label={`Copy ${label}`}
      disabled={disabled}
      onClick={() => void navigator.clipboard.writeText(value).then(() => setCopied(true))}
    >
      {copied ? 'Copied' : 'Copy'}
    </button>
  );
}

/** The token is copied by main; in browser mode there is no clipboard there, so the admin pastes the vendor's token. */
function TokenCopy({
  integrationId,
  tokenSource,
  clipboard,
  disabled,
}: {
  integrationId: string;
  tokenSource: string;
  clipboard: boolean | undefined;
  disabled: boolean;
}) {
  const [copied, setCopied] = useState(false);
  if (clipboard === false) {
    return (
      <span data-testid="token-paste-yourself">
        Paste {tokenSource} (the same one the SCIM step checked). This browser window never receives it.
      </span>
    );
  }
  return (
    <button
      type="button"
      aria-label="Copy the SCIM bearer token"
      disabled={disabled || clipboard === undefined}
      onClick={() => void change(api.provisioning.copyScimToken({ integrationId })).then((r) => setCopied(r.ok))}
    >
      {copied ? 'Token copied' : 'Copy token'}
    </button>
  );
}

function ConsoleValues({
  changes,
  integrationId,
  tokenSource,
  disabled,
}: {
  changes: Change[];
  integrationId: string;
  tokenSource: string;
  disabled: boolean;
}) {
  const [clipboard, setClipboard] = useState<boolean | undefined>(undefined);
  useEffect(() => {
    void api.provisioning.clipboard({}).then((r) => setClipboard(r.ok ? r.value.available : false));
  }, []);
  return (
    <>
      {changes.map((c) => (
        <table key={c.id} className="copy-table" data-console-change={c.id}>
          <caption>{c.summary}</caption>
          <thead>
            <tr>
              <th scope="col">Field in Okta</th>
              <th scope="col">Value</th>
              <th scope="col">Copy</th>
            </tr>
          </thead>
          <tbody>
            {c.details.map((d) => (
              <tr key={d.field}>
                <th scope="row">{d.field}</th>
                {d.field === TOKEN_FIELD ? (
                  <td colSpan={2}>
                    <TokenCopy
                      integrationId={integrationId}
                      tokenSource={tokenSource}
                      clipboard={clipboard}
                      disabled={disabled}
                    />
                  </td>
                ) : (
                  <>
                    <td>
                      <code>{d.to}</code>
                    </td>
                    <td>
                      <CopyButton value={d.to} label={d.field} disabled={disabled} />
                    </td>
                  </>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </>
  );
}

function ApiReadBack({ observed }: { observed: ProvisioningObserved }) {
  const c = observed.connection;
  const f = observed.userProvisioning;
  return (
    <table className="copy-table" aria-label="What Okta has now">
      <tbody>
        <tr>
          <th scope="row">Connection</th>
          <td>{c ? `${c.status}, ${c.authScheme}${c.baseUrl ? `, ${c.baseUrl}` : ''}` : 'not set'}</td>
        </tr>
        <tr>
          <th scope="row">Create Users</th>
          <td>{f?.create ?? 'not readable until the connection is enabled'}</td>
        </tr>
        <tr>
          <th scope="row">Update User Attributes</th>
          <td>{f?.updateProfile ?? '—'}</td>
        </tr>
        <tr>
          <th scope="row">Deactivate Users</th>
          <td>{f?.deactivate ?? '—'}</td>
        </tr>
      </tbody>
    </table>
  );
}

/**
 * Polls main for the running test's latest message (which names the wait's elapsed and remaining
 * seconds), and counts the seconds since the test started, so the admin sees it wait rather than hang.
 */
function useProgress(
  ref: { integrationId: string; stepId: 'provisioning' },
  running: boolean,
): { message: string | undefined; seconds: number } {
  const [message, setMessage] = useState<string | undefined>(undefined);
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    if (!running) return;
    const started = Date.now();
    const timer = setInterval(() => {
      setSeconds(Math.floor((Date.now() - started) / 1000));
      void api.directory.progress(ref).then((r) => {
        if (r.ok && r.value.message) setMessage(r.value.message);
      });
    }, 1000);
    return () => {
      clearInterval(timer);
      // The next run starts from nothing, not from this run's last message.
      setMessage(undefined);
      setSeconds(0);
    };
  }, [running, ref]);
  return { message: running ? message : undefined, seconds };
}

/** Provisioning: through Okta's API where it allows it, else a guided console step; then proven end to end. */
export default function ProvisioningStep({
  view,
  vendor,
  integration,
  save,
  fieldError,
  busy,
  apply,
  applying,
}: StepScreenProps) {
  const [testUser, setTestUser] = useState(typeof view.input.testUser === 'string' ? view.input.testUser : '');
  const [testRole, setTestRole] = useState(typeof view.input.testRole === 'string' ? view.input.testRole : '');
  const [waitSeconds, setWaitSeconds] = useState(
    String(typeof view.input.waitSeconds === 'number' ? view.input.waitSeconds : 120),
  );
  const [suggestions, setSuggestions] = useState<{ login: string; name: string }[]>([]);
  const running = applying;
  const [ref] = useState({ integrationId: view.integrationId, stepId: 'provisioning' as const });
  const progress = useProgress(ref, running);
  const listId = useId();
  const parsed = ProvisioningObservedSchema.safeParse(view.observed);
  const observed = parsed.success ? parsed.data : undefined;
  const errorFor = (field: string) => (fieldError?.field === field ? fieldError.message : undefined);
  const manual = view.changes.filter((c) => c.kind === 'manual');

  useEffect(() => {
    void api.directory.load({ clientId: integration.clientId });
  }, [integration.clientId]);

  async function search(query: string) {
    setTestUser(query);
    if (query.trim().length < 2) return;
    const found = await api.directory.searchUsers({ clientId: integration.clientId, query, limit: 8 });
    if (found.ok) setSuggestions(found.value.items.map((u) => ({ login: u.login, name: u.name })));
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    await save({ testUser, ...(testRole ? { testRole } : {}), waitSeconds: Number(waitSeconds) });
  }

  const run = observed?.endToEndCurrent ? observed.endToEnd : undefined;
  const testChange = view.changes.find((c) => c.id === 'provisioning-end-to-end');
  const testPlanned = testChange !== undefined;
  const blockedBy = testChange?.details.find((d) => d.field === PROOF_BLOCKED_FIELD)?.to;
  return (
    <div className="provisioning-step">
      <details>
        <summary>What Okta&apos;s API can switch on, and why there is a console step</summary>
        <p>
          Okta&apos;s API creates SAML apps, app profile attributes, users and assignments, but it cannot switch SCIM
          provisioning on for a custom SAML app: the <code>features</code> of such an app are read-only and only show
          what the Admin Console&apos;s Provisioning tab has set. Only a few catalog apps (Mixpanel&apos;s among them)
          take a provisioning connection and features through the API. So for a custom app ({vendor.name}) you enter the
          values below in the console; the wizard then proves the result end to end: it assigns a test user, waits for
          it at the vendor&apos;s SCIM endpoint with the right attributes, unassigns it and sees it deactivated.
        </p>
      </details>

      <form className="form" onSubmit={(e) => void submit(e)} aria-label="End-to-end test">
        <TextField
          label="Test user (Okta login)"
          name="testUser"
          value={testUser}
          list={listId}
          onChange={(e) => void search(e.target.value)}
          placeholder="ann.lee@acme.example"
          hint="Someone not assigned to the app yet: the test assigns them, then unassigns them again."
          error={errorFor('testUser')}
          autoComplete="off"
        />
        <datalist id={listId}>
          {suggestions.map((s) => (
            <option key={s.login} value={s.login}>
              {s.name}
            </option>
          ))}
        </datalist>
        {observed?.roleAttribute ? (
          <Field label="Role for the test user" error={errorFor('testRole')}>
            {(aria) => (
              <select {...aria} name="testRole" value={testRole} onChange={(e) => setTestRole(e.target.value)}>
                <option value="">{observed.roleAttribute?.values[0] ?? ''} (first role)</option>
                {observed.roleAttribute?.values.map((v) => (
                  <option key={v} value={v}>
                    {v}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : null}
        <TextField
          label="Wait for Okta (seconds)"
          name="waitSeconds"
          type="number"
          min={5}
          max={600}
          value={waitSeconds}
          onChange={(e) => setWaitSeconds(e.target.value)}
          error={errorFor('waitSeconds')}
        />
        <div className="actions">
          <button type="submit" disabled={busy || running}>
            Save
          </button>
        </div>
      </form>

      {observed?.path === 'api' ? (
        <section aria-labelledby="prov-api-title">
          <h2 id="prov-api-title">Through Okta&apos;s API</h2>
          <p>
            {observed.app.label} is a catalog app whose provisioning connection Okta&apos;s API can set: Apply sets the
            token, base URL and features and reads them back.
          </p>
          <ApiReadBack observed={observed} />
        </section>
      ) : null}

      {observed?.path === 'console' ? (
        <section aria-labelledby="prov-console-title">
          <h2 id="prov-console-title">In the Okta Admin Console</h2>
          <p>
            <a
              className="button-link"
              href={observed.consoleUrl}
              target="_blank"
              rel="noreferrer"
              data-testid="console-link"
            >
              Open {observed.app.label}&apos;s Provisioning tab
            </a>
          </p>
          {manual.length > 0 ? (
            <ConsoleValues
              changes={manual}
              integrationId={view.integrationId}
              tokenSource={vendor.scimTokenSource ?? `the SCIM bearer token ${vendor.name} issued`}
              disabled={running}
            />
          ) : (
            <p>Okta shows provisioning switched on, and the end-to-end test passed with these settings.</p>
          )}
        </section>
      ) : null}

      <section aria-labelledby="prov-e2e-title">
        <h2 id="prov-e2e-title">End-to-end test</h2>
        <button
          type="button"
          className="primary"
          disabled={busy || running || !view.inspectedAt || !testPlanned || blockedBy !== undefined}
          onClick={() => void apply()}
        >
          {running
            ? 'Testing…'
            : !testPlanned && run?.passed
              ? 'Tested end to end'
              : observed?.path === 'console'
                ? "I've saved it — test end to end"
                : 'Apply and test end to end'}
        </button>
        {blockedBy !== undefined && !running ? (
          <p className="inline-error" data-testid="e2e-blocked">
            The end-to-end test cannot pass until {blockedBy}, so it does not start: Okta would not push or deactivate
            the test user, and the test could only wait out its time. Enable it there, save, then press Check Okta.
          </p>
        ) : null}
        {running ? (
          <p role="status" aria-live="polite" data-testid="e2e-progress">
            Running for {progress.seconds} s. {progress.message ?? 'Starting…'}
          </p>
        ) : null}
        {run && !running ? (
          <div role="status" data-testid="e2e-result">
            <p>
              <strong>{run.passed ? 'Passed' : 'Failed'}</strong>: {run.user.login}
              {run.role ? ` (role ${run.role})` : ''} against <code>{run.scimBaseUrl}</code>.
            </p>
            <ol className="provisioning-log">
              {run.log.map((l) => (
                <li key={l.at + l.message}>{l.message}</li>
              ))}
            </ol>
          </div>
        ) : null}
      </section>
    </div>
  );
}
