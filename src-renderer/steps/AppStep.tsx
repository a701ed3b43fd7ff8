import { useState, type FormEvent } from 'react';
import {
  AppObservedSchema,
  AttributeStatementInputSchema,
  GroupStatementInputSchema,
  type GroupStatementInput,
  NameIdFormatSchema,
  type AppMode,
  type AppObserved,
} from '../../src-main/api/step-app';
import { TextField } from '../components/Field';
import { CopyButton, CopyRow } from './copy-value';
import { SamlAttributesEditor, type NameIdFormat, type StatementInput } from './SamlAttributesEditor';
import type { StepScreenProps } from './types';
import './saml-app.css';

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** What Okta has beside what the wizard plans, one SAML setting a row. */
function SettingsTable({ observed }: { observed: AppObserved }) {
  return (
    <table className="saml-settings" aria-label="SAML settings: planned and in Okta">
      <thead>
        <tr>
          <th scope="col">Setting</th>
          <th scope="col">Planned</th>
          <th scope="col">In Okta</th>
          <th scope="col">Same?</th>
        </tr>
      </thead>
      <tbody>
        {observed.settings.map((row) => (
          <tr key={row.key} data-setting={row.key} className={row.matches ? undefined : 'saml-differs'}>
            <th scope="row">{row.label}</th>
            <td>{row.planned}</td>
            <td>{row.actual ?? <span className="muted">{observed.app ? 'not set' : 'no app yet'}</span>}</td>
            <td className="saml-verdict">{row.matches ? '✓ same' : '✗ differs'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The catalog flow: what to do in the Admin Console, with the deep link and the slug to type. */
function CatalogGuide({ catalog }: { catalog: NonNullable<AppObserved['catalog']> }) {
  return (
    <section className="saml-panel" aria-labelledby="catalog-guide-title" data-catalog-guide>
      <h2 id="catalog-guide-title">Add {catalog.displayName} from the Okta catalog</h2>
      <ol>
        <li>Open the catalog page below and sign in to the Admin Console if asked.</li>
        <li>
          On <strong>Add {catalog.displayName}</strong>, keep the label
          {catalog.slugName ? (
            <>
              {' '}
              and type <code>{catalog.slugName}</code> into <strong>Slug Name</strong>{' '}
              <CopyButton value={catalog.slugName} label="the company slug" />
            </>
          ) : null}
          .
        </li>
        <li>
          Click <strong>Done</strong>, come back here and click <strong>Check Okta</strong>: the wizard finds the new
          app and finishes it.
        </li>
      </ol>
      <p>
        <a className="saml-link-button" href={catalog.addUrl} target="_blank" rel="noreferrer">
          Open the Okta catalog
        </a>{' '}
        <span className="muted">
          If that page does not open, use{' '}
          <a href={catalog.browseUrl} target="_blank" rel="noreferrer">
            Applications › Browse App Catalog
          </a>{' '}
          and search for {catalog.displayName}.
        </span>
      </p>
    </section>
  );
}

/** The vendor's SAML app: its planned settings beside Okta's, the catalog link or the vendor's URLs. */
export default function AppStep({ view, save, fieldError, busy }: StepScreenProps) {
  const parsed = AppObservedSchema.safeParse(view.observed);
  const observed = parsed.success ? parsed.data : undefined;
  const [label, setLabel] = useState(text(view.input.label));
  const [mode, setMode] = useState<AppMode>(view.input.mode === 'custom' ? 'custom' : 'catalog');
  const [ssoAcsUrl, setSsoAcsUrl] = useState(text(view.input.ssoAcsUrl));
  const [audience, setAudience] = useState(text(view.input.audience));
  const editable = Array.isArray(view.input.attributeStatements);
  const [nameIdFormat, setNameIdFormat] = useState<NameIdFormat>(
    NameIdFormatSchema.catch('emailAddress').parse(view.input.nameIdFormat),
  );
  const [statements, setStatements] = useState<StatementInput[]>(
    AttributeStatementInputSchema.array().catch([]).parse(view.input.attributeStatements),
  );
  const [groupStatements, setGroupStatements] = useState<GroupStatementInput[]>(
    GroupStatementInputSchema.array()
      .catch([])
      .parse(view.input.groupStatements ?? []),
  );
  const asksAcs = 'ssoAcsUrl' in view.input || observed?.vendorSupplied.includes('ssoAcsUrl') === true;
  const asksAudience = 'audience' in view.input || observed?.vendorSupplied.includes('audience') === true;
  const errorFor = (field: string) => (fieldError?.field === field ? fieldError.message : undefined);

  function submit(event: FormEvent) {
    event.preventDefault();
    void save({
      label,
      ...(observed?.modeChoice ? { mode } : {}),
      ...(asksAcs ? { ssoAcsUrl } : {}),
      ...(asksAudience ? { audience } : {}),
      ...(editable ? { nameIdFormat, attributeStatements: statements, groupStatements } : {}),
    });
  }

  return (
    <div className="app-step">
      <form className="form" onSubmit={submit} aria-label="App settings">
        {observed?.modeChoice ? (
          <fieldset className="choice-group">
            <legend>How to add the app</legend>
            <label className="choice">
              <input
                type="radio"
                name="mode"
                value="catalog"
                checked={mode === 'catalog'}
                onChange={() => setMode('catalog')}
              />
              <span>
                From the Okta catalog (OIN)
                <small>
                  Recommended by the vendor; required for SCIM provisioning. You add it in the Admin Console, the wizard
                  finishes it.
                </small>
              </span>
            </label>
            <label className="choice">
              <input
                type="radio"
                name="mode"
                value="custom"
                checked={mode === 'custom'}
                onChange={() => setMode('custom')}
              />
              <span>
                Custom SAML 2.0 app
                <small>The wizard creates it through the API with the vendor&apos;s fixed URLs and attribute.</small>
              </span>
            </label>
          </fieldset>
        ) : null}
        <TextField
          label="App label"
          name="label"
          value={label}
          onChange={(e) => setLabel(e.target.value)}
          hint="The name users see on their Okta dashboard."
          error={errorFor('label')}
          autoComplete="off"
        />
        {asksAcs ? (
          <TextField
            label="Single Sign-On URL"
            name="ssoAcsUrl"
            value={ssoAcsUrl}
            onChange={(e) => setSsoAcsUrl(e.target.value)}
            placeholder="https://sso.vendor.example.com/saml/acs"
            hint="From the vendor's support: an https URL. Okta posts the SAML response here; it is also the Recipient and Destination."
            error={errorFor('ssoAcsUrl')}
            autoComplete="off"
            spellCheck={false}
          />
        ) : null}
        {asksAudience ? (
          <TextField
            label="Audience URI (SP Entity ID)"
            name="audience"
            value={audience}
            onChange={(e) => setAudience(e.target.value)}
            placeholder="https://sso.vendor.example.com/saml or urn:vendor:sp"
            hint="From the vendor's support, exactly as given: an https URL or a URN (e.g. urn:amazon:webservices)."
            error={errorFor('audience')}
            autoComplete="off"
            spellCheck={false}
          />
        ) : null}
        {editable ? (
          <SamlAttributesEditor
            nameIdFormat={nameIdFormat}
            statements={statements}
            groupStatements={groupStatements}
            profileAttributes={observed?.profileAttributes}
            onNameIdFormat={setNameIdFormat}
            onStatements={setStatements}
            onGroupStatements={setGroupStatements}
            errorFor={errorFor}
          />
        ) : null}
        <div className="actions">
          <button type="submit" disabled={busy}>
            Save
          </button>
        </div>
      </form>
      {observed === undefined ? <p className="muted">Click Check Okta to see what Okta has.</p> : null}
      {observed?.catalog && !observed.app ? <CatalogGuide catalog={observed.catalog} /> : null}
      {observed?.app ? (
        <section className="saml-panel" aria-labelledby="okta-app-title" data-okta-app={observed.app.id}>
          <h2 id="okta-app-title">In Okta: “{observed.app.label}”</h2>
          <dl>
            <CopyRow id="app-id" label="App ID" value={observed.app.id} />
            <div className="copy-row">
              <dt>Status</dt>
              <dd data-app-status>{observed.app.status}</dd>
            </div>
            <div className="copy-row">
              <dt>Found</dt>
              <dd>{observed.app.foundBy === 'fact' ? 'by the id recorded when it was made' : 'by searching Okta'}</dd>
            </div>
            {observed.app.embedLink ? (
              <CopyRow id="embed-link" label="Embed link (IdP-initiated sign-in)" value={observed.app.embedLink} />
            ) : null}
          </dl>
          <p>
            <a href={observed.app.consoleUrl} target="_blank" rel="noreferrer">
              Open the app&apos;s Sign On tab in the Admin Console
            </a>
          </p>
          {observed.app.extraAttributes.length > 0 ? (
            <p className="muted">
              Also sends attributes the vendor did not ask for: {observed.app.extraAttributes.join(', ')}.
            </p>
          ) : null}
        </section>
      ) : null}
      {observed ? (
        <section className="saml-panel" aria-labelledby="saml-settings-title">
          <h2 id="saml-settings-title">
            {observed.mode === 'custom' ? 'SAML settings' : 'Settings the wizard finishes'}
          </h2>
          {observed.mode === 'catalog' ? (
            <p className="muted">
              The catalog app brings its own SAML settings (SSO URL, audience, attributes); the wizard sets the label
              {observed.catalog?.slugName ? ' and the Slug Name' : ''}.
            </p>
          ) : null}
          <SettingsTable observed={observed} />
        </section>
      ) : null}
    </div>
  );
}
