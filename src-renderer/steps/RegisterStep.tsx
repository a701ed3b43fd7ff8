import { useState, type FormEvent } from 'react';
import type { ApiResult } from '../../src-main/api';
import {
  RegisterObservedSchema,
  type RegistrationChannel,
  type RegistrationEmail,
} from '../../src-main/api/step-register';
import { api } from '../api/client';
import { bytesOfBase64, download } from '../download';
import { change } from '../api/use-main';
import { TextField } from '../components/Field';
import { CopyButton } from './copy-value';
import { fieldMessage } from './field-message';
import type { StepScreenProps } from './types';
import './saml-app.css';
import './register.css';

const CHANNEL_LABEL: Record<RegistrationChannel, string> = {
  email: 'Email to support',
  paste: 'Paste into the vendor',
  api: 'Registration API',
};
const VIA_LABEL = {
  email: 'email (mail app)',
  eml: '.eml file',
  copied: 'copied into the vendor',
  api: 'registration API',
} as const;

function text(input: Record<string, unknown>, key: string): string {
  const value = input[key];
  return typeof value === 'string' ? value : '';
}

/** Registering the IdP with the vendor: exactly its values, its channel, and when it was sent and confirmed. */
export default function RegisterStep({ view, vendor, save, fieldError, busy }: StepScreenProps) {
  const [channel, setChannel] = useState<RegistrationChannel>(
    (text(view.input, 'channel') || 'email') as RegistrationChannel,
  );
  const [companyName, setCompanyName] = useState(text(view.input, 'companyName'));
  const [supportEmail, setSupportEmail] = useState(text(view.input, 'supportEmail'));
  const [apiEndpoint, setApiEndpoint] = useState(text(view.input, 'apiEndpoint'));
  const [email, setEmail] = useState<RegistrationEmail | undefined>(undefined);
  const [working, setWorking] = useState(false);
  const parsed = RegisterObservedSchema.safeParse(view.observed);
  const observed = parsed.success ? parsed.data : undefined;
  const channels = observed?.channels ?? [channel];
  const [via, setVia] = useState<'email' | 'eml' | 'copied'>(channel === 'paste' ? 'copied' : 'eml');
  const integrationId = view.integrationId;
  const errorFor = (field: string) => fieldMessage(fieldError, (f) => f === field);

  async function run<T>(call: Promise<ApiResult<T>>): Promise<T | undefined> {
    setWorking(true);
    const result = await change(call);
    setWorking(false);
    return result.ok ? result.value : undefined;
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    void save({ channel, companyName, supportEmail, apiEndpoint });
  }

  const disabled = busy || working;
  return (
    <div className="register-step">
      <form className="form" onSubmit={submit} aria-label={`Register with ${vendor.name}`} noValidate>
        {channels.length > 1 ? (
          <fieldset className="register-channel">
            <legend>How {vendor.name} takes the values</legend>
            {channels.map((c) => (
              <label key={c}>
                <input type="radio" name="channel" value={c} checked={channel === c} onChange={() => setChannel(c)} />{' '}
                {CHANNEL_LABEL[c]}
              </label>
            ))}
          </fieldset>
        ) : null}
        {channel !== 'paste' ? (
          <TextField
            label="Company name"
            name="companyName"
            value={companyName}
            onChange={(e) => setCompanyName(e.target.value)}
            placeholder="Acme Corp"
            error={errorFor('companyName')}
          />
        ) : null}
        {channel === 'email' ? (
          <TextField
            label="Support address"
            name="supportEmail"
            type="email"
            value={supportEmail}
            onChange={(e) => setSupportEmail(e.target.value)}
            placeholder={`support@${vendor.id}.com`}
            hint={`Where ${vendor.name} support takes SSO requests (the guide does not print it).`}
            error={errorFor('supportEmail')}
          />
        ) : null}
        {channel === 'api' ? (
          <TextField
            label="Registration API URL"
            name="apiEndpoint"
            type="url"
            value={apiEndpoint}
            onChange={(e) => setApiEndpoint(e.target.value)}
            placeholder="https://api.vendor.com/sso/register"
            hint="An https URL; the values are POSTed to it as JSON."
            error={errorFor('apiEndpoint')}
          />
        ) : null}
        <div className="actions">
          <button type="submit" disabled={disabled}>
            Save
          </button>
        </div>
      </form>

      {observed ? (
        <>
          <section className="saml-panel" aria-labelledby="register-values-title">
            <h2 id="register-values-title">What {vendor.name} asks for</h2>
            {observed.where ? (
              <p>
                Paste these into <strong>{observed.where}</strong>.
              </p>
            ) : null}
            <dl>
              {observed.values.map((v) => (
                <div className="copy-row" key={v.key} data-value={v.key}>
                  <dt>{v.label}</dt>
                  <dd>
                    <code className={v.key === 'certificatePem' ? 'register-value-pem' : undefined}>{v.value}</code>{' '}
                    <CopyButton value={v.value} label={v.label} />
                    {v.key === 'certificatePem' ? (
                      <button
                        type="button"
                        className="copy-button"
                        onClick={() => download('okta-signing-certificate.pem', v.value, 'application/x-pem-file')}
                      >
                        Download .pem
                      </button>
                    ) : null}
                  </dd>
                </div>
              ))}
            </dl>
          </section>

          {observed.channel === 'email' ? (
            <section className="saml-panel" aria-labelledby="register-email-title">
              <h2 id="register-email-title">Email to {observed.to}</h2>
              <button
                type="button"
                disabled={disabled}
                onClick={() => void run(api.register.prepareEmail({ integrationId })).then(setEmail)}
              >
                Prepare email
              </button>
              {email ? (
                <div data-email-preview>
                  <p>
                    <strong>To:</strong> {email.to}
                    <br />
                    <strong>Subject:</strong> <span data-email-subject>{email.subject}</span>
                  </p>
                  <pre className="register-email-body" data-email-body>
                    {email.body}
                  </pre>
                  <p>
                    <a className="saml-link-button" href={email.mailto}>
                      Open in mail app
                    </a>{' '}
                    <button
                      type="button"
                      onClick={() => download(email.eml.fileName, bytesOfBase64(email.eml.base64), 'message/rfc822')}
                    >
                      Download .eml (metadata attached)
                    </button>
                  </p>
                  <p className="muted">
                    Saved as <code>{email.eml.path}</code>. A mail link cannot carry the attachment; the .eml file does.
                  </p>
                </div>
              ) : null}
            </section>
          ) : null}

          {observed.channel === 'api' ? (
            <section className="saml-panel" aria-labelledby="register-api-title">
              <h2 id="register-api-title">Registration API</h2>
              <button
                type="button"
                className="primary"
                disabled={disabled}
                onClick={() => void run(api.register.postToApi({ integrationId }))}
              >
                Send to API
              </button>
            </section>
          ) : null}

          <section className="saml-panel" aria-labelledby="register-record-title">
            <h2 id="register-record-title">Sent and confirmed</h2>
            <p data-sent>
              {observed.sent
                ? observed.sent.via === 'api'
                  ? `Posted by the app ${new Date(observed.sent.at).toLocaleString()}.`
                  : `Reported by you: sent ${new Date(observed.sent.at).toLocaleString()} via ${VIA_LABEL[observed.sent.via]}.`
                : 'Not sent yet.'}
              {observed.changedSinceSent.length > 0
                ? ` Changed since: ${observed.changedSinceSent.join(', ')} — send again.`
                : ''}
            </p>
            {observed.channel !== 'api' ? (
              <div className="register-record">
                <label>
                  How{' '}
                  <select
                    aria-label="How it was sent"
                    value={via}
                    onChange={(e) => setVia(e.target.value as typeof via)}
                  >
                    <option value="email">Email from my mail app</option>
                    <option value="eml">The .eml file</option>
                    <option value="copied">Copied into the vendor</option>
                  </select>
                </label>
                <button
                  type="button"
                  disabled={disabled}
                  onClick={() => void run(api.register.markSent({ integrationId, via }))}
                >
                  {via === 'copied' ? 'Mark as copied' : 'Mark as sent'}
                </button>
              </div>
            ) : null}
            <p data-confirmed>
              {observed.confirmedAt
                ? `Reported by you: ${vendor.name} confirmed ${new Date(observed.confirmedAt).toLocaleString()}.`
                : observed.afterwards}
            </p>
            <p data-vendor-side>
              {observed.vendorSide.provenAt
                ? `Checked: an SP-initiated test login through ${vendor.name} passed ${new Date(observed.vendorSide.provenAt).toLocaleString()}.`
                : observed.vendorSide.checkable
                  ? `Not checked yet: an SP-initiated sign-in through ${vendor.name}'s login page (step "Test login", sign-in window) proves ${vendor.name} has these values.`
                  : `The app cannot check ${vendor.name}'s side (no SP-initiated login it can start): it stays reported by you.`}
            </p>
            <button
              type="button"
              disabled={disabled || !observed.sent || observed.changedSinceSent.length > 0}
              onClick={() => void run(api.register.markConfirmed({ integrationId }))}
            >
              Mark confirmed
            </button>
          </section>
        </>
      ) : null}
    </div>
  );
}
