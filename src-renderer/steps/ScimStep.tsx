import { useState, type FormEvent } from 'react';
import { ScimObservedSchema, type ScimExchangeView } from '../../src-main/api/step-scim';
import { TextField } from '../components/Field';
import type { StepScreenProps } from './types';
import './scim.css';
import { SecretStorageNote } from '../components/SecretStorageNote';

const statusText = { pass: 'Passed', warning: 'Warning', fail: 'Failed', skipped: 'Skipped' } as const;

function body(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value, null, 2);
}

function Exchange({ exchange }: { exchange: ScimExchangeView }) {
  return (
    <li className="scim-exchange">
      <p>
        <code>
          {exchange.method} {exchange.url}
        </code>{' '}
        → {exchange.status === 0 ? `no answer (${exchange.error ?? 'network failure'})` : `HTTP ${exchange.status}`}{' '}
        <span className="muted">{exchange.durationMs} ms</span>
      </p>
      {exchange.requestBody !== undefined ? (
        <>
          <p className="muted">Sent</p>
          <pre>{body(exchange.requestBody)}</pre>
        </>
      ) : null}
      {exchange.responseBody !== undefined ? (
        <>
          <p className="muted">Answer</p>
          <pre>{body(exchange.responseBody)}</pre>
        </>
      ) : null}
    </li>
  );
}

/** The vendor's SCIM endpoint and token, and the preflight that calls it the way Okta will. */
export default function ScimStep({ view, vendor, save, fieldError, busy }: StepScreenProps) {
  const [baseUrl, setBaseUrl] = useState(typeof view.input.baseUrl === 'string' ? view.input.baseUrl : '');
  const [testUserName, setTestUserName] = useState(
    typeof view.input.testUserName === 'string' ? view.input.testUserName : '',
  );
  const [token, setToken] = useState('');
  const tokenStored = view.secretsSet.includes('token');
  const parsed = ScimObservedSchema.safeParse(view.observed);
  const observed = parsed.success ? parsed.data : undefined;
  const errorFor = (field: string) => (fieldError?.field === field ? fieldError.message : undefined);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const saved = await save({ baseUrl, testUserName, ...(token.trim() ? { token } : {}) });
    if (saved) setToken('');
  }

  return (
    <div className="scim-step">
      <p>
        Before Okta is switched on, the wizard calls the vendor&apos;s SCIM endpoint exactly as Okta will — lookup,
        create, read, update, deactivate — on a clearly named test user, which it deactivates (and deletes where the
        vendor allows) afterwards.
      </p>
      <form className="form" onSubmit={(e) => void submit(e)} aria-label="SCIM endpoint">
        <TextField
          label="SCIM connector base URL"
          name="baseUrl"
          value={baseUrl}
          onChange={(e) => setBaseUrl(e.target.value)}
          placeholder="https://api.vendor.example/scim/v2"
          hint="The part before /Users, as the vendor gave it to you."
          error={errorFor('baseUrl')}
          autoComplete="off"
          spellCheck={false}
        />
        <TextField
          label="Bearer token"
          name="token"
          type="password"
          value={token}
          onChange={(e) => setToken(e.target.value)}
          placeholder={tokenStored ? 'Token stored — paste a new one to replace it' : 'Paste the token'}
          hint={
            tokenStored ? (
              <span data-testid="token-stored">
                ✓ Token stored in this computer&apos;s secret store. It is never shown again.
              </span>
            ) : (
              `${vendor.scimTokenSource ? `Paste ${vendor.scimTokenSource}. ` : ''}Kept in the secret store; Okta sends it as "Authorization: Bearer <token>".`
            )
          }
          error={errorFor('token')}
          autoComplete="off"
        />
        <SecretStorageNote />
        <TextField
          label="Test userName (optional)"
          name="testUserName"
          value={testUserName}
          onChange={(e) => setTestUserName(e.target.value)}
          placeholder="okta-onboard-preflight-…@example.com"
          hint="Set it when the vendor only accepts addresses in your own domains."
          error={errorFor('testUserName')}
          autoComplete="off"
        />
        <div className="actions">
          <button type="submit" disabled={busy}>
            Save
          </button>
        </div>
      </form>
      {observed?.report ? (
        <section className="scim-report" aria-labelledby="scim-report-title">
          <h2 id="scim-report-title">Preflight results</h2>
          <p className="muted">
            Ran {new Date(observed.report.startedAt).toLocaleString()} against <code>{observed.report.baseUrl}</code>{' '}
            with test user <code>{observed.report.testUser.userName}</code>.
            {observed.current ? null : <strong> It was for another URL or token: apply to run it again.</strong>}
          </p>
          <ol className="scim-checks">
            {observed.report.checks.map((check) => (
              <li
                key={check.name}
                className={`scim-check scim-check-${check.status}`}
                data-preflight-check={check.name}
              >
                <p>
                  <strong>{check.name}</strong> <span className="scim-check-status">{statusText[check.status]}</span>
                </p>
                <p>{check.detail}</p>
                {check.exchanges.length > 0 ? (
                  <details>
                    <summary>
                      {check.exchanges.length} HTTP exchange{check.exchanges.length === 1 ? '' : 's'} (token shown as
                      ••••)
                    </summary>
                    <ul className="scim-exchanges">
                      {check.exchanges.map((exchange, i) => (
                        <Exchange key={i} exchange={exchange} />
                      ))}
                    </ul>
                  </details>
                ) : null}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </div>
  );
}
